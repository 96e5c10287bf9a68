"""Published figures are frozen.

`python -m generator publish PERIOD` records every figure of a period, with its value and the
publication date, in data/cong-bo/PERIOD.yaml. From then on a data change that alters a published
figure is a problem, unless data/dinh-chinh.yaml carries a correction (old value, new value, date,
reason). Both the published and the corrected value stay visible on the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .problems import Problem


def canon(value) -> str:
    """A figure's value as the ledger writes it: '96.2', '286', or 'không có số liệu'."""
    if value is None:
        return "không có số liệu"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def parse(text: str):
    if text in ("không có số liệu", "chưa đủ phiếu"):
        return None
    return Decimal(text) if "." in text else int(text)


@dataclass(frozen=True)
class Status:
    """What the site says about one figure of one period."""

    published_on: date | None  # None: not published, "số liệu tạm tính"
    published_value: object = None  # as published
    corrections: tuple = ()  # Correction records for this figure, oldest first


def statuses(ds) -> dict:
    """(figure id, period) → Status, for every published figure."""
    out = {}
    by_key: dict = {}
    for c in ds.corrections:
        by_key.setdefault((c.ma, c.ky), []).append(c)
    for pp in ds.published:
        for item in pp.so_lieu:
            key = (item.ma, pp.ky)
            out[key] = Status(pp.ngay_cong_bo, parse(item.gia_tri), tuple(by_key.get(key, ())))
    return out


def published_periods(ds) -> dict:
    """period → publication date."""
    return {pp.ky: pp.ngay_cong_bo for pp in ds.published}


def check(ds, figures) -> list[Problem]:
    """Every published figure still has its published (or last corrected) value."""
    problems = []
    current = {(f.id, f.period): f for f in figures}
    corrections: dict = {}
    for c in ds.corrections:
        corrections.setdefault((c.ma, c.ky), []).append(c)
    published_keys = set()
    for pp in ds.published:
        for item in pp.so_lieu:
            key = (item.ma, pp.ky)
            published_keys.add(key)
            expected = item.gia_tri
            where = item
            for c in corrections.get(key, []):
                if c.gia_tri_cu != expected:
                    problems.append(Problem(
                        c.src.path, c.src.line_of("gia_tri_cu"), "gia_tri_cu",
                        f"đính chính {c.ma} kỳ {c.ky}: giá trị cũ ghi {c.gia_tri_cu}, nhưng giá trị đã công bố "
                        f"(hoặc của lần đính chính trước) là {expected}", "dinh-chinh-khong-khop",
                        f"sửa thành gia_tri_cu: \"{expected}\""))
                expected = c.gia_tri_moi
                where = c
            fig = current.get(key)
            if fig is None:
                problems.append(Problem(
                    item.src.path, item.src.line_of("ma"), "ma",
                    f"số liệu {item.ma} kỳ {pp.ky} đã công bố nhưng không còn tính được từ dữ liệu hiện tại",
                    "so-lieu-cong-bo-bi-mat", "kiểm tra xem tệp dữ liệu của kỳ này có bị xóa hoặc đổi tên không"))
                continue
            now = canon(fig.value)
            if now != expected:
                field_name = "gia_tri_moi" if where is not item else "gia_tri"
                problems.append(Problem(
                    where.src.path, where.src.line_of(field_name), field_name,
                    f"số liệu đã công bố {item.ma} kỳ {pp.ky} ({fig.label}) là {expected}, "
                    f"nhưng dữ liệu hiện tại cho {now}", "so-lieu-cong-bo-thay-doi",
                    "nếu thay đổi là đúng, thêm vào data/dinh-chinh.yaml một mục: "
                    f"ma: {item.ma}, ky: \"{pp.ky}\", gia_tri_cu: \"{expected}\", gia_tri_moi: \"{now}\", ngay, ly_do; "
                    "nếu không, sửa lại dữ liệu"))
    for key, cs in corrections.items():
        if key not in published_keys and cs[0].ky in published_periods(ds):
            c = cs[0]
            problems.append(Problem(
                c.src.path, c.src.line_of("ma"), "ma",
                f"số liệu {c.ma} không có trong sổ công bố kỳ {c.ky}", "lien-ket-khong-ton-tai",
                "kiểm tra mã số liệu"))
    return problems


def ledger_text(period: str, on: date, figures, schema_ref: str) -> str:
    """The YAML of data/cong-bo/PERIOD.yaml."""
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# Sổ công bố số liệu kỳ {period}: do lệnh `python -m generator publish {period}` ghi. Không sửa tay;",
        "# muốn thay đổi một số đã công bố, thêm mục đính chính vào data/dinh-chinh.yaml.",
        f'ky: "{period}"',
        f"ngay_cong_bo: {on.isoformat()}",
        "so_lieu:",
    ]
    for f in figures:
        if f.period == period:
            lines.append(f"  - ma: {f.id}")
            lines.append(f'    gia_tri: "{canon(f.value)}"')
    return "\n".join(lines) + "\n"


def corrections_text(existing: str | None, items: list[dict], schema_ref: str) -> str:
    """data/dinh-chinh.yaml with `items` appended (each: ma, ky, gia_tri_cu, gia_tri_moi, ngay, ly_do)."""
    import json

    if existing:
        text = existing.rstrip("\n") + "\n"
    else:
        text = (f"# yaml-language-server: $schema={schema_ref}\n"
                "# Đính chính số liệu đã công bố: mỗi số liệu thay đổi sau khi công bố cần một mục.\n"
                "dinh_chinh:\n")
    for it in items:
        text += (f"  - ma: {it['ma']}\n    ky: \"{it['ky']}\"\n    gia_tri_cu: \"{it['gia_tri_cu']}\"\n"
                 f"    gia_tri_moi: \"{it['gia_tri_moi']}\"\n    ngay: {it['ngay']}\n"
                 f"    ly_do: {json.dumps(it['ly_do'], ensure_ascii=False)}\n")
    return text


def pending_corrections(ds, figures, on: date, reason: str) -> list[dict]:
    """The correction entries that would make every published figure agree with the data again."""
    current = {(f.id, f.period): f for f in figures}
    last = {}
    for c in ds.corrections:
        last[(c.ma, c.ky)] = c.gia_tri_moi
    out = []
    for pp in ds.published:
        for item in pp.so_lieu:
            key = (item.ma, pp.ky)
            expected = last.get(key, item.gia_tri)
            fig = current.get(key)
            if fig is not None and canon(fig.value) != expected:
                out.append({"ma": item.ma, "ky": pp.ky, "gia_tri_cu": expected, "gia_tri_moi": canon(fig.value),
                            "ngay": on.isoformat(), "ly_do": reason})
    return out
