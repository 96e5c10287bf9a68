"""The "Công bố số liệu" form in GitHub's Actions tab (.github/workflows/cong-bo.yml), as one command.

`python -m generator form` reads the form's fields from the environment (never from the workflow's
expressions, so nothing typed in the form reaches a shell), checks them, and then:

- `VIEC=cong-bo`: publishes period `KY` (empty: the next period the calendar sets) on `NGAY` (empty: the
  calendar's date), after the completeness check (`completeness.missing`);
- `VIEC=dinh-chinh`: records a correction with reason `LY_DO` on `NGAY` (empty: today, Vietnam time);
- `SU_KIEN=schedule` (the daily run): on the calendar's publication day of the next period, publishes it,
  or says plainly what is still missing; on other days says when the next publication is due.

It writes a Markdown summary (to $GITHUB_STEP_SUMMARY and to `--summary FILE`, the pull request's body)
and `changed=true|false`, `branch` and `title` to $GITHUB_OUTPUT. Exit 1 when the form cannot be done.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import re
from pathlib import Path

from . import completeness, pipeline
from .schema import PERIOD_PATTERN

def _today() -> datetime.date:
    return completeness.today()


def _run(argv: list[str]) -> tuple[int, str]:
    from . import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, (out.getvalue() + err.getvalue()).strip()


def _fence(text: str) -> str:
    return "```text\n" + text.replace("```", "ˋˋˋ") + "\n```\n"


def _write_outputs(values: dict) -> None:
    path = os.environ.get("GITHUB_OUTPUT")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            for k, v in values.items():
                fh.write(f"{k}={v}\n")


def _write_summary(text: str, extra: str | None) -> None:
    for path in filter(None, (os.environ.get("GITHUB_STEP_SUMMARY"), extra)):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)


def _corrections_table(before: str, after: str) -> str:
    """The correction entries the run appended to dinh-chinh.yaml, as a table."""
    added = after[len(before):] if after.startswith(before) else after
    rows = re.findall(r'- ma: (\S+)\n\s+ky: "([^"]+)"\n\s+gia_tri_cu: "([^"]*)"\n\s+gia_tri_moi: "([^"]*)"', added)
    if not rows:
        return ""
    out = ["| Số liệu | Kỳ | Đã công bố | Sửa thành |", "|---|---|--:|--:|"]
    out += [f"| `{m}` | {k} | {a} | {b} |" for m, k, a, b in rows]
    return "\n".join(out) + "\n"


def run(data_dir: Path, summary: str | None = None) -> int:
    env = os.environ
    viec = env.get("VIEC", "").strip() or "cong-bo"
    ky = env.get("KY", "").strip()
    ngay = env.get("NGAY", "").strip()
    ly_do = " ".join(env.get("LY_DO", "").split())
    event = env.get("SU_KIEN", "workflow_dispatch")
    errors = []
    if viec not in ("cong-bo", "dinh-chinh"):
        errors.append(f"việc '{viec}' không có; chọn cong-bo hoặc dinh-chinh")
    if ky and not re.fullmatch(PERIOD_PATTERN, ky):
        errors.append(f"kỳ '{ky}' không đúng dạng: tháng 2025-01, quý 2025-Q1 hoặc năm 2025")
    if ngay:
        try:
            datetime.date.fromisoformat(ngay)
        except ValueError:
            errors.append(f"ngày '{ngay}' không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2025-02-05")
    if viec == "dinh-chinh" and event != "schedule" and not ly_do:
        errors.append("đính chính cần lý do (ô “Lý do đính chính”), ví dụ: Bổ sung phản ánh nhập muộn")
    if len(ly_do) > 400:
        errors.append("lý do dài quá 400 ký tự")
    head = "## Công bố số liệu\n\n"
    if errors:
        _write_summary(head + "**Không thực hiện được** vì biểu mẫu điền chưa đúng:\n\n"
                       + "".join(f"- {e}\n" for e in errors) + "\nHãy chạy lại biểu mẫu với giá trị đúng.\n", summary)
        _write_outputs({"changed": "false"})
        return 1
    facts = completeness.read_facts(data_dir, "data/")
    sections = completeness.checklist(facts)
    checklist = completeness.checklist_markdown(sections, "### Việc cần làm trong tháng")
    if event == "schedule":
        nxt = completeness.next_period(facts)
        if nxt is None:
            _write_summary(head + "Chưa có số liệu tháng nào.\n", summary)
            _write_outputs({"changed": "false"})
            return 0
        due = completeness.release_date(facts, nxt)
        if _today() != due:
            _write_summary(head + f"Hôm nay không phải ngày công bố. Kỳ công bố tiếp theo: {completeness.label(nxt)}, "
                           f"ngày {due:%d/%m/%Y}.\n\n" + checklist, summary)
            _write_outputs({"changed": "false"})
            return 0
        viec, ky = "cong-bo", nxt
    if viec == "cong-bo":
        ky = ky or completeness.next_period(facts) or ""
        if not ky:
            errors.append("chưa có số liệu tháng nào để công bố")
        argv = ["publish", ky, "--data", str(data_dir)] + (["--date", ngay] if ngay else [])
        branch, title = f"cong-bo/{ky}", f"Công bố số liệu {completeness.label(ky)}"
    else:
        on = ngay or _today().isoformat()
        argv = ["correct", "--reason", ly_do, "--date", on, "--data", str(data_dir)]
        branch, title = f"dinh-chinh/{on}", f"Đính chính số liệu đã công bố, ngày {on}"
    target = data_dir / "dinh-chinh.yaml"
    before = target.read_text("utf-8") if target.exists() else ""
    code, output = _run(argv) if not errors else (1, "\n".join(errors))
    if code != 0:
        _write_summary(head + f"**{title}: chưa thực hiện được.** Chương trình báo:\n\n" + _fence(output)
                       + "\nSửa các mục trên (mỗi dòng ghi tệp, dòng và cách sửa), rồi chạy lại biểu mẫu.\n\n"
                       + checklist, summary)
        _write_outputs({"changed": "false"})
        return 1
    if viec == "dinh-chinh" and "Không có số liệu đã công bố nào thay đổi" in output:
        _write_summary(head + output + "\n", summary)
        _write_outputs({"changed": "false"})
        return 0
    body = head + f"**{title}**: chương trình đã ghi thay đổi dưới đây và mở một yêu cầu thay đổi (pull request) để "
    body += "người có thẩm quyền xem lại rồi gộp (merge).\n\n" + _fence(output) + "\n"
    if viec == "dinh-chinh":
        after = target.read_text("utf-8")
        body += "### Số liệu được đính chính\n\n" + _corrections_table(before, after) + "\n"
    else:
        ledger = (data_dir / "cong-bo" / f"{ky}.yaml").read_text("utf-8")
        rows = re.findall(r'- ma: (\S+)\n\s+gia_tri: "([^"]*)"', ledger)
        body += ("### Số liệu công bố\n\nGiá trị được giữ nguyên từ nay; thay đổi về sau phải ghi đính chính "
                 "(biểu mẫu này, mục “dinh-chinh”).\n\n| Số liệu | Giá trị |\n|---|--:|\n"
                 + "".join(f"| `{m}` | {v} |\n" for m, v in rows) + "\n")
    _write_summary(body, summary)
    _write_outputs({"changed": "true", "branch": branch, "title": title})
    return 0
