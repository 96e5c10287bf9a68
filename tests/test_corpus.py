"""The corpus of bad inputs: what staff really get wrong, and exactly what `check` tells them.

Each folder tests/corpus/NN-short-name/ holds one mistake:

- case.json: {"target": "phan-anh/2024-03.yaml", "description": "..."} where `target` is the path
  inside tests/fixtures/tiny that the input replaces (or adds, for a new file), and optionally
  "extra": [{"target": ..., "file": ...}] for further files of the case folder to put in place,
  and "generate": "big" instead of an input file for inputs too large to commit (see GENERATED);
- input.yaml or input.bin: the exact bytes of the file (input.bin for encodings, BOM, CRLF, tabs…);
- expected.txt: the exact stdout of `python -m generator check --data data`, run next to a copy
  of the tiny data set with the case applied (so every path starts with data/).

Every case must fail (exit 1) without a traceback and print expected.txt byte for byte. After an
intended change to the messages, rewrite them with
`.venv/bin/python -m pytest tests/test_corpus.py --update-golden` and review the diff by eye:
the message must be Vietnamese, name the right line, and the hint must say what to do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"
CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
MIN_CASES = 45


def _big() -> bytes:
    """A 3 MB file: a valid month followed by a pasted log in one long comment."""
    return b"thang: 2024-04\n# " + b"x" * (3 * 1024 * 1024) + b"\n"


def _deep() -> bytes:
    """100 KB of brackets nested 50,000 deep: libyaml alone takes about a minute on it."""
    return b"thang: 2024-03\nphan_anh: " + b"[" * 50_000 + b"]" * 50_000 + b"\n"


GENERATED = {"big": _big, "deep": _deep}  # case.json "generate": name -> the input bytes, made when the test runs


def _meta(case: Path) -> dict:
    return json.loads((case / "case.json").read_text(encoding="utf-8"))


def _input(case: Path, meta: dict) -> bytes:
    if "generate" in meta:
        return GENERATED[meta["generate"]]()
    (src,) = [p for p in (case / "input.yaml", case / "input.bin") if p.exists()]
    return src.read_bytes()


def apply_case(case: Path, data: Path) -> None:
    """Put the case's file(s) into `data`, a copy of the tiny data set."""
    meta = _meta(case)
    files = [(meta["target"], _input(case, meta))]
    files += [(e["target"], (case / e["file"]).read_bytes()) for e in meta.get("extra", [])]
    for target, content in files:
        dest = data / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)


def run_check(workdir: Path) -> subprocess.CompletedProcess:
    """`python -m generator check --data data` in workdir, as staff run it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", "data"],
        cwd=workdir, env=env, capture_output=True, timeout=120,
    )


def _run_case(case: Path, workdir: Path) -> subprocess.CompletedProcess:
    shutil.copytree(TINY, workdir / "data")
    apply_case(case, workdir / "data")
    return run_check(workdir)


@pytest.fixture(scope="module")
def results(request, tmp_path_factory):
    """Every selected case run once, in parallel; each test then looks at its own result."""
    selected = [item.callspec.params["case"] for item in request.session.items
                if item.module is request.module and item.originalname == "test_case"]
    base = tmp_path_factory.mktemp("corpus")
    jobs = {case.name: (case, base / case.name) for case in selected}
    for _, workdir in jobs.values():
        workdir.mkdir()
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(_run_case, case, workdir) for name, (case, workdir) in jobs.items()}
        return {name: f.result() for name, f in futures.items()}


def test_corpus_is_big_enough():
    assert len(CASES) >= MIN_CASES, f"the corpus has {len(CASES)} cases, at least {MIN_CASES} expected"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_folder_is_well_formed(case, update_golden):
    meta = _meta(case)
    assert set(meta) <= {"target", "description", "extra", "generate"}, meta
    assert meta["description"].strip()
    inputs = [p.name for p in (case / "input.yaml", case / "input.bin") if p.exists()]
    if "generate" in meta:
        assert meta["generate"] in GENERATED and inputs == []
    else:
        assert len(inputs) == 1, f"{case.name}: exactly one of input.yaml / input.bin"
    for target in [meta["target"]] + [e["target"] for e in meta.get("extra", [])]:
        assert not target.startswith("/") and ".." not in Path(target).parts, target
    for e in meta.get("extra", []):
        assert (case / e["file"]).is_file(), e
    if not update_golden:  # test_case writes it
        assert (case / "expected.txt").is_file(), f"{case.name}: run with --update-golden to create expected.txt"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, results, update_golden):
    proc = results[case.name]
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in out + err, err
    assert proc.returncode == 1, f"exit {proc.returncode}\n{out}{err}"
    expected = case / "expected.txt"
    if update_golden:
        expected.write_bytes(proc.stdout)
    assert out == expected.read_bytes().decode("utf-8"), (
        f"{case.name}: the output changed; if intended, rerun with --update-golden and review the diff")


# text that looks dangerous when rendered is still valid data: the pages escape it (tested with the
# rendering); `check` must accept it rather than make staff rewrite a citizen's words
INJECTIONS = [
    "Người dân dán <script>alert(1)</script> vào góp ý",
    "Xem [x](javascript:alert(1)) để biết thêm",
    "Kiến nghị sửa đường {: onclick=alert(1) }",
]


@pytest.mark.parametrize("text", INJECTIONS, ids=["script", "javascript-link", "attr-list"])
def test_injection_text_in_a_summary_is_valid(tmp_path, text):
    shutil.copytree(TINY, tmp_path / "data")
    target = tmp_path / "data" / "phan-anh" / "2024-03.yaml"
    old = target.read_text(encoding="utf-8")
    new = old.replace('tom_tat: "Kiến nghị sửa đường"', "tom_tat: " + json.dumps(text, ensure_ascii=False))
    assert new != old
    target.write_text(new, encoding="utf-8")
    proc = run_check(tmp_path)
    assert proc.returncode == 0, proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert proc.stdout.decode("utf-8").startswith("Dữ liệu hợp lệ")
