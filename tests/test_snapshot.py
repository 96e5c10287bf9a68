"""What a figure knows: the one snapshot rule, and what never changes once said (DOMAIN.md, "Time").

Each event kind is tried on a small hand-made record dated before, on and after a snapshot: the
record is added to the tiny fixture (months 2024-03 and 2024-04, as-of date 30/04/2024) and the test
looks at how each figure moves. Snapshots: March 31/03, the first quarter 31/03 (March only), the
second quarter and the year 2024 30/04 (still running: the as-of date).
"""

import dataclasses
import html
import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator import exports, indicators, ledger, pipeline, reports
from generator.indicators import late_case_state, petition_state, report_state

TINY = Path(__file__).parent / "fixtures" / "tiny"
D = date.fromisoformat


@pytest.fixture(scope="module")
def tiny():
    result = pipeline.check(TINY)
    assert result.ok, result.problems
    return result.dataset


def figures(ds):
    figs, _ = indicators.compute(ds)
    return {(f.id, f.period): f for f in figs}


def delta(ds, **changes):
    """Figure (id, period) → (value before, value after) for every figure the change moves."""
    before, after = figures(ds), figures(dataclasses.replace(ds, **changes))
    out = {}
    for k in set(before) | set(after):
        a, b = before.get(k), after.get(k)
        ka = (a.value, a.numerator, a.denominator) if a else None
        kb = (b.value, b.numerator, b.denominator) if b else None
        if ka != kb:
            out[k] = (ka, kb)
    return out


def petition(ds, **fields):
    base = ds.petitions[0]
    defaults = dict(ma="PA-TEST-01", loai="kien-nghi", han_xu_ly=None, ngay_thu_ly=None, phuc_tap=False,
                    ngay_giai_quyet=None, ket_qua=None, ngay_thong_bao=None, danh_gia=None, tai_dien=False)
    defaults.update(fields)
    return dataclasses.replace(base, **defaults)


def add_petition(ds, **fields):
    p = petition(ds, **fields)
    return delta(ds, petitions=tuple(sorted(ds.petitions + (p,), key=lambda x: (x.ngay_nhan, x.ma))))


def moved(d, fid):
    return sorted(period for (f, period) in d if f == fid)


# ---------------------------------------------------------------- 1. one snapshot rule


def test_snapshot_is_the_period_end_or_the_as_of_date():
    as_of = D("2024-04-30")
    assert indicators.snapshot(indicators.month_period("2024-03"), as_of) == D("2024-03-31")
    assert indicators.snapshot(indicators.quarter_period(2024, 2), as_of) == as_of
    assert indicators.snapshot(indicators.year_period(2024), as_of) == as_of


def test_received_on_and_after_the_snapshot(tiny):
    on = add_petition(tiny, ngay_nhan=D("2024-03-31"), han_xu_ly=D("2024-04-20"))
    after = add_petition(tiny, ngay_nhan=D("2024-04-01"), han_xu_ly=D("2024-04-20"))
    assert "2024-03" in moved(on, "pakn.tiep_nhan") and "2024-03" in moved(on, "pakn.dang_xu_ly")
    assert "2024-03" not in moved(after, "pakn.tiep_nhan") and "2024-03" not in moved(after, "pakn.dang_xu_ly")
    assert "2024-04" in moved(after, "pakn.tiep_nhan")


def test_resolved_before_on_and_after_the_snapshot(tiny):
    for day, in_march in (("2024-03-30", True), ("2024-03-31", True), ("2024-04-01", False)):
        d = add_petition(tiny, ngay_nhan=D("2024-03-20"), han_xu_ly=D("2024-04-20"), ngay_giai_quyet=D(day), ket_qua="Xong")
        assert ("2024-03" in moved(d, "pakn.da_giai_quyet")) is in_march, day
        # resolved after the snapshot: still pending in March, whatever happened later
        assert ("2024-03" in moved(d, "pakn.dang_xu_ly")) is not in_march, day


def test_due_date_after_the_snapshot_is_never_overdue_in_that_figure(tiny):
    # received 25/03, due 10/04, resolved late on 20/04
    d = add_petition(tiny, ngay_nhan=D("2024-03-25"), han_xu_ly=D("2024-04-10"), ngay_giai_quyet=D("2024-04-20"),
                     ket_qua="Xong")
    assert "2024-03" not in moved(d, "pakn.qua_han") and "2024-Q1" not in moved(d, "pakn.qua_han")
    # overdue in the month it was resolved late, and in every later snapshot covering its received date
    assert {"2024-04", "2024-Q2", "2024"} <= set(moved(d, "pakn.qua_han"))
    assert not moved(d, "pakn.dang_qua_han")  # never pending past its due date at a snapshot
    f = figures(dataclasses.replace(tiny, petitions=tiny.petitions + (petition(
        tiny, ngay_nhan=D("2024-03-25"), han_xu_ly=D("2024-04-10"), ngay_giai_quyet=D("2024-04-20"), ket_qua="Xong"),)))
    base = figures(tiny)
    # in the petition satisfaction of March (received in March), it is not overdue at 31/03; in 2024 it is
    assert f[("pakn.ty_le_hai_long", "2024-03")].numerator == base[("pakn.ty_le_hai_long", "2024-03")].numerator + 1
    assert f[("pakn.ty_le_hai_long", "2024")].numerator == base[("pakn.ty_le_hai_long", "2024")].numerator


def test_running_period_counts_nothing_due_after_the_as_of_date(tiny):
    # the second quarter and the year run until the as-of date 30/04: a petition due on 13/05 is not overdue
    d = add_petition(tiny, ngay_nhan=D("2024-04-25"), han_xu_ly=D("2024-05-13"))
    assert not moved(d, "pakn.qua_han") and not moved(d, "pakn.dang_qua_han")
    # due on the snapshot day itself: not yet past it; due the day before: pending overdue
    d = add_petition(tiny, ngay_nhan=D("2024-04-25"), han_xu_ly=D("2024-04-30"))
    assert not moved(d, "pakn.dang_qua_han")
    d = add_petition(tiny, ngay_nhan=D("2024-04-25"), han_xu_ly=D("2024-04-29"))
    assert moved(d, "pakn.dang_qua_han") == ["2024", "2024-04", "2024-Q2"]
    assert moved(d, "pakn.qua_han") == ["2024", "2024-04", "2024-Q2"]


def test_dang_qua_han_is_pending_overdue_and_qua_han_adds_resolved_late(tiny):
    f = figures(tiny)
    for (fid, period), fig in f.items():
        if fid == "pakn.dang_qua_han":
            assert fig.value <= f[("pakn.qua_han", period)].value
    d = add_petition(tiny, ngay_nhan=D("2024-03-01"), han_xu_ly=D("2024-03-15"))
    assert moved(d, "pakn.dang_qua_han") == ["2024", "2024-03", "2024-04", "2024-Q1", "2024-Q2"]


def test_informed_before_and_after_the_snapshot(tiny):
    for day, counted in (("2024-03-31", True), ("2024-04-01", False)):
        d = add_petition(tiny, ngay_nhan=D("2024-03-10"), han_xu_ly=D("2024-03-29"), ngay_giai_quyet=D("2024-03-28"),
                         ket_qua="Xong", ngay_thong_bao=D(day))
        before, after = d[("pakn.ty_le_thong_bao", "2024-03")]
        assert after[1] == before[1] + (1 if counted else 0) and after[2] == before[2] + 1, day


def test_rating_is_known_from_the_informed_date_or_else_the_resolved_date(tiny):
    # informed after the snapshot: March does not know the person was unsatisfied; the year does
    d = add_petition(tiny, ngay_nhan=D("2024-03-10"), han_xu_ly=D("2024-03-29"), ngay_giai_quyet=D("2024-03-28"),
                     ket_qua="Xong", ngay_thong_bao=D("2024-04-02"), danh_gia="khong-hai-long")
    march, year = d[("pakn.ty_le_hai_long", "2024-03")], d[("pakn.ty_le_hai_long", "2024")]
    assert march[1][1] == march[0][1] + 1 and year[1][1] == year[0][1]
    # no notice date: known from the resolved date (within March)
    d = add_petition(tiny, ngay_nhan=D("2024-03-10"), han_xu_ly=D("2024-03-29"), ngay_giai_quyet=D("2024-03-28"),
                     ket_qua="Xong", danh_gia="khong-hai-long")
    march = d[("pakn.ty_le_hai_long", "2024-03")]
    assert march[1][1] == march[0][1] and march[1][2] == march[0][2] + 1


def test_petition_state_is_decided_in_one_place():
    p = type("P", (), dict(ngay_nhan=D("2024-03-25"), ngay_giai_quyet=D("2024-04-20"), ngay_thong_bao=D("2024-04-22"),
                           danh_gia="khong-hai-long"))()
    due = D("2024-04-10")
    st = petition_state(p, due, D("2024-03-31"))
    assert (st.resolved, st.overdue, st.pending_overdue, st.rating, st.label) == (False, False, False, None, "Đang xử lý")
    st = petition_state(p, due, D("2024-04-15"))
    assert (st.overdue, st.pending_overdue, st.label) == (True, True, "Đang xử lý, đã quá hạn")
    st = petition_state(p, due, D("2024-04-21"))
    assert (st.resolved_late, st.pending_overdue, st.informed, st.rating) == (True, False, False, None)
    assert st.label == "Đã giải quyết (quá hạn)"
    st = petition_state(p, due, D("2024-04-22"))
    assert st.informed and st.unsatisfied


def test_apology_new_promise_and_return_at_the_snapshot():
    c = type("C", (), dict(ngay_hen_tra=D("2024-03-29"), ngay_xin_loi=D("2024-04-01"), ngay_hen_moi=D("2024-04-05"),
                           ngay_tra=D("2024-04-04")))()
    st = late_case_state(c, D("2024-03-31"))
    assert st.late and not st.apologised and not st.renewal_due and not st.returned and not st.kept
    st = late_case_state(c, D("2024-04-05"))
    assert st.apologised and not st.apologised_before and st.renewal_due and st.returned and st.kept
    # a new promised date after the snapshot is not yet due, never broken
    c2 = type("C", (), dict(ngay_hen_tra=D("2024-03-29"), ngay_xin_loi=D("2024-03-28"), ngay_hen_moi=D("2024-04-05"),
                            ngay_tra=None))()
    st = late_case_state(c2, D("2024-04-04"))
    assert st.apologised_before and not st.renewal_due and not st.kept
    assert late_case_state(c2, D("2024-04-06")).renewal_due and not late_case_state(c2, D("2024-04-06")).kept


def test_late_cases_in_figures(tiny):
    base = tiny.late_cases[0]
    c = dataclasses.replace(base, so_bien_nhan="H56-2403-***99", ngay_nhan=D("2024-03-20"), ngay_hen_tra=D("2024-03-29"),
                            ngay_xin_loi=D("2024-04-01"), so_thu_xin_loi=None, ngay_hen_moi=D("2024-04-05"),
                            ngay_tra=D("2024-04-04"))
    d = delta(tiny, late_cases=tiny.late_cases + (c,))
    # March (and the first quarter, March only) knows the case is late, not that it was apologised for
    m = d[("xin_loi.ty_le_bao_phu", "2024-03")]
    assert m[1][1] == m[0][1] and m[1][2] == m[0][2] + 1
    assert ("xin_loi.ty_le_giu_hen_moi", "2024-03") not in d  # its new date (05/04) is after March's snapshot
    y = d[("xin_loi.ty_le_bao_phu", "2024")]
    assert y[1][1] == y[0][1] + 1
    k = d[("xin_loi.ty_le_giu_hen_moi", "2024")]
    assert (k[1][1], k[1][2]) == (k[0][1] + 1, k[0][2] + 1)


def test_monthly_report_due_after_the_snapshot_is_not_yet_due(tiny):
    r = type("R", (), dict(han=D("2024-05-05"), ngay_gui=None))()
    assert report_state(r, D("2024-04-30")) == "chua-den-han"
    assert report_state(r, D("2024-05-06")) == "chua-gui"
    r = type("R", (), dict(han=D("2024-04-05"), ngay_gui=D("2024-04-08")))()
    assert report_state(r, D("2024-04-06")) == "chua-gui"  # due, not sent by the snapshot
    assert report_state(r, D("2024-04-30")) == "tre-han"
    plan = dataclasses.replace(tiny.plan, bao_cao_thang=tiny.plan.bao_cao_thang + (
        dataclasses.replace(tiny.plan.bao_cao_thang[0], thang="2024-04", han=D("2024-05-05"), ngay_gui=None),))
    f = figures(dataclasses.replace(tiny, plan=plan))
    base = figures(tiny)
    for period in ("2024", "2024-Q2"):
        a, b = base[("ke_hoach.bao_cao_dung_han", period)], f[("ke_hoach.bao_cao_dung_han", period)]
        assert (a.numerator, a.denominator) == (b.numerator, b.denominator), period


def test_the_plan_page_and_the_quarter_agree(tmp_path):
    site = tmp_path / "site"
    out = pipeline.build(TINY)
    assert out.ok
    page = next(a for a in out.artifacts if a.path == "tien-do.md").content.decode("utf-8")
    f = {(x.id, x.period): x for x in out.figures}
    year = f[("ke_hoach.bao_cao_dung_han", "2024")]
    assert f"{year.numerator} trên {year.denominator} báo cáo đã đến hạn" in page
    del site


# ---------------------------------------------------------------- 2. dates that cannot be


def _copy(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(TINY, d)
    return d


def _codes(data):
    result = pipeline.check(data)
    return result, [(p.path.split("data/")[-1], p.line, p.code, p.message) for p in result.problems]


PETITION = """  - ma: "{ma}"
    ngay_nhan: {nhan}
    kenh: zalo
    loai: kien-nghi
    linh_vuc: y-te
    tom_tat: "Kiến nghị sửa đèn chiếu sáng"
    don_vi_xu_ly: "Trạm Y tế xã"
"""


def test_a_date_after_the_as_of_date_is_an_error_except_deadlines(tmp_path):
    data = _copy(tmp_path)
    f = data / "phan-anh" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8") + PETITION.format(ma="PA-2404-77", nhan="2024-04-20")
                 + "    han_xu_ly: 2024-05-20\n    ngay_giai_quyet: 2024-05-13\n    ket_qua: \"Xong\"\n", "utf-8")
    result, codes = _codes(data)
    assert [c[2] for c in codes] == ["ngay-sau-ngay-chot"]
    assert "13/05/2024" in codes[0][3]
    # the closing day: April's release day (5/5/2024 is a Sunday, so Monday 06/05/2024)
    assert "06/05/2024" in codes[0][3]
    # the due date (20/05) alone is fine
    f.write_text(f.read_text("utf-8").replace("    ngay_giai_quyet: 2024-05-13\n    ket_qua: \"Xong\"\n", ""), "utf-8")
    assert pipeline.check(data).ok


def test_a_date_in_the_closing_days_is_recorded_but_counts_in_the_next_month(tmp_path):
    """Staff close April in the first days of May: an answer given on 02/05 may be written before May's files
    exist, and April's figures (snapshot 30/04) still count the petition as open."""
    data = _copy(tmp_path)
    f = data / "phan-anh" / "2024-04.yaml"
    before = {(x.id, x.period): x for x in pipeline.check(data).figures}
    f.write_text(f.read_text("utf-8") + PETITION.format(ma="PA-2404-77", nhan="2024-04-20")
                 + "    ngay_giai_quyet: 2024-05-02\n    ket_qua: \"Xong\"\n", "utf-8")
    result = pipeline.check(data)
    assert result.ok, result.problems
    after = {(x.id, x.period): x for x in result.figures}
    assert after[("pakn.tiep_nhan", "2024-04")].value == before[("pakn.tiep_nhan", "2024-04")].value + 1
    assert after[("pakn.da_giai_quyet", "2024-04")].value == before[("pakn.da_giai_quyet", "2024-04")].value
    assert after[("pakn.dang_xu_ly", "2024-04")].value == before[("pakn.dang_xu_ly", "2024-04")].value + 1


def test_a_year_typed_wrong_is_reported(tmp_path):
    data = _copy(tmp_path)
    f = data / "phan-anh" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8") + PETITION.format(ma="PA-2404-78", nhan="2024-04-20") + "    han_xu_ly: 2223-05-20\n",
                 "utf-8")
    _, codes = _codes(data)
    assert [c[2] for c in codes] == ["ngay-bat-thuong"]
    assert "20/05/2223" in codes[0][3]


def test_a_record_in_another_months_file_names_both_lines(tmp_path):
    data = _copy(tmp_path)
    f = data / "phan-anh" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8") + PETITION.format(ma="PA-2404-79", nhan="2024-03-20"), "utf-8")
    _, codes = _codes(data)
    assert [c[2] for c in codes] == ["sai-thang"]
    assert 'tệp ghi thang: "2024-04" ở dòng 1' in codes[0][3]


def test_two_petitions_identical_but_their_code_are_both_reported(tmp_path):
    data = _copy(tmp_path)
    f = data / "phan-anh" / "2024-04.yaml"
    text = f.read_text("utf-8")
    start = len(text.splitlines())
    f.write_text(text + PETITION.format(ma="PA-2404-80", nhan="2024-04-22") + PETITION.format(ma="PA-2404-81", nhan="2024-04-22"),
                 "utf-8")
    _, codes = _codes(data)
    assert [c[2] for c in codes] == ["trung-noi-dung", "trung-noi-dung"]
    lines = sorted(c[1] for c in codes)
    assert lines == [start + 1, start + 8]
    assert all("PA-2404-80" in c[3] and "PA-2404-81" in c[3] for c in codes)


# ---------------------------------------------------------------- 3. the ledger freezes value, numerator, denominator


def _publish(data, period, on):
    result = pipeline.check(data)
    assert result.ok, result.problems
    text = ledger.ledger_text(period, on, result.figures, "../../generator/schemas/cong-bo.json")
    (data / "cong-bo").mkdir(exist_ok=True)
    (data / "cong-bo" / f"{period}.yaml").write_text(text, "utf-8")
    return text


def test_ledger_keeps_numerator_and_denominator(tmp_path):
    data = _copy(tmp_path)
    text = _publish(data, "2024-03", D("2024-04-05"))
    assert "  - ma: tthc.ty_le_dung_han\n    gia_tri: \"94.0\"\n    tu_so: 47\n    mau_so: 50\n" in text
    assert "  - ma: tthc.tiep_nhan\n    gia_tri: \"45\"\n  - ma:" in text  # counts have no fraction
    assert pipeline.check(data).ok


def test_a_fraction_change_with_the_same_rounded_value_is_caught(tmp_path):
    data = _copy(tmp_path)
    _publish(data, "2024-03", D("2024-04-05"))
    ledger_file = data / "cong-bo" / "2024-03.yaml"
    # pretend 2024-03's on-time rate was published as 94.0% of 94/100: same value, other fraction
    ledger_file.write_text(ledger_file.read_text("utf-8").replace(
        "gia_tri: \"94.0\"\n    tu_so: 47\n    mau_so: 50", "gia_tri: \"94.0\"\n    tu_so: 94\n    mau_so: 100"), "utf-8")
    result = pipeline.check(data)
    assert [p.code for p in result.problems] == ["so-lieu-cong-bo-thay-doi"]
    msg = result.problems[0].message
    assert "là 94,0% (94/100), nhưng dữ liệu hiện tại cho 94,0% (47/50)" in msg
    assert "make correct" in result.problems[0].hint
    # a correction that records the new fraction makes the check pass again
    ds = pipeline.check(data, frozen=False)
    items = ledger.pending_corrections(ds.dataset, ds.figures, D("2024-04-20"), "Sửa số liệu chép nhầm")
    assert [(i["ma"], i["gia_tri_cu"], i["gia_tri_moi"], i["tu_so_cu"], i["mau_so_moi"]) for i in items] == [
        ("tthc.ty_le_dung_han", "94.0", "94.0", 94, 50)]
    (data / "dinh-chinh.yaml").write_text(ledger.corrections_text(None, items, "x.json"), "utf-8")
    assert pipeline.check(data).ok


def test_a_correction_with_the_wrong_old_fraction_is_caught(tmp_path):
    data = _copy(tmp_path)
    _publish(data, "2024-03", D("2024-04-05"))
    (data / "dinh-chinh.yaml").write_text(
        "dinh_chinh:\n  - ma: tthc.ty_le_dung_han\n    ky: \"2024-03\"\n    gia_tri_cu: \"94.0\"\n    gia_tri_moi: \"94.0\"\n"
        "    tu_so_cu: 1\n    mau_so_cu: 2\n    tu_so_moi: 47\n    mau_so_moi: 50\n    ngay: 2024-04-20\n    ly_do: \"Thử\"\n",
        "utf-8")
    result = pipeline.check(data)
    assert [p.code for p in result.problems] == ["dinh-chinh-khong-khop"]
    assert "94,0% (1/2)" in result.problems[0].message and "94,0% (47/50)" in result.problems[0].message


# ---------------------------------------------------------------- 4. published artefacts are frozen


@pytest.fixture(scope="module")
def sample():
    result = pipeline.build(Path(__file__).parent.parent / "data")
    assert result.ok, result.problems[:3]
    return result


def _art(result, path):
    return next(a for a in result.artifacts if a.path == path).content.decode("utf-8")


def test_june_bulletin_reads_what_was_aired(sample):
    txt = _art(sample, "ban-tin/2024-06.txt")
    assert "Xã tiếp nhận mười chín phản ánh, kiến nghị" in txt  # as aired 05–07/07/2024, before the correction
    assert "Phát vào các ngày: 05/07/2024, 06/07/2024, 07/07/2024" in txt
    assert "GHI CHÚ ĐÍNH CHÍNH" in txt and "sửa từ 19 thành 20" in txt  # the correction beside, dated
    page = _art(sample, "ban-tin/2024-06.md")
    assert "mười chín phản ánh" in page and "Ngày 12/07/2024: Phản ánh, kiến nghị tiếp nhận tháng 6/2024 sửa từ 19 thành 20" in page
    # the report page and the sheet show the published value, with the dated note beside
    sheet = html.unescape(_art(sample, "bao-cao/2024-06/bang-tin.md"))
    assert "| **19** |" in sheet and "Đính chính sau ngày niêm yết" in sheet and "sửa từ 19 thành 20" in sheet


def test_the_first_bulletin_after_a_correction_reads_it_once(sample):
    said = {}
    for a in sample.artifacts:
        if a.path.startswith("ban-tin/") and a.path.endswith(".txt"):
            said[a.path] = a.content.decode("utf-8")
    reading = [p for p, t in said.items() if "đã thông báo là" in t]
    assert reading == ["ban-tin/2024-07.txt"]
    t = said["ban-tin/2024-07.txt"]
    assert "số liệu phản ánh, kiến nghị tiếp nhận tháng Sáu năm hai nghìn không trăm hai mươi tư đã thông báo là mười chín, " \
           "nay sửa lại là hai mươi" in t
    # figures that were corrected but never read on air (pakn.dang_xu_ly, the rate) are not read
    assert t.count("đã thông báo là") == 1
    assert "Loại tin: ưu tiên" in t


def test_correction_readings_name_every_figure_read_on_air(sample):
    ds = sample.dataset
    c = next(x for x in ds.corrections if x.ma == "pakn.tiep_nhan" and x.ky == "2024-06")
    extra = dataclasses.replace(c, ma="pakn.da_giai_quyet", gia_tri_cu="16", gia_tri_moi="17")
    ds2 = dataclasses.replace(ds, corrections=ds.corrections + (extra,))
    idx = {(f.id, f.period): f for f in sample.figures}
    idx.update(ledger.published_figures(ds2, sample.figures))
    readings = reports.correction_readings(ds2, idx)
    assert list(readings) == ["2024-07"]
    assert sorted(r[0] for r in readings["2024-07"]) == ["pakn.da_giai_quyet", "pakn.tiep_nhan"]
    b = reports.bulletin(ds2, idx, None, indicators.month_period("2024-07"), readings)
    assert b.text.count("đã thông báo là") == 2 and b.priority


def test_a_correction_after_the_last_publication_goes_into_the_next_draft(sample):
    ds = sample.dataset
    c = next(x for x in ds.corrections if x.ma == "pakn.tiep_nhan" and x.ky == "2024-06")
    late = dataclasses.replace(c, ky="2024-11", gia_tri_cu="9", gia_tri_moi="10", ngay=D("2024-12-20"))
    idx = {(f.id, f.period): f for f in sample.figures}
    assert list(reports.correction_readings(dataclasses.replace(ds, corrections=(late,)), idx)) == ["2024-12"]


def test_unpublished_bulletin_is_a_draft(sample):
    txt = _art(sample, "ban-tin/2024-12.txt")
    assert "BẢN NHÁP" in txt and "TẠM TÍNH" in txt
    page = _art(sample, "ban-tin/2024-12.md")
    assert "Bản nháp: số liệu tạm tính" in page and "# Bản tin tháng 12/2024 – bản nháp, số liệu tạm tính: kết quả" in page
    assert "BẢN NHÁP" not in _art(sample, "ban-tin/2024-11.txt")


def test_report_page_states_its_snapshot_date(sample):
    assert "tính đến ngày 30/06/2024 (ngày chốt số liệu của kỳ)" in _art(sample, "bao-cao/2024-06.md")
    assert "tính đến ngày 31/12/2024 (ngày chốt số liệu của kỳ)" in _art(sample, "bao-cao/2024.md")


# ---------------------------------------------------------------- 6. provisional is visible; 7. the contract


def test_provisional_everywhere_an_unpublished_period_is_shown(sample):
    home = _art(sample, "index.md")
    assert "Số liệu tháng 12/2024 (tạm tính)" in home and "số liệu <strong>tạm tính</strong> đến ngày 31/12/2024" in home
    for page in ("phan-anh-kien-nghi.md", "thu-tuc-hanh-chinh.md", "muc-do-hai-long.md", "thu-gui-nguoi-dan.md"):
        text = _art(sample, page)
        assert "tháng 12/2024 (tạm tính)" in text.lower() or "số liệu tạm tính" in text, page
    assert "tháng 11/2024 (tạm tính)" not in _art(sample, "phan-anh-kien-nghi.md")
    assert "Số liệu tạm tính" in _art(sample, "bao-cao/2024-12.md")
    assert "(tạm tính)" in _art(sample, "bao-cao/2024-12/bang-tin.md")


def test_figures_json_carries_status_numerator_and_denominator(sample):
    doc = json.loads(next(a for a in sample.artifacts if a.path == "so-lieu/figures.json").content)
    for row in doc["figures"]:
        assert "numerator" in row and "denominator" in row, row["id"]
        assert row["status"] in (exports.STATUS_PUBLISHED, exports.STATUS_PROVISIONAL)
        assert (row["status"] == "đã công bố") == (row["published_on"] is not None)
        if row["unit"] != "%":
            assert row["numerator"] is None and row["denominator"] is None
    dec = [r for r in doc["figures"] if r["period"] == "2024-12"]
    assert dec and all(r["status"] == "tạm tính" for r in dec)
    csv = next(a for a in sample.artifacts if a.path == "so-lieu/figures.csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0].endswith(";Tình trạng;Lưu ý") and "tạm tính" in csv  # Vietnamese headers (issue 11)


def test_numbers_people_read_are_in_vietnamese_format(sample):
    page = html.unescape(_art(sample, "bao-cao/2024-06.md"))
    assert "(2978/3000)" not in page
    big = [r for r in sample.figures if r.unit == "%" and r.denominator and r.denominator >= 1000]
    assert big, "the sample has a rate with a denominator of four digits"
    f = big[0]
    text = html.unescape(_art(sample, f"bao-cao/{f.period}.md"))
    assert f"{f.numerator:,} trên {f.denominator:,}".replace(",", ".") in text  # rates say what they count (issue 11)
    listing = html.unescape(_art(sample, "so-lieu/dinh-chinh.md"))
    assert "97,4% (38/39)" in listing and "97.4" not in listing
    assert ledger.show("66.7", "pakn.ty_le_dung_han", 2, 3) == "66,7% (2/3)"
    assert ledger.show("2978", "tthc.tiep_nhan") == "2.978"
    assert ledger.show(Decimal("1234.5"), "pakn.so_ngay_trung_vi") == "1.234,5"


def test_check_messages_print_counts_in_vietnamese_format(tmp_path):
    data = _copy(tmp_path)
    f = data / "thu-tuc" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8").replace("    tiep_nhan: 30\n    truc_tuyen: 15\n", "    tiep_nhan: 2978\n    truc_tuyen: 1500\n", 1),
                 "utf-8")
    result = pipeline.check(data)
    msgs = [p.message for p in result.problems if p.code == "tong-khong-khop"]
    assert msgs and "tiếp nhận 2.978 = 2.984" in msgs[0], msgs
    assert "2978" not in " ".join(p.message for p in result.problems)


def test_publish_keeps_the_bulletin_words_and_the_pages_show_them(tmp_path):
    data = _copy(tmp_path)
    result = pipeline.check(data)
    text = ledger.ledger_text("2024-03", D("2024-04-05"), result.figures, "x.json", ds=result.dataset)
    assert "\nban_tin:\n  - \"Kính thưa bà con." in text and "Số liệu do Ủy ban nhân dân xã công bố ngày mùng năm tháng" in text
    assert "\nban_tin_so_lieu: [tthc.tiep_nhan, " in text
    (data / "cong-bo").mkdir()
    # whatever a later version of the program would say, the bulletin page shows the words kept on the day
    kept = text.replace("Xin cảm ơn bà con đã lắng nghe.", "Xin cảm ơn bà con đã lắng nghe bản tin.")
    (data / "cong-bo" / "2024-03.yaml").write_text(kept, "utf-8")
    built = pipeline.build(data)
    assert built.ok, built.problems
    txt = next(a for a in built.artifacts if a.path == "ban-tin/2024-03.txt").content.decode("utf-8")
    assert "Xin cảm ơn bà con đã lắng nghe bản tin." in txt and "Phát vào các ngày: 05/04/2024, 06/04/2024, 07/04/2024" in txt
    draft = next(a for a in built.artifacts if a.path == "ban-tin/2024-04.txt").content.decode("utf-8")
    assert "BẢN NHÁP" in draft and "lắng nghe bản tin" not in draft
    # a quarter keeps no bulletin
    assert "ban_tin" not in ledger.ledger_text("2024-Q1", D("2024-04-05"), result.figures, "x.json", ds=result.dataset)
