"""Units as printed, normalised so that values of the same indicator compare.

``ug/m3``, ``μg/m³`` and ``微克/立方米`` are one unit; ``万吨`` is 10 000 ``吨``.
"""

import unicodedata

_SPELLINGS = {
    "ug/m3": "μg/m3",
    "μg/m3": "μg/m3",
    "微克/立方米": "μg/m3",
    "平方公里": "平方千米",
    "km2": "平方千米",
}
_SCALE = {
    "万吨": ("吨", 10_000.0),
    "万平方千米": ("平方千米", 10_000.0),
    "亿立方米": ("万立方米", 10_000.0),
}


def normalise_unit(unit: str | None) -> str | None:
    """One spelling per unit: ``ug/m3`` / ``μg/m³`` → ``μg/m3``, ``平方公里`` → ``平方千米``."""
    if not unit:
        return None
    folded = unicodedata.normalize("NFKC", unit).replace(" ", "").replace("³", "3").replace("²", "2")
    return _SPELLINGS.get(folded.lower(), _SPELLINGS.get(folded, folded))


def to_unit(value: float | None, unit: str | None, wanted: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``wanted`` (1.65 万吨 → 16500 吨), or None if not convertible.

    A value with no unit printed beside it (the unit stood in the literal, as in
    ``33%``, or in a header) is taken to be in ``wanted`` already.
    """
    if value is None:
        return None
    if not unit:
        return value
    unit, wanted = normalise_unit(unit), normalise_unit(wanted)
    if unit == wanted or wanted is None:
        return value
    base, factor = _SCALE.get(unit or "", (unit, 1.0))
    if base == wanted:
        return round(value * factor, 6)
    wanted_base, wanted_factor = _SCALE.get(wanted, (wanted, 1.0))
    if base == wanted_base:
        return round(value * factor / wanted_factor, 6)
    return None
