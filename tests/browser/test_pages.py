"""Every page of the built sample site in Chromium at phone size (360 x 640 CSS px), JavaScript on.

Each page is visited once (see conftest.phone_report); each test below reads one aspect for every page
and lists every page that fails it.
"""

from __future__ import annotations

import pytest

from .probe import PHONE, ARTIFACTS, GENERIC_LINK_TEXT, HOME_BUDGET, MIN_TAP_PX, MIN_TEXT_PX, PAGE_BUDGET, kib


def _fmt(problems: dict) -> str:
    return "\n".join(f"/{path}: {items}" for path, items in problems.items())


def test_the_site_has_its_pages(pages):
    assert "" in pages and "thu-tuc-hanh-chinh/" in pages and len(pages) >= 12, pages


def test_every_page_loads_without_console_error_or_failed_request(pages, phone_report):
    problems = {}
    for path in pages:
        r = phone_report(path)
        bad = r["console"] + r["page_errors"] + r["failed"] + r["bad_status"]
        if r["status"] != 200:
            bad.append(f"status {r['status']}")
        if bad:
            problems[path] = bad
    assert not problems, _fmt(problems)


def test_every_request_goes_to_the_sites_own_origin(pages, phone_report):
    problems = {p: phone_report(p)["foreign"] for p in pages if phone_report(p)["foreign"]}
    assert not problems, _fmt(problems)


def test_no_page_scrolls_sideways_at_360_px(pages, phone_report):
    problems = {}
    for path in pages:
        doc_w, client_w, body_w = phone_report(path)["scroll"]
        if doc_w > client_w or body_w > client_w:
            problems[path] = f"page is {max(doc_w, body_w)} px wide in a {client_w} px screen"
    assert not problems, _fmt(problems)


def test_text_is_at_least_16_px(pages, phone_report):
    problems = {p: phone_report(p)["small_text"][:6] for p in pages if phone_report(p)["small_text"]}
    assert not problems, f"text smaller than {MIN_TEXT_PX} px:\n" + _fmt(problems)


def test_tap_targets_are_at_least_44_px(pages, phone_report):
    problems = {p: phone_report(p)["small_targets"][:6] for p in pages if phone_report(p)["small_targets"]}
    assert not problems, f"targets smaller than {MIN_TAP_PX} x {MIN_TAP_PX} px:\n" + _fmt(problems)


def test_language_is_declared_vietnamese(pages, phone_report):
    problems = {p: phone_report(p)["lang"] for p in pages if phone_report(p)["lang"] != "vi"}
    assert not problems, _fmt(problems)


def test_headings_form_an_outline(pages, phone_report):
    """One h1 first, and no heading skips a level on the way down (h2 → h4)."""
    problems = {}
    for path in pages:
        levels = [lvl for lvl, _text in phone_report(path)["headings"]]
        issues = []
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            issues.append(f"expected exactly one h1, first: {levels[:3]}")
        for prev, nxt in zip(levels, levels[1:]):
            if nxt > prev + 1:
                issues.append(f"h{prev} → h{nxt}")
        if any(not text for _lvl, text in phone_report(path)["headings"]):
            issues.append("empty heading")
        if issues:
            problems[path] = issues
    assert not problems, _fmt(problems)


def test_links_say_where_they_go(pages, phone_report):
    """Every link has a name, and none is a bare 'xem' or 'tại đây' that only makes sense by looking around it."""
    problems = {}
    for path in pages:
        bad = []
        for link in phone_report(path)["links"]:
            name = link["name"].strip().lower().rstrip(".:›»")
            if not name:
                bad.append(f"no name: {link['href']}")
            elif name in GENERIC_LINK_TEXT:
                bad.append(f"'{link['name']}' → {link['href']}")
        if bad:
            problems[path] = bad[:6]
    assert not problems, _fmt(problems)


def test_axe_finds_no_serious_or_critical_violation(pages, phone_report):
    problems = {}
    for path in pages:
        bad = [v for v in phone_report(path)["axe"] if v["impact"] in ("serious", "critical")]
        if bad:
            problems[path] = [f"{v['id']} ({v['impact']}): {v['help']}; {v['nodes'][:2]}" for v in bad]
    assert not problems, "axe-core (WCAG 2.2 A/AA rules):\n" + _fmt(problems)


@pytest.mark.parametrize("path", [""])
def test_page_title_names_the_commune(path, phone_report):
    assert "Ủy ban nhân dân" in phone_report(path)["title"]


def test_content_tables_and_charts_are_readable_without_javascript(pages, reports):
    problems = {}
    for path in pages:
        r = reports[path]["nojs"]
        issues = []
        if r["text"] < 100 or not r["h1"]:
            issues.append(f"almost no content ({r['text']} characters, h1 {r['h1']!r})")
        if r["hiddenTables"]:
            issues.append(f"{r['hiddenTables']} of {r['tables']} tables hidden")
        if r["hiddenTabLabels"]:
            issues.append(f"{r['hiddenTabLabels']} tab labels hidden")
        if r["brokenImgs"]:
            issues.append(f"images not shown: {r['brokenImgs']}")
        if r["scroll"][0] > r["scroll"][1]:
            issues.append(f"scrolls sideways: {r['scroll']}")
        if r["failed"]:
            issues.append(f"failed requests: {r['failed']}")
        if issues:
            problems[path] = issues
    assert not problems, _fmt(problems)


def test_page_weight_budget(pages, reports):
    """Everything a first-time visitor downloads, gzip as served: home ≤ 150 KB, any other page ≤ 200 KB."""
    problems = {}
    for path in pages:
        r = reports[path]["js"]
        budget = HOME_BUDGET if path == "" else PAGE_BUDGET
        if r["weight"] > budget:
            top = sorted(r["requests"], key=lambda x: -x["bytes"])[:5]
            problems[path] = f"{kib(r['weight'])} > {kib(budget)}; largest: {[(x['url'], x['bytes']) for x in top]}"
    weights = sorted(((reports[p]["js"]["weight"], p) for p in pages), reverse=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-weights.txt").write_text(
        "".join(f"{w:>9} B  {kib(w):>10}  /{p}\n" for w, p in weights), "utf-8")
    assert not problems, _fmt(problems)


def test_tabs_switch_without_javascript(browser, base_url, pages, reports):
    """Tabbed tables (by channel, kind, field…) are plain CSS: each tab shows its table with JavaScript off."""
    with_tabs = [p for p in pages if reports[p]["nojs"]["tabSets"]]
    assert with_tabs, "no page with tabs: nothing to check"
    ctx = browser.new_context(java_script_enabled=False, **PHONE)
    page = ctx.new_page()
    try:
        page.goto(base_url + with_tabs[0])
        tab_set = page.locator(".md-content .tabbed-set").first
        labels = tab_set.locator(":scope > .tabbed-labels > label")
        blocks = tab_set.locator(":scope > .tabbed-content > .tabbed-block")
        assert labels.count() >= 2 and labels.count() == blocks.count()
        for i in range(labels.count()):
            labels.nth(i).click()
            assert blocks.nth(i).is_visible(), f"tab {i + 1} on /{with_tabs[0]}"
            for j in range(blocks.count()):
                if j != i:
                    assert not blocks.nth(j).is_visible()
    finally:
        ctx.close()
