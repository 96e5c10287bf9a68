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
    "tre-han": "Hoàn thành trễ hạn",
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
        return Markup(f"{fmt_int(f.numerator)}/{fmt_int(f.denominator)}")

    def prev_month(self, m):
        i = self.months.index(m) if m in self.months else -1
        return self.months[i - 1] if i > 0 else None

    def change(self, fid, period) -> Markup:
        """Change against the previous month, in the figure's unit."""
        prev = self.prev_month(period)
        if not prev:
            return Markup("–")
        return Markup(md_escape(reports.change_text(self.idx.get((fid, period)), self.idx.get((fid, prev)))))



REPORT_STATES = {
    "chua-den-han": "Chưa đến hạn",
    "dung-han": "✔ Đúng hạn",
    "tre-han": "⚠ Trễ hạn",
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
                   "rate": percent(returned, handed)},
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
        ("thu-tuc", "Thủ tục hành chính theo tháng và lĩnh vực"), ("tre-han", "Sổ thư xin lỗi: hồ sơ trễ hẹn"),
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
    out = []
    for path, template, source in pages:
        text = env.get_template(template).render(**ctx)
        out.append((path, text, source))
    out += reports.render(ds, figures, as_of, env)
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
