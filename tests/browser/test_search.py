"""Search in Vietnamese that forgives missing accents, in Chromium on a phone-sized screen."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .probe import MIN_TAP_PX, PHONE

# what a resident types → the page that must come first
EXPECTED = {
    "thu tuc hanh chinh": "/thu-tuc-hanh-chinh/",
    "thủ tục hành chính": "/thu-tuc-hanh-chinh/",
    "phan anh": "/phan-anh-kien-nghi/",
    "phản ánh": "/phan-anh-kien-nghi/",
    "xin loi": "/thu-gui-nguoi-dan/",
    "xin lỗi": "/thu-gui-nguoi-dan/",
    "hai long": "/muc-do-hai-long/",
}
# typed without diacritics, with them, in capitals: the same results in the same order
SAME = [("thu tuc hanh chinh", "thủ tục hành chính", "THỦ TỤC HÀNH CHÍNH"), ("phan anh", "phản ánh"),
        ("xin loi", "xin lỗi"), ("tre hen", "trễ hẹn"), ("hai long", "hài lòng"), ("tiep cong dan", "tiếp công dân")]


@pytest.fixture(scope="module")
def search(browser, base_url):
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    errors = []
    page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url, wait_until="load")
    page.wait_for_load_state("networkidle")

    def run(query: str) -> list[str]:
        page.locator("label.md-header__button[for=__search]").click()
        box = page.locator("input.md-search__input")
        box.fill("")
        box.press("Backspace")  # the theme listens to key presses: now it shows no result
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.press_sequentially(query)
        # the results are complete once the count is shown and the list stops changing
        page.wait_for_function(
            """() => {
                 const meta = document.querySelector('.md-search-result__meta').textContent;
                 const now = [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href).join();
                 const same = window.__lastResults === now;
                 window.__lastResults = now;
                 return /\\d/.test(meta) && now && same;
               }""", polling=250, timeout=10_000)
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
        page.keyboard.press("Escape")
        return [urlsplit(h).path + ("#" + urlsplit(h).fragment if urlsplit(h).fragment else "") for h in hrefs[:10]]

    run.page = page
    run.errors = errors
    yield run
    ctx.close()


@pytest.mark.parametrize("query, expected", EXPECTED.items())
def test_the_right_page_comes_first(search, query, expected):
    results = search(query)
    assert results, f"no result for {query!r}"
    assert results[0] == expected, f"{query!r}: {results[:4]}"


@pytest.mark.parametrize("spellings", SAME, ids=[s[0] for s in SAME])
def test_typing_without_diacritics_finds_the_same(search, spellings):
    first = search(spellings[0])
    assert first
    for other in spellings[1:]:
        assert search(other) == first, other


def test_search_logs_no_error_or_warning(search):
    search("thu tuc")
    assert search.errors == []


def test_search_controls_are_big_enough_to_tap(search):
    page = search.page
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("phan anh")
    page.wait_for_selector(".md-search-result__item")
    small = page.evaluate(
        """(min) => [...document.querySelectorAll('.md-search__form label, .md-search__form button, .md-search__input,'
                                                 + ' .md-search-result__item > a')]
           .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
                        && getComputedStyle(e).opacity !== '0')
           .map(e => [e.className, Math.round(e.getBoundingClientRect().width), Math.round(e.getBoundingClientRect().height)])
           .filter(([c, w, h]) => w < min - 0.5 || h < min - 0.5)""", MIN_TAP_PX)
    page.keyboard.press("Escape")
    assert small == []
