"""MkDocs hooks for what a resident's browser receives: a small search index and keyboard-scrollable tables.

- The per-period pages (/bao-cao/PERIOD/, their notice-board sheet, /ban-tin/PERIOD/) repeat the figures of
  the topic pages once per month, quarter and year. Indexed, they made the search index grow with every month
  (about 70 KB gzip for 15 months of sample data, downloaded and indexed by every visitor on every page).
  They stay reachable from /bao-cao/, which is indexed; a page can still opt in with `search: {exclude: false}`.
- Every body cell carries its column's header as `data-label`; a table of three columns or more is marked
  `data-the`, and on a narrow screen (extra.css) it is shown as a stack of cards, one per row, each cell
  under its label, so that nothing a resident needs is off-screen (CSS only: works without JavaScript).
  Narrower tables keep their shape; a table that is still wider than the screen scrolls inside itself, and
  `tabindex="0"` lets a keyboard user scroll it too (axe-core scrollable-region-focusable, WCAG 2.1.1).
  Code blocks wrap on a phone (extra.css).

- Search snippets speak a resident's language: code (figure IDs such as `tthc.ty_le_dung_han`, YAML, file paths)
  is marked `data-search-exclude`, so the theme's search leaves it out of the index; it stays on the page.
  The staff's data guide is indexed with a low boost (its front matter), so it never outranks a topic page.

Accent-insensitive search is done in the browser: overrides/assets/javascripts/lunr/min/lunr.vi.min.js.
Registered in mkdocs.yml `hooks:`; it has no state and does not touch the generator's artifacts.
"""

from __future__ import annotations

import re

# src paths of the per-period pages (not the /bao-cao/ index)
PER_PERIOD = re.compile(r"^(?:bao-cao/(?!index\.md$)[^/]+\.md|bao-cao/[^/]+/[^/]+\.md|ban-tin/(?!index\.md$)[^/]+\.md|phan-anh/(?!index\.md$)[^/]+\.md)$")
TABLE = re.compile(r"<table(?![^>]*\btabindex=)(?=[\s>])")
TABLE_BLOCK = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
HEAD = re.compile(r"<thead\b.*?</thead>", re.S)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
BODY_ROW = re.compile(r"(<tbody\b[^>]*>)(.*?)(</tbody>)", re.S)
ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
CELL_OPEN = re.compile(r"<td(?=[\s>])(?![^>]*\bdata-label=)")
TAG = re.compile(r"<[^>]+>")
SR_ONLY = re.compile(r'<span class="sr-only">.*?</span>', re.S)
CARD_MIN_COLUMNS = 3
STAFF_GUIDE = "huong-dan.md"
CODE = re.compile(r"<(code|pre)(?=[\s>])(?![^>]*\bdata-search-exclude)")


def _label(cell_html: str) -> str:
    """The visible text of a header cell, as an attribute value (its entities kept as they are)."""
    text = TAG.sub("", SR_ONLY.sub("", cell_html))
    return " ".join(text.split()).replace('"', "&quot;")


def _cards(table: str) -> str:
    head = HEAD.search(table)
    if not head:
        return table
    labels = [_label(c) for c in HEAD_CELL.findall(head.group(0))]

    def row(m):
        it = iter(labels)
        return CELL_OPEN.sub(lambda _m: f'<td data-label="{next(it, "")}"', m.group(0))

    body = BODY_ROW.search(table)
    if body:
        table = table[:body.start(2)] + ROW.sub(row, body.group(2)) + table[body.end(2):]
    if len(labels) >= CARD_MIN_COLUMNS:
        table = re.sub(r"^<table\b", "<table data-the", table)
    return table


def on_page_markdown(markdown, page, config, files):
    if PER_PERIOD.match(page.file.src_uri):
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("exclude", True)
    return markdown


def on_page_content(html, page, config, files):
    html = TABLE_BLOCK.sub(lambda m: _cards(m.group(0)), html)
    html = CODE.sub(r"<\1 data-search-exclude", html)
    if page.file.src_uri == STAFF_GUIDE:  # it names files and YAML values throughout: only its headings are indexed
        html = re.sub(r"<(p|ul|ol|dl|table|div|details|blockquote)(?=[\s>])", r"<\1 data-search-exclude", html)
    return TABLE.sub('<table tabindex="0"', html)
