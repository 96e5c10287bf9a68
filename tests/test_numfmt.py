from datetime import date
from decimal import Decimal
from fractions import Fraction

from generator.numfmt import fmt_date, fmt_int, fmt_month, fmt_pct, fmt_period, percent, round_half_up


def test_round_half_away_from_zero_not_bankers():
    assert round_half_up(Fraction(2625, 100)) == Decimal("26.3")  # Python's round() gives 26.2
    assert round_half_up(Fraction(2635, 100)) == Decimal("26.4")
    assert round_half_up(Fraction(-2625, 100)) == Decimal("-26.3")
    assert round_half_up(Fraction(1, 8), 2) == Decimal("0.13")
    assert round_half_up(Fraction(145, 10), 0) == Decimal("15")


def test_percent():
    assert percent(1, 3) == Decimal("33.3")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(21, 80) == Decimal("26.3")  # 26.25 exactly
    assert percent(0, 5) == Decimal("0.0")
    assert percent(5, 5) == Decimal("100.0")
    assert percent(0, 0) is None
    assert percent(3, 0) is None


def test_vietnamese_formats():
    assert fmt_int(1234) == "1.234"
    assert fmt_int(1234567) == "1.234.567"
    assert fmt_pct(Decimal("96.2")) == "96,2%"
    assert fmt_pct(Decimal("100.0")) == "100,0%"
    assert fmt_pct(None) == "không có số liệu"
    assert fmt_date(date(2024, 4, 5)) == "05/04/2024"
    assert fmt_month("2024-03") == "tháng 3/2024"
    assert fmt_period("2024-Q1") == "quý I/2024"
    assert fmt_period("2024") == "năm 2024"
