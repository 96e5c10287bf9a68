"""Hostile values in every text field (tests/hostile.py), in Chromium: nothing runs.

The tiny data set with a payload in every text field the schema declares is built with `mkdocs build --strict`
and every page is opened with JavaScript on: no dialog opens (the payloads call alert()), no script error, no
Content-Security-Policy violation. A search for the payloads' words shows them as text in the results.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .probe import CSP_JS, PHONE, site_pages
from .sitesrv import SiteServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hostile  # noqa: E402
from conftest import mkdocs_build  # noqa: E402


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile-browser")
    hostile.make(base / "data")
    proc = mkdocs_build(base / "data", base / "site")
    assert proc.returncode == 0, proc.stderr
    with SiteServer(base / "site") as server:
        yield server.url, site_pages(base / "site")


def _open(browser, url):
    ctx = browser.new_context(**PHONE)
    ctx.add_init_script(CSP_JS)
    page = ctx.new_page()
    seen = []
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: seen.append(f"error: {e}"))
    page.goto(url, wait_until="load")
    return ctx, page, seen


def test_no_payload_runs_on_any_page(browser, hostile_url):
    url, pages = hostile_url
    problems = {}
    for path in pages + ["khong-co-trang-nay/"]:  # and the 404 page
        ctx, page, seen = _open(browser, url + path)
        page.wait_for_timeout(150)
        seen += page.evaluate("window.__csp")
        if seen:
            problems[path] = seen
        ctx.close()
    assert len(pages) > 15
    assert not problems, problems


def test_search_results_show_payloads_as_text(browser, hostile_url):
    url, _ = hostile_url
    ctx, page, seen = _open(browser, url)
    page.wait_for_load_state("networkidle")
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").type("onerror", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.wait_for_timeout(300)
    results = page.locator(".md-search-result").inner_text()
    assert "onerror" in results
    assert page.locator(".md-search-result img, .md-search-result svg[onload], .md-search-result script").count() == 0
    seen += page.evaluate("window.__csp")
    ctx.close()
    assert not seen, seen
