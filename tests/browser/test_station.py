"""For the broadcast station and office users: citations that really copy, bulletins that read right."""

from __future__ import annotations

from .probe import PHONE


def _report_path(pages):
    return next(p for p in pages if p.startswith("bao-cao/20") and p.count("/") == 2 and "Q" not in p)


def test_copy_button_copies_the_citation(browser, base_url, pages):
    path = _report_path(pages)
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"], **PHONE)
    try:
        page = ctx.new_page()
        page.goto(base_url + path)
        details = page.locator(".bang-bao-cao details").first
        details.locator("summary").click()
        expected = details.locator(".trich-dan").inner_text().strip()
        button = details.locator("button.chep")
        assert button.is_visible()
        button.click()
        page.wait_for_function("() => document.querySelector('.chep-ket-qua').textContent.length > 0")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == expected and "Mã số liệu:" in copied and "/bao-cao/" in copied
    finally:
        ctx.close()


def test_citation_is_readable_and_selectable_without_javascript(browser, base_url, pages):
    path = _report_path(pages)
    ctx = browser.new_context(java_script_enabled=False, **PHONE)
    try:
        page = ctx.new_page()
        page.goto(base_url + path)
        details = page.locator(".bang-bao-cao details").first
        details.locator("summary").click()
        text = details.locator(".trich-dan")
        assert text.is_visible() and "Mã số liệu:" in text.inner_text()
        assert text.evaluate("e => getComputedStyle(e).userSelect") != "none"
        assert not details.locator("button.chep").is_visible(), "a button that cannot work is not shown"
    finally:
        ctx.close()


def test_bulletin_text_file_starts_with_a_bom(base_url, pages, browser):
    month = next(p for p in pages if p.startswith("ban-tin/20")).split("/")[1]
    ctx = browser.new_context()
    try:
        resp = ctx.request.get(base_url + f"ban-tin/{month}.txt")
        assert resp.ok and resp.body()[:3] == b"\xef\xbb\xbf"
    finally:
        ctx.close()


SHEET_SIZES_JS = """() => {
  const pt = e => parseFloat(getComputedStyle(e).fontSize) * 0.75;
  const text = [...document.querySelectorAll('.bang-tin p, .bang-tin td, .bang-tin th, .bang-tin li')].filter(e => e.textContent.trim());
  return {body: Math.min(...text.map(pt)), h1: pt(document.querySelector('.bang-tin h1')),
          figures: Math.min(...[...document.querySelectorAll('.bang-tin td strong')].map(pt)),
          count: document.querySelectorAll('.bang-tin td strong').length};
}"""


def _pdf_pages(pdf: bytes) -> int:
    import re
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_notice_board_sheet_is_readable_and_one_a4_page(browser, base_url, pages):
    """Body ≥ 12 pt and the figures ≥ 20 pt when printed, on exactly one A4 page, for every month's sheet."""
    sheets = [p for p in pages if p.endswith("/bang-tin/")]
    assert sheets
    ctx = browser.new_context()
    problems = {}
    try:
        page = ctx.new_page()
        for path in sheets:
            page.goto(base_url + path)
            page.emulate_media(media="print")
            sizes = page.evaluate(SHEET_SIZES_JS)
            n = _pdf_pages(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
            if n != 1 or sizes["body"] < 12 or sizes["h1"] < 20 or sizes["figures"] < 20 or sizes["count"] < 5:
                problems[path] = {"pdf pages": n, **sizes}
    finally:
        ctx.close()
    assert not problems, problems


def test_theme_script_waits_for_the_first_touch_then_starts(browser, base_url):
    """The theme's 35 KB script is not part of the first paint: it loads at the first touch and then works."""
    ctx = browser.new_context(**PHONE)
    try:
        page = ctx.new_page()
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(base_url + "phan-anh-kien-nghi/", wait_until="load")
        page.wait_for_timeout(500)
        assert not any("/bundle." in u for u in requested), "the theme script is loaded before any touch"
        page.dispatch_event("body", "pointerdown")
        page.wait_for_function("() => typeof window.document$ !== 'undefined'", timeout=15_000)
        # the theme has started: it wraps tables for scrolling
        page.wait_for_selector(".md-typeset__scrollwrap", timeout=15_000)
        assert any("/bundle." in u for u in requested)
    finally:
        ctx.close()
