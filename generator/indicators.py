"""Records → figures. Pure: no matplotlib, no Jinja2, no I/O.

Every figure is computed for every month, quarter and year the data covers, with DOMAIN.md's
period rules: TTHC stocks are taken at the period's start and end and flows are summed over its
months; petitions fall in a period by received or resolved date; surveys pool every answer.

One time rule (DOMAIN.md, "Time"): a figure of period P is a snapshot taken on
`snapshot(P, as_of)` = min(P's last day, the data's as-of date), and knows only the events dated on
or before it: received, resolved, informed, rated (known from the informed date, or the resolved
date when no notice date is kept), apology given, new promised date, returned, monthly report sent.
What one record is at a snapshot (pending, overdue, rated, not yet due…) is decided here, by the
`*_state` functions, and nowhere else: pages, bulletins, sheets and exports render their answer.
"""

from __future__ import annotations

import calendar as _cal
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from . import catalogue
from .numfmt import percent, round_half_up
from .schema import TIEU_CHI

SAT_LEVELS = ("rat_hai_long", "hai_long")
LEVELS = ("rat_hai_long", "hai_long", "binh_thuong", "khong_hai_long", "rat_khong_hai_long")
UNSATISFIED = ("khong-hai-long", "rat-khong-hai-long")


@dataclass(frozen=True)
class Period:
    key: str  # "2024-03", "2024-Q1", "2024"
    kind: str  # "month", "quarter", "year"
    start: date
    end: date
    months: tuple  # the months "YYYY-MM" it spans


def month_period(m: str) -> Period:
    y, mo = int(m[:4]), int(m[5:])
    return Period(m, "month", date(y, mo, 1), date(y, mo, _cal.monthrange(y, mo)[1]), (m,))


def quarter_period(y: int, q: int) -> Period:
    months = tuple(f"{y:04d}-{mo:02d}" for mo in range(3 * q - 2, 3 * q + 1))
    last = 3 * q
    return Period(f"{y}-Q{q}", "quarter", date(y, 3 * q - 2, 1), date(y, last, _cal.monthrange(y, last)[1]), months)


def year_period(y: int) -> Period:
    return Period(str(y), "year", date(y, 1, 1), date(y, 12, 31), tuple(f"{y:04d}-{mo:02d}" for mo in range(1, 13)))


def periods_for(months) -> list[Period]:
    """Every month, quarter and year touched by the data, in a stable order."""
    out = [month_period(m) for m in months]
    quarters = sorted({(int(m[:4]), (int(m[5:]) - 1) // 3 + 1) for m in months})
    out += [quarter_period(y, q) for y, q in quarters]
    out += [year_period(y) for y in sorted({int(m[:4]) for m in months})]
    return out


@dataclass(frozen=True)
class Figure:
    id: str
    period: str
    value: object  # int, Decimal or None
    unit: str
    label: str
    method: str
    page: str
    as_of: date
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""


def snapshot(period: Period, as_of: date) -> date:
    """The day a figure of `period` is taken: its last day, or the data's as-of date while it runs."""
    return min(as_of, period.end)


class _Builder:
    def __init__(self, period: Period, as_of: date, out: list):
        self.period = period
        self.as_of = snapshot(period, as_of)  # the snapshot: every event counted is dated on or before it
        self.out = out

    def count(self, fid: str, value, note: str = ""):
        d = catalogue.BY_ID[fid]
        self.out.append(Figure(fid, self.period.key, value, d.unit, d.label, d.method, d.page, self.as_of, note=note))

    def rate(self, fid: str, num: int, den: int, note: str = "", min_n: int | None = None, n: int | None = None):
        d = catalogue.BY_ID[fid]
        value = percent(num, den)
        if value is None:
            note = "không có số liệu (mẫu số bằng 0)"
        elif min_n is not None and n is not None and n < min_n:
            value = None
            note = f"chưa đủ phiếu (dưới {min_n} phiếu)"
        self.out.append(Figure(fid, self.period.key, value, d.unit, d.label, d.method, d.page, self.as_of, num, den, note))


def petition_due(p, cal) -> date:
    """The due date of a petition: the override, or the default for its kind."""
    if p.han_xu_ly:
        return p.han_xu_ly
    if p.loai in ("phan-anh", "kien-nghi"):
        return cal.add_working_days(p.ngay_nhan, 15)
    start = p.ngay_thu_ly or p.ngay_nhan
    days = 45 if (p.loai == "khieu-nai" and p.phuc_tap) else 30
    return start + timedelta(days=days)


def _by(d, on: date) -> bool:
    """An event dated `d` is known at snapshot `on`."""
    return d is not None and d <= on


def rating_known_on(p):
    """A person's rating is known from the day they were informed, or resolved when no notice date is kept."""
    if not p.danh_gia:
        return None
    return p.ngay_thong_bao or p.ngay_giai_quyet


@dataclass(frozen=True)
class PetitionState:
    """One petition at one snapshot."""

    due: date
    received: bool  # received on or before the snapshot
    resolved: bool  # resolved on or before the snapshot
    resolved_late: bool
    pending_overdue: bool  # open at the snapshot, past its due date
    overdue: bool  # resolved late by the snapshot, or pending overdue
    informed: bool
    rating: str | None  # the rating known at the snapshot

    @property
    def label(self) -> str:
        if self.resolved:
            return "Đã giải quyết" + (" (quá hạn)" if self.resolved_late else "")
        return "Đang xử lý, đã quá hạn" if self.pending_overdue else "Đang xử lý"

    @property
    def unsatisfied(self) -> bool:
        return self.rating in UNSATISFIED


def petition_state(p, due: date, on: date) -> PetitionState:
    resolved = _by(p.ngay_giai_quyet, on)
    late = resolved and p.ngay_giai_quyet > due
    pending_overdue = _by(p.ngay_nhan, on) and not resolved and due < on
    return PetitionState(due, _by(p.ngay_nhan, on), resolved, late, pending_overdue, late or pending_overdue,
                         _by(p.ngay_thong_bao, on), p.danh_gia if _by(rating_known_on(p), on) else None)


@dataclass(frozen=True)
class LateCaseState:
    """One late dossier (sổ thư xin lỗi) at one snapshot."""

    late: bool  # its promised date has passed (or is the snapshot): it is in the ledger's count
    apologised: bool
    apologised_before: bool  # apology given before the promised date
    renewal_due: bool  # it has a new promised date on or before the snapshot
    returned: bool
    kept: bool  # returned no later than the new promised date, which has come


def late_case_state(c, on: date) -> LateCaseState:
    apologised = _by(c.ngay_xin_loi, on)
    renewal_due = _by(c.ngay_hen_moi, on)
    returned = _by(c.ngay_tra, on)
    return LateCaseState(_by(c.ngay_hen_tra, on), apologised, apologised and c.ngay_xin_loi < c.ngay_hen_tra,
                         renewal_due, returned, renewal_due and returned and c.ngay_tra <= c.ngay_hen_moi)


def report_state(r, on: date) -> str:
    """A monthly report to the level above at a snapshot: chua-den-han | dung-han | tre-han | chua-gui."""
    if r.han > on:
        return "chua-den-han"  # even if already sent: judged once its due date is within the snapshot
    if _by(r.ngay_gui, on):
        return "dung-han" if r.ngay_gui <= r.han else "tre-han"
    return "chua-gui"


def step_percent_at(step, end: date) -> int:
    if step.ngay_hoan_thanh and step.ngay_hoan_thanh <= end:
        return 100
    pct = 0
    for u in step.tien_do:
        if u.ngay <= end:
            pct = u.phan_tram
    return pct


def step_status(step, on: date) -> str:
    """chua-bat-dau | dang-thuc-hien | dung-han | tre-han | qua-han | thuong-xuyen."""
    if step.ngay_hoan_thanh and step.ngay_hoan_thanh <= on:
        if step.han and step.ngay_hoan_thanh > step.han:
            return "tre-han"
        return "dung-han"
    if step.han and on > step.han:
        return "qua-han"
    pct = step_percent_at(step, on)
    if step.han is None and pct > 0:
        return "thuong-xuyen"
    return "dang-thuc-hien" if pct > 0 else "chua-bat-dau"


def as_of_date(ds) -> date:
    """The data's as-of date: the last day of the latest month any record covers."""
    return month_period(ds.months[-1]).end


def latest_complete_month(ds) -> str:
    """The latest month with procedures figures (the one-stop desk's monthly close)."""
    return ds.procedures[-1].thang


def _tthc(b: _Builder, ds):
    months = [pm for pm in ds.procedures if pm.thang in b.period.months]
    if not months:
        return
    note = ""
    if len(months) < len(b.period.months):
        note = "chỉ gồm các tháng có số liệu: " + ", ".join(f"{int(m.thang[5:])}/{m.thang[:4]}" for m in months)
    first, last = months[0], months[-1]
    s = lambda pm, f: sum(getattr(r, f) or 0 for r in pm.linh_vuc)  # noqa: E731
    flows = {f: sum(s(pm, f) for pm in months) for f in ("tiep_nhan", "truc_tuyen", "som_han", "dung_han", "tre_han", "tai_nha")}
    carried = s(first, "ton_truoc")
    in_time = s(last, "dang_trong_han")
    overdue = s(last, "dang_qua_han")
    den = carried + flows["tiep_nhan"]
    b.count("tthc.ton_truoc", carried, note)
    b.count("tthc.tiep_nhan", flows["tiep_nhan"], note)
    b.count("tthc.truc_tuyen", flows["truc_tuyen"], note)
    b.count("tthc.da_giai_quyet", flows["som_han"] + flows["dung_han"] + flows["tre_han"], note)
    b.count("tthc.som_han", flows["som_han"], note)
    b.count("tthc.dung_han", flows["dung_han"], note)
    b.count("tthc.giai_quyet_tre_han", flows["tre_han"], note)
    b.count("tthc.dang_trong_han", in_time, note)
    b.count("tthc.dang_qua_han", overdue, note)
    b.count("tthc.tre_han", flows["tre_han"] + overdue, note)
    # served at home is optional: a month whose rows all leave it out has no figure, not a zero
    if any(r.tai_nha is not None for pm in months for r in pm.linh_vuc):
        b.count("tthc.tai_nha", flows["tai_nha"], note)
    else:
        b.count("tthc.tai_nha", None, "chưa có số liệu")
    b.rate("tthc.ty_le_dung_han", flows["som_han"] + flows["dung_han"] + in_time, den, note)
    b.rate("tthc.ty_le_tre_han", flows["tre_han"] + overdue, den, note)
    b.rate("tthc.ty_le_truc_tuyen", flows["truc_tuyen"], flows["tiep_nhan"], note)


def _in(d, period: Period) -> bool:
    return d is not None and period.start <= d <= period.end


def _late(b: _Builder, ds):
    on = b.as_of
    states = [late_case_state(c, on) for c in ds.late_cases if _in(c.ngay_hen_tra, b.period) and c.ngay_hen_tra <= on]
    apologised = sum(st.apologised for st in states)
    b.count("xin_loi.so_ho_so_tre", len(states))
    b.count("xin_loi.da_xin_loi", apologised)
    b.rate("xin_loi.ty_le_bao_phu", apologised, len(states))
    b.rate("xin_loi.ty_le_truoc_han", sum(st.apologised_before for st in states), len(states))
    b.rate("xin_loi.ty_le_giu_hen_moi", sum(st.kept for st in states), sum(st.renewal_due for st in states))


class _PetitionIndex:
    """The petitions arranged once so that each period costs O(log n + petitions in the period).

    Received and resolved petitions of a period are contiguous slices of the petitions sorted by the
    received and the resolved date. The petitions still open at a period's end, and those of them past
    their due date, are counts of date intervals: a petition is open on the days [received, resolved)
    and open past its due date on [max(received, due + 1 day), resolved), with `resolved` = never when
    it is not resolved; the count at a date E is (intervals started by E) − (intervals ended by E).
    Due dates and working days are computed once per petition, not once per period."""

    def __init__(self, petitions, cal):
        self.received = sorted(petitions, key=lambda p: p.ngay_nhan)  # stable: keeps the dataset's order
        self.received_dates = [p.ngay_nhan for p in self.received]
        self.due = {p.ma: petition_due(p, cal) for p in petitions}
        resolved = sorted((p for p in petitions if p.ngay_giai_quyet), key=lambda p: p.ngay_giai_quyet)
        self.resolved_dates = [p.ngay_giai_quyet for p in resolved]
        self.resolved_on_time = [p.ngay_giai_quyet <= self.due[p.ma] for p in resolved]
        self.resolved_notified = [p.ngay_thong_bao for p in resolved]
        self.resolved_days = [cal.working_days_between(p.ngay_nhan, p.ngay_giai_quyet) for p in resolved]
        one = timedelta(days=1)
        open_from, open_until, late_from, late_until = [], [], [], []
        for p in petitions:
            done = p.ngay_giai_quyet
            if done is None or p.ngay_nhan < done:
                open_from.append(p.ngay_nhan)
                if done is not None:
                    open_until.append(done)
            start = max(p.ngay_nhan, self.due[p.ma] + one)
            if done is None or start < done:
                late_from.append(start)
                if done is not None:
                    late_until.append(done)
        self.open_from, self.open_until = sorted(open_from), sorted(open_until)
        self.late_from, self.late_until = sorted(late_from), sorted(late_until)

    def received_in(self, period: Period, on: date) -> list:
        lo = bisect_left(self.received_dates, period.start)
        return self.received[lo: bisect_right(self.received_dates, min(period.end, on))]

    def resolved_in(self, period: Period, on: date) -> slice:
        return slice(bisect_left(self.resolved_dates, period.start), bisect_right(self.resolved_dates, min(period.end, on)))

    def open_at(self, end: date) -> int:
        return bisect_right(self.open_from, end) - bisect_right(self.open_until, end)

    def open_past_due_at(self, end: date) -> int:
        return bisect_right(self.late_from, end) - bisect_right(self.late_until, end)


def _petitions(b: _Builder, ds, pi: _PetitionIndex):
    end = b.as_of  # the snapshot
    received = pi.received_in(b.period, end)
    r = pi.resolved_in(b.period, end)
    n_resolved = r.stop - r.start
    on_time = sum(pi.resolved_on_time[r])
    pending_overdue = pi.open_past_due_at(end)
    b.count("pakn.tiep_nhan", len(received))
    b.count("pakn.da_giai_quyet", n_resolved)
    b.count("pakn.dang_xu_ly", pi.open_at(end))
    b.count("pakn.qua_han", (n_resolved - on_time) + pending_overdue)
    b.count("pakn.dang_qua_han", pending_overdue)
    b.rate("pakn.ty_le_dung_han", on_time, n_resolved)
    days = sorted(pi.resolved_days[r])
    if days:
        n = len(days)
        median = Fraction(days[n // 2]) if n % 2 else Fraction(days[n // 2 - 1] + days[n // 2], 2)
        b.count("pakn.so_ngay_trung_vi", round_half_up(median, 1))
        b.count("pakn.so_ngay_trung_binh", round_half_up(Fraction(sum(days), n), 1))
    else:
        b.count("pakn.so_ngay_trung_vi", None, "không có vụ việc nào giải quyết xong trong kỳ")
        b.count("pakn.so_ngay_trung_binh", None, "không có vụ việc nào giải quyết xong trong kỳ")
    due = pi.due
    bad = 0
    for p in received:
        st = petition_state(p, due[p.ma], end)
        if st.unsatisfied or p.tai_dien or st.overdue:
            bad += 1
    b.rate("pakn.ty_le_hai_long", len(received) - bad, len(received))
    b.rate("pakn.ty_le_thong_bao", sum(_by(d, end) for d in pi.resolved_notified[r]), n_resolved)
    b.count("pakn.tai_dien", len([p for p in received if p.tai_dien]))


def survey_totals(surveys):
    """Pooled counts: forms handed out and returned, and per criterion the count at each level."""
    handed = sum(s.phieu_phat_ra for s in surveys)
    returned = sum(s.phieu_thu_ve for s in surveys)
    per = {}
    for code, _label in TIEU_CHI.choices:
        per[code] = {lv: sum(getattr(s.tieu_chi[code], lv) for s in surveys if code in s.tieu_chi) for lv in LEVELS}
    return handed, returned, per


def _surveys(b: _Builder, ds):
    surveys = [s for s in ds.surveys if s.thang in b.period.months]
    if not surveys:
        return
    handed, returned, per = survey_totals(surveys)
    b.count("hai_long.so_phieu", returned)
    b.rate("hai_long.ty_le_thu_ve", returned, handed)
    sat = sum(per[c][lv] for c in per for lv in SAT_LEVELS)
    answers = sum(per[c][lv] for c in per for lv in LEVELS)
    mn = catalogue.MIN_SURVEY_FORMS
    b.rate("hai_long.ty_le", sat, answers, min_n=mn, n=returned)
    for code, fid in catalogue.CRITERION_FIGURE.items():
        c_sat = sum(per[code][lv] for lv in SAT_LEVELS)
        c_all = sum(per[code].values())
        b.rate(fid, c_sat, c_all, min_n=mn, n=returned)


def _letters(b: _Builder, ds):
    letters = [lt for lt in ds.letters if lt.thang in b.period.months]
    if not letters:
        return
    for f in ("xin_loi", "cam_on", "chuc_mung", "chia_buon"):
        b.count(f"thu.{f}", sum(getattr(lt, f) for lt in letters))


def _activities(b: _Builder, ds):
    acts = [a for a in ds.activities if _in(a.ngay, b.period) and a.ngay <= b.as_of]
    for kind in ("tiep_cong_dan", "doi_thoai", "tiep_xuc_cu_tri", "cung_lam_voi_dan", "phat_thanh"):
        code = kind.replace("_", "-")
        b.count(f"hoat_dong.{kind}", len([a for a in acts if a.loai == code]))


def _plan(b: _Builder, ds):
    if ds.plan.van_ban is None:  # no ke-hoach.yaml yet: "chưa có số liệu"
        return
    steps = ds.plan.buoc
    end = b.as_of  # the snapshot
    weights = [st.trong_so or 1 for st in steps]
    num = sum(w * step_percent_at(st, end) for w, st in zip(weights, steps))
    den = sum(w * 100 for w in weights)
    b.rate("ke_hoach.tien_do", num, den)
    states = [report_state(r, end) for r in ds.plan.bao_cao_thang if _in(r.han, b.period)]
    due = [st for st in states if st != "chua-den-han"]  # a report due after the snapshot is not yet due
    b.rate("ke_hoach.bao_cao_dung_han", due.count("dung-han"), len(due))


def compute(ds) -> tuple[list[Figure], date]:
    """Every figure for every period, in a stable order; and the data's as-of date."""
    as_of = as_of_date(ds)
    pi = _PetitionIndex(ds.petitions, ds.calendar)
    out: list[Figure] = []
    present = getattr(ds, "present", frozenset())

    def has(kind: str, period: Period) -> bool:
        """A kind is counted for a period only when one of its months has that kind's file: a month
        without its file is "chưa có số liệu" on every page, never zero."""
        return not present or any((kind, m) in present for m in period.months)

    for period in periods_for(ds.months):
        b = _Builder(period, as_of, out)
        _tthc(b, ds)
        if has("late", period):
            _late(b, ds)
        if has("petitions", period):
            _petitions(b, ds, pi)
        _surveys(b, ds)
        _letters(b, ds)
        if has("activities", period):
            _activities(b, ds)
        _plan(b, ds)
    order = {f.id: i for i, f in enumerate(catalogue.FIGURES)}
    kind_order = {"month": 0, "quarter": 1, "year": 2}
    periods = {p.key: (kind_order[p.kind], p.key) for p in periods_for(ds.months)}
    out.sort(key=lambda f: (order[f.id], periods[f.period]))
    return out, as_of


def index(figures) -> dict:
    """(id, period) → Figure."""
    return {(f.id, f.period): f for f in figures}


def value_as_json(v):
    if isinstance(v, Decimal):
        return float(v) if v != v.to_integral_value() else int(v)
    return v
