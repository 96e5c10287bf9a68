"""Published figures are frozen.

`python -m generator publish PERIOD` records every figure of a period, with its value, its
numerator and denominator (rates) and the publication date, in data/cong-bo/PERIOD.yaml. From then
on a data change that alters any of the three is a problem, unless data/dinh-chinh.yaml carries a
correction (old value, new value, and for a rate old and new numerator and denominator, date,
reason). Both the published and the corrected value stay visible on the site, and the pages of a
published period (report, radio bulletin, notice-board sheet) are rendered from `published_figures`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import catalogue
from .numfmt import fmt_int, fmt_value
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


def canon_figure(f) -> str:
    """As `canon`, but a survey rate below the minimum number of forms is written 'chưa đủ phiếu'."""
    if f.value is None and f.note.startswith("chưa đủ phiếu"):
        return "chưa đủ phiếu"
    return canon(f.value)


def show(text_or_value, fid: str, numerator=None, denominator=None) -> str:
    """A ledger value as a person reads it: '66,7% (2/3)', '2.978', 'không có số liệu'."""
    value = parse(text_or_value) if isinstance(text_or_value, str) else text_or_value
    unit = catalogue.BY_ID[fid].unit if fid in catalogue.BY_ID else ""
    if value is None and isinstance(text_or_value, str):
        out = text_or_value
    else:
        out = fmt_value(value, unit)
    if numerator is not None and denominator is not None and fid != "ke_hoach.tien_do":
        out += f" ({fmt_int(numerator)}/{fmt_int(denominator)})"
    return out


@dataclass(frozen=True)
class Frozen:
    """What a ledger says about one figure: the text of its value, and numerator and denominator (None: not kept)."""

    value: str
    numerator: int | None = None
    denominator: int | None = None

    def matches(self, f) -> bool:
        if parse(self.value) != f.value:
            return False
        if self.numerator is None and self.denominator is None:
            return True  # a ledger written before numerators were kept, or a count
        return (self.numerator, self.denominator) == (f.numerator, f.denominator)

    def show(self, fid: str) -> str:
        return show(self.value, fid, self.numerator, self.denominator)


def frozen_of(f) -> Frozen:
    return Frozen(canon_figure(f), f.numerator, f.denominator)


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
            expected = Frozen(item.gia_tri, item.tu_so, item.mau_so)
            where = item
            for c in corrections.get(key, []):
                old = Frozen(c.gia_tri_cu, c.tu_so_cu, c.mau_so_cu)
                if parse(old.value) != parse(expected.value) or (
                        expected.numerator is not None and old.numerator is not None
                        and (old.numerator, old.denominator) != (expected.numerator, expected.denominator)):
                    hint = f"sửa thành gia_tri_cu: \"{expected.value}\""
                    if expected.numerator is not None:
                        hint += f", tu_so_cu: {expected.numerator}, mau_so_cu: {expected.denominator}"
                    problems.append(Problem(
                        c.src.path, c.src.line_of("gia_tri_cu"), "gia_tri_cu",
                        f"đính chính {c.ma} kỳ {c.ky}: giá trị cũ ghi {old.show(c.ma)}, nhưng giá trị đã công bố "
                        f"(hoặc của lần đính chính trước) là {expected.show(c.ma)}", "dinh-chinh-khong-khop", hint))
                expected = Frozen(c.gia_tri_moi, c.tu_so_moi, c.mau_so_moi)
                where = c
            fig = current.get(key)
            if fig is None:
                problems.append(Problem(
                    item.src.path, item.src.line_of("ma"), "ma",
                    f"số liệu {item.ma} kỳ {pp.ky} đã công bố nhưng không còn tính được từ dữ liệu hiện tại",
                    "so-lieu-cong-bo-bi-mat", "kiểm tra xem tệp dữ liệu của kỳ này có bị xóa hoặc đổi tên không"))
                continue
            if not expected.matches(fig):
                now = frozen_of(fig)
                field_name = "gia_tri_moi" if where is not item else "gia_tri"
                entry = f"ma: {item.ma}, ky: \"{pp.ky}\", gia_tri_cu: \"{expected.value}\", gia_tri_moi: \"{now.value}\""
                if now.numerator is not None:
                    if expected.numerator is not None:
                        entry += f", tu_so_cu: {expected.numerator}, mau_so_cu: {expected.denominator}"
                    entry += f", tu_so_moi: {now.numerator}, mau_so_moi: {now.denominator}"
                problems.append(Problem(
                    where.src.path, where.src.line_of(field_name), field_name,
                    f"số liệu đã công bố {item.ma} kỳ {pp.ky} ({fig.label}) là {expected.show(item.ma)}, "
                    f"nhưng dữ liệu hiện tại cho {now.show(item.ma)}", "so-lieu-cong-bo-thay-doi",
                    "nếu thay đổi là đúng, chạy python -m generator correct --reason \"...\" "
                    f"hoặc thêm vào data/dinh-chinh.yaml một mục: {entry}, ngay, ly_do; nếu không, sửa lại dữ liệu"))
    pubs = published_periods(ds)
    for key, cs in corrections.items():
        if key not in published_keys and cs[0].ky in pubs:
            c = cs[0]
            problems.append(Problem(
                c.src.path, c.src.line_of("ma"), "ma",
                f"số liệu {c.ma} không có trong sổ công bố kỳ {c.ky}", "lien-ket-khong-ton-tai",
                "kiểm tra mã số liệu"))
    return problems


def ledger_text(period: str, on: date, figures, schema_ref: str, ds=None) -> str:
    """The YAML of data/cong-bo/PERIOD.yaml. With the data set `ds`, a month's radio bulletin is
    written too, sentence by sentence, as it is read on air from the publication day: the bulletin
    page and its .txt show these very words ever after."""
    import json

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
            lines.append(f'    gia_tri: "{canon_figure(f)}"')
            if f.numerator is not None and f.denominator is not None:
                lines.append(f"    tu_so: {f.numerator}")
                lines.append(f"    mau_so: {f.denominator}")
    b = _bulletin_at_publication(ds, period, on, figures) if ds is not None else None
    if b is not None:
        lines.append("ban_tin:")
        lines += [f"  - {json.dumps(s, ensure_ascii=False)}" for s in b.sentences]
        lines.append("ban_tin_so_lieu: [" + ", ".join(b.ids) + "]")
    return "\n".join(lines) + "\n"


def _bulletin_at_publication(ds, period: str, on: date, figures):
    """The month's bulletin as it will be read from `on`, or None (quarters, years, months without procedures)."""
    from . import reports
    from .indicators import month_period

    if "Q" in period or len(period) != 7 or not any(pm.thang == period for pm in ds.procedures):
        return None
    idx = {(f.id, f.period): f for f in figures}
    return reports.bulletin(ds, idx, None, month_period(period), published_on=on)


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
                 f"    gia_tri_moi: \"{it['gia_tri_moi']}\"\n")
        for k in ("tu_so_cu", "mau_so_cu", "tu_so_moi", "mau_so_moi"):
            if it.get(k) is not None:
                text += f"    {k}: {it[k]}\n"
        text += f"    ngay: {it['ngay']}\n    ly_do: {json.dumps(it['ly_do'], ensure_ascii=False)}\n"
    return text


def pending_corrections(ds, figures, on: date, reason: str) -> list[dict]:
    """The correction entries that would make every published figure agree with the data again."""
    current = {(f.id, f.period): f for f in figures}
    last = {}
    for c in ds.corrections:
        last[(c.ma, c.ky)] = Frozen(c.gia_tri_moi, c.tu_so_moi, c.mau_so_moi)
    out = []
    for pp in ds.published:
        for item in pp.so_lieu:
            key = (item.ma, pp.ky)
            expected = last.get(key, Frozen(item.gia_tri, item.tu_so, item.mau_so))
            fig = current.get(key)
            if fig is not None and not expected.matches(fig):
                now = frozen_of(fig)
                out.append({"ma": item.ma, "ky": pp.ky, "gia_tri_cu": expected.value, "gia_tri_moi": now.value,
                            "tu_so_cu": expected.numerator, "mau_so_cu": expected.denominator,
                            "tu_so_moi": now.numerator, "mau_so_moi": now.denominator,
                            "ngay": on.isoformat(), "ly_do": reason})
    return out


def published_figures(ds, figures) -> dict:
    """(figure id, period) → Figure as it was published, for every published figure.

    The report page, radio bulletin and notice-board sheet of a published period render these, so
    they say what was said on the day, whatever a later correction changed; corrections are shown
    beside them. Labels, units and methods come from the catalogue; the as-of date is the snapshot."""
    from dataclasses import replace

    current = {(f.id, f.period): f for f in figures}
    out = {}
    for pp in ds.published:
        for item in pp.so_lieu:
            key = (item.ma, pp.ky)
            fig = current.get(key)
            if fig is None or item.ma not in catalogue.BY_ID:
                continue
            value = parse(item.gia_tri)
            num, den = item.tu_so, item.mau_so
            if num is None and den is None and parse(item.gia_tri) == fig.value:
                num, den = fig.numerator, fig.denominator  # a ledger written before numerators were kept
            note = fig.note if value == fig.value else ""
            if value is None:
                note = item.gia_tri if item.gia_tri != "chưa đủ phiếu" else fig.note or item.gia_tri
            out[key] = replace(fig, value=value, numerator=num, denominator=den, note=note)
    return out
