"""Units as printed, normalised so values compare."""

import pytest

from graph.units import normalise_unit, to_unit


@pytest.mark.parametrize("unit", ["ug/m3", "μg/m3", "μg/m³", "µg/m3", "微克/立方米"])
def test_pm_units_are_one_spelling(unit: str) -> None:
    assert normalise_unit(unit) == "μg/m3"


@pytest.mark.parametrize(
    ("value", "unit", "wanted", "expected"),
    [
        (1.65, "万吨", "吨", 16500.0),
        (0.1255, "万平方千米", "平方千米", 1255.0),
        (1201.8, "平方公里", "平方千米", 1201.8),
        (2.83, "亿立方米", "万立方米", 28300.0),
        (42.0, "ug/m3", "μg/m3", 42.0),
        (5.0, "%", "吨", None),
        (None, "吨", "吨", None),
        (33.0, None, "%", 33.0),
    ],
)
def test_to_unit(value, unit, wanted, expected) -> None:
    assert to_unit(value, unit, wanted) == expected
