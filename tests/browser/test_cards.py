"""At 360 px nothing a resident needs is off-screen: every cell of every table on every page lies inside the
screen, with JavaScript and without it (wide tables become cards on a phone: extra.css, browser_hooks.py).

Also keeps screenshots of the pages where this mattered most, for a person to look at.
"""

from __future__ import annotations

from .probe import ARTIFACTS, PHONE


def _fmt(problems: dict) -> str:
    return "\n".join(f"/{path}: {items}" for path, items in problems.items())


def test_every_table_cell_is_on_screen_at_360_px_with_javascript(pages, reports):
    problems = {p: reports[p]["js"]["cells_offscreen"][:4] for p in pages if reports[p]["js"]["cells_offscreen"]}
    assert not problems, "table cells outside the 360 px screen:\n" + _fmt(problems)


def test_every_table_cell_is_on_screen_at_360_px_without_javascript(pages, reports):
    problems = {p: reports[p]["nojs"]["cells_offscreen"][:4] for p in pages if reports[p]["nojs"]["cells_offscreen"]}
    assert not problems, "table cells outside the 360 px screen (JavaScript off):\n" + _fmt(problems)


def test_record_lists_are_cards_on_a_phone_and_tables_on_a_wide_screen(browser, base_url, pages):
    """The petitions list shows each petition as a card with every field labelled; on a desktop it is a table."""
    phone = browser.new_context(java_script_enabled=False, **PHONE)
    wide = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = phone.new_page()
        page.goto(base_url + "phan-anh-kien-nghi/")
        table = page.locator(".md-content table[data-the]").last
        assert table.evaluate("t => getComputedStyle(t).display") == "block"
        labels = table.locator("tbody tr").first.locator("td").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)")
        assert '"Nội dung"' in labels and '"Tình trạng"' in labels and '"Kết quả"' in labels, labels
        page = wide.new_page()
        page.goto(base_url + "phan-anh-kien-nghi/")
        table = page.locator(".md-content table[data-the]").last
        assert table.evaluate("t => getComputedStyle(t).display") != "block"
        assert table.locator("thead").evaluate("h => h.getBoundingClientRect().height") > 20, "the header row is shown"
        assert table.locator("tbody td").first.evaluate("c => getComputedStyle(c, '::before').content") in ("none", "normal")
    finally:
        phone.close()
        wide.close()


def test_screenshots_of_lists_at_360_px(browser, base_url, pages):
    archive = sorted(p for p in pages if p.startswith("phan-anh/") and p != "phan-anh/")
    shots = {"phan-anh-kien-nghi/": "phan-anh-kien-nghi-360.png", "cam-ket/": "cam-ket-360.png"}  # cam-ket: last group
    if archive:
        shots[archive[-1]] = "phan-anh-thang-360.png"
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(**PHONE)
    try:
        page = ctx.new_page()
        for path, name in shots.items():
            page.goto(base_url + path)
            # the first card of the page's record list at the top of the screen, the header settled
            page.locator(".md-content table").last.locator("tbody tr").first.evaluate(
                "r => window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY - 70)")
            page.wait_for_timeout(800)
            page.screenshot(path=str(ARTIFACTS / name))
            assert (ARTIFACTS / name).stat().st_size > 5_000
    finally:
        ctx.close()
    assert archive, "no month archive of petitions (/phan-anh/NĂM-THÁNG/) in the site"
