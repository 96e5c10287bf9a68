"""Hostile values in every text field: a real `mkdocs build --strict` shows them as text, never as markup.

tests/hostile.py puts a payload (elements with event handlers, a script, a `javascript:` URL, a Markdown
link, quotes that close an attribute, a spreadsheet formula) into every `Text` field the schema declares,
of every record kind and of the site file (whose values reach the theme: banner, header, footer, title,
meta tags, the 404 page). The built site is then read as a browser would: no element or attribute from
a payload, no event handler, no `javascript:` URL, in any HTML, SVG or XML file; the payload is shown as
literal text where the field is displayed; CSV cells cannot run as formulas; JSON parses.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import hostile
from conftest import mkdocs_build


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    inj = hostile.make(base / "data")
    out = base / "site"
    proc = mkdocs_build(base / "data", out)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out, inj


class _Live(HTMLParser):
    """Collects whatever a browser would run or load from the page's markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self.double: list[str] = []  # attribute values escaped twice: a reader would see "&lt;"
        self._in_script = False
        self._script_type = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name in ("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc") and (
                    squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))):
                self.found.append(f"<{tag} {name}={value!r}>")
            if re.search(r"&(?:lt|gt|amp|quot|#\d+);", value):
                self.double.append(f"<{tag} {name}={value[:60]!r}>")
            if hostile.MARKER.search(name) or "alert(" in name:
                self.found.append(f"<{tag}> attribute {name!r} from a payload")
        if tag == "script":
            self._in_script = True
            self._script_type = dict(attrs).get("type") or ""
        if tag in ("img", "svg") and any(v and v.strip() == "x" for n, v in attrs if n == "src"):
            self.found.append(f"<{tag} src=x> from a payload")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            if "alert(" in data and "json" not in self._script_type:
                self.found.append(f"<script> running {data[:60]!r}")
            return
        self.text.append(data)


def _scan(text: str) -> _Live:
    p = _Live()
    p.feed(text)
    p.close()
    return p


def test_payloads_reach_every_text_field(hostile_site):
    _, inj = hostile_site
    closed = hostile.pattern_closed()  # codes, phone numbers, periods, web addresses: no payload can match
    assert set(inj.fields.values()) | closed == hostile.text_fields(), "a text field got no payload"
    assert "Site.kho_ma_nguon" in closed and "Site.dia_chi_trang" in closed


def test_no_live_markup_anywhere(hostile_site):
    site, _ = hostile_site
    scanned = 0
    for f in sorted(site.rglob("*")):
        if f.suffix not in (".html", ".svg", ".xml"):
            continue
        text = f.read_text("utf-8")
        live = _scan(text).found
        assert not live, f"{f.relative_to(site)}: {live}"
        scanned += 1
        if f.suffix in (".svg", ".xml"):
            root = ET.fromstring(text.encode("utf-8"))  # well-formed: no payload broke out of a text node
            tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
            assert not tags & {"script", "img", "b", "foreignObject"}, f"{f.relative_to(site)}: {tags}"
    assert scanned > 30


def _visible(site: Path, rel: str) -> str:
    return " ".join(_scan((site / rel).read_text("utf-8")).text)


def test_site_file_values_shown_as_text_in_the_theme(hostile_site):
    """Banner, header, footer, <title> and meta description: the commune's name is data too."""
    site, inj = hostile_site
    by_field = {v: k for k, v in inj.fields.items()}
    for rel in ("index.html", "404.html", "lien-he/index.html", "bao-cao/index.html"):
        html = (site / rel).read_text("utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert "&lt;img src=x onerror=alert(1)&gt;" in title, rel
        desc = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
        assert "&lt;" in desc and by_field["Site.mo_hinh"] in desc, rel
        visible = _visible(site, rel)
        for fld in ("Site.ten", "Site.ten_co_quan", "Site.giay_phep_du_lieu"):
            assert by_field[fld] in visible, (rel, fld)
        assert "<img src=x onerror=alert(1)>" in visible, rel  # shown literally, once escaped


def test_record_values_shown_as_text(hostile_site):
    site, inj = hostile_site
    visible = " ".join(_visible(site, p.relative_to(site).as_posix()) for p in site.rglob("*.html"))
    shown = {fld for marker, fld in inj.fields.items() if re.search(marker + r"(?!\d)", visible)}
    for fld in ("Petition.tom_tat", "Petition.ket_qua", "Site.thon", "Activity.noi_dung",
                "Activity.chu_tri", "LateCase.ly_do", "PlanStep.ten", "Commitment.noi_dung", "Site.dia_chi",
                "Leader.chuc_vu", "SuggestionBox.noi_dat"):
        assert fld in shown, fld
    # literally, not escaped twice: no "&amp;lt;" shown to a reader
    assert "&lt;img" not in visible and "&amp;" not in visible


def test_attributes_escaped_once(hostile_site):
    """Alt text, titles, aria labels: the payload reads as written, not as "&lt;img…"."""
    site, _ = hostile_site
    shown = 0
    for f in site.rglob("*.html"):
        p = _scan(f.read_text("utf-8"))
        assert not p.double, f"{f.relative_to(site)}: {p.double[:3]}"
    for f in site.rglob("*.html"):
        shown += len(re.findall(r'(?:alt|title|aria-label)="[^"]*&lt;img src=x onerror=alert\(1\)&gt;', f.read_text("utf-8")))
    assert shown, "no payload in an alt, title or aria-label attribute: the test would prove nothing"


def test_svg_text_escaped_once(hostile_site):
    site, _ = hostile_site
    for svg in (site / "bieu-do").glob("*.svg"):
        text = svg.read_text("utf-8")
        assert "&amp;lt;" not in text, svg.name
        root = ET.fromstring(text.encode("utf-8"))
        for el in root.iter():
            assert "&lt;" not in (el.text or ""), svg.name  # parsed text holds "<", not an entity shown as text


def test_exports_are_inert(hostile_site):
    site, _ = hostile_site
    feed = ET.fromstring((site / "bao-cao" / "atom.xml").read_bytes())
    ns = "{http://www.w3.org/2005/Atom}"
    for el in feed.iter():
        assert el.get("type") in (None, "text"), "an Atom text construct of type html/xhtml renders markup"
        if el.tag == f"{ns}link":
            assert not el.get("href", "").lower().startswith("javascript:")
    assert "<img src=x onerror=alert(1)>" in feed.find(f"{ns}title").text
    for f in (site / "so-lieu").rglob("*.json"):
        json.loads(f.read_text("utf-8"))
    cells = 0
    for f in (site / "so-lieu").rglob("*.csv"):
        for row in csv.reader(io.StringIO(f.read_text("utf-8-sig"))):
            for cell in row:
                cells += 1
                assert not cell[:1] in ("=", "+", "@", "\t", "\r") and not re.match(r"-\D", cell), (f.name, cell)
    assert cells
    assert any("'=1+<img" in f.read_text("utf-8-sig") for f in (site / "so-lieu").rglob("*.csv"))
