"""Figures + records → Markdown strings, from templates/*.md.j2.

Every value a template prints is escaped for Markdown and HTML unless the code marked it as
safe Markup: text from data (a summary with `<script>`, `[x](javascript:…)` or `{: onclick=… }`)
appears literally on the page, never as markup.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import catalogue, guide, ledger, reports
from .indicators import (
    as_of_date,
    index,
    latest_complete_month,
    periods_for,
    petition_due,
    petition_state,
    report_state,
    step_percent_at,
    step_status,
    survey_totals,
)
from .numfmt import fmt_date, fmt_int, fmt_month, fmt_pct, fmt_period, fmt_value, percent
from .problems import CODES
from .schema import KINDS, KENH, LINH_VUC, LOAI_HOAT_DONG, LOAI_PAKN, MUC_HAI_LONG, TIEU_CHI

TEMPLATES = Path(__file__).parent / "templates"
LIST_LIMIT = 150  # rows of records listed on a page; the rest are in the CSV/JSON downloads

# characters that Markdown, its extensions (attr_list, tables) or HTML would read as syntax
_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|<>~^=\"'"}
_ESCAPES["&"] = "&amp;"
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def md_escape(value) -> str:
    """Plain text → Markdown that renders as exactly that text."""
    text = " ".join(str(value).split())
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


def _finalize(value):
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md_escape(value)


def _upper_first(value):
    text = str(value)
    out = text[:1].upper() + text[1:]
    return Markup(out) if isinstance(value, Markup) else out


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        so=lambda n: Markup(fmt_int(n)) if n is not None else Markup("–"),
        pct=lambda x: Markup(fmt_pct(x)),
        ngay=lambda d: Markup(fmt_date(d)) if d else Markup("–"),
        thang=lambda m: Markup(fmt_month(m)),
        ky=lambda p: Markup(fmt_period(p)),
        hoa=_upper_first,
    )
    return env


STATUS_LABELS = {
    "chua-bat-dau": "Chưa bắt đầu",
    "dang-thuc-hien": "Đang thực hiện",
    "thuong-xuyen": "Thực hiện thường xuyên",
    "dung-han": "Hoàn thành đúng hạn",
    "tre-han": "Hoàn thành quá hạn",
    "qua-han": "Quá hạn, chưa hoàn thành",
}
STATUS_ICONS = {
    "chua-bat-dau": "○",
    "dang-thuc-hien": "◐",
    "thuong-xuyen": "↻",
    "dung-han": "✔",
    "tre-han": "⚠",
    "qua-han": "✖",
}


class View:
    """What the templates see: the figures by (id, period), formatted, with helpers."""

    def __init__(self, ds, figures, as_of: date):
        self.ds = ds
        self.site = ds.site
        self.figures = figures
        self.idx = index(figures)
        self.as_of = as_of
        self.latest = latest_complete_month(ds)
        self.periods = periods_for(ds.months)
        self.months = [p.key for p in self.periods if p.kind == "month"]
        self.quarters = [p.key for p in self.periods if p.kind == "quarter"]
        self.years = [p.key for p in self.periods if p.kind == "year"]
        self.catalogue = catalogue
        self.linh_vuc = LINH_VUC.labels()
        self.kenh = KENH.labels()
        self.loai_pakn = LOAI_PAKN.labels()
        self.loai_hd = LOAI_HOAT_DONG.labels()
        self.tieu_chi = TIEU_CHI.labels()
        self.muc = MUC_HAI_LONG.labels()
        self.status_labels = STATUS_LABELS
        self.status_icons = STATUS_ICONS
        self.published = ledger.published_periods(ds)

    def provisional(self, period) -> bool:
        """A period not yet published: its figures are "tạm tính" wherever they are shown."""
        return period not in self.published

    def mark(self, period) -> Markup:
        """' (tạm tính)' after a period's name when it is not yet published."""
        return Markup(" (tạm tính)") if self.provisional(period) else Markup("")

    def fig(self, fid, period):
        return self.idx.get((fid, period))

    def v(self, fid, period) -> Markup:
        """A figure's value as printed (Vietnamese format), or 'chưa có số liệu' when its records are missing."""
        f = self.idx.get((fid, period))
        if f is None:
            return Markup("chưa có số liệu")
        return Markup(md_escape(fmt_value(f.value, f.unit, f.note)))

    def text(self, fid, period) -> str:
        """The same as plain text, for a string that is escaped once when printed (a chart's alt text)."""
        f = self.idx.get((fid, period))
        return "không có số liệu" if f is None else fmt_value(f.value, f.unit, f.note)

    def frac(self, fid, period) -> Markup:
        f = self.idx.get((fid, period))
        if f is None or f.value is None or f.denominator is None or f.unit != "%" or fid == "ke_hoach.tien_do":
            return Markup("")
        text = f"{fmt_int(f.numerator)} trên {fmt_int(f.denominator)} {catalogue.denominator_words(fid)}"
        forms = self.idx.get(("hai_long.so_phieu", period)) if fid.startswith("hai_long.") and fid != "hai_long.ty_le_thu_ve" else None
        if forms is not None and forms.value is not None:
            text += f", từ {fmt_int(forms.value)} phiếu"
        return Markup(md_escape(text))

    def partial(self, key) -> Markup:
        """' (chỉ có số liệu tháng 9–12/2023)' for a quarter or year that the data covers only in part."""
        if len(key) == 7 and key[4] == "-":  # a month
            return Markup("")
        if "Q" in key:
            y, q = key.split("-Q")
            wanted = [f"{y}-{m:02d}" for m in range(3 * int(q) - 2, 3 * int(q) + 1)]
        else:
            y, wanted = key, [f"{key}-{m:02d}" for m in range(1, 13)]
        have = [m for m in wanted if m in self.months]
        if not have or len(have) == len(wanted):
            return Markup("")
        first, last = int(have[0][5:]), int(have[-1][5:])
        span = f"tháng {first}/{y}" if first == last else f"tháng {first}–{last}/{y}"
        return Markup(f" (chỉ có số liệu {span})")

    def rounding_note(self, ids, period) -> Markup:
        """A note when rates shown together (their parts add up to 100%) do not add up to 100% once rounded."""
        vals = [self.idx.get((fid, period)) for fid in ids]
        if any(f is None or f.value is None for f in vals) or sum(f.value for f in vals) == 100:
            return Markup("")
        shown = " và ".join(fmt_value(f.value, f.unit) for f in vals)
        return Markup(f"*{shown} cộng lại không đúng 100% vì mỗi tỷ lệ được làm tròn riêng đến một chữ số thập phân.*")

    def rounding_note_any(self, ids, periods) -> Markup:
        """The same note under a table of such rates, when any of its rows does not add up to 100%."""
        for p in periods:
            vals = [self.idx.get((fid, p)) for fid in ids]
            if all(f is not None and f.value is not None for f in vals) and sum(f.value for f in vals) != 100:
                return Markup("*Ở một số kỳ, hai tỷ lệ cộng lại không đúng 100% vì mỗi tỷ lệ được làm tròn riêng "
                              "đến một chữ số thập phân.*")
        return Markup("")

    def prev_month(self, m):
        i = self.months.index(m) if m in self.months else -1
        return self.months[i - 1] if i > 0 else None

    def change(self, fid, period) -> Markup:
        """Change against the previous month, in the figure's unit, judged in words ('tốt lên' / 'kém đi') by the
        direction that is good news for that figure, with a colour that only repeats the words."""
        prev = self.prev_month(period)
        if not prev:
            return Markup("–")
        return judged_change(fid, self.idx.get((fid, period)), self.idx.get((fid, prev)))


def judged_change(fid, cur, prev) -> Markup:
    text = Markup(md_escape(reports.change_text(cur, prev, judged=False)))
    verdict = reports.change_verdict(fid, cur, prev)
    if not verdict:
        return text
    return text + Markup(f' · <span class="{"tot" if verdict == "tốt lên" else "xau"}">{verdict}</span>')



REPORT_STATES = {
    "chua-den-han": "Chưa đến hạn",
    "dung-han": "✔ Đúng hạn",
    "tre-han": "⚠ Gửi sau hạn",
    "chua-gui": "✖ Chưa gửi, đã quá hạn",
}


def _petition_rows(view, petitions, end):
    """Each petition's status at `end`, as the compute stage decides it (indicators.petition_state)."""
    rows = []
    for p in petitions:
        st = petition_state(p, petition_due(p, view.ds.calendar), end)
        rows.append({"p": p, "due": st.due, "state": st.label, "overdue": st.overdue})
    return rows


def render_all(ds, figures, as_of: date, checklist=()) -> list[tuple[str, str, str]]:
    """(path in the docs tree, Markdown, data source for the edit link) for every page.

    `checklist`: completeness.checklist() of the data folder, printed at the top of /huong-dan/."""
    env = environment()
    view = View(ds, figures, as_of)
    end = as_of_date(ds)
    latest = view.latest
    latest_year = latest[:4]
    recent = view.months[-3:]

    pet_recent = [p for p in ds.petitions if p.ngay_nhan.strftime("%Y-%m") in recent]
    pet_open = [p for p in ds.petitions if not p.ngay_giai_quyet and p.ngay_nhan.strftime("%Y-%m") not in recent]
    year_pets = [p for p in ds.petitions if str(p.ngay_nhan.year) == latest_year]
    breakdown = {
        "kenh": Counter(p.kenh for p in year_pets),
        "loai": Counter(p.loai for p in year_pets),
        "linh_vuc": Counter(p.linh_vuc for p in year_pets),
        "thon": Counter(p.thon or "" for p in year_pets),
    }

    handed, returned, per = survey_totals([s for s in ds.surveys if s.thang == latest])
    criteria = []
    for code, label in TIEU_CHI.choices:
        counts = per[code]
        criteria.append({"code": code, "label": label, "counts": counts, "n": sum(counts.values()),
                         "fid": catalogue.CRITERION_FIGURE[code]})

    steps = []
    for st in ds.plan.buoc:
        steps.append({"st": st, "status": step_status(st, end), "pct": step_percent_at(st, end)})

    late_year = [c for c in ds.late_cases if str(c.ngay_hen_tra.year) == latest_year]
    acts_recent = [a for a in ds.activities if a.ngay.strftime("%Y-%m") in recent]
    # pages stay light however many records there are: the newest rows here, every row in the downloads
    counts = {"pet_recent": len(pet_recent), "pet_open": len(pet_open), "late_year": len(late_year),
              "acts_recent": len(acts_recent), "limit": LIST_LIMIT}
    pet_recent = pet_recent[-LIST_LIMIT:]
    pet_open = pet_open[-LIST_LIMIT:]
    late_year = late_year[-LIST_LIMIT:]
    acts_recent = acts_recent[-LIST_LIMIT:]

    by_field_latest = next(pm for pm in ds.procedures if pm.thang == latest).linh_vuc

    ctx = {
        "v": view,
        "site": ds.site,
        "latest": latest,
        "latest_year": latest_year,
        "as_of": as_of,
        "recent": recent,
        "pet_recent": _petition_rows(view, pet_recent, end),
        "pet_open": _petition_rows(view, pet_open, end),
        "breakdown": breakdown,
        "survey": {"handed": handed, "returned": returned, "criteria": criteria,
                   "rate": percent(returned, handed), "present": any(s.thang == latest for s in ds.surveys)},
        "steps": steps,
        "plan": ds.plan,
        "reports": [{"r": r, "state": REPORT_STATES[report_state(r, end)]} for r in ds.plan.bao_cao_thang],
        "late_year": late_year,
        "acts_recent": acts_recent,
        "counts": counts,
        "by_field_latest": by_field_latest,
        "tmonths": [pm.thang for pm in ds.procedures],
        "smonths": [s.thang for s in ds.surveys],
        "commitments": ds.commitments,
        "groups": _figure_groups(),
        "headline": catalogue.HEADLINE,
    }
    ctx["record_sets"] = [
        ("thu-tuc", "Thủ tục hành chính theo tháng và lĩnh vực"), ("tre-han", "Sổ thư xin lỗi: hồ sơ quá hạn"),
        ("phan-anh", "Phản ánh, kiến nghị"), ("khao-sat", "Khảo sát mức độ hài lòng theo tiêu chí"),
        ("thu-gui", "Số thư gửi người dân"), ("hoat-dong", "Hoạt động gần dân"), ("ke-hoach-buoc", "Các bước của kế hoạch"),
        ("ke-hoach-bao-cao-thang", "Báo cáo hằng tháng của Ban điều hành"), ("cong-bo", "Sổ công bố số liệu"),
        ("dinh-chinh", "Đính chính số liệu"),
    ]
    ctx["checklist"] = list(checklist)
    ctx["kinds"] = _guide_kinds()
    ctx["codes"] = sorted(CODES.items())
    ctx["privacy_rules"] = guide.privacy_rules()
    pages = [
        ("index.md", "index.md.j2", "xa.yaml"),
        ("thu-tuc-hanh-chinh.md", "thu-tuc-hanh-chinh.md.j2", "thu-tuc/"),
        ("phan-anh-kien-nghi.md", "phan-anh-kien-nghi.md.j2", "phan-anh/"),
        ("muc-do-hai-long.md", "muc-do-hai-long.md.j2", "khao-sat/"),
        ("tien-do.md", "tien-do.md.j2", "ke-hoach.yaml"),
        ("cam-ket.md", "cam-ket.md.j2", "cam-ket.yaml"),
        ("thu-gui-nguoi-dan.md", "thu-gui-nguoi-dan.md.j2", "tre-han/"),
        ("hoat-dong.md", "hoat-dong.md.j2", "hoat-dong/"),
        ("so-lieu.md", "so-lieu.md.j2", ""),
        ("phuong-phap.md", "phuong-phap.md.j2", ""),
        ("gioi-thieu.md", "gioi-thieu.md.j2", "ke-hoach.yaml"),
        ("lien-he.md", "lien-he.md.j2", "xa.yaml"),
        ("huong-dan.md", "huong-dan.md.j2", ""),
    ]
    lookup = petition_lookup(ds.petitions, sorted(set(view.months) | {p.ngay_nhan.strftime("%Y-%m") for p in ds.petitions}))
    ctx["lookup"] = lookup
    out = []
    for path, template, source in pages:
        text = env.get_template(template).render(**ctx, lookup_base="../phan-anh/")  # raw HTML: URL relative to /PAGE/
        out.append((path, text, source))
    out += petition_archive(ds, view, env, end, lookup)
    bulletin_months = sorted({pm.thang for pm in ds.procedures})
    out.append(("ban-tin/index.md", env.get_template("ban-tin-index.md.j2").render(site=ds.site, bulletin_months=bulletin_months), ""))
    out += reports.render(ds, figures, as_of, env)
    return out


_CODE_MONTH = re.compile(r"^PA-(\d{2})(\d{2})-\d+$")


def code_month(code: str) -> str | None:
    """The month a petition code names by the rule PA-YYMM-NN (a code that breaks it is listed by the archive)."""
    m = _CODE_MONTH.match(code)
    return f"20{m.group(1)}-{m.group(2)}" if m else None


def petition_lookup(petitions, months) -> dict:
    """What the look-up by code needs, without JavaScript (the rule, in words) and with it (tra-ma.js)."""
    shown = [p for p in petitions if p.loai != "to-cao"]
    exceptions = sorted((p.ma, p.ngay_nhan.strftime("%Y-%m")) for p in shown
                        if code_month(p.ma) != p.ngay_nhan.strftime("%Y-%m"))
    sample = next((p for p in reversed(shown) if code_month(p.ma) == p.ngay_nhan.strftime("%Y-%m")), None)
    example = ({"code": sample.ma, "month": sample.ngay_nhan.strftime("%Y-%m")} if sample
               else {"code": f"PA-{months[-1][2:4]}{months[-1][5:7]}-01", "month": months[-1]})
    return {"months": list(months), "exceptions": exceptions, "example": example}


def petition_archive(ds, view, env, end, lookup) -> list[tuple[str, str, str]]:
    """/phan-anh/ (look-up by code, every month) and /phan-anh/YYYY-MM/: every petition ever received, one page
    per month, so the page count grows with months, not records. Tố cáo: counts only."""
    by_month: dict[str, list] = {m: [] for m in view.months}
    for p in ds.petitions:
        by_month.setdefault(p.ngay_nhan.strftime("%Y-%m"), []).append(p)
    months = sorted(by_month)
    out, items = [], []
    tmpl = env.get_template("phan-anh-thang.md.j2")
    for i, month in enumerate(months):
        pets = by_month[month]
        counts = Counter(p.loai for p in pets)
        rows = _petition_rows(view, [p for p in pets if p.loai != "to-cao"], end)
        text = tmpl.render(v=view, month=month, as_of=end, rows=rows, counts=counts, total=len(pets),
                           kinds=view.loai_pakn, prev=months[i - 1] if i else None,
                           next=months[i + 1] if i + 1 < len(months) else None)
        out.append((f"phan-anh/{month}.md", text, f"phan-anh/{month}.yaml"))
        items.append({"month": month, "total": len(pets)})
    years = [(y, [it for it in reversed(items) if it["month"][:4] == y])
             for y in sorted({it["month"][:4] for it in items}, reverse=True)]
    text = env.get_template("phan-anh-tra-cuu.md.j2").render(lookup=lookup, lookup_base="./", years=years)
    out.append(("phan-anh/index.md", text, "phan-anh/"))
    return out


def _guide_kinds():
    """Everything the data guide prints about each kind, from the schema declarations."""
    out = []
    for kind in KINDS:
        rows = [
            {"name": name, "label": f.label, "help": f.help, "type": guide.type_text(f.type),
             "required": guide.required_text(f), "example": f.example}
            for name, f in guide.field_rows(kind.record)
        ]
        where, files, _examples = guide.layout(kind)
        text = guide.template(kind)
        out.append({
            "slug": guide.slug(kind),
            "label": kind.label,
            "where": where,
            "files": files,
            "period": kind.period,
            "template": Markup("\n".join(("    " + line) if line else "" for line in text.rstrip("\n").split("\n"))),
            "rows": rows,
            "enums": [(name, list(e.choices)) for name, e in guide.enums(kind.record)],
        })
    return out


def _figure_groups():
    groups = {}
    for f in catalogue.FIGURES:
        groups.setdefault(f.group, []).append(f)
    return list(groups.items())
