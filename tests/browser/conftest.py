"""Fixtures for the browser tests: the sample site built once, served on 127.0.0.1, and Debian's Chromium.

The tests skip (with the reason) only when Chromium is missing on a developer's machine; with CI set
they fail instead, so a CI run can never pass without having run them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .probe import AXE_JS, CHROMIUM, HERE, ROOT, crawl, launch, npm_available, site_pages
from .sitesrv import SiteServer

IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config):
    config.addinivalue_line("markers", "lighthouse: runs Lighthouse on the home page (about half a minute)")


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The sample site, built once per session exactly as `make build` does, into a temporary folder."""
    out = tmp_path_factory.mktemp("browser-site") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--data", "data", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def base_url(site_dir):
    with SiteServer(site_dir) as server:
        yield server.url


@pytest.fixture(scope="session")
def pages(site_dir) -> list[str]:
    return site_pages(site_dir)


@pytest.fixture(scope="session")
def browser(chromium):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - it is in requirements.txt
        _missing("playwright is not installed (pip install -r requirements.txt)")
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_ready():
    """axe-core from the npm registry, installed by `npm ci` in tests/browser (done here if npm is present)."""
    if not AXE_JS.exists() and npm_available():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=False, timeout=600,
                       capture_output=True)
    if not AXE_JS.exists():
        if IN_CI or npm_available():
            pytest.fail(f"axe-core is missing at {AXE_JS}: run `npm ci` in tests/browser", pytrace=False)
        pytest.skip("npm is not installed, so axe-core cannot be installed (apt-get install npm)")
    return AXE_JS


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        _missing(f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def reports(chromium, base_url, pages, axe_ready) -> dict:
    """Every page visited once with JavaScript at 360 x 640 (checks, axe, bytes) and once without JavaScript."""
    return crawl(base_url, pages)


@pytest.fixture(scope="session")
def phone_report(reports):
    return lambda path: reports[path]["js"]
