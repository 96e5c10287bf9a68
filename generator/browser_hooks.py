"""MkDocs hooks for what a resident's browser receives: a small search index and keyboard-scrollable tables.

- The per-period pages (/bao-cao/PERIOD/, their notice-board sheet, /ban-tin/PERIOD/) repeat the figures of
  the topic pages once per month, quarter and year. Indexed, they made the search index grow with every month
  (about 70 KB gzip for 15 months of sample data, downloaded and indexed by every visitor on every page).
  They stay reachable from /bao-cao/, which is indexed; a page can still opt in with `search: {exclude: false}`.
- Wide tables scroll inside themselves on a phone; `tabindex="0"` lets a keyboard user scroll them too
  (axe-core rule scrollable-region-focusable, WCAG 2.1.1). Code blocks wrap on a phone (extra.css).

Accent-insensitive search is done in the browser: overrides/assets/javascripts/lunr/min/lunr.vi.min.js.
Registered in mkdocs.yml `hooks:`; it has no state and does not touch the generator's artifacts.
"""

from __future__ import annotations

import re

# src paths of the per-period pages (not the /bao-cao/ index)
PER_PERIOD = re.compile(r"^(?:bao-cao/(?!index\.md$)[^/]+\.md|bao-cao/[^/]+/[^/]+\.md|ban-tin/[^/]+\.md)$")
TABLE = re.compile(r"<table(?![^>]*\btabindex=)(?=[\s>])")


def on_page_markdown(markdown, page, config, files):
    if PER_PERIOD.match(page.file.src_uri):
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("exclude", True)
    return markdown


def on_page_content(html, page, config, files):
    return TABLE.sub('<table tabindex="0"', html)
