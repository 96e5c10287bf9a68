"""Time `python -m generator build` of the sample site: median of several runs, and the share of each stage.

Usage: make bench   (or .venv/bin/python bench/bench.py [--runs N] [--data DIR])
Prints a table; never asserts a time (no test depends on the wall clock).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def stage_times(data: Path) -> dict[str, float]:
    """Each pipeline stage timed in-process (after one warm-up import)."""
    from generator import charts, exports, indicators, pages, pipeline
    from generator.loader import data_files, load_file
    from generator.validate import validate

    t = {}
    t0 = time.perf_counter()
    prefix = pipeline.display_prefix(data)
    docs, probs = [], []
    for f in data_files(data):
        rel = f.relative_to(data).as_posix()
        d, p = load_file(f, prefix + rel, rel)
        probs += p
        docs.append(d)
    t["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ds, problems = validate(docs, probs, prefix)
    assert ds is not None, problems
    t["validate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    figures, as_of = indicators.compute(ds)
    t["compute"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    charts.draw_all(ds, figures)
    t["charts"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    pages.render_all(ds, figures, as_of)
    exports.export_all(ds, figures, as_of)
    t["pages+exports"] = time.perf_counter() - t0
    return t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data", default=str(ROOT / "data"))
    args = ap.parse_args()
    data = Path(args.data).resolve()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    walls = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "build", "--data", str(data), "--out", f"{tmp}/site"],
                           cwd=ROOT, env=env, check=True, capture_output=True)
            walls.append(time.perf_counter() - t0)
        pages = len(list(Path(tmp, "site").rglob("*.html")))
    stages = stage_times(data)
    median = statistics.median(walls)
    print(f"python -m generator build, {args.runs} runs on {os.cpu_count()} cores: "
          f"median {median:.2f} s (min {min(walls):.2f}, max {max(walls):.2f}); {pages} HTML pages")
    print("stage            seconds   share of the median build")
    for name, secs in stages.items():
        print(f"{name:<16} {secs:7.3f}   {secs / median:6.1%}")
    rest = median - sum(stages.values())
    print(f"{'mkdocs+startup':<16} {rest:7.3f}   {rest / median:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
