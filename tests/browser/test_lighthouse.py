"""Lighthouse (npm, pinned in package-lock.json) on the home page in mobile mode, with Debian's Chromium:
performance at least 95, accessibility and best practices 100. About half a minute; `make lighthouse`
measures three runs for the README. Deselect with `-m "not lighthouse"`.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from .probe import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, HERE

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"


def run_lighthouse(url: str, cpu_slowdown: int | None = None) -> dict:
    ARTIFACTS.mkdir(exist_ok=True)
    report = ARTIFACTS / ("lighthouse-home.json" if not cpu_slowdown else f"lighthouse-home-cpu{cpu_slowdown}x.json")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    proc = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                           "--only-categories=performance,accessibility,best-practices",
                           f"--chrome-flags={flags}",
                           *([f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}"] if cpu_slowdown else [])],
                          env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(report.read_text("utf-8"))
    failing = [f"{cat}: {ref['id']}" for cat in ("accessibility", "best-practices")
               for ref in data["categories"][cat]["auditRefs"]
               if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1]
    return {"scores": {k: round(v["score"] * 100) for k, v in data["categories"].items()}, "failing": failing,
            "metrics": {k: data["audits"][k]["displayValue"] for k in
                        ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")}}


@pytest.mark.lighthouse
def test_lighthouse_mobile_scores_of_the_home_page(chromium, axe_ready, base_url):
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: run `npm ci` in tests/browser", pytrace=False)
    result = run_lighthouse(base_url)
    if result["scores"]["performance"] < 95:  # one more try: a busy machine can slow a single run
        result = run_lighthouse(base_url)
    scores = result["scores"]
    assert scores["accessibility"] == 100, result
    assert scores["best-practices"] == 100, result
    assert scores["performance"] >= 95, result


@pytest.mark.lighthouse
def test_lighthouse_on_a_cheaper_phone_cpu_10x_slower(chromium, axe_ready, base_url):
    """A cheaper phone: CPU slowdown 10x instead of Lighthouse's 4x. The median of three runs is at least 95:
    the first paint needs only the HTML and the stylesheets, and the theme's script waits for the first touch
    (overrides/assets/javascripts/tai-sau.js)."""
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: run `npm ci` in tests/browser", pytrace=False)
    import statistics

    runs = [run_lighthouse(base_url, cpu_slowdown=10) for _ in range(3)]
    perf = [r["scores"]["performance"] for r in runs]
    assert statistics.median(perf) >= 95, [(r["scores"]["performance"], r["metrics"]) for r in runs]
