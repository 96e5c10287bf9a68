"""Exact rounding and Vietnamese number and date formats.

Rates are exact fractions until the last step, then rounded half away from zero (as a
spreadsheet does): 26,25 → 26,3, never Python's half-to-even. Written numbers use Babel's
`vi` locale: 1.234 and 96,2%.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_decimal


def round_half_up(x: Fraction | int, places: int = 1) -> Decimal:
    """Round an exact value half away from zero to `places` decimals."""
    x = Fraction(x)
    scale = 10**places
    scaled = x * scale
    sign = -1 if scaled < 0 else 1
    n = (abs(scaled) + Fraction(1, 2)).__floor__()
    return (Decimal(sign * n) / Decimal(scale)).quantize(Decimal(1).scaleb(-places))


def percent(numerator: int, denominator: int) -> Decimal | None:
    """numerator ÷ denominator × 100, rounded to one decimal; None when the denominator is 0."""
    if not denominator:
        return None
    return round_half_up(Fraction(numerator * 100, denominator), 1)


def fmt_int(n: int) -> str:
    return format_decimal(n, format="#,##0", locale="vi")


def fmt_dec(x: Decimal | float, places: int = 1) -> str:
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(x, format=pattern, locale="vi")


def fmt_pct(x: Decimal | None) -> str:
    if x is None:
        return "không có số liệu"
    return fmt_dec(x, 1) + "%"


def fmt_value(value, unit: str, note: str = "") -> str:
    """A figure's value as printed on a page."""
    if value is None:
        return note or "không có số liệu"
    if unit == "%":
        return fmt_pct(value)
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return fmt_dec(value, 1)
    return fmt_int(int(value))


def fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def fmt_month(m: str) -> str:
    """'2024-03' → 'tháng 3/2024'."""
    return f"tháng {int(m[5:7])}/{m[:4]}"


def fmt_period(p: str) -> str:
    if len(p) == 7 and p[4] == "-" and p[5] != "Q":
        return fmt_month(p)
    if "-Q" in p:
        return f"quý {['I', 'II', 'III', 'IV'][int(p[-1]) - 1]}/{p[:4]}"
    return f"năm {p}"
