"""The home page on a cheap phone: the latest month's headline figures on the first screen, equal to the data."""

from __future__ import annotations

import re

import pytest

from .probe import ARTIFACTS, MIN_TEXT_PX, MONTH, PHONE, figures_json

HEADLINE = ["tthc.ty_le_dung_han", "pakn.da_giai_quyet", "hai_long.ty_le", "ke_hoach.tien_do"]


def vi_number(value, unit: str) -> str:
    """How the site writes a figure: 96,2% and 1.234 (Vietnamese), written independently of the generator."""
    if value is None:
        return ""
    if unit == "%":
        return f"{value:.1f}".replace(".", ",") + "%"
    return f"{int(value):,}".replace(",", ".")


@pytest.fixture(scope="module")
def home(browser, base_url):
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    page.goto(base_url, wait_until="load")
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-360x640.png"))
    yield page
    ctx.close()


@pytest.fixture(scope="module")
def expected(site_dir):
    data = figures_json(site_dir)
    monthly = [f for f in data["figures"] if MONTH.match(f["period"]) and f["id"] in HEADLINE]
    latest = max(f["period"] for f in monthly)
    return latest, {f["id"]: f for f in monthly if f["period"] == latest}


def test_screenshot_kept_for_review(home):
    assert (ARTIFACTS / "home-360x640.png").stat().st_size > 5_000


def test_headline_figures_are_those_of_figures_json(home, expected):
    latest, figs = expected
    cards = home.locator(".the-so-lieu .the")
    assert cards.count() == len(HEADLINE)
    year, month = latest.split("-")
    period = f"tháng {int(month)}/{year}"
    for i, fid in enumerate(HEADLINE):
        f = figs[fid]
        card = cards.nth(i)
        value = card.locator(".the-gia-tri").inner_text().strip()
        want = vi_number(f["value"], f["unit"])
        if want:
            assert value == want, (fid, value, want)
        else:
            assert not re.search(r"\d", value), (fid, value)
        assert f["label"] in card.inner_text(), fid
        assert period in card.locator(".the-ky").inner_text().lower(), (fid, card.inner_text())
        assert card.get_attribute("href"), fid


def test_headline_figures_and_their_period_are_on_the_first_screen_in_large_type(home):
    boxes = home.evaluate("""() => [...document.querySelectorAll('.the-so-lieu .the')].map(card =>
        [...card.querySelectorAll('.the-gia-tri, .the-ten, .the-ky')].map(el => {
          const r = el.getBoundingClientRect();
          return {cls: el.className, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                  px: parseFloat(getComputedStyle(el).fontSize)};
        }))""")
    assert len(boxes) == len(HEADLINE)
    for card in boxes:
        for el in card:
            assert el["bottom"] <= 640 and el["top"] >= 0, f"below the first screen: {el}"
            assert el["left"] >= 0 and el["right"] <= 360, f"off the side: {el}"
            assert el["px"] >= MIN_TEXT_PX, f"too small: {el}"
    assert home.evaluate("window.scrollY") == 0


def test_title_states_the_period_and_the_date(home, expected):
    latest, _ = expected
    year, month = latest.split("-")
    h1 = home.locator("h1").inner_text()
    assert f"tháng {int(month)}/{year}" in h1.lower()
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", home.locator(".dong-phu").inner_text())


def test_theme_speaks_vietnamese(home):
    assert home.evaluate("document.documentElement.lang") == "vi"
    assert home.locator("input.md-search__input").get_attribute("placeholder") == "Tìm kiếm"
