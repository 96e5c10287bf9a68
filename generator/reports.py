"""Per-period pages for citation: reports, radio bulletins, notice-board sheets, corrections.

- /bao-cao/                 every period with its release date, and the release calendar
- /bao-cao/PERIOD/          every figure of the period, with anchor, change, method, publication date,
                            corrections and a suggested citation; the plan's evidence for the period
- /bao-cao/YYYY-MM/bang-tin/  one A4 sheet for the notice board, with a QR code
- /ban-tin/YYYY-MM/         the radio script (and ban-tin/YYYY-MM.txt)
- /so-lieu/dinh-chinh/      every correction ever made
Pure: figures and records in, Markdown/text out.
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from . import catalogue, ledger, spoken, workdays
from .indicators import periods_for, snapshot
from .numfmt import fmt_date, fmt_dec, fmt_int, fmt_period, fmt_value

RELEASE_DAY_DEFAULT = workdays.RELEASE_DAY_DEFAULT
POSTING_DAYS = 30  # a notice-board sheet stays up about a month
AIR_DAYS = 3  # Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11: at least 3 consecutive days on the loudspeakers


def anchor(fid: str) -> str:
    return fid.replace(".", "-").replace("_", "-")


def base_url(site) -> str:
    return (site.dia_chi_trang or "").rstrip("/") + "/" if site.dia_chi_trang else ""


def report_url(site, period: str, fid: str | None = None) -> str:
    url = f"{base_url(site) or '/'}bao-cao/{period}/"
    return url + (f"#{anchor(fid)}" if fid else "")


def release_date(site, period, calendar) -> date:
    """When a period's figures are due out (workdays.release_date: the same date `publish` uses)."""
    return workdays.release_date(period.end, getattr(site, "ngay_cong_bo_hang_thang", None), calendar.is_working_day)


def previous_key(periods, period):
    same = [p.key for p in periods if p.kind == period.kind]
    i = same.index(period.key)
    return same[i - 1] if i > 0 else None


def next_key(periods, period):
    same = [p.key for p in periods if p.kind == period.kind]
    i = same.index(period.key)
    return same[i + 1] if i + 1 < len(same) else None


@dataclass
class Row:
    fid: str
    anchor: str
    label: str
    value: str
    frac: str
    change: str
    status: object
    citation: str
    group: str
    notes: list = ()


def _value_text(f) -> str:
    return fmt_value(f.value, f.unit, f.note) if f is not None else "chưa có số liệu"


def change_verdict(fid, cur, prev) -> str:
    """'tốt lên' or 'kém đi': whether a change is good news, by the direction that is good for that figure
    (catalogue.good_direction); '' when it is not judged or did not change."""
    good = catalogue.good_direction(fid)
    if not good or cur is None or prev is None or cur.value is None or prev.value is None or cur.value == prev.value:
        return ""
    return "tốt lên" if (cur.value > prev.value) == (good > 0) else "kém đi"


def change_text(cur, prev, judged: bool = True) -> str:
    """A figure's change against the previous period, in its unit and judged in words:
    '▲ tăng 1,0 điểm phần trăm · tốt lên', 'không đổi', '–'."""
    if cur is None or prev is None or cur.value is None or prev.value is None:
        return "–"
    d = cur.value - prev.value
    if d == 0:
        return "không đổi"
    sign = "▲ tăng " if d > 0 else "▼ giảm "
    text = sign + (fmt_dec(abs(d), 1) + " điểm phần trăm" if cur.unit == "%" else fmt_value(abs(d), cur.unit, ""))
    verdict = change_verdict(getattr(cur, "id", ""), cur, prev) if judged else ""
    return text + (" · " + verdict if verdict else "")


def citation(site, f, status) -> str:
    when = f"công bố ngày {fmt_date(status.published_on)}" if status and status.published_on else \
        f"số liệu tạm tính đến ngày {fmt_date(f.as_of)}"
    return (f"{site.ten_co_quan}. “{f.label}”, {fmt_period(f.period)}: {_value_text(f)} ({when}). "
            f"Mã số liệu: {f.id}. {report_url(site, f.period, f.id)}")


def rows_for(ds, idx, statuses, periods, period) -> list[Row]:
    prev = previous_key(periods, period)
    out = []
    known = {fid for fid, _p in idx}
    for d in catalogue.FIGURES:
        f = idx.get((d.id, period.key))
        if f is None:
            if d.id in known:  # a kind without its file for this period: said so, never left out or zero
                out.append(Row(d.id, anchor(d.id), d.label, "chưa có số liệu", "", "–", None, "", d.group))
            continue
        st = statuses.get((d.id, period.key))
        frac = ""
        if f.unit == "%" and f.value is not None and f.denominator and d.id != "ke_hoach.tien_do":
            frac = f"{fmt_int(f.numerator)} trên {fmt_int(f.denominator)} {catalogue.denominator_words(d.id)}"
        notes = [correction_note(c) for c in st.corrections] if st else []
        out.append(Row(d.id, anchor(d.id), d.label, _value_text(f), frac,
                       change_text(f, idx.get((d.id, prev)) if prev else None), st, citation(ds.site, f, st), d.group,
                       notes))
    return out


def plan_evidence(ds, period, as_of) -> dict:
    """What the plan's records say happened within the period, up to its snapshot."""
    on = snapshot(period, as_of)

    def inside(d):
        return d is not None and period.start <= d <= on

    steps_done = [st for st in ds.plan.buoc if inside(st.ngay_hoan_thanh)]
    updates = [(st, u) for st in ds.plan.buoc for u in st.tien_do if inside(u.ngay)]
    reports_due = [r for r in ds.plan.bao_cao_thang if inside(r.han)]
    reports_sent = [r for r in ds.plan.bao_cao_thang if inside(r.ngay_gui)]
    reviews = [r for r in ds.plan.so_ket if inside(r.ngay) or inside(r.han)]
    return {"steps_done": steps_done, "updates": updates, "reports_due": reports_due,
            "reports_sent": reports_sent, "reviews": reviews}


# ---------------------------------------------------------------- radio bulletin


@dataclass
class Bulletin:
    period: str
    title: str
    sentences: list
    ids: list
    priority: bool
    published_on: date | None
    corrections: list

    @property
    def draft(self) -> bool:
        """Not yet published: a draft, read on air only once the period is published."""
        return self.published_on is None

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+", self.text))

    @property
    def seconds(self) -> int:
        return round(self.words / 2.6)  # about 155 words a minute, an unhurried announcer

    @property
    def air_days(self) -> list:
        if not self.published_on:
            return []
        return [self.published_on + timedelta(days=i) for i in range(AIR_DAYS)]


def _n(fig) -> str:
    return spoken.read_int(int(fig.value))


MAX_WORDS = 240  # 60–90 seconds read aloud


def _words(sentences) -> int:
    return len(re.findall(r"\w+", " ".join(sentences)))


def correction_readings(ds, idx) -> dict:
    """month → the corrections its bulletin reads on air, grouped per corrected figure.

    Only figures that had been read on air (the ids of the corrected month's bulletin, as published)
    are read. Each correction is read once, by the first monthly bulletin published on or after its
    date (the next draft when none is published yet), never again. Each item is
    (figure id, corrected period, value read on air or last read, new value, [corrections])."""
    pubs = ledger.published_periods(ds)
    stored = {pp.ky: pp for pp in ds.published}
    months = [m for m in ds.months if any(pm.thang == m for pm in ds.procedures)]
    aired: dict = {}
    out: dict = {}
    for c in ds.corrections:
        if len(c.ky) != 7 or "Q" in c.ky or c.ky not in pubs:
            continue  # quarters and years are not read on air
        if c.ky not in aired:
            kept = stored.get(c.ky)
            aired[c.ky] = set(kept.ban_tin_so_lieu) if kept is not None and kept.ban_tin else \
                set(bulletin(ds, idx, None, _month_period(c.ky), readings={}).ids)
        if c.ma not in aired[c.ky]:
            continue
        reader = next((m for m in months if m > c.ky and (m not in pubs or pubs[m] >= c.ngay)), None)
        if reader is None:
            continue
        group = out.setdefault(reader, {})
        group.setdefault((c.ma, c.ky), []).append(c)
    return {m: [(ma, ky, cs[0].gia_tri_cu, cs[-1].gia_tri_moi, cs) for (ma, ky), cs in g.items()]
            for m, g in out.items()}


def _month_period(key):
    from .indicators import month_period

    return month_period(key)


def bulletin(ds, idx, statuses, period, readings=None, published_on=None) -> Bulletin:
    """The radio script: source and period first, one idea per sentence, numbers as spoken.

    Essential items always go in; optional ones (home service, thank-you letters, dialogues) only
    while the script stays under MAX_WORDS. `idx` holds, for a published period, the figures as
    published; `readings` is `correction_readings` (computed when not given)."""
    site = ds.site
    p = period.key
    g = lambda fid: idx.get((fid, p))  # noqa: E731
    pub = published_on or ledger.published_periods(ds).get(p)
    month = spoken.read_month(p)
    ids = []
    head = [f"Kính thưa bà con. {site.dai_truyen_thanh} thông báo kết quả thực hiện mô hình "
            f"“{site.mo_hinh}” {month}."]
    if pub:
        head.append(f"Số liệu do Ủy ban nhân dân xã công bố {spoken.read_day_month(pub)}.")
    else:
        head.append("Đây là số liệu tạm tính, chưa công bố chính thức.")
    body = []  # (sentence, ids, essential)
    f, r = g("tthc.tiep_nhan"), g("tthc.ty_le_dung_han")
    if f is not None and f.value is not None:
        body.append((f"Bộ phận Một cửa tiếp nhận {_n(f)} hồ sơ thủ tục hành chính mới.", ["tthc.tiep_nhan"], True))
        if r is not None and r.value is not None:
            body.append((f"Tỷ lệ hồ sơ giải quyết đúng hạn đạt {spoken.read_percent(r.value)}.", ["tthc.ty_le_dung_han"], True))
        late, apol = g("tthc.tre_han"), g("xin_loi.da_xin_loi")
        if late is not None and late.value:
            text = f"Có {_n(late)} hồ sơ trễ hạn"
            if apol is not None and apol.value:
                text += f"; xã đã gửi thư xin lỗi với {_n(apol)} hồ sơ"
                body.append((text + ".", ["tthc.tre_han", "xin_loi.da_xin_loi"], True))
            else:
                body.append((text + ".", ["tthc.tre_han"], True))
        elif late is not None:
            body.append(("Không có hồ sơ nào trễ hạn.", ["tthc.tre_han"], True))
        home = g("tthc.tai_nha")
        if home is not None and home.value:
            body.append((f"Cán bộ đến tận nhà giải quyết {_n(home)} hồ sơ cho người già, người khó đi lại.", ["tthc.tai_nha"], False))
    rec, res = g("pakn.tiep_nhan"), g("pakn.da_giai_quyet")
    if rec is not None:
        body.append((f"Xã tiếp nhận {_n(rec)} phản ánh, kiến nghị và giải quyết xong {_n(res)} việc.",
                     ["pakn.tiep_nhan", "pakn.da_giai_quyet"], True))
        od = g("pakn.dang_qua_han")
        if od is not None and od.value:
            body.append((f"Còn {_n(od)} việc đang quá hạn, xã đang khẩn trương giải quyết.", ["pakn.dang_qua_han"], True))
    forms, sat = g("hai_long.so_phieu"), g("hai_long.ty_le")
    if forms is not None:
        if sat is not None and sat.value is not None:
            body.append((f"Qua {_n(forms)} phiếu khảo sát, tỷ lệ người dân hài lòng đạt {spoken.read_percent(sat.value)}.",
                         ["hai_long.so_phieu", "hai_long.ty_le"], True))
        else:
            body.append((f"Tháng này thu về {_n(forms)} phiếu khảo sát, chưa đủ để tính tỷ lệ hài lòng.",
                         ["hai_long.so_phieu"], True))
    tcd, dt = g("hoat_dong.tiep_cong_dan"), g("hoat_dong.doi_thoai")
    if tcd is not None and tcd.value:
        body.append((f"Lãnh đạo xã tổ chức {_n(tcd)} buổi tiếp công dân.", ["hoat_dong.tiep_cong_dan"], True))
    if dt is not None and dt.value:
        body.append((f"Xã tổ chức {_n(dt)} buổi đối thoại với Nhân dân.", ["hoat_dong.doi_thoai"], False))
    thanks = g("thu.cam_on")
    if thanks is not None and thanks.value:
        body.append((f"Xã đã gửi {_n(thanks)} thư cảm ơn người dân đóng góp ý kiến.", ["thu.cam_on"], False))
    # corrections to figures read on air in an earlier bulletin, read once (see correction_readings)
    if readings is None:
        readings = correction_readings(ds, idx)
    items = readings.get(p, [])
    corr = [c for item in items for c in item[4]]
    corr_sentences = []
    if items:
        def say(v, unit):
            if v is None:
                return "không có số liệu"
            return spoken.read_percent(v) if unit == "%" else spoken.read_decimal(v)

        parts = []
        for fid, ky, old, new, _cs in items:
            d = catalogue.BY_ID[fid]
            parts.append(f"số liệu {d.label[0].lower() + d.label[1:]} {spoken.read_month(ky)} đã thông báo là "
                         f"{say(ledger.parse(old), d.unit)}, nay sửa lại là {say(ledger.parse(new), d.unit)}")
        correction = "Xin đính chính: " + "; ".join(parts)
        reasons = list(dict.fromkeys(c.ly_do for c in corr))
        reason = ", vì " + "; ".join(r[0].lower() + r[1:].rstrip(".") for r in reasons) + "."
        corr_sentences.append((correction + reason, [it[0] for it in items], True,
                               correction + "; lý do được đăng trên trang công khai của xã."))
    # the hotline is the number the commune asks people to call about petitions; the office phone otherwise
    phone = getattr(site, "duong_day_nong", None) or site.dien_thoai
    kind = "đường dây nóng" if getattr(site, "duong_day_nong", None) else "số"
    tail = [f"Góp ý, phản ánh xin gửi hòm thư góp ý tại trụ sở xã, hoặc gọi {kind} {spoken.read_phone(phone)}.",
            "Xin cảm ơn bà con đã lắng nghe."]
    chosen = [b for b in corr_sentences + body if b[2]]
    if corr_sentences and _words(head + [x[0] for x in chosen] + tail) > MAX_WORDS:
        short = (corr_sentences[0][3], corr_sentences[0][1], True)  # the reason stays on the website
        chosen = [short if b is corr_sentences[0] else b for b in chosen]
        corr_sentences = [short]
    for b in body:
        if not b[2] and _words(head + [x[0] for x in chosen] + [b[0]] + tail) <= MAX_WORDS:
            chosen.append(b)
    order = {id(b): i for i, b in enumerate(corr_sentences + body)}
    chosen.sort(key=lambda b: order[id(b)])
    sentences = head + [b[0] for b in chosen] + tail
    for b in chosen:
        ids += b[1]
    title = f"Bản tin {fmt_period(p)}"  # a draft says so in its heading and first lines (ban-tin.md.j2, bulletin_txt)
    return Bulletin(p, title, sentences, list(dict.fromkeys(ids)), bool(corr), pub, corr)


def bulletin_txt(ds, b: Bulletin) -> str:
    site = ds.site
    lines = [f"{site.dai_truyen_thanh.upper()}", f"{b.title.upper()}: KẾT QUẢ MÔ HÌNH “{site.mo_hinh.upper()}”", ""]
    if b.draft:
        lines.append("BẢN NHÁP: SỐ LIỆU TẠM TÍNH, CHƯA CÔNG BỐ. CHỈ PHÁT SAU KHI XÃ CÔNG BỐ CHÍNH THỨC.")
    lines.append(f"Loại tin: {'ưu tiên' if b.priority else 'thông thường'}")
    if b.air_days:
        lines.append("Phát vào các ngày: " + ", ".join(fmt_date(d) for d in b.air_days))
    else:
        lines.append("Số liệu tạm tính: chỉ phát sau khi xã công bố chính thức.")
    lines.append(f"Độ dài: {b.words} từ, khoảng {b.seconds} giây")
    lines.append("")
    lines += b.sentences
    lines.append("")
    lines.append("Mã số liệu (lưu cùng bản tin): " + ", ".join(b.ids))
    lines.append(f"Nguồn: {report_url(site, b.period)}")
    notes = later_corrections(ds, b.period, b.ids, b.published_on)
    if notes:
        lines.append("")
        lines.append("GHI CHÚ ĐÍNH CHÍNH (thêm sau khi bản tin đã phát; bản tin trên giữ nguyên như đã phát):")
        lines += ["- " + n for n in notes]
    if site.du_lieu_minh_hoa:
        lines.append("LƯU Ý: DỮ LIỆU MINH HỌA, KHÔNG PHẢI SỐ LIỆU THẬT.")
    return "\r\n".join(lines) + "\r\n"


def correction_note(c) -> str:
    """One correction as a dated note, in Vietnamese format."""
    label = catalogue.BY_ID[c.ma].label if c.ma in catalogue.BY_ID else c.ma
    old = ledger.show(c.gia_tri_cu, c.ma, c.tu_so_cu, c.mau_so_cu)
    new = ledger.show(c.gia_tri_moi, c.ma, c.tu_so_moi, c.mau_so_moi)
    return f"Ngày {fmt_date(c.ngay)}: {label} {fmt_period(c.ky)} sửa từ {old} thành {new}. Lý do: {c.ly_do}"


def later_corrections(ds, period_key, ids, published_on) -> list[str]:
    """Notes on the corrections made to a published period's figures (those in `ids`) after it was published."""
    if not published_on:
        return []
    return [correction_note(c) for c in ds.corrections if c.ky == period_key and c.ma in ids]


# ---------------------------------------------------------------- QR code for the notice board


def qr_svg(url: str) -> Markup:
    import io

    import segno

    buf = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buf, kind="svg", scale=3, border=2, xmldecl=False,
                                                   svgns=True, title=f"Mã QR dẫn tới {url}", dark="#000000")
    return Markup(buf.getvalue().decode("utf-8"))


# ---------------------------------------------------------------- the pages


def render(ds, figures, as_of, env) -> list[tuple[str, str, str]]:
    current = {(f.id, f.period): f for f in figures}
    statuses = ledger.statuses(ds)
    periods = periods_for(ds.months)
    pub = ledger.published_periods(ds)
    # what the pages of a published period show: the figures as published (corrections beside them)
    frozen = ledger.published_figures(ds, figures)
    shown = dict(current)
    shown.update(frozen)
    readings = correction_readings(ds, shown)
    stored = {pp.ky: pp for pp in ds.published}
    latest_month = ds.procedures[-1].thang
    out = []
    listing = []
    for period in periods:
        listing.append({"p": period, "published": pub.get(period.key), "due": release_date(ds.site, period, ds.calendar),
                        "complete": period.end <= as_of})
        idx = shown if period.key in pub else current
        rows = rows_for(ds, idx, statuses, periods, period)
        corr = [c for c in ds.corrections if c.ky == period.key]
        ctx = {
            "site": ds.site, "period": period, "rows": rows, "published": pub.get(period.key),
            "corrections": corr, "labels": catalogue.BY_ID, "evidence": plan_evidence(ds, period, as_of),
            "prev": previous_key(periods, period), "next": next_key(periods, period), "as_of": as_of,
            "snapshot": snapshot(period, as_of), "notes": [correction_note(c) for c in corr],
            "has_bulletin": period.kind == "month" and any(pm.thang == period.key for pm in ds.procedures),
            "groups": list(dict.fromkeys(r.group for r in rows)),
        }
        out.append((f"bao-cao/{period.key}.md", env.get_template("bao-cao.md.j2").render(**ctx), ""))
        if ctx["has_bulletin"]:
            b = bulletin(ds, idx, statuses, period, readings)
            kept = stored.get(period.key)
            if kept is not None and kept.ban_tin:
                # the words read on air, as the ledger kept them on the publication day
                b = Bulletin(period.key, b.title, list(kept.ban_tin), list(kept.ban_tin_so_lieu), b.priority,
                             b.published_on, b.corrections)
            bctx = {"site": ds.site, "b": b, "period": period, "labels": catalogue.BY_ID,
                    "notes": later_corrections(ds, period.key, b.ids, b.published_on)}
            out.append((f"ban-tin/{period.key}.md", env.get_template("ban-tin.md.j2").render(**bctx), ""))
            # with a UTF-8 BOM: a server or a Windows editor that is told no charset still reads Vietnamese
            out.append((f"ban-tin/{period.key}.txt", "\ufeff" + bulletin_txt(ds, b), ""))
            out.append((f"bao-cao/{period.key}/bang-tin.md", _sheet(ds, idx, period, pub, env), ""))
    ctx = {"site": ds.site, "listing": listing, "latest": latest_month, "as_of": as_of,
           "release_day": getattr(ds.site, "ngay_cong_bo_hang_thang", None) or RELEASE_DAY_DEFAULT}
    out.append(("bao-cao/index.md", env.get_template("bao-cao-index.md.j2").render(**ctx), ""))
    cctx = {"site": ds.site, "corrections": [
        {"c": c, "old": ledger.show(c.gia_tri_cu, c.ma, c.tu_so_cu, c.mau_so_cu),
         "new": ledger.show(c.gia_tri_moi, c.ma, c.tu_so_moi, c.mau_so_moi)}
        for c in sorted(ds.corrections, key=lambda c: (c.ngay, c.ky, c.ma), reverse=True)],
            "labels": catalogue.BY_ID, "published": pub}
    out.append(("so-lieu/dinh-chinh.md", env.get_template("dinh-chinh.md.j2").render(**cctx), "dinh-chinh.yaml"))
    return out


SHEET_FIGURES = ["tthc.tiep_nhan", "tthc.ty_le_dung_han", "tthc.tre_han", "xin_loi.ty_le_bao_phu", "pakn.tiep_nhan",
                 "pakn.da_giai_quyet", "pakn.ty_le_dung_han", "hai_long.ty_le", "ke_hoach.tien_do"]


def _sheet(ds, idx, period, pub, env) -> str:
    periods = periods_for(ds.months)
    prev = previous_key(periods, period)
    rows = []
    for fid in SHEET_FIGURES:
        f = idx.get((fid, period.key))
        if f is None:
            continue
        rows.append({"label": f.label, "value": _value_text(f),
                     "change": change_text(f, idx.get((fid, prev)) if prev else None)})
    published = pub.get(period.key)
    until = published + timedelta(days=POSTING_DAYS) if published else None
    url = report_url(ds.site, period.key)
    notes = later_corrections(ds, period.key, SHEET_FIGURES, published)
    ctx = {"site": ds.site, "period": period, "rows": rows, "published": published, "until": until, "notes": notes,
           "commitments": ds.commitments, "url": url, "qr": qr_svg(url) if base_url(ds.site) else None}
    return env.get_template("bang-tin.md.j2").render(**ctx)
