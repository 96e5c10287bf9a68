"""The data guide (/huong-dan/) cannot contradict the check: both come from the same declarations.

The guide's table says for every field whether it is required; here each field of each kind is removed
from a valid file in turn and the check must agree with what the guide says. The guide's file layout
(one file per month, per year, per period) must name files the checker reads as that kind.
Personal-data rules: tests of the privacy guard (issue 10) cover the guide's section on them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import guide, pages, pipeline
from generator.schema import KINDS, kind_for

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"
FILE_OF = {"site": "xa.yaml", "holidays": "ngay-nghi/2024.yaml", "procedures": "thu-tuc/2024-03.yaml",
           "late": "tre-han/2024-03.yaml", "petitions": "phan-anh/2024-03.yaml", "surveys": "khao-sat/2024-03.yaml",
           "letters": "thu-gui/2024-03.yaml", "activities": "hoat-dong/2024-03.yaml", "plan": "ke-hoach.yaml",
           "commitments": "cam-ket.yaml"}
SCALAR_LINE = re.compile(r"^(\s*)([a-z_]+): (?!\s*$)(?!\|)(?!>)(.+)$")


def guide_rows() -> dict:
    """kind key → {field name: what the guide's 'Bắt buộc' column says}, for names that mean one thing."""
    out = {}
    for kind, info in zip(KINDS, pages._guide_kinds()):
        said: dict = {}
        for r in info["rows"]:
            said.setdefault(r["name"].split(".")[-1], set()).add(r["required"])
        out[kind.key] = {name: texts.pop() for name, texts in said.items() if len(texts) == 1}
    return out


CASES = []
for _kind_key, _rel in FILE_OF.items():
    _seen = set()
    for _n, _line in enumerate((TINY / _rel).read_text("utf-8").splitlines()):
        _m = SCALAR_LINE.match(_line)
        if _m and _m.group(2) not in _seen:
            _seen.add(_m.group(2))
            CASES.append((_kind_key, _rel, _n, _m.group(2)))


@pytest.mark.parametrize("kind_key,rel,line_no,name", CASES, ids=[f"{c[1]}:{c[3]}" for c in CASES])
def test_removing_a_field_is_refused_exactly_when_the_guide_says_it_is_required(tmp_path, kind_key, rel, line_no, name):
    said = guide_rows()[kind_key].get(name)
    if said is None or said not in ("có", "không"):
        pytest.skip("conditional or ambiguous: see the tests below")
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    f = data / rel
    lines = f.read_text("utf-8").splitlines()
    del lines[line_no]
    f.write_text("\n".join(lines) + "\n", "utf-8")
    probs = pipeline.check(data).problems
    about = [p for p in probs if p.code in ("thieu-truong", "thieu-muc")
             and (p.field.split(".")[-1].split("[")[0] == name or f"'{name}'" in p.message or f"({name})" in p.message)]
    if said == "có":
        assert about, f"the guide says {name} is required, but the check accepts a {rel} without it: {probs}"
    else:
        assert not about, f"the guide says {name} is optional, but the check refuses a {rel} without it: {about}"


def _petition_without(data: Path, kind: str, drop: str) -> list:
    f = data / "phan-anh" / "2024-03.yaml"
    text = f.read_text("utf-8")
    items = text.split("\n  - ")
    target = next(i for i, it in enumerate(items) if f"loai: {kind}" in it and f"{drop}:" in it)
    items[target] = "\n".join(ln for ln in items[target].split("\n") if not ln.strip().startswith(f"{drop}:"))
    f.write_text("\n  - ".join(items), "utf-8")
    return [p for p in pipeline.check(data).problems if f"({drop})" in p.message]


def test_tom_tat_is_required_except_for_a_denunciation_as_the_guide_says(tmp_path):
    rows = guide_rows()["petitions"]
    assert rows["tom_tat"] == "có, trừ khi loai là to-cao"
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    assert _petition_without(data, "kien-nghi", "tom_tat"), "a kiến nghị without tom_tat must be refused"


def test_ket_qua_is_required_once_resolved_as_the_guide_says(tmp_path):
    assert guide_rows()["petitions"]["ket_qua"] == "có, khi đã ghi ngay_giai_quyet, trừ khi loai là to-cao"
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    assert _petition_without(data, "kien-nghi", "ket_qua")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_the_file_layout_the_guide_gives_is_the_one_the_check_reads(kind):
    where, files, examples = guide.layout(kind)
    for rel in examples:
        found, _period = kind_for(rel)
        assert found is kind, (rel, found)
    if kind.period == "period":
        assert "mỗi kỳ một tệp" in files  # the ledger: one file per period, never per year


def test_every_sample_file_follows_the_guides_layout():
    for p in (ROOT / "data").rglob("*.yaml"):
        rel = p.relative_to(ROOT / "data").as_posix()
        kind, period = kind_for(rel)
        assert kind is not None, rel
        where, _files, _examples = guide.layout(kind)
        folder = where.split("/")[0] if "/" in where else ""
        assert rel.startswith(folder), (rel, where)


def test_the_rendered_guide_prints_these_declarations():
    text = (ROOT / "tests" / "golden" / "tiny" / "huong-dan.md").read_text("utf-8")
    assert "data/cong-bo/KỲ.yaml</code>, mỗi kỳ một tệp" in text
    assert "| có, trừ khi loai là to-cao |" in text
