"""Numbers, dates and phone numbers as a Vietnamese announcer reads them on air.

num2words 0.8 reads 96,2 as "… phẩy hai mươi" and 2024 as "hai nghìn lẻ hai mươi bốn"; the
station needs "chín mươi sáu phẩy hai" and "hai nghìn không trăm hai mươi tư", so the rules
are written out here and tested against DOMAIN.md's readings.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = ["", "nghìn", "triệu", "tỷ"]


def _tens_units(n: int) -> list[str]:
    """0 < n < 100."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 4:
        words.append("tư" if tens > 1 else "bốn")
    elif units == 5:
        words.append("lăm")
    else:
        words.append(DIGITS[units])
    return words


def _group(n: int, full: bool) -> list[str]:
    """0 <= n < 1000; `full`: a higher group precedes, so read the hundreds even when zero."""
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if rest:
        if rest < 10 and (hundreds or full):
            words.append("linh")
        words += _tens_units(rest)
    return words


def read_int(n: int) -> str:
    """1005 → 'một nghìn không trăm linh năm'; 2024 → 'hai nghìn không trăm hai mươi tư'."""
    if n < 0:
        return "âm " + read_int(-n)
    if n == 0:
        return "không"
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        higher = i < len(groups) - 1
        words += _group(g, full=higher)
        if i % 3 or i == 0:
            scale = SCALES[i % 4] if i < 4 else SCALES[(i - 1) % 3 + 1]
        else:
            scale = "tỷ"
        if scale:
            words.append(scale)
    return " ".join(words)


def read_decimal(x: Decimal | int | float | str) -> str:
    """96,2 → 'chín mươi sáu phẩy hai'; 0,5 → 'không phẩy năm'; 12,05 → 'mười hai phẩy không năm'."""
    text = format(Decimal(str(x)), "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "âm ", text[1:]
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    out = read_int(int(whole))
    if frac:
        if frac.startswith("0"):
            out += " phẩy " + " ".join(DIGITS[int(c)] for c in frac)
        else:
            out += " phẩy " + read_int(int(frac))
    return sign + out


def read_percent(x) -> str:
    return read_decimal(x) + " phần trăm"


# Months as an announcer names them: "tháng Tư", not "tháng bốn"; "tháng Mười Một".
MONTH_NAMES = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai"]


def read_day(day: int) -> str:
    """The day of the month as said on air: 'mùng sáu' for the first ten days, 'hai mươi tư' after."""
    return f"mùng {read_int(day)}" if day <= 10 else read_int(day)


def read_day_month(d: date) -> str:
    """6/5/2024 → 'ngày mùng sáu tháng Năm'."""
    return f"ngày {read_day(d.day)} tháng {MONTH_NAMES[d.month - 1]}"


def read_date(d: date) -> str:
    """5/3/2024 → 'ngày mùng năm tháng Ba năm hai nghìn không trăm hai mươi tư'."""
    return f"{read_day_month(d)} năm {read_int(d.year)}"


def read_month(m: str) -> str:
    """'2024-03' → 'tháng Ba năm hai nghìn không trăm hai mươi tư'."""
    return f"tháng {MONTH_NAMES[int(m[5:7]) - 1]} năm {read_int(int(m[:4]))}"


def read_phone(number: str) -> str:
    """Digit by digit, in the groups people say: 0374 408 758 → 'không ba bảy bốn, bốn không tám, bảy năm tám'."""
    digits = [c for c in number if c.isdigit()]
    if len(digits) == 10:
        groups = [digits[:4], digits[4:7], digits[7:]]
    elif len(digits) == 11:
        groups = [digits[:4], digits[4:7], digits[7:]]
    else:
        groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    return ", ".join(" ".join(DIGITS[int(c)] for c in g) for g in groups)
