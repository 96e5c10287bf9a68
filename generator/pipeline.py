"""Orchestration only: load → validate → compute → render → a list of artifacts.

Nothing here writes to disk; the sinks (the MkDocs hooks, or a docs-tree writer) do.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import indicators, ledger
from .loader import MAX_FILE_BYTES, data_files, load_file
from .problems import Problem
from .validate import Dataset, validate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data"


@dataclass(frozen=True)
class Artifact:
    path: str  # destination inside the docs tree, e.g. "thu-tuc-hanh-chinh.md"
    content: bytes
    source: str = ""  # the data file or folder it comes from, for the "edit" link


@dataclass
class Result:
    data_dir: Path
    files_total: int
    problems: list[Problem]
    dataset: Dataset | None = None
    figures: list = field(default_factory=list)
    as_of: date | None = None
    artifacts: list[Artifact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.dataset is not None


def display_prefix(data_dir: Path) -> str:
    """How data paths are shown to staff: relative to the working folder when possible."""
    data_dir = data_dir.resolve()
    try:
        rel = data_dir.relative_to(Path.cwd().resolve())
        text = rel.as_posix()
    except ValueError:
        text = data_dir.as_posix()
    return "" if text in ("", ".") else text.rstrip("/") + "/"


def stray_files(data_dir: Path, prefix: str) -> list[Problem]:
    """Files that look like data saved under the wrong name (e.g. 2024-05.yaml.txt from Notepad)."""
    out = []
    for p in sorted(data_dir.rglob("*")):
        name = p.name.lower()
        if p.is_file() and (".yaml" in name or ".yml" in name) and p.suffix.lower() not in (".yaml", ".yml"):
            rel = p.relative_to(data_dir).as_posix()
            out.append(Problem(prefix + rel, 0, "", "tệp có tên không kết thúc bằng .yaml nên không được đọc", "ten-tep-sai-duoi",
                               "đổi tên tệp cho kết thúc bằng .yaml (trong Notepad chọn 'All files' khi lưu), hoặc xóa tệp thừa"))
    return out


# The last `check` of this process, keyed by the content of every data file: `python -m generator build`
# checks the data before starting MkDocs and the MkDocs hook builds from the same data, so the second
# check (load, validate, compute: most of the time and memory of a large data set) is this one again.
_last_check: dict = {}


def _read(files: list[Path]) -> list[tuple[Path, bytes | None]]:
    """Each file's bytes; None for a file too large to read (the loader reports it)."""
    out = []
    for f in files:
        out.append((f, None if f.stat().st_size > MAX_FILE_BYTES else f.read_bytes()))
    return out


def check(data_dir: Path, frozen: bool = True) -> Result:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise FileNotFoundError(data_dir)
    prefix = display_prefix(data_dir)
    files = data_files(data_dir)
    stray = stray_files(data_dir, prefix)
    contents = _read(files)
    key = (str(data_dir.resolve()), prefix, frozen, tuple(stray),
           tuple((f.relative_to(data_dir).as_posix(), hashlib.sha256(raw).digest() if raw is not None else None)
                 for f, raw in contents))
    if _last_check.get("key") == key:
        return _copy(_last_check["result"])
    _last_check.clear()  # hold one data set at a time
    docs, problems = [], list(stray)
    for f, raw in contents:
        rel = f.relative_to(data_dir).as_posix()
        doc, probs = load_file(f, prefix + rel, rel, raw)
        problems.extend(probs)
        if doc is not None:
            docs.append(doc)
    del contents
    present = {f.relative_to(data_dir).as_posix() for f in files}
    dataset, problems = validate(docs, problems, prefix, present)
    del docs
    result = Result(data_dir, len(files), problems, dataset)
    if dataset is not None:
        # published figures are frozen: comparing them needs the figures, so `check` computes them
        result.figures, result.as_of = indicators.compute(dataset)
        changed = ledger.check(dataset, result.figures) if frozen else []
        if changed:
            from . import blame  # point at the data file staff edited, not at the ledger

            result.problems = sorted(blame.relocate(changed, data_dir, prefix))
            result.dataset = None
    _last_check.update(key=key, result=_copy(result))
    return result


def _copy(result: Result) -> Result:
    """A copy whose lists can be changed without touching the remembered result (records are immutable)."""
    return replace(result, problems=list(result.problems), figures=list(result.figures), artifacts=list(result.artifacts))


def build(data_dir: Path) -> Result:
    """Check, then compute and render everything. No artifacts when there is any problem."""
    from . import charts, exports, pages  # rendering only when building: `check` stays light

    result = check(data_dir)
    if not result.ok:
        return result
    ds = result.dataset
    figures, as_of = result.figures, result.as_of
    arts: list[Artifact] = []
    drawn = charts.draw_all(ds, figures)
    for name, svg in drawn.items():
        arts.append(Artifact(f"bieu-do/{name}.svg", svg))
    from . import completeness

    checklist = completeness.checklist(completeness.read_facts(Path(data_dir), "data/", placeholders_checked=True))
    for path, text, source in pages.render_all(ds, figures, as_of, checklist):
        arts.append(Artifact(path, text.encode("utf-8"), source))
    for path, data in exports.export_all(ds, figures, as_of).items():
        arts.append(Artifact(path, data))
    result.artifacts = sorted(arts, key=lambda a: a.path)
    return result


def site_config(result: Result) -> dict:
    """Every configuration value taken from the data: what the MkDocs hook sets at build time and what
    `generator docs` writes into the docs tree's own mkdocs.yml, so that an engine running no hook
    (Zensical) builds the same pages. The theme overrides read only these (config.site_name, config.extra)."""
    site = result.dataset.site
    out = {
        "site_name": f"{site.ten_co_quan} – Công khai kết quả",
        "site_description": f"{site.ten_co_quan} công khai kết quả thực hiện mô hình “{site.mo_hinh}”.",
        "extra": {
            "du_lieu_minh_hoa": bool(site.du_lieu_minh_hoa),
            "xa": {"ten": site.ten, "ten_co_quan": site.ten_co_quan, "giay_phep": site.giay_phep_du_lieu},
            "as_of": result.as_of.strftime("%d/%m/%Y"),
        },
    }
    if site.dia_chi_trang:
        out["site_url"] = site.dia_chi_trang
    if site.kho_ma_nguon:
        out["repo_url"] = site.kho_ma_nguon
        out["edit_uri"] = "edit/main/content/"
    return out


def source_date_epoch(as_of: date) -> str:
    """Seconds since 1970 at midnight UTC of the as-of date: a build date taken from the data."""
    return str(int((as_of - date(1970, 1, 1)).total_seconds()))


def data_dir_from_env() -> Path:
    return Path(os.environ.get("GENERATOR_DATA_DIR") or DEFAULT_DATA)
