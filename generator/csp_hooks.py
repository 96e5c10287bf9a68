"""MkDocs hook: a Content-Security-Policy on every page, allowing only the site's own scripts and styles.

The policy is a `<meta http-equiv>` tag (GitHub Pages sets no headers), put first in `<head>`, before any
script. Scripts and styles load only from the site itself. The theme's few inline scripts (Material's
`__md_scope` setup, the tab and anchor restorers) are allowed by the sha256 of their exact text, computed
here from each page as written, so a theme upgrade cannot silently break the policy. Only scripts that the
theme's own templates write are hashed: every inline script of a page is matched against the `<script>`
elements of the theme's template files (a `{{ … }}` there stands for a relative address); any other inline
script, such as one that got into a page from the data, is left out of the policy, so the browser refuses
to run it, and the build warns (a failure under `mkdocs build --strict`). The inline
`style="text-align: …"` attributes that Markdown tables produce are allowed the same way
('unsafe-hashes' with their hashes); any other style attribute or `<style>` element is left out and warned about.
Under `mkdocs serve` (a preview on the staff member's own machine) no policy is added: the server injects its
live-reload script into every page, inline, after the build. Registered in mkdocs.yml `hooks:`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.csp")

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE_ELEMENT = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.S | re.I)
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)')""", re.I)
_TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")  # what Markdown tables write
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_THEME_SCRIPTS: dict = {}


def theme_scripts(template_dirs) -> list[re.Pattern]:
    """The inline scripts the theme's templates write, as patterns ({{ … }} → a relative address)."""
    key = tuple(str(d) for d in template_dirs)
    if key not in _THEME_SCRIPTS:
        patterns = set()
        for d in key:
            for f in sorted(Path(d).rglob("*.html")):
                for m in _INLINE_SCRIPT.finditer(f.read_text("utf-8", errors="replace")):
                    if _SRC.search(m.group("attrs")) or "{%" in m.group("body"):
                        continue
                    parts = re.split(r"\{\{.*?\}\}", m.group("body"), flags=re.S)
                    if not "".join(parts).strip():
                        continue  # a script that is only an expression: nothing of the theme's own to recognise
                    patterns.add(r"[^\"'<>\\]*".join(re.escape(p) for p in parts))
        _THEME_SCRIPTS[key] = [re.compile(p, re.S) for p in sorted(patterns)]
    return _THEME_SCRIPTS[key]


def policy(page_html: str, allowed: list[re.Pattern] | None = None, where: str = "") -> str:
    """The policy for one page: its inline scripts (those the theme wrote, when `allowed` is given) and
    style attributes, by hash."""
    scripts, styles, attrs = set(), set(), set()
    for m in _INLINE_SCRIPT.finditer(page_html):
        if _SRC.search(m.group("attrs")):
            continue
        t = _TYPE.search(m.group("attrs"))
        if t and t.group(1).lower() in _DATA_TYPES:
            continue  # data, never run
        body = m.group("body")
        if allowed is not None and not any(p.fullmatch(body) for p in allowed):
            log.warning("%s: an inline script that the theme did not write is not allowed to run: %.80r", where, body)
            continue
        scripts.add(_sha(body))
    for m in _STYLE_ELEMENT.finditer(page_html):
        log.warning("%s: a <style> element is not allowed (the site's styles are in its stylesheets): %.80r",
                    where, m.group("body"))
    for m in _STYLE_ATTR.finditer(page_html):
        value = html.unescape(m.group("d") if m.group("d") is not None else m.group("s"))
        if _TABLE_ALIGN.fullmatch(value):
            attrs.add(_sha(value))
        else:
            log.warning("%s: a style attribute other than a table column's alignment is not allowed: %.80r", where, value)
    style_src = ["'self'"] + sorted(styles)
    if attrs:
        style_src += ["'unsafe-hashes'"] + sorted(attrs)
    directives = [
        "default-src 'none'",
        "script-src " + " ".join(["'self'"] + sorted(scripts)),
        "style-src " + " ".join(style_src),
        "img-src 'self' data:",  # the theme's icons are data: URLs inside its stylesheet
        "font-src 'self'",
        "connect-src 'self'",  # the search index
        "worker-src 'self'",  # the search worker
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


def add_policy(page_html: str, allowed=None, where: str = "") -> str:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(page_html, allowed, where), quote=False)}">'
    m = _CHARSET.search(page_html) or _HEAD.search(page_html)
    if m is None:
        return page_html
    return page_html[: m.end()] + tag + page_html[m.end():]


_SERVING: list = []


def on_startup(command, dirty):
    _SERVING[:] = [command == "serve"]


def on_post_page(output, page, config):
    if _SERVING and _SERVING[0]:
        return output
    return add_policy(output, theme_scripts(config.theme.dirs), page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if _SERVING and _SERVING[0]:
        return output_content
    if template_name.endswith(".html"):  # the 404 page (sitemap.xml is not a page)
        return add_policy(output_content, theme_scripts(config.theme.dirs), template_name)
    return output_content
