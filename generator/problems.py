"""Problems found in the data, and how they are reported.

Every problem has a stable code, a file, a line, a field and a Vietnamese message with a hint.
Nothing here prints: the CLI chooses the format.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative path of the data file, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # dotted field path, e.g. "phan_anh[3].ngay_giai_quyet"; "" for the file
    message: str  # Vietnamese, what is wrong
    code: str  # stable, ASCII, e.g. "ngay-khong-hop-le"
    hint: str = ""  # Vietnamese, how to fix it, with an example

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


MISSING_FILE_CODES = {"thieu-tep", "thieu-ngay-nghi"}  # problems about files that do not exist


def format_text(problems: list[Problem], files_total: int) -> str:
    """The plain report: one line per problem, then the hint, then a summary line."""
    out = []
    for p in sorted(problems):
        field = f"{p.field}: " if p.field else ""
        out.append(f"{p.location()}  {field}{p.message}  [{p.code}]")
        if p.hint:
            out.append(f"  gợi ý: {p.hint}")
    files_bad = len({p.path for p in problems if p.code not in MISSING_FILE_CODES})
    out.append(
        f"Có {len(problems)} lỗi trong {files_bad}/{files_total} tệp. Chưa tạo trang nào."
    )
    return "\n".join(out) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem], files_total: int) -> str:
    """GitHub workflow commands, so a pull request shows each problem on its line."""
    out = []
    for p in sorted(problems):
        field = f"{p.field}: " if p.field else ""
        body = f"{field}{p.message} [{p.code}]"
        if p.hint:
            body += f"\ngợi ý: {p.hint}"
        props = f"file={_gh_escape(p.path, True)}"
        if p.line:
            props += f",line={p.line}"
        props += f",title={_gh_escape(p.code, True)}"
        out.append(f"::error {props}::{_gh_escape(body)}")
    out.append(format_text(problems, files_total).splitlines()[-1])
    return "\n".join(out) + "\n"


def format_json(problems: list[Problem], files_total: int) -> str:
    data = {
        "files": files_total,
        "problems": [asdict(p) for p in sorted(problems)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS = {"text": format_text, "github": format_github, "json": format_json}
