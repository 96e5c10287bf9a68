"""Measure what the README reports: page weights (every page, bytes on the wire, gzip) and Lighthouse scores
of the home page in mobile mode, both against the sample site served on 127.0.0.1.

    make lighthouse            # = .venv/bin/python tests/browser/measure.py
    .venv/bin/python tests/browser/measure.py --site site --runs 3

Needs Debian's Chromium (/usr/bin/chromium) and `npm ci` in tests/browser (Lighthouse 12 from the npm
registry). Lighthouse runs with its default mobile settings (Moto G Power screen, simulated slow 4G, 4x CPU
slowdown); the median of --runs runs is reported. Raw reports go to test-artifacts/lighthouse-*.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from browser.probe import (ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, HERE, HOME_BUDGET, PAGE_BUDGET, ROOT,  # noqa: E402
                           crawl, kib, site_pages)
from browser.sitesrv import SiteServer  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def build(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run([sys.executable, "-m", "generator", "build", "--data", "data", "--out", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


def lighthouse(url: str, run: int, cpu_slowdown: float | None = None) -> dict:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is missing: run `npm ci` in tests/browser")
    report = ARTIFACTS / f"lighthouse-{run}.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}",
                    *([f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:g}"] if cpu_slowdown else [])],
                   env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, timeout=300)
    data = json.loads(report.read_text("utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    metrics = {k: data["audits"][k]["displayValue"] for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
                "speed-index")}
    return {"scores": scores, "metrics": metrics, "version": data["lighthouseVersion"],
            "chrome": data["environment"]["hostUserAgent"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, help="an already built site (default: build the sample into a temp folder)")
    ap.add_argument("--runs", type=int, default=3, help="Lighthouse runs of the home page (median reported)")
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--cpu-slowdown", type=float, default=None,
                    help="Lighthouse's CPU slowdown (default 4; 10 is what a cheaper phone meets)")
    a = ap.parse_args()
    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = a.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        with SiteServer(site) as server:
            pages = site_pages(site)
            reports = crawl(server.url, pages, with_axe=False, with_nojs=False)
            weights = sorted(((reports[p]["js"]["weight"], p) for p in pages), reverse=True)
            home = reports[""]["js"]
            print(f"## Page weight ({len(pages)} pages, gzip as served, everything each page loads)\n")
            print("| Page | Transferred | Budget |\n|---|--:|--:|")
            print(f"| `/` (home) | {kib(home['weight'])} | {kib(HOME_BUDGET)} |")
            for w, p in weights[:3]:
                if p:
                    print(f"| `/{p}` | {kib(w)} | {kib(PAGE_BUDGET)} |")
            print(f"| median of all pages | {kib(int(statistics.median(w for w, _ in weights)))} | |")
            print("\nHome page requests:\n")
            for r in sorted(home["requests"], key=lambda x: -x["bytes"]):
                print(f"    {r['bytes']:>7} B  {r['url']}")
            (ARTIFACTS / "page-weights.json").write_text(json.dumps(
                {p: {"bytes": reports[p]["js"]["weight"], "requests": reports[p]["js"]["requests"]} for p in pages},
                ensure_ascii=False, indent=1), "utf-8")
            if a.no_lighthouse:
                return 0
            runs = [lighthouse(server.url, i + 1, a.cpu_slowdown) for i in range(a.runs)]
            med = {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES}
            slow = f", CPU slowdown {a.cpu_slowdown:g}x" if a.cpu_slowdown else ""
            print(f"\n## Lighthouse {runs[0]['version']}, home page, mobile{slow}, {a.runs} runs (median)\n")
            print("| " + " | ".join(CATEGORIES) + " |\n|" + "--:|" * len(CATEGORIES))
            print("| " + " | ".join(f"{med[c]:g}" for c in CATEGORIES) + " |")
            print("\nEach run: " + "; ".join(", ".join(f"{c} {r['scores'][c]}" for c in CATEGORIES) for r in runs))
            print("Metrics (last run): " + ", ".join(f"{k} {v}" for k, v in runs[-1]["metrics"].items()))
            print(f"Browser: {runs[0]['chrome']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
