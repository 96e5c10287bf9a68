"""Charts everyone can read: a text alternative with the main message, the same numbers in a table right
after the chart, colours with at least 3:1 contrast on white, a second cue besides colour, value labels.

These read the built files; that the charts also show with JavaScript off is checked in test_pages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

# decorative only: white, the light grid lines and the grey 0–100% track behind the progress bars
DECORATIVE = {"#ffffff", "#eeeeee", "#dddddd"}
COLOUR = re.compile(r"""(?:fill|stroke)(?::\s*|=")(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b""")
TEXT = re.compile(r"<text\b[^>]*>([^<]*)</text>")
DATE_LIKE = re.compile(r"tháng \d{1,2}/\d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{4}\b|\b(?:19|20)\d\d\b", re.I)


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = "#ffffff") -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class Figures(HTMLParser):
    """Each <figure class="bieu-do">: its img alt and src, its caption, and what follows until the next heading."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.current: dict | None = None
        self.after: dict | None = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "bieu-do" in (a.get("class") or ""):
            self.current = {"alt": None, "src": None, "caption": "", "table_after": False}
            self.after = None
        elif self.current is not None and tag == "img":
            self.current["alt"], self.current["src"] = a.get("alt"), a.get("src")
        elif self.current is not None and tag == "figcaption":
            self.in_caption = True
        elif self.after is not None and tag == "table":
            self.after["table_after"] = True
            self.after = None
        elif self.after is not None and (tag in ("h1", "h2", "h3", "h4") or tag == "figure"):
            self.after = None

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self.in_caption = False
        elif tag == "figure" and self.current is not None:
            self.found.append(self.current)
            self.after, self.current = self.current, None

    def handle_data(self, data):
        if self.in_caption and self.current is not None:
            self.current["caption"] += data


@pytest.fixture(scope="module")
def charts_by_page(site_dir, pages):
    out = {}
    for path in pages:
        parser = Figures()
        parser.feed((site_dir / path / ("" if path.endswith(".html") else "index.html")).read_text("utf-8"))
        if parser.found:
            out[path] = parser.found
    return out


def test_the_topic_pages_have_charts(charts_by_page):
    assert {"thu-tuc-hanh-chinh/", "phan-anh-kien-nghi/", "muc-do-hai-long/", "tien-do/"} <= set(charts_by_page)


def test_every_chart_has_a_text_alternative_with_its_main_message(charts_by_page):
    problems = []
    for path, figs in charts_by_page.items():
        for f in figs:
            alt = (f["alt"] or "").strip()
            if len(alt) < 20:
                problems.append(f"/{path} {f['src']}: alt {alt!r}")
            elif not re.search(r"\d", DATE_LIKE.sub("", alt)):
                problems.append(f"/{path} {f['src']}: alt names no figure, only dates: {alt!r}")
            if not f["caption"].strip():
                problems.append(f"/{path} {f['src']}: no caption")
    assert not problems, "\n".join(problems)


def test_every_chart_has_its_numbers_in_a_table_right_after_it(charts_by_page):
    problems = [f"/{p} {f['src']}" for p, figs in charts_by_page.items() for f in figs if not f["table_after"]]
    assert not problems, "no table between the chart and the next heading:\n" + "\n".join(problems)


def chart_files(site_dir):
    return sorted((site_dir / "bieu-do").glob("*.svg"))


def test_chart_colours_contrast_at_least_3_to_1_with_white(site_dir):
    problems = []
    for svg in chart_files(site_dir):
        for colour in sorted({c.lower() for c in COLOUR.findall(svg.read_text("utf-8"))} - DECORATIVE):
            if contrast(colour) < 3:
                problems.append(f"{svg.name}: {colour} has {contrast(colour):.2f}:1")
    assert chart_files(site_dir)
    assert not problems, "\n".join(problems)


def test_series_told_apart_by_more_than_colour(site_dir):
    """Where a chart has two or more data colours, the series also differ by a hatch pattern."""
    problems = []
    for svg in chart_files(site_dir):
        text = svg.read_text("utf-8")
        data_colours = {c.lower() for c in COLOUR.findall(text)} - DECORATIVE - {"#000000", "#222222"}
        if len(data_colours) >= 2 and "<pattern" not in text:
            problems.append(f"{svg.name}: colours {sorted(data_colours)} and no pattern")
    assert not problems, "\n".join(problems)


def test_values_are_written_on_the_chart(site_dir):
    """Each month (or step) carries its value as text: no one has to read it off an axis."""
    problems = []
    for svg in chart_files(site_dir):
        texts = [t.strip() for t in TEXT.findall(svg.read_text("utf-8")) if t.strip()]
        categories = [t for t in texts if re.fullmatch(r"\d{1,2}/\d{2}|Bước \d+", t)]
        values = [t for t in texts if re.fullmatch(r"\d[\d.]*(?:,\d+)?%?", t)]
        if not categories or len(values) < len(categories):
            problems.append(f"{svg.name}: {len(values)} value labels for {len(categories)} bars or points")
        if any(t.startswith("Bước") for t in categories):  # bars that stand alone: each one labelled in %
            if sum(1 for t in values if t.endswith("%")) < len(categories):
                problems.append(f"{svg.name}: a bar without its percentage")
    assert not problems, "\n".join(problems)
