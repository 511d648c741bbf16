"""Chinese and Arabic numerals as used in outline numbers and document periods."""

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral below 1000 (``十四`` → 14, ``二十三`` → 23), else ``None``."""
    total, current = 0, 0
    for char in numeral:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            return None
    value = total + current
    return value if numeral else None


def circled_to_int(char: str) -> int | None:
    """Value of a circled digit ``①``–``⑳``, else ``None``."""
    index = _CIRCLED.find(char)
    return index + 1 if index >= 0 else None


def five_year_plan_years(ordinal: int) -> tuple[int, int]:
    """First and last year of the ``ordinal``-th Five-Year Plan (14 → 2021, 2025).

    Plans from the third on run in steps of five from 1966 (the 2nd ended in 1962,
    followed by three years of adjustment).
    """
    if ordinal < 3:
        raise ValueError("only the third Five-Year Plan and later are regular")
    start = 1966 + 5 * (ordinal - 3)
    return start, start + 4


def int_to_chinese(value: int) -> str:
    """A number from 1 to 99 in Chinese numerals, as outline numbers print it (14 → ``十四``, 20 → ``二十``)."""
    if not 1 <= value <= 99:
        raise ValueError(f"{value} is outside 1-99")
    digits = "零一二三四五六七八九"
    tens, ones = divmod(value, 10)
    if not tens:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
