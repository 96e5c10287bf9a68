"""What the broadcast station relies on: frozen published figures, report pages with anchors and
citations, radio bulletins, the notice-board sheet, downloads and the feed."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from generator import ledger, pipeline, reports
from generator.indicators import index, periods_for

TINY = Path(__file__).parent / "fixtures" / "tiny"
DATA = ROOT / "data"


def run(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.fixture()
def published(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    r = run("publish", "2024-03", "--data", str(data), "--date", "2024-04-05")
    assert r.returncode == 0, r.stderr
    return data


def late_dossier(data: Path):
    """One more hộ tịch dossier received in March and still pending: a change to published figures."""
    for name, old, new in (("2024-03", "tiep_nhan: 40", "tiep_nhan: 41"), ("2024-03", "dang_trong_han: 5", "dang_trong_han: 6"),
                           ("2024-04", "ton_truoc: 6", "ton_truoc: 7"), ("2024-04", "dang_trong_han: 4", "dang_trong_han: 5")):
        f = data / "thu-tuc" / f"{name}.yaml"
        text = f.read_text("utf-8")
        assert text.count(old) >= 1
        f.write_text(text.replace(old, new, 1), "utf-8")


def test_publish_records_every_figure_of_the_period(published):
    text = (published / "cong-bo" / "2024-03.yaml").read_text("utf-8")
    assert 'ky: "2024-03"' in text and "ngay_cong_bo: 2024-04-05" in text
    result = pipeline.check(published)
    assert result.ok
    march = [f for f in result.figures if f.period == "2024-03"]
    assert text.count("  - ma: ") == len(march)
    assert '  - ma: tthc.ty_le_dung_han\n    gia_tri: "94.0"' in text
    # publishing twice is refused, and so are unfinished periods and dates inside the period
    assert run("publish", "2024-03", "--data", str(published), "--date", "2024-04-06").returncode == 2
    assert run("publish", "2024-05", "--data", str(published), "--date", "2024-06-05").returncode == 2
    assert run("publish", "2024-04", "--data", str(published), "--date", "2024-04-30").returncode == 2


def test_a_change_to_a_published_figure_fails_the_check_until_corrected(published):
    late_dossier(published)
    r = run("check", "--data", str(published))
    assert r.returncode == 1
    assert "[so-lieu-cong-bo-thay-doi]" in r.stdout
    assert "tthc.tiep_nhan kỳ 2024-03 (Hồ sơ tiếp nhận mới) là 45, nhưng dữ liệu hiện tại cho 46" in r.stdout
    r = run("correct", "--data", str(published), "--reason", "Bổ sung hồ sơ nhập muộn", "--date", "2024-04-20")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "tthc.tiep_nhan kỳ 2024-03: 45 → 46" in r.stdout
    assert "tthc.ty_le_dung_han kỳ 2024-03: 94,0% (47/50) → 94,1% (48/51)" in r.stdout  # Vietnamese format, with the fraction
    assert "tu_so_moi: 48\n    mau_so_moi: 51\n" in (published / "dinh-chinh.yaml").read_text("utf-8")
    assert run("check", "--data", str(published)).returncode == 0
    # a correction whose old value is not the published one is refused
    f = published / "dinh-chinh.yaml"
    f.write_text(f.read_text("utf-8").replace('gia_tri_cu: "45"', 'gia_tri_cu: "44"'), "utf-8")
    r = run("check", "--data", str(published))
    assert r.returncode == 1 and "[dinh-chinh-khong-khop]" in r.stdout


def test_unpublished_periods_change_freely(published):
    f = published / "khao-sat" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8").replace("phieu_phat_ra: 10", "phieu_phat_ra: 12"), "utf-8")
    assert run("check", "--data", str(published)).returncode == 0


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    proc = mkdocs_build(DATA, out)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def sample():
    result = pipeline.check(DATA)
    assert result.ok
    return result


def test_report_pages_for_every_period_with_anchors_and_citations(sample_site, sample):
    ds = sample.dataset
    for p in periods_for(ds.months):
        assert (sample_site / "bao-cao" / p.key / "index.html").is_file(), p.key
    import html

    page = html.unescape((sample_site / "bao-cao" / "2024-04" / "index.html").read_text("utf-8"))
    assert 'id="tthc-ty-le-dung-han"' in page and 'id="pakn-ty-le-hai-long"' in page
    assert "công bố ngày 06/05/2024" in page.lower()  # 05/05/2024 was a Sunday
    f = index(sample.figures)[("tthc.ty_le_dung_han", "2024-04")]
    value = f"{f.value}".replace(".", ",") + "%"
    assert (f"Ủy ban nhân dân xã Trường Xuân. “Tỷ lệ hồ sơ giải quyết đúng hạn”, tháng 4/2024: {value} "
            f"(công bố ngày 06/05/2024). Mã số liệu: tthc.ty_le_dung_han. "
            f"https://truongxuan.example/bao-cao/2024-04/#tthc-ty-le-dung-han") in page
    draft = (sample_site / "bao-cao" / "2024-12" / "index.html").read_text("utf-8")
    assert "Số liệu tạm tính" in draft
    # report pages stay out of the navigation, so every page stays light
    home = (sample_site / "index.html").read_text("utf-8")
    assert "bao-cao/2024-03/" not in home


def test_corrections_show_both_values(sample_site, sample):
    import html

    c = next(x for x in sample.dataset.corrections if x.ma == "pakn.tiep_nhan" and x.ky == "2024-06")
    page = html.unescape((sample_site / "bao-cao" / c.ky / "index.html").read_text("utf-8"))
    note = "Ngày 12/07/2024: Phản ánh, kiến nghị tiếp nhận tháng 6/2024 sửa từ 19 thành 20. Lý do: "
    assert page.count(note) == 2  # in the corrections box and beside the figure
    # the page of a published period shows the value as published; the correction stands beside it
    row = page.split('id="pakn-tiep-nhan"')[1].split("</tr>")[0]
    assert "<strong>19</strong>" in row and "sửa từ 19 thành 20" in row
    # a rate whose numerator and denominator changed while its rounded value did not is a correction too
    listing_rows = [x for x in sample.dataset.corrections if x.ma == "pakn.ty_le_hai_long" and x.ky == "2024-06"]
    assert listing_rows and listing_rows[0].gia_tri_cu == listing_rows[0].gia_tri_moi == "100.0"
    assert "sửa từ 100,0% (19/19) thành 100,0% (20/20)" in page
    listing = html.unescape((sample_site / "so-lieu" / "dinh-chinh" / "index.html").read_text("utf-8"))
    assert "12/07/2024" in listing and c.ly_do[:30] in listing
    assert "97,4% (38/39)" in listing and "97,5% (39/40)" in listing and "97.4" not in listing
    feed = (sample_site / "bao-cao" / "atom.xml").read_text("utf-8")
    groups = {(x.ngay, x.ky) for x in sample.dataset.corrections}  # June 2024 and the second quarter
    assert len(groups) == 2 and feed.count("<entry>") == len(sample.dataset.published) + len(groups)
    assert "Đính chính số liệu tháng 6/2024" in feed and "<id>tag:truongxuan.example,2023:bao-cao/2024-03</id>" in feed


def test_bulletins_read_well_on_air(sample):
    ds = sample.dataset
    idx = index(sample.figures)
    st = ledger.statuses(ds)
    for p in periods_for(ds.months):
        if p.kind != "month":
            continue
        b = reports.bulletin(ds, idx, st, p)
        assert 150 <= b.words <= 250, (p.key, b.words)
        assert not re.search(r"\d", b.text), (p.key, b.text)  # every number written as spoken
        assert b.sentences[0].startswith("Kính thưa bà con. Đài truyền thanh xã Trường Xuân thông báo")
        assert "tháng" in b.sentences[0] and b.ids
    b = reports.bulletin(ds, idx, st, next(p for p in periods_for(ds.months) if p.key == "2024-04"))
    rate = idx[("tthc.ty_le_dung_han", "2024-04")].value
    from generator.spoken import read_percent
    assert f"Tỷ lệ hồ sơ giải quyết đúng hạn đạt {read_percent(rate)}." in b.sentences
    assert b.air_days == [date(2024, 5, 6), date(2024, 5, 7), date(2024, 5, 8)] and not b.priority
    # the July bulletin carries the correction of June's figures and is a priority item
    july = reports.bulletin(ds, idx, st, next(p for p in periods_for(ds.months) if p.key == "2024-07"))
    assert july.priority and any(s.startswith("Xin đính chính") for s in july.sentences)


def test_bulletin_page_and_text_download(sample_site):
    index = (sample_site / "ban-tin" / "index.html").read_text("utf-8")
    assert all(f'href="../ban-tin/{m}/"' in index or f'href="{m}/"' in index for m in ("2023-09", "2024-04", "2024-12")), \
        "/ban-tin/ lists every bulletin"
    page = (sample_site / "ban-tin" / "2024-04" / "index.html").read_text("utf-8")
    assert "Thông thường" in page and "06/05/2024, 07/05/2024, 08/05/2024" in page
    raw = (sample_site / "ban-tin" / "2024-04.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM, so a server that names no charset still shows Vietnamese"
    txt = raw.decode("utf-8-sig")
    assert txt.startswith("ĐÀI TRUYỀN THANH XÃ TRƯỜNG XUÂN") and "Mã số liệu (lưu cùng bản tin): tthc.tiep_nhan" in txt


def test_downloads_are_spreadsheet_safe_and_de_identified(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    f = data / "phan-anh" / "2024-03.yaml"
    f.write_text(f.read_text("utf-8").replace('"Kiến nghị sửa đường"', '"=HYPERLINK(\\"http://x\\")"'), "utf-8")
    result = pipeline.build(data)
    assert result.ok, result.problems
    arts = {a.path: a.content for a in result.artifacts}
    raw = arts["so-lieu/du-lieu/phan-anh.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["tom_tat"] == "'=HYPERLINK(\"http://x\")"
    denunciation = next(r for r in rows if r["loai"] == "to-cao")
    assert denunciation["tom_tat"] == "" and denunciation["kenh"] == "" and denunciation["linh_vuc"] == ""
    doc = json.loads(arts["so-lieu/du-lieu/tre-han.json"])
    assert doc["licence"] == "CC BY 4.0" and all("***" in r["so_bien_nhan"] for r in doc["records"])
    for name in ("thu-tuc", "khao-sat", "thu-gui", "hoat-dong", "ke-hoach-buoc", "cong-bo", "dinh-chinh"):
        assert f"so-lieu/du-lieu/{name}.csv" in arts and f"so-lieu/du-lieu/{name}.json" in arts


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not chromium() and not os.environ.get("CI"), reason="Debian's chromium is not installed (CI installs it)")
def test_notice_board_sheet_prints_on_exactly_one_a4_page(sample_site, tmp_path):
    import http.server
    import threading
    from functools import partial

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = partial(Quiet, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for period in ("2024-06", "2023-09", "2024-12"):
            pdf = tmp_path / f"{period}.pdf"
            url = f"http://127.0.0.1:{server.server_port}/bao-cao/{period}/bang-tin/"
            subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf}", url], check=True, capture_output=True, timeout=120)
            data = pdf.read_bytes()
            assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1, period
            box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
            assert box and abs(float(box.group(1)) - 595.3) < 1 and abs(float(box.group(2)) - 841.9) < 1  # A4 in points
    finally:
        server.shutdown()
        server.server_close()
    page = (sample_site / "bao-cao" / "2024-06" / "bang-tin" / "index.html").read_text("utf-8")
    assert "Niêm yết từ ngày 05/07/2024 đến ngày 04/08/2024" in page and "<svg" in page and "DỮ LIỆU MINH HỌA" in page
