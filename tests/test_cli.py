"""`python -m generator` as staff and CI run it: output formats and exit codes.

Exit codes: 0 clean, 1 data problems, 2 usage error or a bug. No full site build here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"
TINY_REL = "tests/fixtures/tiny"

# path:line  field: message  [code]
LINE_RE = re.compile(r"^(?P<path>\S+):(?P<line>\d+)  (?:(?P<field>[^\s:]+): )?(?P<message>.+)  \[(?P<code>[a-z0-9-]+)\]$")
SUMMARY_RE = re.compile(r"^Có (\d+) lỗi trong (\d+)/(\d+) tệp\. Chưa tạo trang nào\.$")


# ---------------------------------------------------------------- helpers


def run(*args: str, env_extra: dict | None = None, timeout: int = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    env.pop("GENERATOR_DATA_DIR", None)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def broken(tmp_path: Path) -> Path:
    """A copy of the tiny data set with four problems in two files."""
    folder = tmp_path / "data"
    shutil.copytree(TINY, folder)
    f = folder / "thu-tuc" / "2024-03.yaml"
    text = f.read_text(encoding="utf-8")
    assert text.count("tiep_nhan: 40") == 1 and text.count("truc_tuyen: 0") == 1
    f.write_text(text.replace("tiep_nhan: 40", "tiep_nhan: 1.234").replace("truc_tuyen: 0", "truc_tuyen: x"), encoding="utf-8")
    g = folder / "phan-anh" / "2024-03.yaml"
    text = g.read_text(encoding="utf-8")
    assert text.count("ngay_giai_quyet: 2024-03-15") == 1 and text.count('tom_tat: "Kiến nghị sửa đường"') == 1
    text = text.replace("ngay_giai_quyet: 2024-03-15", "ngay_giai_quyet: 2024-02-30")
    # personal data is found after the per-file checks: the report must still list it first
    text = text.replace('tom_tat: "Kiến nghị sửa đường"', 'tom_tat: "Kiến nghị sửa đường, gọi 0912345678"')
    g.write_text(text, encoding="utf-8")
    return folder


EXPECTED = [  # (file inside the data folder, line, field, code), in report order
    ("phan-anh/2024-03.yaml", 9, "phan_anh[1].tom_tat", "du-lieu-ca-nhan-dien-thoai"),
    ("phan-anh/2024-03.yaml", 11, "phan_anh[1].ngay_giai_quyet", "ngay-khong-hop-le"),
    ("thu-tuc/2024-03.yaml", 5, "linh_vuc[1].tiep_nhan", "sai-kieu-so"),
    ("thu-tuc/2024-03.yaml", 16, "linh_vuc[2].truc_tuyen", "sai-kieu-so"),
]
FILES_TOTAL = len([p for p in TINY.rglob("*.yaml")])


def shown(folder: Path) -> str:
    """How the CLI (run from the repository root) names the data folder."""
    try:
        return folder.resolve().relative_to(ROOT).as_posix() + "/"
    except ValueError:
        return folder.resolve().as_posix() + "/"


# ---------------------------------------------------------------- check: clean data


def test_check_clean_data_exits_0_with_a_vietnamese_success_line():
    r = run("check", "--data", TINY_REL)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[0] == f"Dữ liệu hợp lệ: {FILES_TOTAL} tệp, không có lỗi."
    # then the monthly checklist: the tiny data's April has no activities file
    assert "Việc cần làm trong tháng:" in r.stdout
    assert "[ ] Hoạt động: chưa có số liệu → `make new KIND=hoat-dong PERIOD=2024-04`" in r.stdout
    assert r.stderr == ""


def test_check_clean_data_json():
    r = run("check", "--data", TINY_REL, "--format", "json")
    assert r.returncode == 0
    assert json.loads(r.stdout) == {"files": FILES_TOTAL, "problems": []}


def test_check_clean_data_github_format_prints_no_annotation():
    r = run("check", "--data", TINY_REL, "--format", "github")
    assert r.returncode == 0
    assert "::error" not in r.stdout
    assert "Dữ liệu hợp lệ" in r.stdout


# ---------------------------------------------------------------- check: broken data


def test_check_broken_data_text_report(tmp_path):
    folder = broken(tmp_path)
    r = run("check", "--data", str(folder))
    assert r.returncode == 1, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    prefix = shown(folder)

    # one line per problem, each followed by its hint, then the summary
    problem_lines = [ln for ln in lines if LINE_RE.match(ln)]
    assert len(problem_lines) == len(EXPECTED)
    got = []
    for ln in problem_lines:
        m = LINE_RE.match(ln)
        assert m["path"].startswith(prefix)
        got.append((m["path"][len(prefix):], int(m["line"]), m["field"], m["code"]))
        i = lines.index(ln)
        assert lines[i + 1].startswith("  gợi ý: ") and len(lines[i + 1]) > len("  gợi ý: ")
    assert got == EXPECTED
    assert len(lines) == 2 * len(EXPECTED) + 1
    assert lines[-1] == f"Có 4 lỗi trong 2/{FILES_TOTAL} tệp. Chưa tạo trang nào."
    assert SUMMARY_RE.match(lines[-1])
    assert r.stdout.endswith("\n")


def test_check_broken_data_exact_first_lines(tmp_path):
    folder = broken(tmp_path)
    r = run("check", "--data", str(folder))
    prefix = shown(folder)
    assert r.stdout.splitlines()[2:4] == [
        f"{prefix}phan-anh/2024-03.yaml:11  phan_anh[1].ngay_giai_quyet: «Ngày giải quyết xong»: ngày 2024-02-30 không tồn tại"
        "  [ngay-khong-hop-le]",
        "  gợi ý: viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-03-05",
    ]


def test_check_paths_relative_to_the_working_folder(tmp_path):
    # data inside the working folder is shown relative to it, as in the design's example
    r = run("check", "--data", TINY_REL + "/../tiny")
    assert r.returncode == 0
    folder = broken(tmp_path)
    env = {"PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", "data"],
        cwd=tmp_path, env=dict(os.environ, **env), capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert r.returncode == 1
    assert r.stdout.splitlines()[0].startswith("data/phan-anh/2024-03.yaml:9  ")
    assert folder.is_dir()


def test_check_whole_file_problem_has_no_line_number(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TINY, folder)
    (folder / "ghi-chu.yaml").write_text("a: 1\n", encoding="utf-8")
    r = run("check", "--data", str(folder))
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == f"{shown(folder)}ghi-chu.yaml  tệp không thuộc loại dữ liệu nào  [tep-khong-ro-loai]"
    assert r.stdout.splitlines()[-1] == f"Có 1 lỗi trong 1/{FILES_TOTAL + 1} tệp. Chưa tạo trang nào."


def test_check_github_format(tmp_path):
    folder = broken(tmp_path)
    r = run("check", "--data", str(folder), "--format", "github")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    errors = [ln for ln in lines if ln.startswith("::error ")]
    assert len(errors) == len(EXPECTED)
    prefix = shown(folder)
    for ln, (rel, line, field, code) in zip(errors, EXPECTED):
        m = re.match(r"^::error file=([^,]+),line=(\d+),title=([^:]+)::(.*)$", ln)
        assert m, ln
        assert m[1] == (prefix + rel).replace(":", "%3A")
        assert int(m[2]) == line
        assert m[3] == code
        body = m[4]
        assert body.startswith(f"{field}: ") and body.count(f"[{code}]") == 1
        assert "%0Agợi ý: " in body  # the hint on its own line in the annotation
        assert "\n" not in body and "\r" not in body
    assert lines[-1] == f"Có 4 lỗi trong 2/{FILES_TOTAL} tệp. Chưa tạo trang nào."
    assert len(lines) == len(EXPECTED) + 1


def test_check_github_format_whole_file_problem_has_no_line(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(TINY, folder)
    (folder / "ghi-chu.yaml").write_text("a: 1\n", encoding="utf-8")
    r = run("check", "--data", str(folder), "--format", "github")
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"::error file={shown(folder)}ghi-chu.yaml,title=tep-khong-ro-loai::")
    assert ",line=" not in first


def test_check_json_format(tmp_path):
    folder = broken(tmp_path)
    r = run("check", "--data", str(folder), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["files"] == FILES_TOTAL
    prefix = shown(folder)
    got = [(p["path"][len(prefix):], p["line"], p["field"], p["code"]) for p in data["problems"]]
    assert got == EXPECTED
    for p in data["problems"]:
        assert set(p) == {"path", "line", "field", "message", "code", "hint"}
        assert p["path"].startswith(prefix) and p["message"] and p["hint"]
    assert "ngày 2024-02-30 không tồn tại" in data["problems"][1]["message"]  # not \u-escaped away
    assert "\\u" not in r.stdout


def test_check_output_is_deterministic_across_hash_seeds(tmp_path):
    folder = broken(tmp_path)
    (folder / "xa.yaml").write_text(
        (folder / "xa.yaml").read_text(encoding="utf-8").replace('ten: "xã Mẫu"', 'tenn: "xã Mẫu"'), encoding="utf-8"
    )
    outs = {run("check", "--data", str(folder), "--format", "json", env_extra={"PYTHONHASHSEED": s}).stdout for s in ("1", "2", "3")}
    assert len(outs) == 1
    assert len(json.loads(outs.pop())["problems"]) == 6


# ---------------------------------------------------------------- usage errors: exit 2


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="no-subcommand"),
        pytest.param(["kiem-tra"], id="unknown-subcommand"),
        pytest.param(["check", "--data", TINY_REL, "--khong-co"], id="unknown-option"),
        pytest.param(["check", "--data", TINY_REL, "--format", "xml"], id="unknown-format"),
        pytest.param(["check", "--data"], id="option-without-value"),
        pytest.param(["check", "--data", "tests/fixtures/khong-co-thu-muc-nay"], id="missing-data-folder"),
        pytest.param(["check", "--data", TINY_REL + "/xa.yaml"], id="data-is-a-file"),
        pytest.param(["build", "--data", "tests/fixtures/khong-co-thu-muc-nay"], id="build-missing-data-folder"),
    ],
)
def test_usage_errors_exit_2(args):
    r = run(*args)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Lỗi cách dùng" in r.stderr
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    error_line = [ln for ln in r.stderr.splitlines() if ln.startswith("Lỗi cách dùng")][0]
    for english in ("the following arguments are required", "unrecognized arguments", "invalid choice", "expected one argument"):
        assert english not in error_line


def test_missing_data_folder_is_named():
    r = run("check", "--data", "tests/fixtures/khong-co-thu-muc-nay")
    assert r.returncode == 2
    assert "không tìm thấy thư mục dữ liệu 'tests/fixtures/khong-co-thu-muc-nay'" in r.stderr


def test_help_exits_0():
    r = run("--help")
    assert r.returncode == 0
    assert "check" in r.stdout and "build" in r.stdout


# ---------------------------------------------------------------- build with broken data


def test_build_with_broken_data_exits_1_and_writes_nothing(tmp_path):
    folder = broken(tmp_path)
    out = tmp_path / "site"
    r = run("build", "--data", str(folder), "--out", str(out))
    assert r.returncode == 1, r.stdout + r.stderr
    assert not out.exists()
    lines = r.stdout.splitlines()
    assert lines[-1] == f"Có 4 lỗi trong 2/{FILES_TOTAL} tệp. Chưa tạo trang nào."
    assert sum(1 for ln in lines if LINE_RE.match(ln)) == len(EXPECTED)


def test_build_with_broken_data_github_format(tmp_path):
    folder = broken(tmp_path)
    out = tmp_path / "site"
    r = run("build", "--data", str(folder), "--out", str(out), "--format", "github")
    assert r.returncode == 1
    assert not out.exists()
    assert sum(1 for ln in r.stdout.splitlines() if ln.startswith("::error file=")) == len(EXPECTED)


def test_docs_with_broken_data_exits_1_and_writes_nothing(tmp_path):
    folder = broken(tmp_path)
    out = tmp_path / "docs-out"
    r = run("docs", "--data", str(folder), "--out", str(out))
    assert r.returncode == 1
    assert not out.exists()
    assert r.stdout.splitlines()[-1] == f"Có 4 lỗi trong 2/{FILES_TOTAL} tệp. Chưa tạo trang nào."
