"""What a change to the data does to the public figures: `python -m generator diff BASE_REF`.

Builds the figures from the working tree and from the data folder as it is at a git ref, and
lists in Vietnamese every figure whose value changes, every new one and every removed one, so a
reviewer sees "Tỷ lệ giải quyết TTHC đúng hạn tháng 3/2024: 96,2% → 97,1%" before merging.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import catalogue, indicators, pipeline
from .numfmt import fmt_int, fmt_period, fmt_value


class GitError(Exception):
    pass


@dataclass
class Report:
    text: str
    problems: bool  # the working tree's data has problems


def _git(args, cwd: Path) -> bytes:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} thất bại")
    return proc.stdout


def _figures(data_dir: Path):
    result = pipeline.check(data_dir)
    if not result.ok:
        return None, result
    figures, _ = indicators.compute(result.dataset)
    return {(f.id, f.period): f for f in figures}, result


def _order_key(key):
    fid, period = key
    order = {f.id: i for i, f in enumerate(catalogue.FIGURES)}
    kind = 2 if len(period) == 4 else 1 if "-Q" in period else 0
    return (order.get(fid, 999), kind, period)


def _show(f) -> str:
    text = fmt_value(f.value, f.unit, f.note)
    if f.unit == "%" and f.numerator is not None and f.denominator and f.id != "ke_hoach.tien_do":
        text += f" ({fmt_int(f.numerator)}/{fmt_int(f.denominator)})"
    return text


def compare(old: dict, new: dict) -> tuple[list, list, list]:
    """Changed keeps every figure whose value, note, numerator or denominator changed: the ledger
    freezes all of them, so a new fraction with the same rounded value is a change too."""
    def state(f):
        return (f.value, f.note, f.numerator, f.denominator)

    changed = [k for k in sorted(set(old) & set(new), key=_order_key) if state(old[k]) != state(new[k])]
    added = sorted(set(new) - set(old), key=_order_key)
    removed = sorted(set(old) - set(new), key=_order_key)
    return changed, added, removed


def render(base: str, old, new, old_result, fmt: str) -> str:
    md = fmt == "markdown"
    lines = []
    title = f"Ảnh hưởng tới số liệu công bố (so với {base})"
    lines.append(f"## {title}" if md else title)
    if old is None:
        lines.append("")
        lines.append(f"Dữ liệu ở {base} có lỗi hoặc chưa có, nên mọi số liệu dưới đây được tính là mới "
                     f"({len(old_result.problems)} lỗi ở phiên bản gốc).")
        old = {}
    changed, added, removed = compare(old, new)
    if not (changed or added or removed):
        lines.append("")
        lines.append("Không có số liệu công bố nào thay đổi.")
        return "\n".join(lines) + "\n"

    def label(k):
        f = new.get(k) or old.get(k)
        return f"{f.label} {fmt_period(k[1])}"

    def section(heading, keys, fn):
        if not keys:
            return
        lines.append("")
        lines.append(f"### {heading} ({len(keys)})" if md else f"{heading} ({len(keys)}):")
        if md and len(keys) > 30:
            lines.append("")
            lines.append("<details><summary>Xem danh sách</summary>")
            lines.append("")
        for k in keys:
            lines.append(f"- {fn(k)}" + (f" (`{k[0]}`)" if md else f"  [{k[0]}]"))
        if md and len(keys) > 30:
            lines.append("")
            lines.append("</details>")

    section("Số liệu thay đổi", changed, lambda k: f"{label(k)}: {_show(old[k])} → {_show(new[k])}")
    section("Số liệu mới", added, lambda k: f"{label(k)}: {_show(new[k])}")
    section("Số liệu bị bỏ", removed, lambda k: f"{label(k)}: {_show(old[k])} → (không còn)")
    return "\n".join(lines) + "\n"


def diff_against(base: str, data_dir: Path, fmt: str = "text") -> Report:
    data_dir = Path(data_dir).resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], data_dir).decode().strip())
    rel = data_dir.relative_to(top).as_posix()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], top)
    except GitError:
        raise GitError(f"không tìm thấy phiên bản '{base}' trong git (nếu là nhánh trên GitHub, chạy git fetch trước)") from None
    new, new_result = _figures(data_dir)
    if new is None:
        text = (f"Dữ liệu hiện tại có {len(new_result.problems)} lỗi, chưa so sánh được số liệu. "
                f"Chạy: make check\n")
        return Report(text, True)
    with tempfile.TemporaryDirectory() as tmp:
        old_dir = Path(tmp) / rel
        old_dir.mkdir(parents=True)
        try:
            raw = _git(["archive", "--format=tar", base, "--", rel], top)
        except GitError:
            raw = b""  # the folder does not exist at that ref
        if raw:
            with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
                tar.extractall(tmp, filter="data")
        old, old_result = _figures(old_dir)
    return Report(render(base, old, new, old_result, fmt), False)
