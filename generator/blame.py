"""Where a change to a published figure comes from: the data file and line staff edited.

The ledger check (ledger.check) finds that a published figure no longer has its published value. Staff
never touched data/cong-bo/…: they edited a month of petitions or procedures. This module moves each such
problem to the data file, and when git knows the history, to the first line changed since the period was
published; the hint names the command and the form that record the correction.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

from .completeness import span

# figure ID prefix → the data folder (or file) its values come from
SOURCES = {"tthc": "thu-tuc", "xin_loi": "tre-han", "pakn": "phan-anh", "hai_long": "khao-sat", "thu": "thu-gui",
           "hoat_dong": "hoat-dong", "ke_hoach": "ke-hoach.yaml"}

HINT = ("nếu thay đổi là đúng, ghi đính chính cho mọi số liệu đã công bố bị đổi bằng một lệnh: "
        "make correct LY_DO=\"lý do\" (hoặc biểu mẫu “Công bố số liệu” trong thẻ Actions trên GitHub, việc: dinh-chinh); "
        "nếu không, sửa lại dữ liệu cho đúng như đã công bố")


def _git(data_dir: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(data_dir), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _changed_lines(data_dir: Path, since: str, rel: str) -> list[int]:
    """Lines of data_dir/rel (as it is now) added or changed since commit `since`."""
    out = _git(data_dir, "diff", "-U0", "--no-color", since, "--", rel)
    if out is None:
        return []
    lines = []
    for m in re.finditer(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", out, re.M):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.append(start if count else max(start, 1))
    return lines


def _candidates(data_dir: Path, fid: str, period: str) -> list[str]:
    """The data files a figure of `period` is computed from, the period's own months first."""
    src = SOURCES.get(fid.split(".")[0])
    if src is None:
        return []
    if src.endswith(".yaml"):
        return [src]
    own = [f"{src}/{m}.yaml" for m in span(period).months]
    earlier = sorted((p.relative_to(data_dir).as_posix() for p in (data_dir / src).glob("*.yaml")
                      if p.stem < span(period).months[0]), reverse=True) if (data_dir / src).is_dir() else []
    return [r for r in own if (data_dir / r).is_file()] + earlier


def relocate(problems, data_dir: Path, prefix: str) -> list:
    """Each 'so-lieu-cong-bo-thay-doi' problem moved to the data file (and changed line) behind it."""
    data_dir = Path(data_dir)
    since_cache: dict = {}
    out = []
    for p in problems:
        m = re.search(r"số liệu đã công bố (\S+) kỳ (\S+) ", p.message) if p.code == "so-lieu-cong-bo-thay-doi" else None
        if m is None:
            out.append(p)
            continue
        fid, period = m.group(1), m.group(2)
        cands = _candidates(data_dir, fid, period)
        if not cands:
            out.append(replace(p, hint=HINT))
            continue
        if period not in since_cache:
            log = _git(data_dir, "log", "-1", "--format=%H", "--", f"cong-bo/{period}.yaml")
            since_cache[period] = log.strip() if log and log.strip() else None
        since = since_cache[period]
        where, line = cands[0], 0
        if since:
            for rel in cands:
                changed = _changed_lines(data_dir, since, rel)
                if changed:
                    where, line = rel, changed[0]
                    break
        msg = p.message + f" (sổ công bố: {p.location()})"
        out.append(replace(p, path=prefix + where, line=line, field="", message=msg, hint=HINT))
    return out
