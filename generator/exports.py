"""Figures → CSV and JSON bytes. Sorted keys, stable row order, no wall-clock time."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

FIELDS = ["id", "period", "value", "unit", "label", "as_of", "numerator", "denominator", "note", "method", "url", "page",
          "published_on", "corrected_on", "status"]
STATUS_PUBLISHED = "đã công bố"
STATUS_PROVISIONAL = "tạm tính"


def _value(f):
    v = f.value
    if v is None:
        return None
    if f.unit == "%" or (isinstance(v, Decimal) and v != v.to_integral_value()):
        return float(v)
    return int(v)


def report_url(site, period, fid):
    from .reports import report_url as _url

    return _url(site, period, fid)


def figure_url(site, page: str) -> str:
    base = (site.dia_chi_trang or "/").rstrip("/") + "/"
    return base + page


def figure_rows(ds, figures) -> list[dict]:
    from .ledger import statuses

    status = statuses(ds)
    rows = []
    for f in figures:
        row = {
            "id": f.id,
            "period": f.period,
            "value": _value(f),
            "unit": f.unit,
            "label": f.label,
            "method": f.method,
            "url": report_url(ds.site, f.period, f.id),
            "page": figure_url(ds.site, f.page),
            "as_of": f.as_of.isoformat(),
        }
        # every figure carries both keys: null where a numerator and denominator do not apply
        row["numerator"] = f.numerator if f.unit == "%" else None
        row["denominator"] = f.denominator if f.unit == "%" else None
        if f.note or f.value is None:
            row["note"] = f.note or "không có số liệu"
        st = status.get((f.id, f.period))
        row["status"] = STATUS_PUBLISHED if st else STATUS_PROVISIONAL
        row["published_on"] = st.published_on.isoformat() if st else None
        row["corrected_on"] = st.corrections[-1].ngay.isoformat() if st and st.corrections else None
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


# ---------------------------------------------------------------- the figures for a Vietnamese spreadsheet
#
# figures.csv is written for a spreadsheet set to Vietnamese (Excel or LibreOffice with the vi-VN locale, the
# commune office's setting): Vietnamese column names, a decimal comma (96,2) and, because the comma is then the
# decimal mark, the semicolon between columns, as that locale expects; numbers without thousands separators, so
# that 1234 is never read as 1,234. Programs read figures.json (English keys, decimal point). figures.xlsx holds
# the same table with numeric cells, whatever the reader's locale.

HEADERS_VI = {
    "id": "Mã số liệu", "period": "Kỳ", "value": "Giá trị", "unit": "Đơn vị", "label": "Tên số liệu",
    "as_of": "Tính đến ngày", "numerator": "Tử số", "denominator": "Mẫu số", "note": "Ghi chú", "method": "Cách tính",
    "url": "Địa chỉ trong báo cáo", "page": "Trang chủ đề", "published_on": "Ngày công bố",
    "corrected_on": "Ngày đính chính", "status": "Tình trạng", "sample": "Lưu ý",
}
# the last column of every row of every download says so while the site file marks the data as illustrative: a row copied out of
# its file, or a file opened without the site around it, must not be cited as real
SAMPLE_NOTE = "DỮ LIỆU MINH HỌA, KHÔNG PHẢI SỐ LIỆU THẬT"
NUMERIC = ("value", "numerator", "denominator")


def _vi_number(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",")
    return str(v)


def to_csv_vi(rows: list[dict], fields: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([HEADERS_VI[k] for k in fields])
    for r in rows:
        w.writerow([_vi_number(r.get(k)) if k in NUMERIC else safe_cell(r.get(k)) for k in fields])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict], fields: list[str], as_of: date, title: str) -> bytes:
    """The figures as an Excel workbook: Vietnamese headers, numbers as numbers, dates as text (YYYY-MM-DD).
    Byte-identical for the same data: the workbook's dates are the data's as-of date, never the clock."""
    from datetime import datetime

    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False})
    created = datetime(as_of.year, as_of.month, as_of.day)
    wb.set_properties({"title": title, "created": created, "author": "", "company": ""})
    ws = wb.add_worksheet("Số liệu")
    bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    dec = wb.add_format({"num_format": "0.0"})
    ws.freeze_panes(1, 0)
    widths = {"id": 28, "period": 9, "value": 10, "unit": 9, "label": 40, "method": 60, "url": 45, "page": 40}
    for c, k in enumerate(fields):
        ws.write_string(0, c, HEADERS_VI[k], bold)
        ws.set_column(c, c, widths.get(k, 14))
    for r, row in enumerate(rows, start=1):
        for c, k in enumerate(fields):
            v = row.get(k)
            if v is None:
                continue
            if k in NUMERIC and isinstance(v, float):
                ws.write_number(r, c, v, dec)
            elif k in NUMERIC:
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, safe_cell(v))
    ws.autofilter(0, 0, len(rows), len(fields) - 1)
    wb.close()
    return buf.getvalue()


# ---------------------------------------------------------------- de-identified record sets


def _cell(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return "; ".join(str(_cell(x)) for x in v)
    return v


def _flat(rec, fields, extra=None) -> dict:
    row = dict(extra or {})
    for f in fields:
        row[f] = _cell(getattr(rec, f))
    return row


def record_sets(ds) -> dict[str, tuple[list[str], list[dict]]]:
    """name → (columns, rows): every record kind, with nothing that identifies a person.

    Petitions of kind tố cáo keep only their dates, kind and handling (Luật Tố cáo 2018, Điều 9);
    receipt numbers are already masked; letters other than apologies are counts only."""
    sets = {}
    cols = ["thang", "linh_vuc", "ton_truoc", "tiep_nhan", "truc_tuyen", "som_han", "dung_han", "tre_han",
            "dang_trong_han", "dang_qua_han", "tai_nha"]
    sets["thu-tuc"] = (cols, [_flat(r, cols[1:], {"thang": pm.thang}) for pm in ds.procedures for r in pm.linh_vuc])
    cols = ["so_bien_nhan", "linh_vuc", "ngay_nhan", "ngay_hen_tra", "ly_do", "ngay_xin_loi", "so_thu_xin_loi",
            "ngay_hen_moi", "ngay_tra"]
    sets["tre-han"] = (cols, [_flat(c, cols) for c in ds.late_cases])
    cols = ["ma", "ngay_nhan", "kenh", "loai", "linh_vuc", "thon", "tom_tat", "don_vi_xu_ly", "ngay_thu_ly", "han_xu_ly",
            "phuc_tap", "ngay_giai_quyet", "ket_qua", "ngay_thong_bao", "danh_gia", "tai_dien"]
    rows = []
    for p in ds.petitions:
        row = _flat(p, cols)
        if p.loai == "to-cao":
            for k in ("kenh", "linh_vuc", "thon", "tom_tat", "ket_qua", "don_vi_xu_ly", "danh_gia"):
                row[k] = None
        rows.append(row)
    sets["phan-anh"] = (cols, rows)
    levels = ["rat_hai_long", "hai_long", "binh_thuong", "khong_hai_long", "rat_khong_hai_long"]
    cols = ["thang", "phieu_phat_ra", "phieu_thu_ve", "tieu_chi"] + levels
    rows = []
    for sv in ds.surveys:
        for code, lv in sv.tieu_chi.items():
            rows.append(_flat(lv, levels, {"thang": sv.thang, "phieu_phat_ra": sv.phieu_phat_ra,
                                           "phieu_thu_ve": sv.phieu_thu_ve, "tieu_chi": code}))
    sets["khao-sat"] = (cols, rows)
    cols = ["thang", "xin_loi", "cam_on", "chuc_mung", "chia_buon"]
    sets["thu-gui"] = (cols, [_flat(lt, cols) for lt in ds.letters])
    cols = ["ma", "ngay", "loai", "chu_tri", "noi_dung", "so_nguoi", "so_y_kien", "phan_anh"]
    sets["hoat-dong"] = (cols, [_flat(a, cols) for a in ds.activities])
    cols = ["so", "ten", "han", "han_nguyen_van", "don_vi", "trong_so", "ngay_hoan_thanh", "van_ban_minh_chung"]
    sets["ke-hoach-buoc"] = (cols, [_flat(st, cols) for st in ds.plan.buoc])
    cols = ["thang", "han", "ngay_gui", "so_van_ban"]
    sets["ke-hoach-bao-cao-thang"] = (cols, [_flat(r, cols) for r in ds.plan.bao_cao_thang])
    cols = ["ky", "ngay_cong_bo", "ma", "gia_tri"]
    sets["cong-bo"] = (cols, [_flat(it, ["ma", "gia_tri"], {"ky": pp.ky, "ngay_cong_bo": pp.ngay_cong_bo.isoformat()})
                              for pp in ds.published for it in pp.so_lieu])
    cols = ["ma", "ky", "gia_tri_cu", "gia_tri_moi", "ngay", "ly_do"]
    sets["dinh-chinh"] = (cols, [_flat(c, cols) for c in ds.corrections])
    return sets


# ---------------------------------------------------------------- Atom feed


def atom_feed(ds, as_of: date) -> bytes:
    """New reports and corrections, newest first, for the broadcast station's feed reader."""
    from xml.sax.saxutils import escape

    from .numfmt import fmt_date, fmt_period
    from .reports import base_url, report_url

    base = base_url(ds.site)
    # the tag's date is the data's first year: fixed for a commune, never another commune's
    first_year = ds.months[0][:4] if ds.months else as_of.strftime("%Y")
    tag = "tag:" + (base.split("//", 1)[-1].split("/", 1)[0] if base else "minh-bach.local") + f",{first_year}:"
    entries = []
    for pp in ds.published:
        entries.append((pp.ngay_cong_bo, f"bao-cao/{pp.ky}", f"Công bố số liệu {fmt_period(pp.ky)}",
                        f"{ds.site.ten_co_quan} công bố chính thức {len(pp.so_lieu)} số liệu {fmt_period(pp.ky)} "
                        f"ngày {fmt_date(pp.ngay_cong_bo)}.", report_url(ds.site, pp.ky)))
    groups: dict = {}
    for c in ds.corrections:
        groups.setdefault((c.ngay, c.ky), []).append(c)
    for (day, ky), cs in groups.items():
        from .ledger import show

        text = "; ".join(f"{c.ma}: {show(c.gia_tri_cu, c.ma, c.tu_so_cu, c.mau_so_cu)} → "
                         f"{show(c.gia_tri_moi, c.ma, c.tu_so_moi, c.mau_so_moi)}" for c in cs) + f". Lý do: {cs[0].ly_do}"
        entries.append((day, f"dinh-chinh/{ky}/{day.isoformat()}", f"Đính chính số liệu {fmt_period(ky)}", text,
                        report_url(ds.site, ky)))
    if ds.site.du_lieu_minh_hoa:
        entries = [(d, k, f"[Dữ liệu minh họa] {t}", f"{sm} {SAMPLE_NOTE}.", u) for d, k, t, sm, u in entries]
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    updated = (entries[0][0] if entries else as_of).isoformat() + "T00:00:00Z"
    self_url = f"{base or '/'}bao-cao/atom.xml"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
           f"<title>{escape(ds.site.ten_co_quan)}: báo cáo và đính chính số liệu"
           + (" (dữ liệu minh họa)" if ds.site.du_lieu_minh_hoa else "") + "</title>",
           f"<id>{escape(tag)}bao-cao</id>",
           f'<link rel="self" href="{escape(self_url)}"/>',
           f'<link rel="alternate" href="{escape((base or "/") + "bao-cao/")}"/>',
           f"<updated>{updated}</updated>",
           f"<author><name>{escape(ds.site.ten_co_quan)}</name></author>"]
    for day, key, title, summary, url in entries:
        out += ["<entry>", f"<title>{escape(title)}</title>", f"<id>{escape(tag + key)}</id>",
                f'<link href="{escape(url)}"/>', f"<updated>{day.isoformat()}T00:00:00Z</updated>",
                f"<summary>{escape(summary)}</summary>", "</entry>"]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def export_all(ds, figures, as_of: date) -> dict[str, bytes]:
    rows = figure_rows(ds, figures)
    sample = bool(ds.site.du_lieu_minh_hoa)
    table_rows, fields = rows, FIELDS
    if sample:
        table_rows, fields = [{**r, "sample": SAMPLE_NOTE} for r in rows], [*FIELDS, "sample"]
    doc = {
        "as_of": as_of.isoformat(),
        "commune": ds.site.ten_co_quan,
        "licence": ds.site.giay_phep_du_lieu,
        "sample": bool(ds.site.du_lieu_minh_hoa),
        "figures": rows,
    }
    out = {
        "so-lieu/figures.json": (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"),
        "so-lieu/figures.csv": to_csv_vi(table_rows, fields),
        "so-lieu/figures.xlsx": to_xlsx(table_rows, fields, as_of, f"{ds.site.ten_co_quan}: số liệu công khai"
                                        + (f" ({SAMPLE_NOTE.lower()})" if sample else "")),
        "bao-cao/atom.xml": atom_feed(ds, as_of),
    }
    for name, (cols, recs) in record_sets(ds).items():
        if sample:
            out[f"so-lieu/du-lieu/{name}.csv"] = to_csv([{**r, "luu_y": SAMPLE_NOTE} for r in recs], [*cols, "luu_y"])
        else:
            out[f"so-lieu/du-lieu/{name}.csv"] = to_csv(recs, cols)
        payload = {"licence": ds.site.giay_phep_du_lieu, "as_of": as_of.isoformat(), "sample": bool(ds.site.du_lieu_minh_hoa),
                   "columns": cols, "records": recs}
        out[f"so-lieu/du-lieu/{name}.json"] = (json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    return out
