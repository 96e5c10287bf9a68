"""Publishing only what is complete, in order, on its date; the monthly checklist; a new commune.

Every case runs on a copy of the tiny data set (months 2024-03 and 2024-04; April has no activities
file; the plan records the reports of February and March; nothing is published yet).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator import completeness, pipeline
from generator.indicators import index

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"


def run(*args: str, cwd: Path = ROOT, python: str = sys.executable) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    env.pop("GENERATOR_DATA_DIR", None)
    return subprocess.run([python, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


@pytest.fixture
def data(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(TINY, d)
    return d


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def add_report(d: Path, month: str, han: str, sent: str | None = None) -> None:
    f = d / "ke-hoach.yaml"
    text = f.read_text("utf-8")
    entry = f"  - thang: {month}\n    han: {han}\n" + (f"    ngay_gui: {sent}\n" if sent else "")
    f.write_text(text.replace("bao_cao_thang:\n", "bao_cao_thang:\n" + entry, 1), "utf-8")


def empty_activities(d: Path, month: str) -> None:
    (d / "hoat-dong" / f"{month}.yaml").write_text(f"thang: {month}\nhoat_dong: []\n", "utf-8")


# ---------------------------------------------------------------- the rules, one by one


def test_a_missing_monthly_file_is_listed_with_the_command_that_creates_it(data):
    facts = completeness.read_facts(data, "data/")
    probs = completeness.missing(facts, "2024-04", date(2024, 5, 6))
    missing_files = [p for p in probs if p.code == "thieu-so-lieu-thang"]
    assert [p.path for p in missing_files] == ["data/hoat-dong/2024-04.yaml"]
    assert "make new KIND=hoat-dong PERIOD=2024-04" in missing_files[0].hint
    assert "hoat_dong: []" in missing_files[0].hint


def test_an_explicit_empty_list_is_complete(data):
    empty_activities(data, "2024-04")
    add_report(data, "2024-04", "2024-05-05", "2024-05-03")
    facts = completeness.read_facts(data, "data/")
    assert codes(completeness.missing(facts, "2024-04", date(2024, 5, 6))) == ["ky-truoc-chua-cong-bo"]
    assert pipeline.check(data).ok


def test_template_values_left_in_place_are_refused_by_check_and_listed_by_publish(data):
    f = data / "khao-sat" / "2024-04.yaml"
    text = f.read_text("utf-8")
    lines = text.splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.strip().startswith("phieu_phat_ra:"))
    lines[i] = lines[i].split(":")[0] + ": (điền số phiếu phát ra)"
    f.write_text("\n".join(lines) + "\n", "utf-8")
    result = pipeline.check(data)
    assert [(p.code, p.line) for p in result.problems] == [("gia-tri-mau", i + 1)]
    facts = completeness.read_facts(data, "data/")
    probs = completeness.missing(facts, "2024-04", date(2024, 5, 6))
    assert ("gia-tri-mau", "data/khao-sat/2024-04.yaml", i + 1) in [(p.code, p.path, p.line) for p in probs]
    # a placeholder in another month's file is not this period's business
    assert "gia-tri-mau" not in codes(completeness.missing(facts, "2024-03", date(2024, 4, 5)))


def test_the_monthly_report_must_be_recorded_once_due(data):
    empty_activities(data, "2024-04")
    facts = completeness.read_facts(data, "data/")
    probs = [p for p in completeness.missing(facts, "2024-04", date(2024, 5, 6)) if p.code != "ky-truoc-chua-cong-bo"]
    assert codes(probs) == ["thieu-bao-cao-thang"]
    assert probs[0].path == "data/ke-hoach.yaml" and probs[0].line > 0
    assert 'thang: "2024-04"' in probs[0].hint
    # recorded but not sent, due before the publication date: missing, at the entry's line
    add_report(data, "2024-04", "2024-05-05")
    facts = completeness.read_facts(data, "data/")
    probs = [p for p in completeness.missing(facts, "2024-04", date(2024, 5, 6)) if p.code != "ky-truoc-chua-cong-bo"]
    assert codes(probs) == ["thieu-bao-cao-thang"] and "ngay_gui" in probs[0].hint
    # not yet due on the publication date: fine
    assert codes(completeness.missing(facts, "2024-04", date(2024, 5, 4))) == ["ky-truoc-chua-cong-bo"]


def test_the_previous_period_must_be_published_first(data):
    empty_activities(data, "2024-04")
    add_report(data, "2024-04", "2024-05-05", "2024-05-03")
    facts = completeness.read_facts(data, "data/")
    probs = completeness.missing(facts, "2024-04", date(2024, 5, 6))
    assert [(p.code, p.path) for p in probs] == [("ky-truoc-chua-cong-bo", "data/cong-bo/2024-03.yaml")]
    assert "make publish KY=2024-03" in probs[0].hint
    # the data's first month has no previous period to wait for
    assert completeness.missing(facts, "2024-03", date(2024, 4, 5)) == []
    assert run("publish", "2024-03", "--data", str(data)).returncode == 0
    assert completeness.missing(completeness.read_facts(data, "data/"), "2024-04", date(2024, 5, 6)) == []
    r = run("publish", "2024-04", "--data", str(data))
    assert r.returncode == 0, r.stdout + r.stderr


def test_publish_refuses_listing_everything_at_once_and_writes_nothing(data):
    f = data / "thu-gui" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8").replace("cam_on: ", "cam_on: (điền số thư cảm ơn)  # ", 1), "utf-8")
    r = run("publish", "2024-04", "--data", str(data))
    assert r.returncode == 1
    out = r.stdout
    for code in ("gia-tri-mau", "thieu-so-lieu-thang", "thieu-bao-cao-thang", "ky-truoc-chua-cong-bo"):
        assert f"[{code}]" in out, (code, out)
    assert "data/hoat-dong/2024-04.yaml" in out.replace(str(data) + "/", "data/")
    assert "Chưa công bố kỳ 2024-04" in out
    assert not (data / "cong-bo").exists()


def test_publish_without_a_date_uses_the_calendar_and_says_so(data):
    r = run("publish", "2024-03", "--data", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    # day 5 of April 2024 is a Friday: the calendar's date
    assert "Ngày công bố: 05/04/2024, theo lịch công bố của xã" in r.stdout
    assert "ngay_cong_bo: 2024-04-05" in (data / "cong-bo" / "2024-03.yaml").read_text("utf-8")


def test_the_release_day_comes_from_the_site_file_and_skips_days_off(data):
    f = data / "xa.yaml"
    text = f.read_text("utf-8")
    assert "ngay_cong_bo_hang_thang" not in text
    f.write_text(text + "ngay_cong_bo_hang_thang: 6\n", "utf-8")
    facts = completeness.read_facts(data, "data/")
    assert facts.release_day == 6
    assert completeness.release_date(facts, "2024-03") == date(2024, 4, 8)  # Saturday 6 → Monday 8
    assert completeness.release_date(facts, "2024-Q1") == date(2024, 4, 8)
    assert completeness.release_date(facts, "2024") == date(2025, 1, 6)


@pytest.mark.parametrize("when,expected", [
    ("2024-03-31", "phải sau ngày cuối kỳ 31/03/2024"),
    ("2024-03-15", "phải sau ngày cuối kỳ 31/03/2024"),
])
def test_a_date_within_the_period_is_refused(data, when, expected):
    r = run("publish", "2024-03", "--date", when, "--data", str(data))
    assert r.returncode == 2
    assert expected in r.stderr
    assert not (data / "cong-bo").exists()


def test_a_date_before_the_previous_publication_is_refused(data):
    assert run("publish", "2024-03", "--date", "2024-05-20", "--data", str(data)).returncode == 0
    empty_activities(data, "2024-04")
    add_report(data, "2024-04", "2024-05-05", "2024-05-03")
    r = run("publish", "2024-04", "--date", "2024-05-10", "--data", str(data))
    assert r.returncode == 2
    assert "trước lần công bố gần nhất (tháng 3/2024, ngày 20/05/2024)" in r.stderr
    r = run("publish", "2024-04", "--data", str(data))
    assert r.returncode == 2  # the calendar's 06/05/2024 is before 20/05/2024 too
    assert run("publish", "2024-04", "--date", "2024-05-20", "--data", str(data)).returncode == 0


def test_quarters_follow_the_same_rules(data):
    facts = completeness.read_facts(data, "data/")
    probs = completeness.missing(facts, "2024-Q2", date(2024, 7, 5))
    files = {p.path for p in probs if p.code == "thieu-so-lieu-thang"}
    # May and June have no file of any kind, April no activities
    assert "data/hoat-dong/2024-04.yaml" in files and "data/thu-tuc/2024-06.yaml" in files
    assert len(files) == 6 * 2 + 1
    assert "ky-truoc-chua-cong-bo" in codes(probs)  # 2024-Q1 first
    reports = [p for p in probs if p.code == "thieu-bao-cao-thang"]
    assert len(reports) == 3


def test_correct_refuses_a_date_before_the_publication_it_corrects(data):
    assert run("publish", "2024-03", "--date", "2024-04-05", "--data", str(data)).returncode == 0
    f = data / "thu-gui" / "2024-03.yaml"
    text = f.read_text("utf-8")
    import re
    n = int(re.search(r"cam_on: (\d+)", text).group(1))
    f.write_text(text.replace(f"cam_on: {n}", f"cam_on: {n + 1}", 1), "utf-8")
    r = run("correct", "--reason", "Bổ sung thư nhập muộn", "--date", "2024-04-01", "--data", str(data))
    assert r.returncode == 1
    assert "trước ngày công bố kỳ 2024-03 (05/04/2024)" in r.stderr
    assert not (data / "dinh-chinh.yaml").exists()
    r = run("correct", "--reason", "Bổ sung thư nhập muộn", "--date", "2024-04-10", "--data", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    assert (data / "dinh-chinh.yaml").exists()


# ---------------------------------------------------------------- the checklist


def test_check_ends_with_the_checklist_of_the_latest_month_and_the_next_period(data):
    r = run("check", "--data", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    assert "Tháng mới nhất có số liệu: tháng 4/2024" in out
    assert "[ ] Hoạt động: chưa có số liệu → `make new KIND=hoat-dong PERIOD=2024-04`" in out
    assert "[x] Khảo sát mức độ hài lòng: có tệp khao-sat/2024-04.yaml" in out
    assert "Kỳ công bố tiếp theo: tháng 3/2024, ngày công bố theo lịch 05/04/2024: đủ điều kiện công bố" in out
    assert "chưa ghi báo cáo tháng 4/2024" in out
    md = run("checklist", "--format", "markdown", "--data", str(data)).stdout
    assert md.startswith("### Việc cần làm trong tháng") and "❌ Hoạt động: chưa có số liệu" in md


def test_the_checklist_is_shown_even_when_the_data_has_problems(data):
    f = data / "thu-tuc" / "2024-04.yaml"
    f.write_text(f.read_text("utf-8").replace("tiep_nhan: ", "tiep_nhan: (điền số)  # ", 1), "utf-8")
    r = run("check", "--data", str(data))
    assert r.returncode == 1
    assert "[gia-tri-mau]" in r.stdout
    assert "còn giá trị mẫu chưa sửa" in r.stderr


def test_a_missing_kind_has_no_figures_never_zeros(data):
    result = pipeline.check(data)
    idx = index(result.figures)
    assert ("hoat_dong.tiep_cong_dan", "2024-03") in idx
    assert ("hoat_dong.tiep_cong_dan", "2024-04") not in idx  # "chưa có số liệu", not 0
    assert ("hoat_dong.tiep_cong_dan", "2024-Q2") not in idx
    empty_activities(data, "2024-04")
    idx = index(pipeline.check(data).figures)
    assert idx[("hoat_dong.tiep_cong_dan", "2024-04")].value == 0  # an empty list on purpose is zero


# ---------------------------------------------------------------- a new commune


def test_new_xa_writes_a_starter_folder_that_the_check_refuses_until_filled(tmp_path):
    d = tmp_path / "xa-moi"
    r = run("new", "xa", "--data", str(d))
    assert r.returncode == 0, r.stdout + r.stderr
    for rel in ("xa.yaml", "ke-hoach.yaml", "cam-ket.yaml"):
        assert (d / rel).is_file()
    r = run("check", "--data", str(d))
    assert r.returncode == 1
    found = {ln.split("[")[-1].rstrip("]") for ln in r.stdout.splitlines() if ln.endswith("]") and not ln.startswith(" ")}
    assert found == {"gia-tri-mau"}, r.stdout
    assert "xa.yaml:4  ten: «Tên xã» vẫn là giá trị mẫu '(điền tên xã)'" in r.stdout
    text = "".join(p.read_text("utf-8") for p in d.rglob("*.yaml"))
    for word in ("Trường Xuân", "Thọ Xuân", "Phú Hậu", "truongxuan", "0374408758"):
        assert word not in text
    # it does not overwrite
    again = run("new", "xa", "--data", str(d))
    assert again.returncode == 2 and "không ghi đè" in again.stderr


def test_new_monthly_file_holds_placeholders_the_check_refuses(data):
    r = run("new", "khao-sat", "--data", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    text = (data / "khao-sat" / "2024-05.yaml").read_text("utf-8")
    assert "phieu_phat_ra: (điền số phiếu phát ra)" in text
    assert "make check" in r.stdout
    result = pipeline.check(data)
    assert result.problems and {p.code for p in result.problems} == {"gia-tri-mau"}


# ---------------------------------------------------------------- commands as the README writes them


def test_outside_the_environment_the_module_says_what_to_run(tmp_path):
    bare = shutil.which("python3", path="/usr/bin:/bin")
    if bare is None:
        pytest.skip("no system python3")
    probe = subprocess.run([bare, "-c", "import babel"], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("the system python3 has the project's libraries")
    r = run("check", python=bare)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "make check" in r.stderr and ".venv/bin/python -m generator check" in r.stderr


@pytest.mark.parametrize("target,expected", [
    ("check DATA=tests/fixtures/tiny", "-m generator check --data \"tests/fixtures/tiny\""),
    ("new KIND=khao-sat PERIOD=2025-01", "-m generator new \"khao-sat\" --period \"2025-01\" --data \"data\""),
    ("publish KY=2025-01", "-m generator publish \"2025-01\"  --data \"data\""),
    ("publish KY=2025-01 NGAY=2025-02-05", "-m generator publish \"2025-01\" --date \"2025-02-05\" --data \"data\""),
    ("correct LY_DO=x", "-m generator correct --reason \"x\"  --data \"data\""),
    ("diff", "-m generator diff \"origin/main\" --data \"data\""),
])
def test_make_targets_run_the_generator(target, expected):
    r = subprocess.run(["make", "-n", *target.split()], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert expected in r.stdout, r.stdout


def test_make_check_runs_for_real():
    r = subprocess.run(["make", "-s", "check", "DATA=tests/fixtures/tiny"], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Dữ liệu hợp lệ" in r.stdout and "Việc cần làm trong tháng" in r.stdout


@pytest.mark.parametrize("target", ["new", "publish", "correct"])
def test_make_targets_without_their_argument_say_what_is_missing(target):
    r = subprocess.run(["make", "-s", target], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode != 0
    assert "Ví dụ: make " + target in r.stdout


# ---------------------------------------------------------------- messages point at what staff touched


def test_a_changed_published_figure_is_reported_at_the_data_line_that_changed_it(data):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=data, check=True)
    assert run("publish", "2024-03", "--data", str(data)).returncode == 0
    subprocess.run([*git, "add", "-A"], cwd=data, check=True)
    subprocess.run([*git, "commit", "-qm", "publish"], cwd=data, check=True)
    f = data / "thu-gui" / "2024-03.yaml"
    lines = f.read_text("utf-8").splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.startswith("cam_on:"))
    n = int(lines[i].split(":")[1].split("#")[0])
    lines[i] = f"cam_on: {n + 1}"
    f.write_text("\n".join(lines) + "\n", "utf-8")
    r = run("check", "--data", str(data))
    assert r.returncode == 1
    shown = str(data) + "/"
    report = r.stdout.replace(shown, "data/")
    first = report.splitlines()[0]
    assert first.startswith(f"data/thu-gui/2024-03.yaml:{i + 1}  "), report
    assert "[so-lieu-cong-bo-thay-doi]" in first and "thu.cam_on kỳ 2024-03" in first
    assert "make correct LY_DO=" in report and "thẻ Actions" in report
    assert not any(ln.startswith("data/cong-bo/") for ln in report.splitlines())


@pytest.mark.parametrize("rel,old,new,expected", [
    ("tre-han/2024-03.yaml", None, 'thang: 2024-03\nho_so: "không có"\n', "gợi ý: không có mục nào thì viết đúng: ho_so: []"),
    ("thu-gui/2024-03.yaml", "cam_on: ", "cam_on: không có  # ", "gợi ý: không có thì viết số 0: cam_on: 0"),
])
def test_a_value_in_words_gets_the_exact_form_to_write(data, rel, old, new, expected):
    f = data / rel
    f.write_text(new if old is None else f.read_text("utf-8").replace(old, new, 1), "utf-8")
    r = run("check", "--data", str(data))
    assert r.returncode == 1
    assert expected in r.stdout, r.stdout


def test_the_guide_page_starts_with_the_same_checklist(data):
    result = pipeline.build(data)
    guide_page = next(a.content.decode("utf-8") for a in result.artifacts if a.path == "huong-dan.md")
    body = guide_page.split("# Hướng dẫn cập nhật dữ liệu\n", 1)[1].lstrip()
    assert body.startswith("## Việc cần làm trong tháng")
    sections = completeness.checklist(completeness.read_facts(data, "data/"))
    for sec in sections:
        assert f"**{sec.title}**" in body
    assert "❌ Hoạt động: chưa có số liệu" in body


def test_the_release_calendar_page_and_publish_use_the_same_date():
    from generator import reports
    from generator.indicators import periods_for

    data = ROOT / "data"
    ds = pipeline.check(data).dataset
    facts = completeness.read_facts(data, "data/")
    for period in periods_for(ds.months):
        assert reports.release_date(ds.site, period, ds.calendar) == completeness.release_date(facts, period.key), period.key


@pytest.mark.parametrize("kind", ["cong-bo", "dinh-chinh"])
def test_new_refuses_the_kinds_the_program_writes(data, kind):
    r = run("new", kind, "--data", str(data))
    assert r.returncode == 2 and "make publish" in r.stderr and "Traceback" not in r.stderr


def test_a_late_publication_records_the_day_it_really_happened(data):
    """Published 45 days after the calendar's date: the ledger and every page say so, never the day it was due."""
    env = dict(os.environ, HOM_NAY="2024-05-20", NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    env.pop("GENERATOR_DATA_DIR", None)
    r = subprocess.run([sys.executable, "-m", "generator", "publish", "2024-03", "--data", str(data)], cwd=ROOT, env=env,
                       capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "hôm nay 20/05/2024" in r.stdout and "05/04/2024" in r.stdout and "chậm 45 ngày" in r.stdout
    assert "ngay_cong_bo: 2024-05-20" in (data / "cong-bo" / "2024-03.yaml").read_text("utf-8")


def test_the_publish_step_of_the_checklist_is_never_ticked_before_publication(data):
    """Ready to publish is not published: the box stays empty until the ledger has the period."""
    facts = completeness.read_facts(data, "data/")
    sections = completeness.checklist(facts)
    publish_lines = [ln for sec in sections for ln in sec.lines if "make publish" in ln.text]
    assert publish_lines and not any(ln.ok for ln in publish_lines)
    assert any(ln.text.startswith("chưa công bố, đã đủ điều kiện") for ln in publish_lines)


def test_an_optional_count_left_out_is_no_figure_not_a_zero(data):
    """tai_nha is optional: a month whose rows all leave it out says 'chưa có số liệu', and publishing keeps it so."""
    f = data / "thu-tuc" / "2024-04.yaml"
    f.write_text("".join(ln for ln in f.read_text("utf-8").splitlines(keepends=True) if "tai_nha:" not in ln), "utf-8")
    result = pipeline.check(data)
    assert result.ok, result.problems
    figs = index(result.figures)
    assert figs[("tthc.tai_nha", "2024-04")].value is None
    assert "chưa có số liệu" in figs[("tthc.tai_nha", "2024-04")].note
    assert figs[("tthc.tai_nha", "2024-03")].value is not None  # March still has its count


def test_a_month_without_its_survey_file_says_so_on_the_survey_page(data):
    (data / "khao-sat" / "2024-04.yaml").unlink()
    result = pipeline.build(data)
    assert result.ok, result.problems
    page = next(a.content.decode("utf-8") for a in result.artifacts if a.path == "muc-do-hai-long.md")
    assert "chưa có số liệu khảo sát" in page
    assert "phát ra **0** phiếu" not in page


def test_a_new_commune_starts_with_the_last_month_that_has_ended(tmp_path):
    env = dict(os.environ, HOM_NAY="2026-11-30", NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    r = subprocess.run([sys.executable, "-m", "generator", "new", "xa", "--data", str(tmp_path / "xa-moi")], cwd=ROOT,
                       env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [p.name for p in (tmp_path / "xa-moi" / "thu-tuc").iterdir()] == ["2026-10.yaml"]
    assert (tmp_path / "xa-moi" / "ngay-nghi" / "2026.yaml").is_file()
