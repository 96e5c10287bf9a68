"""What staff get: the data guide, templates, editor schemas, `new` and `diff`."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from generator import guide, pipeline
from generator.loader import load_bytes
from generator.pages import md_escape
from generator.problems import CODES
from generator.schema import KINDS, Enum, MapOf
from generator.validate import _Ctx, _record

TINY = Path(__file__).parent / "fixtures" / "tiny"


@pytest.fixture(scope="module")
def guide_page():
    result = pipeline.build(TINY)
    assert result.ok
    return next(a.content.decode("utf-8") for a in result.artifacts if a.path == "huong-dan.md")


def test_guide_documents_every_field_value_and_code(guide_page):
    for kind in KINDS:
        assert f"### {md_escape(kind.label)}" in guide_page
        for name, f in guide.field_rows(kind.record):
            assert f"<code>{md_escape(name)}</code>" in guide_page, name
            assert md_escape(f.label) in guide_page, f.label
        for _name, e in guide.enums(kind.record):
            for code, label in e.choices:
                assert f"| <code>{md_escape(code)}</code> | {md_escape(label)} |" in guide_page, code
    for code, text in CODES.items():
        assert f"| <code>{md_escape(code)}</code> | {md_escape(text)} |" in guide_page, code


def test_every_field_has_a_label_and_every_scalar_an_example():
    from generator.schema import ListOf, Record
    for kind in KINDS:
        for name, f in guide.field_rows(kind.record):
            assert f.label, name
            if not isinstance(f.type, (ListOf, Record, MapOf)):
                assert f.example, f"{kind.key}: {name} has no example"


def test_problem_codes_cannot_be_undocumented():
    from generator.problems import Problem
    with pytest.raises(ValueError):
        Problem("x.yaml", 1, "", "m", "ma-chua-khai-bao")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_templates_are_valid_files_of_their_kind(kind):
    """The file a staff member copies passes every per-file check as it is."""
    for period in (None, "2025-01" if kind.period == "month" else "2025" if kind.period == "year" else None):
        text = guide.template(kind, period=period)
        doc, problems = load_bytes(text.encode("utf-8"), "mau.yaml")
        assert not problems and doc is not None
        ctx = _Ctx("mau.yaml", [], [])
        rec = _record(doc.root, kind.record, ctx)
        assert ctx.problems == [] and rec is not None
        if period and kind.period == "month":
            assert rec.thang == period
        assert text.startswith(f"# yaml-language-server: $schema={guide.schema_ref(kind)}")


def test_committed_editor_schemas_are_current():
    proc = subprocess.run([sys.executable, "-m", "generator", "schemas", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, "run: python -m generator schemas\n" + proc.stdout
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    for kind in KINDS:
        schema = json.loads((ROOT / guide.SCHEMA_DIR / f"{guide.slug(kind)}.json").read_text("utf-8"))
        assert schema["additionalProperties"] is False
        assert f"./{guide.SCHEMA_DIR}/{guide.slug(kind)}.json" in settings["yaml.schemas"]


def test_json_schema_describes_fields_in_vietnamese_with_allowed_values():
    schema = guide.json_schema(guide.KIND_BY_SLUG["phan-anh"])
    item = schema["properties"]["phan_anh"]["items"]
    assert item["properties"]["kenh"]["enum"][0] == "hom-thu"
    assert item["properties"]["kenh"]["enumDescriptions"][0] == "Hòm thư góp ý"
    assert "Ngày tiếp nhận" in item["properties"]["ngay_nhan"]["description"]
    assert set(item["required"]) >= {"ma", "ngay_nhan", "kenh", "loai"}


def run(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_new_procedures_month_carries_over_last_months_pending(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    r = run("new", "thu-tuc", "--data", str(data))
    assert r.returncode == 0, r.stderr
    text = (data / "thu-tuc" / "2024-05.yaml").read_text("utf-8")
    assert "thang: 2024-05" in text
    assert "  - linh_vuc: ho-tich\n    ton_truoc: 4\n" in text  # April: 4 pending in time, 0 overdue
    # refuses to overwrite
    r = run("new", "thu-tuc", "--data", str(data), "--period", "2024-05")
    assert r.returncode == 2 and "không ghi đè" in r.stderr
    assert (data / "thu-tuc" / "2024-05.yaml").read_text("utf-8") == text


def test_new_petition_file_uses_the_month_and_placeholders(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    r = run("new", "phan-anh", "--data", str(data), "--period", "2024-05")
    assert r.returncode == 0, r.stderr
    text = (data / "phan-anh" / "2024-05.yaml").read_text("utf-8")
    assert 'ma: "PA-2405-01"' in text and "thang: 2024-05" in text and "ngay_nhan: (điền ngày tiếp nhận)" in text
    result = pipeline.check(data)
    # every value left as the template wrote it is refused, at its line, and nothing else is wrong
    assert result.problems and {p.code for p in result.problems} == {"gia-tri-mau"}, result.problems
    lines = text.splitlines()
    assert all("(điền" in lines[p.line - 1] for p in result.problems)


@pytest.mark.parametrize("args", [["new", "khong-co"], ["new", "xa"], ["new", "thu-tuc", "--period", "2024-13"],
                                  ["new", "xa", "--period", "2024-01"]])
def test_new_usage_errors(tmp_path, args):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    r = run(*args, "--data", str(data))
    assert r.returncode == 2 and "Lỗi cách dùng" in r.stderr


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t"))


def base_repo(tmp_path):
    """A git repository whose main branch holds the tiny data set."""
    repo = tmp_path / "repo"
    shutil.copytree(TINY, repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    return repo


def test_diff_lists_every_changed_figure_in_vietnamese(tmp_path):
    repo = base_repo(tmp_path)
    f = repo / "data" / "thu-tuc" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8").replace("som_han: 20\n    dung_han: 9", "som_han: 21\n    dung_han: 8"), "utf-8")
    r = run("diff", "main", "--data", str(repo / "data"))
    assert r.returncode == 0, r.stderr
    assert "- Giải quyết trước hạn tháng 4/2024: 20 → 21  [tthc.som_han]" in r.stdout
    assert "- Giải quyết đúng hạn năm 2024: 30 → 29  [tthc.dung_han]" in r.stdout
    assert "ty_le_dung_han" not in r.stdout  # early + on time is unchanged, so is the rate
    # a new month of petitions: new figures, and the year's figures change
    (repo / "data" / "phan-anh" / "2024-04.yaml").write_text(
        (repo / "data" / "phan-anh" / "2024-04.yaml").read_text("utf-8").replace("tai_dien: có\n", ""), "utf-8")
    r = run("diff", "main", "--data", str(repo / "data"), "--format", "markdown")
    assert "## Ảnh hưởng tới số liệu công bố (so với main)" in r.stdout
    assert "Mức độ hài lòng với việc giải quyết phản ánh, kiến nghị tháng 4/2024: 0,0% (0/1) → 100,0% (1/1)" in r.stdout


def test_diff_shows_a_new_fraction_with_the_same_rounded_value(tmp_path):
    repo = base_repo(tmp_path)
    # the ledger freezes numerator and denominator, so the diff reports a new fraction even when the
    # rounded value stays the same (47/50 and 94/100 are both 94,0%)
    from dataclasses import replace

    from generator import figdiff, indicators, pipeline
    figs, _ = indicators.compute(pipeline.check(repo / "data").dataset)
    old = {(f.id, f.period): f for f in figs}
    key = ("tthc.ty_le_dung_han", "2024-03")
    new = dict(old)
    new[key] = replace(old[key], numerator=94, denominator=100)
    changed, added, removed = figdiff.compare(old, new)
    assert changed == [key] and not added and not removed
    text = figdiff.render("main", old, new, None, "text")
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn tháng 3/2024: 94,0% (47/50) → 94,0% (94/100)" in text


def test_diff_with_no_change_and_with_a_bad_ref(tmp_path):
    repo = base_repo(tmp_path)
    r = run("diff", "main", "--data", str(repo / "data"))
    assert r.returncode == 0 and "Không có số liệu công bố nào thay đổi." in r.stdout
    r = run("diff", "khong-co-nhanh-nay", "--data", str(repo / "data"))
    assert r.returncode == 2 and "không tìm thấy phiên bản" in r.stderr
