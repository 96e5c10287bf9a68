"""Is a period complete enough to publish? One answer for `publish`, `check`'s checklist and /huong-dan/.

A period (month, quarter, year) may be published once, per DOMAIN.md:

- every monthly record kind has its file for each of the period's months (a file that says `ho_so: []`
  on purpose is fine; a missing file is not);
- no template value is left in any of those files (the placeholders `new` writes, "(điền …)");
- the month's report to the level above (data/ke-hoach.yaml, `bao_cao_thang`) is recorded when it was due;
- the period before it (same kind) is already published.

Everything here reads the data folder's files directly (names, raw lines, the plan's report list), so
the checklist can still be shown when the data has other problems. Pure apart from reading files.
"""

from __future__ import annotations

import calendar as _cal
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from . import workdays
from .loader import Map, Scalar, Seq, load_file
from .numfmt import fmt_date, fmt_period
from .problems import Problem
from .schema import KINDS, PLACEHOLDER_RE

RELEASE_DAY_DEFAULT = workdays.RELEASE_DAY_DEFAULT
RELEASE_DAY_FIELD = "ngay_cong_bo_hang_thang"  # in data/xa.yaml
MONTHLY_KINDS = [k for k in KINDS if k.period == "month"]

_MONTH_FILE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])\.yaml")
_LEDGER_FILE = re.compile(r"(\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?)\.yaml")


def folder(kind) -> str:
    return kind.example_path.split("/")[0]


def list_field(kind) -> str | None:
    """The list a monthly file holds (ho_so, phan_anh, hoat_dong), for the hint 'write ho_so: []'."""
    from .schema import ListOf
    lists = [f.name for f in kind.record.fields if isinstance(f.type, ListOf)]
    return lists[0] if lists and kind.key != "procedures" else None


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Span:
    key: str
    kind: str  # month | quarter | year
    start: date
    end: date
    months: tuple


def span(key: str) -> Span:
    if re.fullmatch(r"\d{4}-\d{2}", key):
        y, m = int(key[:4]), int(key[5:])
        return Span(key, "month", date(y, m, 1), date(y, m, _cal.monthrange(y, m)[1]), (key,))
    if re.fullmatch(r"\d{4}-Q[1-4]", key):
        y, q = int(key[:4]), int(key[-1])
        months = tuple(f"{y:04d}-{mo:02d}" for mo in range(3 * q - 2, 3 * q + 1))
        return Span(key, "quarter", date(y, 3 * q - 2, 1), date(y, 3 * q, _cal.monthrange(y, 3 * q)[1]), months)
    y = int(key)
    return Span(key, "year", date(y, 1, 1), date(y, 12, 31), tuple(f"{y:04d}-{mo:02d}" for mo in range(1, 13)))


def previous(key: str) -> str:
    s = span(key)
    if s.kind == "month":
        y, m = int(key[:4]), int(key[5:])
        return f"{y - (m == 1):04d}-{(m - 2) % 12 + 1:02d}"
    if s.kind == "quarter":
        y, q = int(key[:4]), int(key[-1])
        return f"{y - (q == 1)}-Q{(q - 2) % 4 + 1}"
    return str(int(key) - 1)


def following(key: str) -> str:
    s = span(key)
    if s.kind == "month":
        y, m = int(key[:4]), int(key[5:])
        return f"{y + (m == 12):04d}-{m % 12 + 1:02d}"
    if s.kind == "quarter":
        y, q = int(key[:4]), int(key[-1])
        return f"{y + (q == 4)}-Q{q % 4 + 1}"
    return str(int(key) + 1)


def label(key: str) -> str:
    """A period as the site writes it: tháng 3/2024, quý I/2024, năm 2024."""
    return fmt_period(key)


def _d(d: date) -> str:
    return fmt_date(d)


# ---------------------------------------------------------------- what the folder holds


@dataclass
class Facts:
    """What completeness needs to know about a data folder, read from its files."""

    prefix: str  # how paths are shown, e.g. "data/"
    months: dict  # kind key -> set of months that have a file
    placeholders: dict  # relative path -> [line, ...] of template values left in place
    published: dict  # period -> publication date (None when the ledger file has no readable date)
    reports: dict  # month -> (line, han, ngay_gui) from ke-hoach.yaml bao_cao_thang
    reports_line: int  # line of `bao_cao_thang:` (or 0)
    plan_date: date | None
    release_day: int
    holidays: frozenset = field(default_factory=frozenset)  # days off, to move a release date to a working day
    worked: frozenset = field(default_factory=frozenset)

    def all_months(self) -> list[str]:
        out = set()
        for ms in self.months.values():
            out |= ms
        return sorted(out)


def _date(text) -> date | None:
    try:
        return date.fromisoformat(str(text).strip().strip("\"'"))
    except ValueError:
        return None


def _root(path: Path, prefix: str, rel: str):
    if not path.is_file():
        return None
    doc, _problems = load_file(path, prefix + rel, rel)
    return doc.root if doc is not None else None


def _scalar(node) -> str | None:
    return node.value.strip() if isinstance(node, Scalar) else None


def placeholder_lines(text: str) -> list[int]:
    """Lines (1-based) whose value is a placeholder that `new` writes, e.g. `tiep_nhan: (điền số)`."""
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        body = line.split(" #", 1)[0]
        m = re.search(r"(?:^\s*-\s+|:\s+\[?|,\s*)[\"']?(\(\s*điền\b[^)]*\))", body)
        if m and PLACEHOLDER_RE.fullmatch(m.group(1)):
            out.append(i)
    return out


def read_facts(data_dir: Path, prefix: str = "data/", placeholders_checked: bool = False) -> Facts:
    """`placeholders_checked`: the data has passed the check, which refuses every placeholder, so the
    files need not be read again for them (the build of a large data set)."""
    import unicodedata

    data_dir = Path(data_dir)
    months = {k.key: set() for k in MONTHLY_KINDS}
    placeholders: dict = {}
    for k in MONTHLY_KINDS:
        d = data_dir / folder(k)
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.is_file() and _MONTH_FILE.fullmatch(p.name):
                months[k.key].add(p.stem)
    for p in [] if placeholders_checked else sorted(data_dir.rglob("*.yaml")):
        try:
            text = unicodedata.normalize("NFC", p.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue
        lines = placeholder_lines(text)
        if lines:
            placeholders[p.relative_to(data_dir).as_posix()] = lines
    published = {}
    led = data_dir / "cong-bo"
    if led.is_dir():
        for p in sorted(led.iterdir()):
            m = _LEDGER_FILE.fullmatch(p.name)
            if not m:
                continue
            root = _root(p, prefix, f"cong-bo/{p.name}")
            when = _date(_scalar(root.items.get("ngay_cong_bo"))) if isinstance(root, Map) else None
            published[m.group(1)] = when
    reports, reports_line, plan_date = {}, 0, None
    plan = _root(data_dir / "ke-hoach.yaml", prefix, "ke-hoach.yaml")
    if isinstance(plan, Map):
        vb = plan.items.get("van_ban")
        if isinstance(vb, Map):
            plan_date = _date(_scalar(vb.items.get("ngay")))
        bc = plan.items.get("bao_cao_thang")
        reports_line = plan.key_lines.get("bao_cao_thang", 0)
        if isinstance(bc, Seq):
            for item in bc.items:
                if isinstance(item, Map):
                    m = _scalar(item.items.get("thang"))
                    if m:
                        reports[m.strip("\"'")] = (item.line, _date(_scalar(item.items.get("han"))),
                                                   _date(_scalar(item.items.get("ngay_gui"))))
    release_day = RELEASE_DAY_DEFAULT
    site = _root(data_dir / "xa.yaml", prefix, "xa.yaml")
    if isinstance(site, Map):
        raw = _scalar(site.items.get(RELEASE_DAY_FIELD))
        if raw and raw.isdigit() and 1 <= int(raw) <= 28:
            release_day = int(raw)
    days_off, worked = set(), set()
    hol = data_dir / "ngay-nghi"
    if hol.is_dir():
        for p in sorted(hol.glob("*.yaml")):
            root = _root(p, prefix, f"ngay-nghi/{p.name}")
            if not isinstance(root, Map):
                continue
            for h in (root.items.get("ngay_nghi").items if isinstance(root.items.get("ngay_nghi"), Seq) else []):
                if isinstance(h, Map):
                    a = _date(_scalar(h.items.get("tu_ngay")))
                    b = _date(_scalar(h.items.get("den_ngay"))) or a
                    while a and b and a <= b:
                        days_off.add(a)
                        a += timedelta(days=1)
            for w in (root.items.get("ngay_lam_bu").items if isinstance(root.items.get("ngay_lam_bu"), Seq) else []):
                if isinstance(w, Map) and _date(_scalar(w.items.get("ngay"))):
                    worked.add(_date(_scalar(w.items.get("ngay"))))
    return Facts(prefix, months, placeholders, published, reports, reports_line, plan_date, release_day,
                 frozenset(days_off), frozenset(worked))


# ---------------------------------------------------------------- the rules


VN = timezone(timedelta(hours=7))


def today() -> date:
    """Today in Vietnam, for the staff commands (`publish`, the checklist of `check`, the Actions form); never
    used by a build. HOM_NAY=NĂM-THÁNG-NGÀY sets it (tests, or re-running a form as of a given day)."""
    forced = os.environ.get("HOM_NAY", "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", forced):
        return date.fromisoformat(forced)
    return datetime.now(VN).date()


def release_date(facts: Facts, key: str) -> date:
    """The date the commune's calendar sets for a period: day N of the month after it ends
    (N = ngay_cong_bo_hang_thang in xa.yaml, default 5), moved to the next working day."""
    return workdays.release_date(span(key).end, facts.release_day,
                                 lambda d: d in facts.worked or (d.weekday() < 5 and d not in facts.holidays))


def _report_due_from(facts: Facts) -> str | None:
    """The first month whose report to the level above is expected: the first one the plan lists,
    or, when it lists none, the month the plan was issued."""
    if facts.reports:
        return min(facts.reports)
    if facts.plan_date:
        return f"{facts.plan_date.year:04d}-{facts.plan_date.month:02d}"
    return None


def missing(facts: Facts, key: str, on: date | None = None) -> list[Problem]:
    """Everything that stops period `key` from being published on `on` (default: its calendar date)."""
    p = facts.prefix
    s = span(key)
    on = on or release_date(facts, key)
    out: list[Problem] = []
    # months before the data's first month are before the commune kept these books (a quarter or year that
    # starts earlier is published as a partial period, and says so); they are never "missing"
    earliest = min(facts.all_months(), default=None)
    for m in s.months:
        if earliest and m < earliest:
            continue
        for k in MONTHLY_KINDS:
            if m in facts.months.get(k.key, ()):
                continue
            lf = list_field(k)
            empty = f"; nếu tháng này không có mục nào, tạo tệp và ghi `{lf}: []`" if lf else ""
            out.append(Problem(
                f"{p}{folder(k)}/{m}.yaml", 0, "", f"chưa có số liệu «{k.label}» {label(m)}: thiếu tệp",
                "thieu-so-lieu-thang",
                f"chạy `make new KIND={folder(k)} PERIOD={m}` rồi điền số liệu (hoặc tạo tệp trên GitHub: "
                f"Add file → Create new file, tên {folder(k)}/{m}.yaml){empty}"))
    for rel, lines in sorted(facts.placeholders.items()):
        mm = re.search(r"(\d{4}-\d{2})\.yaml$", rel)
        if "/" in rel and not (mm and mm.group(1) in s.months):
            continue  # another month's file: not this period's business
        for line in lines:
            out.append(Problem(f"{p}{rel}", line, "", "giá trị mẫu chưa được thay bằng số liệu thật", "gia-tri-mau",
                               "thay “(điền …)” bằng giá trị thật; nếu không có mục nào thì xóa mục mẫu và ghi danh sách rỗng []"))
    first = _report_due_from(facts)
    for m in s.months:
        if first is None or m < first:
            continue
        r = facts.reports.get(m)
        if r is None:
            out.append(Problem(
                f"{p}ke-hoach.yaml", facts.reports_line, "bao_cao_thang",
                f"chưa ghi báo cáo {label(m)} gửi cấp trên (Bước 4 của kế hoạch)", "thieu-bao-cao-thang",
                f"thêm vào bao_cao_thang trong {p}ke-hoach.yaml một mục: - thang: \"{m}\", han: NĂM-THÁNG-NGÀY, "
                "ngay_gui: NĂM-THÁNG-NGÀY, so_van_ban: \"...\""))
        else:
            line, han, sent = r
            if sent is None and (han is None or han <= on):
                out.append(Problem(
                    f"{p}ke-hoach.yaml", line, "bao_cao_thang.ngay_gui",
                    f"báo cáo {label(m)} gửi cấp trên đến hạn" + (f" ngày {_d(han)}" if han else "") + " nhưng chưa ghi ngày gửi",
                    "thieu-bao-cao-thang",
                    f"thêm dòng ngay_gui: NĂM-THÁNG-NGÀY (và so_van_ban) vào mục thang: \"{m}\" của bao_cao_thang"))
    prev = previous(key)
    if earliest and span(prev).end >= date.fromisoformat(earliest + "-01") and prev not in facts.published:
        out.append(Problem(
            f"{p}cong-bo/{prev}.yaml", 0, "", f"kỳ trước ({label(prev)}) chưa công bố; phải công bố theo thứ tự",
            "ky-truoc-chua-cong-bo", f"công bố {label(prev)} trước: `make publish KY={prev}` hoặc biểu mẫu "
            "“Công bố số liệu” trong thẻ Actions trên GitHub"))
    return sorted(out)


def date_problems(facts: Facts, key: str, on: date) -> list[str]:
    """Why `on` cannot be the publication date of `key` (empty when it can)."""
    out = []
    s = span(key)
    if on <= s.end:
        out.append(f"ngày công bố {_d(on)} phải sau ngày cuối kỳ {_d(s.end)}")
    dated = [(d, k) for k, d in facts.published.items() if d is not None]
    if dated:
        last, last_key = max(dated)
        if on < last:
            out.append(f"ngày công bố {_d(on)} trước lần công bố gần nhất ({label(last_key)}, ngày {_d(last)}); "
                       "sổ công bố ghi theo thứ tự thời gian")
    return out


# ---------------------------------------------------------------- the monthly checklist


@dataclass
class Line:
    ok: bool
    text: str
    hint: str = ""


@dataclass
class Section:
    title: str
    lines: list


def next_period(facts: Facts) -> str | None:
    """The next month to publish: the month after the latest published month, or the data's first month."""
    months = facts.all_months()
    if not months:
        return None
    done = sorted(k for k in facts.published if re.fullmatch(r"\d{4}-\d{2}", k))
    return following(done[-1]) if done else months[0]


def due_periods(facts: Facts) -> list[str]:
    """The next month to publish, and the next quarter and year when they have ended within the data."""
    months = facts.all_months()
    out = []
    nxt = next_period(facts)
    if nxt:
        out.append(nxt)
    if not months:
        return out
    last_end = span(months[-1]).end
    for kind, pat in (("quarter", r"\d{4}-Q[1-4]"), ("year", r"\d{4}")):
        done = sorted(k for k in facts.published if re.fullmatch(pat, k))
        first = months[0]
        start = f"{first[:4]}-Q{(int(first[5:]) - 1) // 3 + 1}" if kind == "quarter" else first[:4]
        cand = following(done[-1]) if done else start
        if span(cand).end <= last_end:
            out.append(cand)
    return out


def _period_lines(facts: Facts, key: str, on: date | None = None) -> list[Line]:
    probs = missing(facts, key, on)
    lines = []
    s = span(key)
    for m in s.months if s.kind == "month" else ():
        for k in MONTHLY_KINDS:
            has = m in facts.months.get(k.key, ())
            lines.append(Line(has, f"{k.label}: " + (f"có tệp {folder(k)}/{m}.yaml" if has else "chưa có số liệu"),
                              "" if has else f"`make new KIND={folder(k)} PERIOD={m}`"))
    if s.kind != "month":
        gaps = [pr for pr in probs if pr.code == "thieu-so-lieu-thang"]
        lines.append(Line(not gaps, "đủ tệp số liệu của mọi tháng trong kỳ" if not gaps else
                          f"còn thiếu {len(gaps)} tệp số liệu tháng: " + ", ".join(pr.path for pr in gaps[:6])
                          + ("…" if len(gaps) > 6 else "")))
    marks = [pr for pr in probs if pr.code == "gia-tri-mau"]
    lines.append(Line(not marks, "không còn giá trị mẫu “(điền …)”" if not marks else
                      "còn giá trị mẫu chưa sửa: " + ", ".join(pr.location() for pr in marks[:6]) + ("…" if len(marks) > 6 else "")))
    reps = [pr for pr in probs if pr.code == "thieu-bao-cao-thang"]
    first = _report_due_from(facts)
    if first is not None and any(m >= first for m in s.months):
        lines.append(Line(not reps, "báo cáo tháng gửi cấp trên đã ghi trong ke-hoach.yaml" if not reps else
                          "; ".join(pr.message for pr in reps), reps[0].hint if reps else ""))
    prev = [pr for pr in probs if pr.code == "ky-truoc-chua-cong-bo"]
    if prev:
        lines.append(Line(False, prev[0].message, prev[0].hint))
    return lines


def checklist(facts: Facts) -> list[Section]:
    """The latest month's status and the next periods to publish, for `check`, the PR summary and /huong-dan/."""
    out = []
    months = facts.all_months()
    if not months:
        return out
    latest = months[-1]
    out.append(Section(f"Tháng mới nhất có số liệu: {label(latest)}", _period_lines(facts, latest)))
    for key in due_periods(facts):
        on = release_date(facts, key)
        probs = missing(facts, key, on)
        head = (f"Kỳ công bố tiếp theo: {label(key)}, ngày công bố theo lịch {_d(on)}: "
                + ("đủ điều kiện công bố" if not probs else f"còn thiếu {len(probs)} mục"))
        # the latest month's files are listed just above: here only what else stands in the way
        kinds = tuple(f"{k.label}: " for k in MONTHLY_KINDS)
        lines = [ln for ln in _period_lines(facts, key, on) if key != latest or (not ln.ok and not ln.text.startswith(kinds))]
        # never ticked: the period is not published until the ledger has it, however ready it is
        lines.append(Line(False, ("chưa công bố, đã đủ điều kiện: " if not probs else "công bố khi đủ các mục trên: ")
                          + f"`make publish KY={key}` hoặc biểu mẫu “Công bố số liệu” (thẻ Actions trên GitHub)"))
        out.append(Section(head, lines))
    return out


def checklist_text(sections: list[Section]) -> str:
    if not sections:
        return ""
    out = ["", "Việc cần làm trong tháng:"]
    for sec in sections:
        out.append(f"  {sec.title}")
        for ln in sec.lines:
            out.append(f"    [{'x' if ln.ok else ' '}] {ln.text}" + (f" → {ln.hint}" if ln.hint and not ln.ok else ""))
    return "\n".join(out) + "\n"


def checklist_markdown(sections: list[Section], heading: str = "### Việc cần làm trong tháng") -> str:
    """GitHub-flavoured Markdown (job summary). Values come from file names and the calendar only."""
    if not sections:
        return ""
    out = [heading, ""]
    for sec in sections:
        out.append(f"**{sec.title}**")
        out.append("")
        for ln in sec.lines:
            out.append(f"- {'✅' if ln.ok else '❌'} {ln.text}" + (f" — {ln.hint}" if ln.hint and not ln.ok else ""))
        out.append("")
    return "\n".join(out)
