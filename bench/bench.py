"""Benchmark: how the build grows with the records.

Usage: make bench            (or .venv/bin/python bench/bench.py [--quick] [--runs N] [--only NAME ...])

For the sample (data/) and synthetic data sets written to a temporary folder by bench/synth.py
(1×, 10× and 100× the sample's yearly volume over 2 years, and 100,000 petitions over 10 years):

- `python -m generator build` in a child process, first with an empty cache (cold) and then again with
  the cache it left (warm): wall time, CPU time (user + system) and peak memory (ru_maxrss of that child);
- a bare `mkdocs build` of the same Markdown (`python -m generator docs` writes it; mkdocs.yml copied
  with docs_dir pointing at it and without the generator's hook), run alternately with the warm builds
  so that the generator's own overhead is a ratio measured side by side;
- the time of each stage, in-process with an empty cache: load, validate, compute, render (charts,
  pages, downloads) and MkDocs (with the generator's result already computed);
- the number of HTML pages and the size of site/search/search_index.json;
- for the sample, a rebuild after changing one data file: a new `python -m generator build` process
  with the cache of the previous build, and the same rebuild inside one process as `mkdocs serve` does.

Prints Markdown tables and the issue's targets with OK or MISSED; never asserts a time (no test depends
on the wall clock). Times on a shared machine vary from run to run: CPU time varies less than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GIB = 1024 ** 3


# ---------------------------------------------------------------- child processes


def run_child(cmd, env, cwd=ROOT) -> dict:
    """Run a command; its wall time, CPU time and peak memory (this child only, via wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{stderr[-3000:]}\n{stdout[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024, "stdout": stdout}


def child_env(cache_dir: Path | None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    if cache_dir is None:
        env["GENERATOR_CACHE"] = "0"
    else:
        env["GENERATOR_CACHE_DIR"] = str(cache_dir)
        env.pop("GENERATOR_CACHE", None)
    return env


def generator_build(data: Path, out: Path, cache_dir: Path | None) -> dict:
    if out.exists():
        shutil.rmtree(out)
    r = run_child([sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)], child_env(cache_dir))
    r["pages"] = sum(1 for _ in out.rglob("*.html"))
    index = out / "search" / "search_index.json"
    r["search"] = index.stat().st_size if index.exists() else 0
    return r


def bare_config(data: Path, docs: Path, cache_dir: Path) -> Path:
    """mkdocs.yml for the written docs tree: no generator hook; what the hook sets from the data is written in."""
    import yaml

    from generator import pipeline

    result = pipeline.check(data, frozen=False)
    site = result.dataset.site
    cfg = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    cfg["docs_dir"] = str(docs)
    cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    # the browser hook stays: it only marks per-period pages out of the search index and tables scrollable,
    # so both builds make the same pages and the same index; the generator's hook is what is measured
    cfg["hooks"] = [str(ROOT / h) for h in cfg.get("hooks", []) if "mkdocs_hooks" not in h]
    cfg["site_name"] = f"{site.ten_co_quan} – Công khai kết quả"
    cfg["site_description"] = f"{site.ten_co_quan} công khai kết quả thực hiện mô hình “{site.mo_hinh}”."
    if site.dia_chi_trang:
        cfg["site_url"] = site.dia_chi_trang
    if site.kho_ma_nguon:
        cfg["repo_url"] = site.kho_ma_nguon
        cfg["edit_uri"] = "edit/main/content/"
    extra = cfg.setdefault("extra", {})
    extra.update({"du_lieu_minh_hoa": bool(site.du_lieu_minh_hoa), "as_of": result.as_of.strftime("%d/%m/%Y"),
                  "xa": {"ten": site.ten, "ten_co_quan": site.ten_co_quan, "giay_phep": site.giay_phep_du_lieu}})
    path = cache_dir.parent / "bare-mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.environ["_BENCH_EPOCH"] = pipeline.source_date_epoch(result.as_of)
    return path


def bare_mkdocs(config: Path, out: Path) -> dict:
    if out.exists():
        shutil.rmtree(out)
    env = child_env(None)
    env["SOURCE_DATE_EPOCH"] = os.environ["_BENCH_EPOCH"]
    r = run_child([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], env)
    r["pages"] = sum(1 for _ in out.rglob("*.html"))
    index = out / "search" / "search_index.json"
    r["search"] = index.stat().st_size if index.exists() else 0
    return r


# ---------------------------------------------------------------- stages, in a child process


def stages(data: Path) -> dict:
    """The CPU time of each stage in this process (run it as a child: `bench.py --stages DATA`), with the cache
    as set by the environment. CPU time, not wall time: it hardly changes with other work on the machine.
    Imports are done first so that they are not counted in any stage (matplotlib's is, in the first charts)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator import charts, exports, indicators, ledger, pages, pipeline
    from generator.loader import data_files, load_file
    from generator.validate import validate

    t = {}
    t0 = time.process_time()
    prefix = pipeline.display_prefix(data)
    docs, probs = [], []
    files = data_files(data)
    for f in files:
        rel = f.relative_to(data).as_posix()
        d, p = load_file(f, prefix + rel, rel)
        probs += p
        docs.append(d)
    t["load"] = time.process_time() - t0
    t0 = time.process_time()
    ds, problems = validate(docs, probs, prefix, {f.relative_to(data).as_posix() for f in files})
    assert ds is not None, problems[:5]
    del docs
    t["validate"] = time.process_time() - t0
    t0 = time.process_time()
    figures, as_of = indicators.compute(ds)
    assert not ledger.check(ds, figures)
    t["compute"] = time.process_time() - t0
    t0 = time.process_time()
    charts.draw_all(ds, figures)
    t["charts"] = time.process_time() - t0
    t0 = time.process_time()
    pages.render_all(ds, figures, as_of)
    t["pages"] = time.process_time() - t0
    t0 = time.process_time()
    exports.export_all(ds, figures, as_of)
    t["exports"] = time.process_time() - t0
    # MkDocs alone: the hook gets the generator's result without computing it again
    result = pipeline.build(data)
    pipeline.build = lambda _data_dir: result
    os.environ["GENERATOR_DATA_DIR"] = str(data)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.process_time()
        mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=tmp, strict=True))
        t["mkdocs"] = time.process_time() - t0
    return t


def serve_rebuild(data: Path, edit: str, runs: int) -> list[dict]:
    """As `mkdocs serve` does: build, then `runs` times change one data file and build again in the same process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["GENERATOR_DATA_DIR"] = str(data)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=tmp, strict=True))
        for _ in range(runs):
            change_one_record(data / edit)
            t0 = time.perf_counter()
            c0 = time.process_time()
            mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=tmp, strict=True))
            out.append({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0})
    return out


def change_one_record(path: Path) -> None:
    """A real edit: the first petition of the file gets a different summary."""
    text = path.read_text("utf-8")
    i = text.index("tom_tat:")
    j = text.index("\n", i)
    path.write_text(text[:i] + f"tom_tat: Nội dung đã sửa lúc đo tốc độ ({len(text)})" + text[j:], encoding="utf-8")


def in_child(mode: str, *args):
    cache_dir = Path(args[-1]) if args[-1] != "off" else None
    r = run_child([sys.executable, __file__, mode, *map(str, args[:-1])], child_env(cache_dir))
    return json.loads(r["stdout"].strip().splitlines()[-1])


# ---------------------------------------------------------------- the run


SETS = [
    # name, what, make_dataset arguments (None: the sample itself)
    ("mẫu", "data/ (the sample, 16 months)", None),
    ("1×", "1× the sample's yearly volume, 2 years", dict(scale=1, years=2)),
    ("10×", "10×, 2 years", dict(scale=10, years=2)),
    ("100×", "100×, 2 years", dict(scale=100, years=2)),
    ("100k PA", "100,000 petitions over 10 years (other records 1×)", dict(scale=1, years=10, petitions_total=100_000)),
]


def count_records(data: Path) -> dict:
    from generator import pipeline

    ds = pipeline.check(data, frozen=False).dataset
    return {"petitions": len(ds.petitions), "late": len(ds.late_cases), "activities": len(ds.activities),
            "dossiers": sum(r.tiep_nhan for pm in ds.procedures for r in pm.linh_vuc), "months": len(ds.months),
            "files": sum(1 for _ in data.rglob("*.yaml"))}


def measure(name: str, data: Path, work: Path, runs: int, rebuild: bool) -> dict:
    out = {"name": name, "records": count_records(data), "runs": runs}
    site = work / "site"
    cold = []
    for i in range(runs):  # each with an empty cache of its own
        cache_dir = work / f"cache-{i}"
        cold.append(generator_build(data, site, cache_dir))
    warm = [generator_build(data, site, cache_dir)]
    docs = work / "docs"
    run_child([sys.executable, "-m", "generator", "docs", "--data", str(data), "--out", str(docs)], child_env(cache_dir))
    config = bare_config(data, docs, cache_dir)
    bare = []
    for _ in range(runs):  # alternately, so that both see the same machine
        bare.append(bare_mkdocs(config, work / "bare-site"))
        warm.append(generator_build(data, site, cache_dir))
    out.update(cold=summary(cold), warm=summary(warm), bare=summary(bare), pages=cold[0]["pages"], search=cold[0]["search"],
               bare_pages=bare[0]["pages"], bare_search=bare[0]["search"])
    out["ratio"] = out["warm"]["wall"] / out["bare"]["wall"]
    out["ratio_cpu"] = out["warm"]["cpu"] / out["bare"]["cpu"]
    stage_cache = work / "stage-cache"
    out["stages"] = in_child("--stages", data, stage_cache)
    out["stages_warm"] = in_child("--stages", data, stage_cache)
    if rebuild:
        copy = work / "data-copy"
        shutil.copytree(data, copy)
        edit = sorted(p.relative_to(copy).as_posix() for p in (copy / "phan-anh").glob("*.yaml"))[-1]
        generator_build(copy, site, cache_dir)
        rebuilds = []
        for _ in range(runs):
            change_one_record(copy / edit)
            rebuilds.append(generator_build(copy, site, cache_dir))
        out["rebuild"] = summary(rebuilds)
        shutil.rmtree(copy)
        shutil.copytree(data, copy)
        out["serve_rebuild"] = summary(in_child("--serve-rebuild", copy, edit, runs, work / "serve-cache"))
        out["rebuild_file"] = edit
    return out


def summary(rs: list[dict]) -> dict:
    """Best (the least disturbed by other work on the machine) and median of several runs; the highest peak memory."""
    out = {"n": len(rs), "rss": max(r.get("rss", 0) for r in rs)}
    for k in ("wall", "cpu"):
        out[k] = min(r[k] for r in rs)
        out[k + "_median"] = statistics.median(r[k] for r in rs)
    for k in ("pages", "search"):
        if k in rs[0]:
            out[k] = rs[0][k]
    return out


def fmt_s(x) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def fmt_t(m: dict, k: str = "wall") -> str:
    """best (median) of the runs, or the one value"""
    if m["n"] == 1:
        return fmt_s(m[k])
    return f"{fmt_s(m[k])} ({fmt_s(m[k + '_median'])})"


def fmt_mb(b) -> str:
    return f"{b / 2**20:.0f}"


def report(results: list[dict], machine: str, synth_time: float) -> list[str]:
    lines = [f"Machine: {machine}", f"Synthetic data written in {synth_time:.1f} s in total.", ""]
    lines += ["| set | petitions | late cases | activities | dossiers | months | files | HTML pages | search index KB |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        c = r["records"]
        lines.append(f"| {r['name']} | {c['petitions']:,} | {c['late']:,} | {c['activities']:,} | {c['dossiers']:,} | "
                     f"{c['months']} | {c['files']} | {r['pages']} | {r['search'] / 1024:.0f} |")
    lines += ["", "`python -m generator build`, seconds: best of the runs (median in brackets); cold = empty cache, warm = "
              "unchanged data with the cache of an earlier build; peak = highest ru_maxrss of the builds, MB; bare = `mkdocs build` "
              "of the same Markdown, run alternately with the warm builds; ratio = warm build ÷ bare mkdocs", "",
              "| set | runs | cold wall | cold CPU | cold peak | warm wall | warm CPU | warm peak | bare mkdocs wall | bare CPU | ratio wall | ratio CPU |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        c, w, b = r["cold"], r["warm"], r["bare"]
        lines.append(f"| {r['name']} | {r['runs']} | {fmt_t(c)} | {fmt_t(c, 'cpu')} | {fmt_mb(c['rss'])} | {fmt_t(w)} | "
                     f"{fmt_t(w, 'cpu')} | {fmt_mb(w['rss'])} | {fmt_t(b)} | {fmt_t(b, 'cpu')} | "
                     f"{r['ratio']:.2f} | {r['ratio_cpu']:.2f} |")
    lines += ["", "CPU seconds of each stage in one process, empty cache (in brackets: the same stage again with that cache):", "",
              "| set | load | validate | compute | render: charts | pages | downloads | mkdocs |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        s, sw = r["stages"], r["stages_warm"]
        lines.append(f"| {r['name']} | {fmt_s(s['load'])} ({fmt_s(sw['load'])}) | {fmt_s(s['validate'])} | {fmt_s(s['compute'])} | "
                     f"{fmt_s(s['charts'])} ({fmt_s(sw['charts'])}) | {fmt_s(s['pages'])} | {fmt_s(s['exports'])} | {fmt_s(s['mkdocs'])} |")
    for r in results:
        if "rebuild" in r:
            rb, sr = r["rebuild"], r["serve_rebuild"]
            lines += ["", f"Rebuild of '{r['name']}' after changing one record in {r['rebuild_file']}, {rb['n']} times: "
                      f"new `python -m generator build` process {fmt_t(rb)} s wall, {fmt_t(rb, 'cpu')} s CPU; "
                      f"inside one process as `mkdocs serve` does: {fmt_t(sr)} s wall, {fmt_t(sr, 'cpu')} s CPU"]
    return lines


def targets(results: list[dict]) -> list[str]:
    by = {r["name"]: r for r in results}
    out = []

    def line(ok, text):
        out.append(f"- {'OK' if ok else 'MISSED'}: {text}")

    if "mẫu" in by:
        s = by["mẫu"]
        line(s["cold"]["wall"] < 5, f"the sample builds in under 5 s: cold {fmt_t(s['cold'])} s, warm {fmt_t(s['warm'])} s")
        if "rebuild" in s:
            rb, sr = s["rebuild"], s["serve_rebuild"]
            line(rb["wall"] < 2, f"a rebuild after changing one data file takes under 2 s, as a new process: {fmt_t(rb)} s "
                 f"({fmt_t(rb, 'cpu')} s CPU)")
            line(sr["wall"] < 2, f"... inside `mkdocs serve`: {fmt_t(sr)} s ({fmt_t(sr, 'cpu')} s CPU)")
    if "100k PA" in by:
        p = by["100k PA"]
        line(p["cold"]["wall"] < 60, f"100,000 petitions build in under 60 s: cold {fmt_t(p['cold'])} s "
             f"({fmt_t(p['cold'], 'cpu')} s CPU), warm {fmt_t(p['warm'])} s")
        line(p["cold"]["rss"] < GIB, f"... and under 1 GiB of memory: peak {fmt_mb(p['cold']['rss'])} MB cold, {fmt_mb(p['warm']['rss'])} MB warm")
    if "10×" in by and "100×" in by:
        for kind in ("cold", "warm"):
            a, b = by["10×"][kind], by["100×"][kind]
            f, fc = b["wall"] / a["wall"], b["cpu"] / a["cpu"]
            line(f <= 12, f"from 10× to 100× the time grows at most 12-fold ({kind}): {f:.1f}-fold wall, {fc:.1f}-fold CPU")
    scaled = [by[n] for n in ("1×", "10×", "100×") if n in by]
    if len(scaled) > 1:
        counts = {r["name"]: r["pages"] for r in scaled}
        line(len(set(counts.values())) == 1, f"page count grows with periods, not with records: {counts} for the same 24 months"
             + (f"; {by['100k PA']['pages']} for 120 months" if "100k PA" in by else ""))
    return out


def machine() -> str:
    cpu = ""
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB if hasattr(os, "sysconf") else 0
    load = ", load average %.1f %.1f %.1f at the start" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}{load}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--stages":
        print(json.dumps(stages(Path(sys.argv[2]))))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-rebuild":
        print(json.dumps(serve_rebuild(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="only the sample, 1× and 10× (a minute or so)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each build of the sample, 1× and 10× (best and median), default 3")
    ap.add_argument("--big-runs", type=int, default=1, help="runs of each build of 100× and 100k PA, default 1")
    ap.add_argument("--only", nargs="*", help="set names: mẫu 1× 10× 100× '100k PA'")
    ap.add_argument("--keep", help="write the synthetic sets and sites into this folder and keep them")
    args = ap.parse_args()
    from synth import make_dataset

    os.environ["GENERATOR_CACHE"] = "0"  # this process only counts records; the builds measured are children

    sets = [s for s in SETS if not args.quick or s[0] in ("mẫu", "1×", "10×")]
    if args.only:
        sets = [s for s in sets if s[0] in args.only]
    print(f"Machine: {machine()}", flush=True)
    results = []
    synth_time = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        for name, what, kwargs in sets:
            work = base / name.replace(" ", "-").replace("×", "x")
            if work.exists():
                shutil.rmtree(work)
            work.mkdir(parents=True)
            if kwargs is None:
                data = ROOT / "data"
            else:
                data = work / "data"
                t0 = time.perf_counter()
                make_dataset(data, **kwargs)
                synth_time += time.perf_counter() - t0
            print(f"… {name}: {what}", flush=True)
            r = measure(name, data, work, max(1, args.runs if name in ("mẫu", "1×", "10×") else args.big_runs), rebuild=kwargs is None)
            results.append(r)
            from generator import pipeline

            pipeline._last_check.clear()  # this process holds one data set at a time
            print(f"   cold {fmt_t(r['cold'])} s, warm {fmt_t(r['warm'])} s, bare mkdocs {fmt_t(r['bare'])} s, "
                  f"peak {fmt_mb(r['cold']['rss'])} MB, {r['pages']} pages", flush=True)
    print()
    print("\n".join(report(results, machine(), synth_time)))
    print()
    print("Targets:")
    print("\n".join(targets(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
