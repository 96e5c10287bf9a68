from datetime import date
from decimal import Decimal

import pytest

from generator.spoken import read_date, read_decimal, read_int, read_month, read_percent, read_phone


@pytest.mark.parametrize("n, words", [
    (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"),
    (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"),
    (55, "năm mươi lăm"), (100, "một trăm"), (105, "một trăm linh năm"), (110, "một trăm mười"),
    (115, "một trăm mười lăm"), (121, "một trăm hai mươi mốt"), (286, "hai trăm tám mươi sáu"),
    (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"), (1234, "một nghìn hai trăm ba mươi tư"),
    (2024, "hai nghìn không trăm hai mươi tư"), (2000, "hai nghìn"), (10500, "mười nghìn năm trăm"),
    (1_000_000, "một triệu"), (2_500_000, "hai triệu năm trăm nghìn"),
])
def test_integers_as_spoken(n, words):
    assert read_int(n) == words


@pytest.mark.parametrize("x, words", [
    (Decimal("96.2"), "chín mươi sáu phẩy hai"),  # num2words says "… phẩy hai mươi"
    (Decimal("0.5"), "không phẩy năm"),  # num2words says "không phẩy năm mươi"
    (Decimal("100.0"), "một trăm"),
    (Decimal("12.05"), "mười hai phẩy không năm"),
    (Decimal("26.25"), "hai mươi sáu phẩy hai mươi lăm"),
    (Decimal("7.0"), "bảy"),
])
def test_decimals_as_spoken(x, words):
    assert read_decimal(x) == words


def test_percent_date_month_phone():
    assert read_percent(Decimal("96.2")) == "chín mươi sáu phẩy hai phần trăm"
    assert read_date(date(2024, 3, 5)) == "ngày mùng năm tháng Ba năm hai nghìn không trăm hai mươi tư"
    assert read_month("2024-12") == "tháng Mười Hai năm hai nghìn không trăm hai mươi tư"
    assert read_month("2024-04") == "tháng Tư năm hai nghìn không trăm hai mươi tư"
    from generator.spoken import read_day_month
    assert read_day_month(date(2024, 5, 6)) == "ngày mùng sáu tháng Năm"
    assert read_day_month(date(2024, 5, 10)) == "ngày mùng mười tháng Năm"
    assert read_day_month(date(2024, 11, 24)) == "ngày hai mươi tư tháng Mười Một"
    assert read_day_month(date(2024, 1, 21)) == "ngày hai mươi mốt tháng Một"
    assert read_phone("0374408758") == "không ba bảy bốn, bốn không tám, bảy năm tám"
