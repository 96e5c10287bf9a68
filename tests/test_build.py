"""Real `mkdocs build --strict` runs of small sites: what a resident's browser receives."""

import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

TINY = Path(__file__).parent / "fixtures" / "tiny"

PAGES = ["", "thu-tuc-hanh-chinh/", "phan-anh-kien-nghi/", "muc-do-hai-long/", "tien-do/", "cam-ket/",
         "thu-gui-nguoi-dan/", "hoat-dong/", "so-lieu/", "phuong-phap/", "gioi-thieu/", "lien-he/"]


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(TINY, out)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out


def html_pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_every_page_at_its_fixed_url(tiny_site):
    for url in PAGES:
        page = tiny_site / url / "index.html"
        assert page.is_file(), url
        text = page.read_text("utf-8")
        assert '<html lang="vi"' in text
    data = json.loads((tiny_site / "so-lieu" / "figures.json").read_text("utf-8"))
    assert data["as_of"] == "2024-04-30"
    assert (tiny_site / "so-lieu" / "figures.csv").read_bytes().startswith("\ufeffMã số liệu;Kỳ;Giá trị".encode())
    for name in ("tthc-ty-le-dung-han", "tthc-ket-qua", "pakn-theo-thang", "hai-long-theo-thang", "ke-hoach-cac-buoc"):
        svg = (tiny_site / "bieu-do" / f"{name}.svg").read_text("utf-8")
        assert svg.startswith("<?xml") and "<dc:date>" not in svg


def test_commune_name_comes_from_the_data(tiny_site):
    home = (tiny_site / "index.html").read_text("utf-8")
    assert "Ủy ban nhân dân xã Mẫu" in home
    assert "Trường Xuân" not in home


def test_sample_banner_on_every_page(tiny_site):
    for page in html_pages(tiny_site):
        assert "Dữ liệu minh họa." in page.read_text("utf-8"), page


def test_headline_figures_on_home_page(tiny_site):
    home = (tiny_site / "index.html").read_text("utf-8")
    # tháng 4/2024: 37/40 on time, 2 petitions resolved, survey below 10 forms, plan 62,5%
    assert "92,5%" in home and "37 trên 40 hồ sơ" in home and "tháng 4/2024" in home.lower()
    assert "chưa đủ phiếu" in home
    assert "62,5%" in home
    assert "30/04/2024" in home


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.I)


def test_no_request_to_any_third_party(tiny_site):
    """No resource (script, style, font, image) is loaded from another origin."""
    for f in tiny_site.rglob("*"):
        if f.suffix not in (".html", ".css", ".js", ".svg"):
            continue
        text = f.read_text("utf-8", errors="replace")
        for m in EXTERNAL.finditer(text):
            context = text[max(0, m.start() - 80): m.end() + 80]
            # plain <a href> links to other sites are not requests; anything else is
            assert "<a " in context[:90] and "<link" not in context, f"{f}: {context}"
    for page in html_pages(tiny_site):
        text = page.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


INJECTION = ('<script>alert(1)</script> <img src=x onerror=alert(2)> [bấm](javascript:alert(3)) '
             '{: onclick="alert(4)" } **đậm** `mã` | ô | &amp; <!-- c -->')


def test_text_from_data_is_shown_literally(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    f = data / "phan-anh" / "2024-04.yaml"
    text = f.read_text("utf-8").replace('"Kiến nghị về lịch tiêm chủng"', json.dumps(INJECTION, ensure_ascii=False))
    f.write_text(text, "utf-8")
    out = tmp_path / "site"
    proc = mkdocs_build(data, out)
    assert proc.returncode == 0, proc.stderr
    page = (out / "phan-anh-kien-nghi" / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page and "<img src=\"x\"" not in page
    assert 'href="javascript:' not in page
    assert 'onclick="alert(4)"' not in page
    assert "<strong>đậm</strong>" not in page
    # …and the resident sees exactly what was written
    import html as _html
    visible = _html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "<script>alert(1)</script>" in visible
    assert "[bấm](javascript:alert(3))" in visible
    assert '{: onclick="alert(4)" }' in visible
    assert "**đậm**" in visible
    assert "<img src=x onerror=alert(2)>" in visible and "&amp; <!-- c -->" in visible


def test_same_data_byte_identical_site(tiny_site, tmp_path):
    out = tmp_path / "again"
    proc = mkdocs_build(TINY, out)
    assert proc.returncode == 0, proc.stderr
    cmp = filecmp.dircmp(tiny_site, out)

    def diffs(c):
        found = list(c.diff_files) + list(c.left_only) + list(c.right_only)
        for sub in c.subdirs.values():
            found += diffs(sub)
        return found

    assert diffs(cmp) == []
    for a in tiny_site.rglob("*"):
        if a.is_file():
            assert a.read_bytes() == (out / a.relative_to(tiny_site)).read_bytes(), a


def test_broken_data_fails_the_build_in_vietnamese(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    f = data / "thu-tuc" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8").replace("tiep_nhan: 30", "tiep_nhan: 31"), "utf-8")
    out = tmp_path / "site"
    proc = mkdocs_build(data, out)
    assert proc.returncode != 0
    assert "tong-khong-khop" in proc.stderr and "2024-04.yaml" in proc.stderr
    assert not (out / "index.html").exists()


def test_generated_pages_link_to_the_data_they_come_from(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    xa = data / "xa.yaml"
    xa.write_text(xa.read_text("utf-8") + 'kho_ma_nguon: "https://github.com/xa-mau/minh-bach"\n', "utf-8")
    out = tmp_path / "site"
    proc = mkdocs_build(data, out)
    assert proc.returncode == 0, proc.stderr
    tthc = (out / "thu-tuc-hanh-chinh" / "index.html").read_text("utf-8")
    assert 'href="https://github.com/xa-mau/minh-bach/tree/main/data/thu-tuc/"' in tthc
    home = (out / "index.html").read_text("utf-8")
    assert 'href="https://github.com/xa-mau/minh-bach/edit/main/data/xa.yaml"' in home
    # pages computed from every data kind have no single source to edit
    methods = (out / "phuong-phap" / "index.html").read_text("utf-8")
    assert "/edit/main/" not in methods and "/tree/main/" not in methods
