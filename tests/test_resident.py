"""What a resident meets on the built sample site: every petition findable, contacts, numbers in words, search
snippets without staff vocabulary. (The browser tests check the same site at 360 px.)"""

from __future__ import annotations

import json
import re
from collections import namedtuple
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from generator import pipeline
from generator.pages import code_month, judged_change, petition_lookup

DATA = ROOT / "data"
CODE_LIKE = re.compile(r"\b(?:tthc|pakn|xin_loi|hai_long|thu|hoat_dong|ke_hoach)\.[a-z_]+\b|\.ya?ml\b|\bdata/|\.csv\b|\.json\b")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("resident")
    proc = mkdocs_build(DATA, out)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def ds():
    result = pipeline.check(DATA)
    assert result.ok
    return result.dataset


def test_every_petition_is_on_its_month_page_and_to_cao_only_counted(site, ds):
    assert len(ds.petitions) > 150
    for p in ds.petitions:
        month = p.ngay_nhan.strftime("%Y-%m")
        html = (site / "phan-anh" / month / "index.html").read_text("utf-8")
        if p.loai == "to-cao":
            assert f'id="{p.ma}"' not in html and p.ma not in html
            assert "Đơn tố cáo" in html and "chỉ công bố số lượng" in html
        else:
            assert f'<span id="{p.ma}">{p.ma}</span>' in html, p.ma
    tc = [p for p in ds.petitions if p.loai == "to-cao"]
    assert tc and all(p.tom_tat is None or p.tom_tat not in (site / "phan-anh" / p.ngay_nhan.strftime("%Y-%m") / "index.html").read_text("utf-8") for p in tc)


def test_archive_is_linked_and_bounded(site, ds):
    months = sorted({p.ngay_nhan.strftime("%Y-%m") for p in ds.petitions})
    pages = sorted(p.name for p in (site / "phan-anh").iterdir() if p.is_dir())
    assert pages == months, "one archive page per month, no page per record"
    index = (site / "phan-anh" / "index.html").read_text("utf-8")
    assert all(f'href="{m}/"' in index for m in months)
    assert 'href="../phan-anh/"' in (site / "phan-anh-kien-nghi" / "index.html").read_text("utf-8")
    for m in months:
        assert f'href="../../phan-anh/{m}/"' in (site / "bao-cao" / m / "index.html").read_text("utf-8"), m
    # the look-up form works without JavaScript (it opens /phan-anh/, which states the rule) and with it
    assert '<form class="tra-ma" action="./"' in index and "PA-NĂMTHÁNG-SỐ" in index
    assert 'src="./../assets/javascripts/tra-ma.js" defer' in index
    assert (site / "assets" / "javascripts" / "tra-ma.js").is_file()
    home = (site / "index.html").read_text("utf-8")
    assert "tra-ma" not in home, "the home page stays light"


def test_code_to_month_rule_and_its_exceptions():
    assert code_month("PA-2405-01") == "2024-05" and code_month("PA-2405-1234") == "2024-05"
    assert code_month("XYZ") is None
    P = namedtuple("P", "ma ngay_nhan loai")
    from datetime import date
    pets = [P("PA-2405-01", date(2024, 5, 2), "phan-anh"), P("PA-2405-02", date(2024, 6, 1), "kien-nghi"),
            P("PA-2406-09", date(2024, 6, 3), "to-cao")]
    lk = petition_lookup(pets, ["2024-05", "2024-06"])
    assert lk["exceptions"] == [("PA-2405-02", "2024-06")]
    assert lk["example"] == {"code": "PA-2405-01", "month": "2024-05"}


def test_search_index_has_no_figure_code_yaml_or_path_and_the_guide_ranks_low(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    bad = [(d["location"], CODE_LIKE.search(d["title"] + " " + d["text"]).group(0)) for d in index["docs"]
           if CODE_LIKE.search(d["title"] + " " + d["text"])]
    assert not bad, bad[:5]
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "phan-anh/" in locations and not any(re.match(r"phan-anh/\d{4}-\d{2}/", loc) for loc in locations)
    guide = [d for d in index["docs"] if d["location"].startswith("huong-dan/")]
    assert guide and all(d.get("boost", 1) < 1 for d in guide)


def test_contact_page_has_hotline_zalo_and_portal(site, ds):
    html = (site / "lien-he" / "index.html").read_text("utf-8")
    s = ds.site
    assert s.duong_day_nong and f'href="tel:{s.duong_day_nong}"' in html
    assert s.zalo and (f'href="https://zalo.me/{s.zalo}"' in html or f'href="{s.zalo}"' in html)
    assert s.cong_thong_tin and f'href="{s.cong_thong_tin}"' in html
    # each contact is its own list item: none glued onto the line before it
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    for start in ("Điện thoại:", "Đường dây nóng", "Zalo của xã:", "Thư điện tử:", "Nộp hồ sơ, gửi phản ánh trực tuyến:"):
        assert sum(1 for it in items if it.strip().startswith(start)) == 1, start
    assert not re.search(r"Zalo\)\s*-\s*Thư điện tử", html)


def test_wide_tables_are_marked_as_cards_with_labels(site):
    html = (site / "phan-anh-kien-nghi" / "index.html").read_text("utf-8")
    assert re.search(r"<table[^>]*\bdata-the\b", html)
    for label in ("Mã", "Nội dung", "Tình trạng", "Kết quả"):
        assert f'<td data-label="{label}"' in html, label
    report = (site / "bao-cao" / "2024-05" / "index.html").read_text("utf-8")
    assert '<td data-label="Mã, trích dẫn"' in report


def test_numbers_say_what_they_count_and_partial_periods_say_so(site):
    home = (site / "index.html").read_text("utf-8")
    assert re.search(r"\d+ trên \d+ câu trả lời, từ \d+ phiếu", home)
    assert re.search(r"\d+ trên \d+ hồ sơ", home)
    tthc = (site / "thu-tuc-hanh-chinh" / "index.html").read_text("utf-8")
    assert "năm 2023 (chỉ có số liệu tháng 9–12/2023)" in tthc.lower()
    assert "trễ hạn" not in tthc and "trễ hẹn" not in tthc
    glossary = (site / "phuong-phap" / "index.html").read_text("utf-8")
    assert "Giải thích từ ngữ" in glossary and "Quá hạn" in glossary


Fig = namedtuple("Fig", "value unit")


def test_a_change_is_judged_by_the_direction_good_for_the_figure():
    up = (Fig(Decimal(5), "vụ việc"), Fig(Decimal(3), "vụ việc"))
    assert "kém đi" in judged_change("pakn.qua_han", *up) and 'class="xau"' in judged_change("pakn.qua_han", *up)
    assert "tốt lên" in judged_change("pakn.qua_han", up[1], up[0])
    rate = (Fig(Decimal("96.0"), "%"), Fig(Decimal("95.0"), "%"))
    assert "tốt lên" in judged_change("tthc.ty_le_dung_han", *rate) and "điểm phần trăm" in judged_change("tthc.ty_le_dung_han", *rate)
    assert "tốt" not in judged_change("pakn.tiep_nhan", *up) and "kém" not in judged_change("pakn.tiep_nhan", *up)
    assert judged_change("pakn.qua_han", up[0], up[0]) == "không đổi"


def test_figures_for_a_vietnamese_spreadsheet_csv_and_xlsx(site):
    import csv
    import io
    import zipfile

    raw = (site / "so-lieu" / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Mã số liệu", "Kỳ", "Giá trị", "Đơn vị"]
    rates = [r for r in rows[1:] if r[3] == "%" and r[2]]
    assert rates and all(re.fullmatch(r"\d+,\d", r[2]) for r in rates), rates[:3]
    assert all(re.fullmatch(r"\d+", r[2]) for r in rows[1:] if r[3] != "%" and r[2] and "," not in r[2])
    data = (site / "so-lieu" / "figures.xlsx").read_bytes()
    z = zipfile.ZipFile(io.BytesIO(data))
    assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    strings = z.read("xl/sharedStrings.xml").decode()
    assert "Mã số liệu" in strings and "Giá trị" in strings
    assert re.search(r'<c r="C2"[^>]*><v>\d+(\.\d+)?</v></c>', sheet), "values are numeric cells"
    assert 'href="so-lieu/figures.xlsx"' in (site / "so-lieu" / "index.html").read_text("utf-8") or \
        'href="figures.xlsx"' in (site / "so-lieu" / "index.html").read_text("utf-8")


def test_xlsx_is_byte_identical_across_builds():
    import time
    from datetime import date

    from generator.exports import FIELDS, to_xlsx

    rows = [{"id": "tthc.ty_le_dung_han", "period": "2024-05", "value": 96.2, "unit": "%", "numerator": 25,
             "denominator": 26, "label": "=cmd|x", "as_of": "2024-05-31"}]
    a = to_xlsx(rows, FIELDS, date(2024, 5, 31), "x")
    time.sleep(2.1)  # zip timestamps have a two-second resolution
    assert to_xlsx(rows, FIELDS, date(2024, 5, 31), "x") == a
