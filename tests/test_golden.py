"""Golden files: the generated Markdown and downloads of the tiny site, byte for byte.

After an intended change, rewrite them with `make test ARGS=--update-golden` (or
`.venv/bin/python -m pytest tests/test_golden.py --update-golden`) and review the diff.
"""

from pathlib import Path

import pytest

from generator import pipeline

TINY = Path(__file__).parent / "fixtures" / "tiny"
GOLDEN = Path(__file__).parent / "golden" / "tiny"


@pytest.fixture(scope="module")
def artifacts():
    result = pipeline.build(TINY)
    assert result.ok, result.problems
    return {a.path: a.content for a in result.artifacts if not a.path.endswith(".svg")}


def test_golden_files(artifacts, update_golden):
    if update_golden:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, content in artifacts.items():
            dest = GOLDEN / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(content)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(expected) == sorted(artifacts), "a page or download was added or removed: run with --update-golden"
    for path, content in artifacts.items():
        assert content == expected[path], f"{path} differs from tests/golden/tiny/{path}: run with --update-golden and review"


def test_build_twice_same_artifacts():
    a = pipeline.build(TINY).artifacts
    b = pipeline.build(TINY).artifacts
    assert [(x.path, x.content) for x in a] == [(x.path, x.content) for x in b]
