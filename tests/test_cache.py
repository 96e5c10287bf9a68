"""The build cache never changes the output, and a change to one record changes exactly what it should.

The cache (generator/cache.py) keeps parsed data files and drawn charts by content hash. These tests
build with an empty cache, a warm one, a tampered one and none, and compare bytes; none of them
measures time (the benchmark in bench/ does, and asserts nothing).
"""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

from generator import cache, charts, loader, pipeline

DATA = ROOT / "data"
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(d))
    monkeypatch.delenv("GENERATOR_CACHE", raising=False)
    pipeline._last_check.clear()
    yield d
    pipeline._last_check.clear()


def entries(d: Path) -> dict:
    """Every cache entry with its inode and modification time: a rewritten entry shows as a change."""
    return {p.relative_to(d).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in d.rglob("*.bin")}


def cli_build(out: Path, cache_dir: Path, data: Path = DATA) -> None:
    env = dict(os.environ, GENERATOR_CACHE_DIR=str(cache_dir), NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("GENERATOR_CACHE", None)
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr


def same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ (content, or present on one side only) between two folders."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    diff = sorted(files_a ^ files_b)
    diff += [f for f in sorted(files_a & files_b) if not filecmp.cmp(a / f, b / f, shallow=False)]
    return diff


def test_sample_site_is_byte_identical_with_cold_and_warm_cache(tmp_path):
    cdir = tmp_path / "cache"
    cli_build(tmp_path / "cold", cdir)
    written = entries(cdir)
    kinds = {name.split("/")[0] for name in written}
    assert {"yaml", "charts", "jinja"} <= kinds, kinds
    assert sum(1 for n in written if n.startswith("charts/")) == 5
    cli_build(tmp_path / "warm", cdir)
    assert entries(cdir) == written, "the warm build parsed or drew something again"
    assert same_tree(tmp_path / "cold", tmp_path / "warm") == []


def artifacts(result) -> dict:
    assert result.ok, result.problems[:5]
    return {a.path: a.content for a in result.artifacts}


def test_editing_one_record_changes_exactly_its_figures_and_pages(tmp_path, cache_dir, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = pipeline.build(data)
    arts_before = artifacts(before)
    cached = entries(cache_dir)

    # December 2024 (not yet published): petition PA-2412-08 was rated "satisfied"; now "not satisfied"
    f = data / "phan-anh" / "2024-12.yaml"
    text = f.read_text("utf-8")
    i = text.index('  - ma: "PA-2412-08"')
    j = text.index("danh_gia: hai-long", i)
    f.write_text(text[:j] + "danh_gia: khong-hai-long" + text[j + len("danh_gia: hai-long"):], encoding="utf-8")
    after = pipeline.build(data)
    arts_after = artifacts(after)

    old = {(x.id, x.period): x for x in before.figures}
    new = {(x.id, x.period): x for x in after.figures}
    assert old.keys() == new.keys()
    changed = sorted(k for k in old if old[k] != new[k])
    # the satisfaction rate of the month, the quarter and the year it falls in; nothing else
    assert changed == [("pakn.ty_le_hai_long", "2024"), ("pakn.ty_le_hai_long", "2024-12"), ("pakn.ty_le_hai_long", "2024-Q4")]
    assert (old[changed[1]].numerator, new[changed[1]].numerator) == (16, 15)

    assert arts_before.keys() == arts_after.keys()
    pages = sorted(p for p in arts_before if arts_before[p] != arts_after[p])
    assert pages == [
        "bao-cao/2024-12.md", "bao-cao/2024-Q4.md", "bao-cao/2024.md",  # the reports of the three periods
        "cam-ket.md",  # a commitment cites this rate as evidence
        "phan-anh-kien-nghi.md",  # the petitions page: the rate, by month, quarter and year
        "so-lieu.md",  # the table of the latest figures
        "so-lieu/du-lieu/phan-anh.csv", "so-lieu/du-lieu/phan-anh.json",  # the record itself
        "so-lieu/figures.csv", "so-lieu/figures.json", "so-lieu/figures.xlsx",
    ]
    # no chart shows this rate: none drawn again; only the edited month parsed again
    new_entries = sorted(set(entries(cache_dir)) - set(cached))
    assert len(new_entries) == 1 and new_entries[0].startswith("yaml/")
    assert {k: v for k, v in entries(cache_dir).items() if k in cached} == cached

    # and the result is what a build without any cache gives
    monkeypatch.setenv("GENERATOR_CACHE", "0")
    pipeline._last_check.clear()
    assert artifacts(pipeline.build(data)) == arts_after


def test_no_cache_and_tampered_cache_give_the_same_artifacts(tmp_path, cache_dir, monkeypatch):
    warm = artifacts(pipeline.build(TINY))
    pipeline._last_check.clear()
    assert artifacts(pipeline.build(TINY)) == warm
    # every entry overwritten with something else: ignored, the work is done again
    for i, p in enumerate(sorted(cache_dir.rglob("*.bin"))):
        blob = p.read_bytes()
        p.write_bytes([b"", b"junk", blob[:-1], blob[:-3] + b"xyz", blob.replace(b"generator-cache 1", b"generator-cache 9")][i % 5])
    pipeline._last_check.clear()
    assert artifacts(pipeline.build(TINY)) == warm
    monkeypatch.setenv("GENERATOR_CACHE", "0")
    shutil.rmtree(cache_dir)
    pipeline._last_check.clear()
    assert artifacts(pipeline.build(TINY)) == warm
    assert not cache_dir.exists(), "GENERATOR_CACHE=0 wrote to the cache"


def test_parsed_files_from_the_cache_equal_a_fresh_parse(cache_dir):
    files = loader.data_files(DATA) + loader.data_files(TINY)
    for f in files:
        raw = f.read_bytes()
        fresh = loader.load_bytes(raw, "p.yaml", "r.yaml")
        first = loader.load_cached(raw, "p.yaml", "r.yaml")
        again = loader.load_cached(raw, "p.yaml", "r.yaml")
        assert fresh == first == again, f
    assert len(list(cache_dir.rglob("*.bin"))) == len({f.read_bytes() for f in files})


def test_files_with_problems_are_never_cached(cache_dir):
    for raw in (b"a: 1\na: 2\n", b"a: &x 1\n", b"a: [1, 2\n", b"tom_tat: dot #2\n"):
        doc, problems = loader.load_cached(raw, "p.yaml", "r.yaml")
        assert problems
        assert loader.load_cached(raw, "p.yaml", "r.yaml") == (doc, problems)
    assert not cache_dir.exists() or not list(cache_dir.rglob("*.bin"))


def test_keys_follow_the_code_and_the_series():
    result = pipeline.check(DATA)
    specs = charts.chart_specs(result.dataset, result.figures)
    keys = {name: charts.chart_key(fn, args) for name, fn, args in specs}
    assert len(set(keys.values())) == len(keys) == 5
    name, fn, args = specs[2]  # petitions received and resolved by month
    changed = (args[0], [args[1][0] + 1] + list(args[1][1:]), *args[2:])
    assert charts.chart_key(fn, changed) != keys[name]
    assert len(loader.loader_version()) == 64 and len(charts.code_version()) == 64
    assert cache.digest("ab", "c") != cache.digest("a", "bc")


def test_cache_folder_setting(monkeypatch, tmp_path):
    monkeypatch.delenv("GENERATOR_CACHE_DIR", raising=False)
    assert cache.directory() == ROOT / ".cache" / "generator"
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(tmp_path))
    assert cache.directory() == tmp_path
    for off in ("0", "no", "false", "off"):
        monkeypatch.setenv("GENERATOR_CACHE", off)
        assert not cache.enabled()
        cache.put("x", "ab" * 32, b"payload")
        assert cache.get("x", "ab" * 32) is None
    monkeypatch.setenv("GENERATOR_CACHE", "1")
    cache.put("x", "ab" * 32, b"payload")
    assert cache.get("x", "ab" * 32) == b"payload"
    assert cache.get("x", "cd" * 32) is None
    assert [p.name for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")] == []
