"""Each formula of DOMAIN.md on the tiny fixture, against values computed by hand.

The hand computations are written beside each assertion so that a reviewer can redo them.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator import indicators, pipeline

TINY = Path(__file__).parent / "fixtures" / "tiny"


@pytest.fixture(scope="module")
def figs():
    result = pipeline.check(TINY)
    assert result.ok, result.problems
    figures, as_of = indicators.compute(result.dataset)
    assert as_of == date(2024, 4, 30)
    return indicators.index(figures), result.dataset


def val(figs, fid, period):
    return figs[0][(fid, period)].value


def test_tthc_month(figs):
    # March: carried 2+3=5, received 40+5=45; early 21, on time 17, late 2; pending 5+4=9 in time, 1 overdue
    assert val(figs, "tthc.ton_truoc", "2024-03") == 5
    assert val(figs, "tthc.tiep_nhan", "2024-03") == 45
    assert val(figs, "tthc.da_giai_quyet", "2024-03") == 40
    assert val(figs, "tthc.tre_han", "2024-03") == 3  # 2 resolved late + 1 pending overdue
    # (21 + 17 + 9) / (5 + 45) = 47/50
    f = figs[0][("tthc.ty_le_dung_han", "2024-03")]
    assert (f.value, f.numerator, f.denominator) == (Decimal("94.0"), 47, 50)
    assert val(figs, "tthc.ty_le_tre_han", "2024-03") == Decimal("6.0")  # 3/50
    assert val(figs, "tthc.ty_le_truc_tuyen", "2024-03") == Decimal("22.2")  # 10/45 = 22.22…
    assert val(figs, "tthc.tai_nha", "2024-03") == 2


def test_tthc_year_does_not_double_count_carried_over(figs):
    # 2024 = March + April: carried over at the start (5), received summed (45 + 30),
    # pending at the end (April: 4 in time, 0 overdue) → (41 + 30 + 4) / (5 + 75) = 75/80 = 93,75 → 93,8
    f = figs[0][("tthc.ty_le_dung_han", "2024")]
    assert (f.numerator, f.denominator, f.value) == (75, 80, Decimal("93.8"))
    assert val(figs, "tthc.ton_truoc", "2024") == 5
    # 2 resolved late in March + 3 in April (one of them the dossier overdue at the end of March), 0 overdue at the end;
    # the sum of the monthly figures (3 + 3) would count that dossier twice
    assert val(figs, "tthc.tre_han", "2024") == 5
    assert val(figs, "tthc.ty_le_dung_han", "2024-04") == Decimal("92.5")  # (20 early + 9 + 4 on time + 4 pending in time) / (10 + 30) = 37/40
    assert val(figs, "tthc.ty_le_truc_tuyen", "2024") == Decimal("33.3")  # 25/75
    # a quarter with only one month of data says so
    assert "chỉ gồm các tháng có số liệu" in figs[0][("tthc.tiep_nhan", "2024-Q2")].note


def test_apology_ledger(figs):
    # March: 3 late cases; 2 apologised (one the day before, one on the promised day itself)
    assert val(figs, "xin_loi.so_ho_so_tre", "2024-03") == 3
    assert val(figs, "xin_loi.ty_le_bao_phu", "2024-03") == Decimal("66.7")  # 2/3
    assert val(figs, "xin_loi.ty_le_truoc_han", "2024-03") == Decimal("33.3")  # 1/3: same day is not before
    assert val(figs, "xin_loi.ty_le_giu_hen_moi", "2024-03") == Decimal("50.0")  # 1 of 2 new dates kept
    # April: no case has a new date → no data, never 0%
    f = figs[0][("xin_loi.ty_le_giu_hen_moi", "2024-04")]
    assert f.value is None and f.denominator == 0 and "không có số liệu" in f.note


def test_petitions_march(figs):
    # PA-01 kiến nghị 01/03 → due 22/03 (15 working days), resolved 15/03 (10 working days)
    # PA-02 phản ánh 04/03 → due 25/03, resolved 29/03: late (19 working days), rated unsatisfied
    # PA-03 khiếu nại 11/03 → due 10/04 (30 days), open; PA-04 tố cáo 20/03 → due 19/04, resolved 05/04
    assert val(figs, "pakn.tiep_nhan", "2024-03") == 4
    assert val(figs, "pakn.da_giai_quyet", "2024-03") == 2
    assert val(figs, "pakn.dang_xu_ly", "2024-03") == 2
    assert val(figs, "pakn.qua_han", "2024-03") == 1
    assert val(figs, "pakn.ty_le_dung_han", "2024-03") == Decimal("50.0")
    assert val(figs, "pakn.so_ngay_trung_vi", "2024-03") == Decimal("14.5")  # median of 10 and 19
    assert val(figs, "pakn.so_ngay_trung_binh", "2024-03") == Decimal("14.5")
    assert val(figs, "pakn.ty_le_hai_long", "2024-03") == Decimal("75.0")  # (4 − 1 unsatisfied) / 4
    assert val(figs, "pakn.ty_le_thong_bao", "2024-03") == Decimal("50.0")


def test_petitions_april_overdue_and_raised_again(figs):
    # PA-03 is still open on 30/04, past its due date 10/04 → overdue
    assert val(figs, "pakn.qua_han", "2024-04") == 1
    assert val(figs, "pakn.dang_xu_ly", "2024-04") == 1
    # resolved in April: PA-04 (20/03 → 05/04: 12 working days) and PA-2404-01 (01/04 → 03/04: 2) → median 7
    assert val(figs, "pakn.so_ngay_trung_vi", "2024-04") == Decimal("7.0")
    # the only petition received in April was raised again → 0 satisfied of 1
    assert val(figs, "pakn.ty_le_hai_long", "2024-04") == Decimal("0.0")
    assert val(figs, "pakn.tai_dien", "2024-04") == 1


def test_petition_due_dates_use_the_holiday_calendar(figs):
    ds = figs[1]
    cal = ds.calendar
    # Tết 2024 is 08/02–14/02: 15 working days from 05/02 skip the whole week
    assert cal.add_working_days(date(2024, 2, 5), 15) == date(2024, 3, 4)
    # 04/05/2024 is a make-up Saturday, 27/04–01/05 are days off
    assert cal.is_working_day(date(2024, 5, 4))
    assert not cal.is_working_day(date(2024, 4, 29))
    # after 26/04 up to 06/05: 02/05, 03/05, 04/05 (make-up Saturday), 06/05
    assert cal.working_days_between(date(2024, 4, 26), date(2024, 5, 6)) == 4



def test_surveys(figs):
    # March: 40 of 50 forms returned; satisfied 30+35+35+35+15 = 150 of 40+40+40+40+20 = 180 answers
    assert val(figs, "hai_long.so_phieu", "2024-03") == 40
    assert val(figs, "hai_long.ty_le_thu_ve", "2024-03") == Decimal("80.0")
    f = figs[0][("hai_long.ty_le", "2024-03")]
    assert (f.numerator, f.denominator, f.value) == (150, 180, Decimal("83.3"))
    assert val(figs, "hai_long.ty_le_thu_tuc_hanh_chinh", "2024-03") == Decimal("87.5")
    assert val(figs, "hai_long.ty_le_tiep_nhan_gop_y", "2024-03") == Decimal("75.0")
    # April: 8 forms, below the minimum of 10 → no percentage
    f = figs[0][("hai_long.ty_le", "2024-04")]
    assert f.value is None and "chưa đủ phiếu" in f.note
    # the year pools every answer: (150 + 8) / (180 + 8)
    assert val(figs, "hai_long.ty_le", "2024") == Decimal("84.0")


def test_plan_progress_and_reports(figs):
    # step 1 done 20/03 (deadline 15/03: late), step 2 at 25% from 10/04
    assert val(figs, "ke_hoach.tien_do", "2024-03") == Decimal("50.0")
    assert val(figs, "ke_hoach.tien_do", "2024-04") == Decimal("62.5")
    assert val(figs, "ke_hoach.bao_cao_dung_han", "2024-03") == Decimal("100.0")  # due 05/03, sent 04/03
    assert val(figs, "ke_hoach.bao_cao_dung_han", "2024-04") == Decimal("0.0")  # due 05/04, sent 08/04
    ds = figs[1]
    step1, step2 = ds.plan.buoc
    assert indicators.step_status(step1, date(2024, 4, 30)) == "tre-han"
    assert indicators.step_status(step2, date(2024, 4, 30)) == "dang-thuc-hien"
    assert indicators.step_status(step2, date(2024, 7, 1)) == "qua-han"
    assert indicators.step_status(step1, date(2024, 3, 10)) == "dang-thuc-hien"


def test_letters_and_activities(figs):
    assert val(figs, "thu.xin_loi", "2024-03") == 2
    assert val(figs, "thu.cam_on", "2024") == 4
    assert val(figs, "hoat_dong.tiep_cong_dan", "2024-03") == 1
    # April has no activities file: no figure ("chưa có số liệu" on the site), never a zero
    assert ("hoat_dong.tiep_cong_dan", "2024-04") not in figs


def test_every_required_id_exists_for_every_period(figs):
    required = ["tthc.tiep_nhan", "tthc.tre_han", "tthc.ty_le_dung_han", "tthc.ty_le_truc_tuyen", "xin_loi.ty_le_bao_phu",
                "pakn.tiep_nhan", "pakn.da_giai_quyet", "pakn.ty_le_dung_han", "pakn.ty_le_hai_long", "hai_long.so_phieu",
                "hai_long.ty_le", "ke_hoach.tien_do"]
    for period in ("2024-03", "2024-04", "2024-Q1", "2024-Q2", "2024"):
        for fid in required:
            assert (fid, period) in figs[0], (fid, period)
