"""Figures → CSV and JSON bytes. Sorted keys, stable row order, no wall-clock time."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

FIELDS = ["id", "period", "value", "unit", "label", "as_of", "numerator", "denominator", "note", "method", "url"]


def _value(f):
    v = f.value
    if v is None:
        return None
    if f.unit == "%" or (isinstance(v, Decimal) and v != v.to_integral_value()):
        return float(v)
    return int(v)


def figure_url(site, page: str) -> str:
    base = (site.dia_chi_trang or "/").rstrip("/") + "/"
    return base + page


def figure_rows(ds, figures) -> list[dict]:
    rows = []
    for f in figures:
        row = {
            "id": f.id,
            "period": f.period,
            "value": _value(f),
            "unit": f.unit,
            "label": f.label,
            "method": f.method,
            "url": figure_url(ds.site, f.page),
            "as_of": f.as_of.isoformat(),
        }
        if f.unit == "%":
            row["numerator"] = f.numerator
            row["denominator"] = f.denominator
        if f.note or f.value is None:
            row["note"] = f.note or "không có số liệu"
        rows.append(row)
    return rows


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def to_csv(rows: list[dict], fields: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(fields)
    for r in rows:
        w.writerow([safe_cell(r.get(k)) for k in fields])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_all(ds, figures, as_of: date) -> dict[str, bytes]:
    rows = figure_rows(ds, figures)
    doc = {
        "as_of": as_of.isoformat(),
        "commune": ds.site.ten_co_quan,
        "licence": ds.site.giay_phep_du_lieu,
        "sample": bool(ds.site.du_lieu_minh_hoa),
        "figures": rows,
    }
    return {
        "so-lieu/figures.json": (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"),
        "so-lieu/figures.csv": to_csv(rows, FIELDS),
    }
