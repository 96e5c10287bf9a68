"""Validation of a whole data folder: every rule, with the exact file, line and code.

Each test copies tests/fixtures/tiny (which is valid), breaks one thing, runs
generator.pipeline.check and compares the complete list of problems.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import check, display_prefix
from generator.problems import format_text

TINY = Path(__file__).resolve().parent / "fixtures" / "tiny"


# ---------------------------------------------------------------- helpers


def variant(tmp_path: Path, relpath: str, change) -> Path:
    """tmp_path/data as a copy of the tiny data set (made on first use) with one file changed.

    change: the new text, a callable old text -> new text, or None to delete the file.
    Call it again with the same tmp_path to change a second file.
    """
    folder = tmp_path / "data"
    if not folder.exists():
        shutil.copytree(TINY, folder)
    target = folder / relpath
    if change is None:
        target.unlink()
    elif callable(change):
        old = target.read_text(encoding="utf-8")
        new = change(old)
        assert new != old, f"the change did not change {relpath}"
        target.write_text(new, encoding="utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(change, encoding="utf-8")
    return folder


def sub(old: str, new: str, count: int = 1):
    """A change that replaces `old` (which must occur exactly `count` times) by `new`."""

    def change(text: str) -> str:
        assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times"
        return text.replace(old, new)

    return change


def problems(folder: Path) -> list[tuple[str, int, str]]:
    """(path inside the data folder, line, code) of every problem, sorted."""
    result = check(folder)
    prefix = display_prefix(folder)
    out = []
    for p in result.problems:
        assert p.path.startswith(prefix), (p.path, prefix)
        out.append((p.path[len(prefix):], p.line, p.code))
    if out:
        assert result.dataset is None and not result.ok
    return sorted(out)


def only(folder: Path, code: str):
    """The single problem of the folder, which must have this code."""
    result = check(folder)
    assert [p.code for p in result.problems] == [code], result.problems
    return result.problems[0]


# ---------------------------------------------------------------- the baseline


def test_tiny_is_valid():
    result = check(TINY)
    assert result.problems == []
    assert result.ok and result.dataset is not None
    assert result.files_total == 15
    assert result.dataset.months == ("2024-03", "2024-04")


def test_variant_copy_is_valid(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-03.yaml", sub("cam_on: 3", "cam_on: 4"))
    assert problems(folder) == []


def test_check_refuses_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        check(tmp_path / "khong-co")


# ---------------------------------------------------------------- one file at a time


def test_unknown_field_with_suggestion(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("    tiep_nhan: 40", "    tiep_nhann: 40"))
    assert problems(folder) == [
        ("thu-tuc/2024-03.yaml", 3, "thieu-truong"),  # the real field is now missing
        ("thu-tuc/2024-03.yaml", 5, "truong-la"),
    ]
    p = [p for p in check(folder).problems if p.code == "truong-la"][0]
    assert p.field == "linh_vuc[1].tiep_nhann"
    assert "có phải ý bạn là 'tiep_nhan'" in p.hint


def test_unknown_field_without_close_match_lists_the_fields(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-03.yaml", sub("cam_on: 3", "cam_on: 3\nzzz: 1"))
    p = only(folder, "truong-la")
    assert p.line == 4
    assert "xin_loi" in p.hint and "chia_buon" in p.hint


def test_missing_required_field(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("    truc_tuyen: 10\n", ""))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 3, "thieu-truong")]
    p = only(folder, "thieu-truong")
    assert p.field == "linh_vuc[1].truc_tuyen"
    assert "truc_tuyen" in p.message


def test_missing_required_top_level_field(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-04.yaml", sub("chia_buon: 0\n", ""))
    assert problems(folder) == [("thu-gui/2024-04.yaml", 1, "thieu-truong")]


def test_text_in_an_int_field(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("tiep_nhan: 40", "tiep_nhan: bốn mươi"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 5, "sai-kieu-so")]
    assert "bốn mươi" in only(folder, "sai-kieu-so").message


def test_list_where_a_number_is_expected(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-03.yaml", sub("cam_on: 3", "cam_on: [3]"))
    assert problems(folder) == [("thu-gui/2024-03.yaml", 3, "sai-kieu")]


def test_negative_number(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("truc_tuyen: 10", "truc_tuyen: -1"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 6, "so-am")]


def test_thousands_separator(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("tiep_nhan: 40", "tiep_nhan: 1.234"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 5, "sai-kieu-so")]
    p = only(folder, "sai-kieu-so")
    assert "1.234" in p.message and "1234" in p.hint


def test_number_out_of_range(tmp_path):
    folder = variant(tmp_path, "ngay-nghi/2024.yaml", sub("nam: 2024", "nam: 1999"))
    assert ("ngay-nghi/2024.yaml", 1, "ngoai-khoang") in problems(folder)


def test_impossible_date(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub("ngay_giai_quyet: 2024-03-15", "ngay_giai_quyet: 2024-02-30"))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 11, "ngay-khong-hop-le")]
    p = only(folder, "ngay-khong-hop-le")
    assert p.field == "phan_anh[1].ngay_giai_quyet"
    assert "2024-02-30" in p.message


def test_feb_29_only_in_leap_years(tmp_path):
    folder = variant(tmp_path, "ngay-nghi/2024.yaml", sub("ngay: 2024-05-04", "ngay: 2023-02-29"))
    assert problems(folder) == [("ngay-nghi/2024.yaml", 13, "ngay-khong-hop-le")]


def test_day_month_year_date(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub("ngay_giai_quyet: 2024-03-15", "ngay_giai_quyet: 15/03/2024"))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 11, "sai-dinh-dang-ngay")]
    assert "2024-03-15" in only(folder, "sai-dinh-dang-ngay").hint


def test_day_month_year_date_with_single_digits(tmp_path):
    folder = variant(tmp_path, "tre-han/2024-03.yaml", sub("ngay_nhan: 2024-03-01", "ngay_nhan: 1.3.2024"))
    assert problems(folder) == [("tre-han/2024-03.yaml", 5, "sai-dinh-dang-ngay")]
    assert "2024-03-01" in only(folder, "sai-dinh-dang-ngay").hint


def test_unknown_enum_value_with_suggestion(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("linh_vuc: ho-tich", "linh_vuc: ho-tch"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 3, "gia-tri-khong-hop-le")]
    assert "có phải ý bạn là 'ho-tich'" in only(folder, "gia-tri-khong-hop-le").hint


def test_enum_written_as_its_label_suggests_the_code(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub("loai: khieu-nai", "loai: Khiếu nại"))
    p = only(folder, "gia-tri-khong-hop-le")
    assert p.line == 28
    assert "'khieu-nai'" in p.hint


def test_unknown_survey_criterion(tmp_path):
    folder = variant(tmp_path, "khao-sat/2024-04.yaml", sub("  tiep-can-dich-vu:", "  tiep-can-dich-vuu:"))
    assert problems(folder) == [("khao-sat/2024-04.yaml", 5, "gia-tri-khong-hop-le")]
    assert "'tiep-can-dich-vu'" in only(folder, "gia-tri-khong-hop-le").hint


def test_bad_boolean(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-04.yaml", sub("tai_dien: có", "tai_dien: hình như"))
    assert problems(folder) == [("phan-anh/2024-04.yaml", 13, "sai-kieu-dung-sai")]


def test_month_in_file_differs_from_file_name(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("thang: 2024-03", "thang: 2024-02"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 1, "thang-khong-khop")]
    assert '"2024-03"' in only(folder, "thang-khong-khop").hint


def test_year_in_file_differs_from_file_name(tmp_path):
    folder = variant(tmp_path, "ngay-nghi/2024.yaml", sub("nam: 2024", "nam: 2025"))
    assert problems(folder) == [("ngay-nghi/2024.yaml", 1, "nam-khong-khop")]


def test_duplicate_key_through_the_pipeline(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-03.yaml", sub("cam_on: 3\n", "cam_on: 3\ncam_on: 4\n"))
    assert problems(folder) == [("thu-gui/2024-03.yaml", 4, "trung-khoa")]


def test_empty_file(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-04.yaml", "")
    assert problems(folder) == [("thu-gui/2024-04.yaml", 0, "tep-rong")]


def test_file_over_the_size_limit_through_the_pipeline(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-04.yaml", "# " + "x" * (3 * 1024 * 1024) + "\n")
    assert problems(folder) == [("thu-gui/2024-04.yaml", 0, "tep-qua-lon")]


# ---------------------------------------------------------------- across records


def test_totals_do_not_add_up(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("som_han: 20", "som_han: 21"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 3, "tong-khong-khop")]
    p = only(folder, "tong-khong-khop")
    assert "42" in p.message and "43" in p.message


def test_carried_over_differs_from_previous_month(tmp_path):
    # April carries 7 instead of March's 5 + 1 pending; April on its own still adds up
    folder = variant(
        tmp_path, "thu-tuc/2024-04.yaml", sub("    ton_truoc: 6\n    tiep_nhan: 30", "    ton_truoc: 7\n    tiep_nhan: 29")
    )
    assert problems(folder) == [("thu-tuc/2024-04.yaml", 4, "chuyen-ky-khong-khop")]
    p = only(folder, "chuyen-ky-khong-khop")
    assert p.field == "ton_truoc" and "(6)" in p.hint


def test_field_dropped_from_next_month_still_carries_over(tmp_path):
    # dat-dai ends March with 4 pending; April without a dat-dai row carries 0
    folder = variant(
        tmp_path,
        "thu-tuc/2024-04.yaml",
        lambda t: t[: t.index("  - linh_vuc: dat-dai")],
    )
    assert problems(folder) == [("thu-tuc/2024-04.yaml", 2, "chuyen-ky-khong-khop")]  # the linh_vuc: line


def test_late_dossiers_missing_from_the_apology_ledger(tmp_path):
    # the figures now count 5 ho-tich dossiers resolved late (1 in March, 4 in April); the ledger lists 4
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", sub("    dung_han: 9\n    tre_han: 3", "    dung_han: 8\n    tre_han: 4"))
    assert problems(folder) == [("thu-tuc/2024-04.yaml", 3, "so-xin-loi-khong-khop")]


def test_online_above_received(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-03.yaml", sub("truc_tuyen: 0", "truc_tuyen: 6"))
    assert problems(folder) == [("thu-tuc/2024-03.yaml", 16, "vuot-tong")]


def test_same_field_twice_in_a_month(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", sub("linh_vuc: dat-dai", "linh_vuc: ho-tich"))
    assert ("thu-tuc/2024-04.yaml", 12, "trung-linh-vuc") in problems(folder)


def test_duplicate_petition_id_across_two_month_files(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-04.yaml", sub('ma: "PA-2404-01"', 'ma: "PA-2403-02"'))
    assert problems(folder) == [("phan-anh/2024-04.yaml", 3, "trung-ma")]
    assert "phan-anh/2024-03.yaml:15" in only(folder, "trung-ma").message


def test_resolved_before_received(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub("ngay_giai_quyet: 2024-03-29", "ngay_giai_quyet: 2024-03-02"))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 22, "ngay-sai-thu-tu")]
    assert only(folder, "ngay-sai-thu-tu").field == "ngay_giai_quyet"


def test_notified_before_resolved(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub("ngay_thong_bao: 2024-03-16", "ngay_thong_bao: 2024-03-14"))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 13, "ngay-sai-thu-tu")]
    assert only(folder, "ngay-sai-thu-tu").field == "ngay_thong_bao"


def test_received_outside_the_month_of_the_file(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-04.yaml", sub("ngay_nhan: 2024-04-01", "ngay_nhan: 2024-03-31"))
    assert problems(folder) == [("phan-anh/2024-04.yaml", 4, "sai-thang")]


def test_denunciation_with_a_summary(tmp_path):
    folder = variant(
        tmp_path,
        "phan-anh/2024-03.yaml",
        sub("    loai: to-cao\n    linh_vuc: khac\n", '    loai: to-cao\n    linh_vuc: khac\n    tom_tat: "Tố cáo cán bộ"\n'),
    )
    assert problems(folder) == [("phan-anh/2024-03.yaml", 37, "to-cao-co-noi-dung")]
    assert only(folder, "to-cao-co-noi-dung").field == "tom_tat"


def test_denunciation_with_a_result(tmp_path):
    resolved = "    ngay_giai_quyet: 2024-04-05\n"
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(resolved, resolved + "    ket_qua: Đã xử lý\n"))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 39, "to-cao-co-noi-dung")]


def test_village_not_in_list(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub('thon: "Thôn Một"', 'thon: "Thôn Mot"'))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 8, "gia-tri-khong-hop-le")]
    p = only(folder, "gia-tri-khong-hop-le")
    assert p.field == "thon" and "'Thôn Một'" in p.hint


def test_survey_criterion_sum_above_forms_returned(tmp_path):
    folder = variant(tmp_path, "khao-sat/2024-04.yaml", sub("binh_thuong: 0", "binh_thuong: 1"))
    assert problems(folder) == [("khao-sat/2024-04.yaml", 5, "vuot-tong")]
    assert "9" in only(folder, "vuot-tong").message


def test_forms_returned_above_handed_out(tmp_path):
    folder = variant(tmp_path, "khao-sat/2024-04.yaml", sub("phieu_thu_ve: 8", "phieu_thu_ve: 11"))
    assert problems(folder) == [("khao-sat/2024-04.yaml", 3, "vuot-tong")]


def test_apology_letters_do_not_match_the_ledger(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-04.yaml", sub("xin_loi: 2", "xin_loi: 3"))
    assert problems(folder) == [("thu-gui/2024-04.yaml", 2, "thu-xin-loi-khong-khop")]


def test_apology_removed_from_the_ledger(tmp_path):
    folder = variant(tmp_path, "tre-han/2024-04.yaml", sub("    ngay_xin_loi: 2024-04-11\n", ""))
    assert problems(folder) == [("thu-gui/2024-04.yaml", 2, "thu-xin-loi-khong-khop")]


def test_activity_links_a_petition_that_does_not_exist(tmp_path):
    folder = variant(tmp_path, "hoat-dong/2024-03.yaml", sub('phan_anh: ["PA-2403-03"]', 'phan_anh: ["PA-2403-09"]'))
    assert problems(folder) == [("hoat-dong/2024-03.yaml", 10, "lien-ket-khong-ton-tai")]
    assert "PA-2403-09" in only(folder, "lien-ket-khong-ton-tai").message


def test_commitment_cites_an_unknown_figure(tmp_path):
    folder = variant(tmp_path, "cam-ket.yaml", sub('"xin_loi.ty_le_bao_phu"', '"xin_loi.ty_le_bao_phuu"'))
    assert problems(folder) == [("cam-ket.yaml", 10, "lien-ket-khong-ton-tai")]
    assert "'xin_loi.ty_le_bao_phu'" in only(folder, "lien-ket-khong-ton-tai").hint


def test_missing_holiday_year(tmp_path):
    folder = variant(tmp_path, "ngay-nghi/2024.yaml", None)
    assert problems(folder) == [("ngay-nghi/2024.yaml", 0, "thieu-ngay-nghi")]


def test_missing_holiday_year_for_a_new_year(tmp_path):
    folder = variant(tmp_path, "thu-gui/2025-01.yaml", "thang: 2025-01\nxin_loi: 0\ncam_on: 0\nchuc_mung: 0\nchia_buon: 0\n")
    assert problems(folder) == [("ngay-nghi/2025.yaml", 0, "thieu-ngay-nghi")]


def test_missing_month_between_two_procedures_months(tmp_path):
    june = (
        "thang: 2024-06\nlinh_vuc:\n  - linh_vuc: ho-tich\n    ton_truoc: 0\n    tiep_nhan: 5\n    truc_tuyen: 1\n"
        "    som_han: 5\n    dung_han: 0\n    tre_han: 0\n    dang_trong_han: 0\n    dang_qua_han: 0\n"
    )
    folder = variant(tmp_path, "thu-tuc/2024-06.yaml", june)
    assert problems(folder) == [("thu-tuc/2024-06.yaml", 1, "thieu-thang")]
    p = only(folder, "thieu-thang")
    assert "2024-05" in p.message and "thu-tuc/2024-05.yaml" in p.hint


@pytest.mark.parametrize("relpath", ["ghi-chu.yaml", "thu-tuc/2024-3.yaml", "thu-tuc/2024-05.yml", "cu/xa.yaml"])
def test_file_in_an_unknown_place(tmp_path, relpath):
    folder = variant(tmp_path, relpath, "a: 1\n")
    assert problems(folder) == [(relpath, 0, "tep-khong-ro-loai")]


# ---------------------------------------------------------------- personal data in free text

SUMMARY = 'tom_tat: "Kiến nghị sửa đường"'


@pytest.mark.parametrize(
    "text, code",
    [
        ("Kiến nghị sửa đường, gọi 0912345678", "du-lieu-ca-nhan-dien-thoai"),
        ("Kiến nghị sửa đường, gọi 0912 345 678", "du-lieu-ca-nhan-dien-thoai"),
        ("Kiến nghị sửa đường, gọi 091.234.5678", "du-lieu-ca-nhan-dien-thoai"),
        ("Kiến nghị sửa đường, gọi +84912345678", "du-lieu-ca-nhan-dien-thoai"),
        ("Người gửi có CCCD 038123456789", "du-lieu-ca-nhan-cccd"),
        ("Người gửi có CMND 172345678", "du-lieu-ca-nhan-cccd"),
        ("Liên hệ nguyenvana@gmail.com", "du-lieu-ca-nhan-email"),
        ("Sửa đường trước số nhà 12", "du-lieu-ca-nhan-dia-chi"),
        ("Ống nước vỡ ở Ngõ 5", "du-lieu-ca-nhan-dia-chi"),
    ],
)
def test_personal_data_in_a_summary(tmp_path, text, code):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, f'tom_tat: "{text}"'))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 9, code)]
    assert only(folder, code).field == "phan_anh[1].tom_tat"


def test_personal_data_in_other_free_text_fields(tmp_path):
    variant(tmp_path, "phan-anh/2024-03.yaml", sub('ket_qua: "Đã sửa"', 'ket_qua: "Đã gọi lại 0987654321"'))
    variant(tmp_path, "tre-han/2024-03.yaml", sub('ly_do: "Chờ đo đạc"', 'ly_do: "Chờ đo đạc nhà số 7"'))
    folder = variant(
        tmp_path, "hoat-dong/2024-03.yaml", sub('noi_dung: "Tuyên truyền mô hình"', 'noi_dung: "Gửi thư tới a.b@yahoo.com"')
    )
    assert problems(folder) == [
        ("hoat-dong/2024-03.yaml", 15, "du-lieu-ca-nhan-email"),
        ("phan-anh/2024-03.yaml", 12, "du-lieu-ca-nhan-dien-thoai"),
        ("tre-han/2024-03.yaml", 15, "du-lieu-ca-nhan-dia-chi"),
    ]


def test_official_numbers_and_email_declared_in_xa_yaml_are_allowed(tmp_path):
    text = "Gọi số cơ quan 02373000000, Chủ tịch xã 0237 3000 001 hoặc gửi thư tới XaMau@example.gov.vn"
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, f'tom_tat: "{text}"'))
    assert problems(folder) == []


def test_an_official_number_of_another_commune_is_not_allowed(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, 'tom_tat: "Gọi 02373000009"'))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 9, "du-lieu-ca-nhan-dien-thoai")]


def test_structured_numbers_are_not_personal_data(tmp_path):
    text = "Theo Quyết định 1234/QĐ-UBND ngày 01/03/2024, năm 2023-2024, sửa 120 m đường"
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, f'tom_tat: "{text}"'))
    assert problems(folder) == []


def test_personal_data_reported_alongside_other_problems(tmp_path):
    variant(tmp_path, "thu-gui/2024-03.yaml", sub("cam_on: 3", "cam_on: ba"))
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, 'tom_tat: "Gọi 0912345678"'))
    assert problems(folder) == [
        ("phan-anh/2024-03.yaml", 9, "du-lieu-ca-nhan-dien-thoai"),
        ("thu-gui/2024-03.yaml", 3, "sai-kieu-so"),
    ]


# ---------------------------------------------------------------- collecting and ordering


def test_problems_in_several_files_are_all_collected(tmp_path):
    variant(tmp_path, "thu-tuc/2024-03.yaml", sub("tiep_nhan: 40", "tiep_nhan: 1.234"))
    variant(tmp_path, "phan-anh/2024-04.yaml", sub("ngay_nhan: 2024-04-01", "ngay_nhan: 2024-04-31"))
    folder = variant(tmp_path, "thu-gui/2024-04.yaml", sub("thang: 2024-04", "thang: 2024-05"))
    assert problems(folder) == [
        ("phan-anh/2024-04.yaml", 4, "ngay-khong-hop-le"),
        ("thu-gui/2024-04.yaml", 1, "thang-khong-khop"),
        ("thu-tuc/2024-03.yaml", 5, "sai-kieu-so"),
    ]


def test_cross_record_problems_in_two_files_are_all_collected(tmp_path):
    variant(tmp_path, "thu-tuc/2024-03.yaml", sub("som_han: 20", "som_han: 21"))
    folder = variant(tmp_path, "khao-sat/2024-03.yaml", sub("phieu_thu_ve: 40", "phieu_thu_ve: 51"))
    found = problems(folder)
    assert ("khao-sat/2024-03.yaml", 3, "vuot-tong") in found
    assert ("thu-tuc/2024-03.yaml", 3, "tong-khong-khop") in found
    assert {path for path, _, _ in found} == {"khao-sat/2024-03.yaml", "thu-tuc/2024-03.yaml"}


def test_problem_list_is_deterministic_and_the_report_sorted(tmp_path):
    variant(tmp_path, "xa.yaml", sub('ten: "xã Mẫu"', 'tenn: "xã Mẫu"'))
    variant(tmp_path, "thu-tuc/2024-04.yaml", sub("tiep_nhan: 30", "tiep_nhan: -3"))
    variant(tmp_path, "thu-tuc/2024-03.yaml", sub("tiep_nhan: 40", "tiep_nhan: x"))
    variant(tmp_path, "cam-ket.yaml", sub("ma: khong-tre-hen", "ma: Không"))
    variant(tmp_path, "ghi-chu.yaml", "a: 1\n")
    # personal data is found after every per-file check, but belongs to an earlier file
    folder = variant(tmp_path, "hoat-dong/2024-03.yaml", sub('noi_dung: "Tuyên truyền mô hình"', 'noi_dung: "Gọi 0912345678"'))
    first = check(folder).problems
    assert len(first) >= 7
    for _ in range(3):
        assert check(folder).problems == first
    # a copy of the same files written in another order reports the same, in the same order
    other = tmp_path / "other"
    other.mkdir()
    for f in sorted(folder.rglob("*"), reverse=True):
        if f.is_file():
            dest = other / f.relative_to(folder)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(f.read_bytes())
    pre_a, pre_b = display_prefix(folder), display_prefix(other)
    again = [(p.path[len(pre_b):], p.line, p.field, p.code, p.message.replace(pre_b, pre_a)) for p in check(other).problems]
    assert again == [(p.path[len(pre_a):], p.line, p.field, p.code, p.message) for p in first]
    # the report lists them by file, then line
    report = format_text(first, 16).splitlines()
    located = [line.split("  ")[0] for line in report if not line.startswith("  gợi ý:")][:-1]
    keys = [(loc.rsplit(":", 1)[0], int(loc.rsplit(":", 1)[1])) if ":" in loc.rsplit("/", 1)[-1] else (loc, 0) for loc in located]
    assert keys == sorted(keys)
    assert len(keys) == len(first)
    assert report[-1] == f"Có {len(first)} lỗi trong 6/16 tệp. Chưa tạo trang nào."


# ---------------------------------------------------------------- empty lists, and xa.yaml with a problem


def test_empty_required_list_is_refused(tmp_path):
    # 'linh_vuc:' with nothing under it must not pass as a month without any procedure
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", "thang: 2024-04\nlinh_vuc:\n")
    assert problems(folder) == [("thu-tuc/2024-04.yaml", 2, "thieu-muc")]


def test_empty_required_list_in_flow_style_is_refused(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", "thang: 2024-04\nlinh_vuc: []\n")
    assert problems(folder) == [("thu-tuc/2024-04.yaml", 2, "thieu-muc")]


def test_empty_optional_list_is_fine(tmp_path):
    # a month without any petition is allowed
    folder = variant(tmp_path, "phan-anh/2024-04.yaml", "thang: 2024-04\nphan_anh:\n")
    assert problems(folder) == []


def test_official_number_allowed_even_when_xa_yaml_has_another_problem(tmp_path):
    # a problem elsewhere in xa.yaml must not turn every mention of the official number into a privacy error
    variant(tmp_path, "xa.yaml", sub('giay_phep_du_lieu: "CC BY 4.0"', 'giay_phep_du_lieu: "CC BY 4.0"\nmau_sac: xanh'))
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, 'tom_tat: "Gọi số cơ quan 02373000000 hoặc 0237 3000 001"'))
    assert problems(folder) == [("xa.yaml", 18, "truong-la")]


def test_private_number_still_caught_when_xa_yaml_has_another_problem(tmp_path):
    variant(tmp_path, "xa.yaml", sub('giay_phep_du_lieu: "CC BY 4.0"', 'giay_phep_du_lieu: "CC BY 4.0"\nmau_sac: xanh'))
    folder = variant(tmp_path, "phan-anh/2024-03.yaml", sub(SUMMARY, 'tom_tat: "Gọi 0912345678"'))
    assert problems(folder) == [("phan-anh/2024-03.yaml", 9, "du-lieu-ca-nhan-dien-thoai"), ("xa.yaml", 18, "truong-la")]


# ---------------------------------------------------------------- missing files


def test_missing_single_file(tmp_path):
    folder = variant(tmp_path, "xa.yaml", None)
    assert problems(folder) == [("xa.yaml", 0, "thieu-tep")]


@pytest.mark.parametrize("relpath", ["ke-hoach.yaml", "cam-ket.yaml"])
def test_a_commune_without_its_plan_or_commitments_yet_passes(tmp_path, relpath):
    # the pages say "chưa có số liệu" (tests/test_other_commune.py)
    folder = variant(tmp_path, relpath, None)
    assert problems(folder) == []


def test_no_procedures_month_at_all(tmp_path):
    variant(tmp_path, "thu-tuc/2024-03.yaml", None)
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", None)
    assert problems(folder) == [("thu-tuc/", 0, "thieu-tep")]


def test_missing_xa_yaml_reported_even_with_a_stray_copy_elsewhere(tmp_path):
    variant(tmp_path, "cu/xa.yaml", (TINY / "xa.yaml").read_text(encoding="utf-8"))
    folder = variant(tmp_path, "xa.yaml", None)
    assert problems(folder) == [("cu/xa.yaml", 0, "tep-khong-ro-loai"), ("xa.yaml", 0, "thieu-tep")]


# ---------------------------------------------------------------- later fixes


def test_spaces_inside_a_number_are_refused_not_joined(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", sub("tiep_nhan: 30", "tiep_nhan: 3 0"))
    assert problems(folder) == [("thu-tuc/2024-04.yaml", 5, "sai-kieu-so")]


def test_thousands_written_with_a_space(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", sub("tiep_nhan: 30", "tiep_nhan: 1 030"))
    (p,) = check(folder).problems
    assert (p.line, p.code) == (5, "sai-kieu-so") and "1030" in p.hint


def test_required_field_present_but_empty_is_reported_at_its_line(tmp_path):
    folder = variant(tmp_path, "thu-tuc/2024-04.yaml", sub("    tiep_nhan: 30\n", "    tiep_nhan:\n"))
    (p,) = check(folder).problems
    assert (p.line, p.code) == (5, "thieu-truong") and "để trống" in p.message


def test_file_saved_with_a_txt_suffix_is_reported(tmp_path):
    folder = variant(tmp_path, "thu-gui/2024-05.yaml.txt", "thang: 2024-05\n")
    assert problems(folder) == [("thu-gui/2024-05.yaml.txt", 0, "ten-tep-sai-duoi")]


def test_amount_of_money_is_not_an_id_number(tmp_path):
    folder = variant(tmp_path, "phan-anh/2024-03.yaml",
                     sub('tom_tat: "Kiến nghị sửa đường"', 'tom_tat: "Kiến nghị hỗ trợ 150000000 đồng sửa đường"'))
    assert problems(folder) == []


def test_missing_file_not_counted_as_a_file_read(tmp_path):
    folder = variant(tmp_path, "xa.yaml", None)
    text = format_text(check(folder).problems, 14)
    assert text.splitlines()[-1] == "Có 1 lỗi trong 0/14 tệp. Chưa tạo trang nào."
