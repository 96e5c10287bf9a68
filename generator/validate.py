"""Documents → typed, immutable records + problems.

First every file on its own (types, required fields, allowed values), then checks across
records (unique IDs, dates in order, totals that add up, links that exist). Every problem in
every file is collected; the caller decides to stop when there is any.
"""

from __future__ import annotations

import calendar as _cal
import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from . import catalogue, privacy, workdays
from .loader import Document, Map, Scalar, Seq
from .numfmt import fmt_int
from .problems import Problem
from .schema import (
    KINDS,
    Bool,
    Date,
    Enum,
    Int,
    ListOf,
    COMMITMENTS,
    PETITION,
    PLACEHOLDER_RE,
    PLAN,
    MapOf,
    Month,
    Quarter,
    Record,
    Source,
    Text,
    kind_for,
)
from .workdays import WorkCalendar

DATE_HINT = "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-03-05"

_EMPTY = ("", "~", "null", "Null", "NULL")


def _suggest(value: str, options) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return close[0] if close else ""


@dataclass
class _Ctx:
    path: str
    problems: list
    free_texts: list  # (text, path, line, field, label, codes not checked): checked for personal data
    public: frozenset | None = frozenset()  # the field being converted is public for these kinds (PUBLIC_FIELDS)

    def add(self, line, fld, message, code, hint=""):
        self.problems.append(Problem(self.path, line, fld, message, code, hint))


_NONE_WORDS = {"không", "không có", "chưa có", "không có gì", "trống", "rỗng", "không có hồ sơ", "không có mục nào",
               "khong", "khong co", "chua co", "none", "nil", "-", "–", "x", "k", "ko", "kco", "chưa", "không có số liệu"}


def _says_none(text: str) -> bool:
    """A value written in words for 'nothing' ("không có", "chưa có"…) where a list or a number is expected."""
    return " ".join(text.strip().strip("\"'").lower().split()).rstrip(".") in _NONE_WORDS


# Latin-1 characters that Vietnamese written in Unicode never uses inside a word, but that text typed with the
# old TCVN3 (ABC) or VNI fonts shows when pasted: "Uû ban nh©n d©n" (TCVN3), "UÛy ban nhaân daân" (VNI).
_MOJIBAKE = set("¡¢£¤¥¦§¨©ª«¬®¯±´µ¶·¸º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ")
_PUNCTUATION_AFTER_WORD = set("«»·×÷±¶§")  # «Ngày hội» and «Tết»: a closing quote after a word is not a sign
MOJIBAKE_HINT = ("chuyển đoạn chữ sang Unicode bằng công cụ chuyển mã của Unikey (Unikey Toolkit, hoặc bấm Ctrl+Shift+F6): "
                 "chọn bảng mã nguồn TCVN3 (ABC) hoặc VNI Windows, bảng mã đích Unicode, rồi dán lại")


def mojibake_at(text: str) -> int:
    """1-based position of the first sign of TCVN3/VNI text read as Unicode, or 0.

    A sign is one of _MOJIBAKE inside a word (a letter on both sides); two right after a letter count too."""
    if text.isascii():
        return 0
    after_letter = []
    for i, ch in enumerate(text):
        if ch in _MOJIBAKE and i and text[i - 1].isalpha():
            if i + 1 < len(text) and text[i + 1].isalpha():
                return i + 1
            if ch not in _PUNCTUATION_AFTER_WORD:
                after_letter.append(i + 1)
    return after_letter[0] if len(after_letter) >= 2 else 0


def _is_empty(node) -> bool:
    return node is None or (isinstance(node, Scalar) and not node.quoted and node.value.strip() in _EMPTY)


def _convert(node, typ, ctx: _Ctx, fld: str, label: str):
    """Convert one node to a Python value; on a problem, record it and return None."""
    line = node.line
    if isinstance(typ, Record):
        return _record(node, typ, ctx, fld)
    if isinstance(typ, ListOf):
        if isinstance(node, Scalar):
            name = fld.rsplit(".", 1)[-1].split("[")[0]
            hint = (f"không có mục nào thì viết đúng: {name}: []" if _says_none(node.value)
                    else "viết mỗi mục trên một dòng riêng, bắt đầu bằng '- '")
            ctx.add(line, fld, f"«{label}» phải là một danh sách, mỗi mục bắt đầu bằng '- '", "sai-kieu", hint)
            return None
        if isinstance(node, Map):
            ctx.add(line, fld, f"«{label}» phải là một danh sách, mỗi mục bắt đầu bằng '- '", "sai-kieu",
                    "thêm '- ' trước mục đầu tiên")
            return None
        out = []
        for i, item in enumerate(node.items, 1):
            if _is_empty(item):
                ctx.add(item.line, f"{fld}[{i}]", f"mục {i} của «{label}» bị trống", "muc-trong", "xóa dòng '- ' thừa")
                continue
            out.append(_convert(item, typ.item, ctx, f"{fld}[{i}]", label))
        if len(node.items) < typ.min_items:
            ctx.add(line, fld, f"«{label}» cần ít nhất {typ.min_items} mục", "thieu-muc", "thêm các mục bên dưới, mỗi mục bắt đầu bằng '- '")
        if isinstance(typ.item, Text):
            seen: dict = {}
            for i, (item, value) in enumerate(zip((n for n in node.items if not _is_empty(n)), out), 1):
                if not isinstance(value, str):
                    continue
                key = " ".join(unicodedata.normalize("NFC", value).casefold().split())
                if key in seen:
                    ctx.add(item.line, f"{fld}[{i}]", f"mục {i} của «{label}» trùng với mục {seen[key]} (chỉ khác chữ hoa, chữ "
                            "thường, dấu cách hay cách gõ dấu)", "trung-ten", "xóa một trong hai mục")
                seen.setdefault(key, i)
        return tuple(out)
    if isinstance(typ, MapOf):
        if not isinstance(node, Map):
            ctx.add(line, fld, f"«{label}» phải là một nhóm các mục dạng ten: giá trị", "sai-kieu", "xuống dòng, viết mỗi mục dạng ten: giá trị, thụt vào 2 dấu cách; so với tệp mẫu")
            return None
        out = {}
        codes = typ.keys.labels()
        for key, value in node.items.items():
            kline = node.key_lines.get(key, line)
            if key not in codes:
                sug = _suggest(key, codes)
                hint = f"có phải ý bạn là '{sug}' ({codes[sug]})?" if sug else "các giá trị được phép: " + ", ".join(codes)
                ctx.add(kline, f"{fld}.{key}", f"«{label}» không có mục '{key}'", "gia-tri-khong-hop-le", hint)
                continue
            out[key] = _convert(value, typ.value, ctx, f"{fld}.{key}", codes[key])
        return out
    # scalars
    if not isinstance(node, Scalar):
        ctx.add(line, fld, f"«{label}» phải là một giá trị đơn, không phải danh sách hay nhóm", "sai-kieu",
                "viết giá trị ngay sau dấu hai chấm, trên cùng dòng")
        return None
    text = node.value.strip()
    if PLACEHOLDER_RE.fullmatch(text):
        ctx.add(line, fld, f"«{label}» vẫn là giá trị mẫu '{text}'", "gia-tri-mau",
                "thay bằng giá trị thật (xem chú thích cuối dòng)"
                + ("; nếu không có mục nào thì xóa mục mẫu và ghi danh sách rỗng []" if "[" in fld else ""))
        return None
    if isinstance(typ, Text):
        text = " ".join(text.split()) if "\n" not in node.value.strip() else text
        if len(text) > typ.max_len:
            ctx.add(line, fld, f"«{label}» dài {len(text)} ký tự, quá giới hạn {typ.max_len}", "qua-dai",
                    "viết ngắn gọn hơn")
            return None
        bad = mojibake_at(text)
        if bad:
            ctx.add(line, fld, f"«{label}» có chữ bị lỗi bảng mã TCVN3 hoặc VNI (từ ký tự thứ {bad}), chưa phải chữ Unicode",
                    "loi-bang-ma", MOJIBAKE_HINT)
            return None
        if typ.pattern and not re.fullmatch(typ.pattern, text):
            ctx.add(line, fld, f"«{label}» '{text}' không đúng dạng", "sai-dinh-dang", typ.pattern_hint)
            return None
        if (typ.free or not typ.pattern) and ctx.public is not None:
            ctx.free_texts.append((text, ctx.path, line, fld, label, ctx.public))
        return text
    if isinstance(typ, Int):
        t = text
        if re.fullmatch(r"\d{1,3}( \d{3})+", t):
            ctx.add(line, fld, f"«{label}» '{text}' có dấu cách giữa các chữ số", "sai-kieu-so",
                    f"viết số liền, ví dụ {t.replace(' ', '')}")
            return None
        if re.fullmatch(r"-\s*\d+", t):
            ctx.add(line, fld, f"«{label}» không được là số âm ({text})", "so-am", "số lượng phải từ 0 trở lên")
            return None
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", t):
            ctx.add(line, fld, f"«{label}» '{text}' có dấu phân cách hàng nghìn", "sai-kieu-so",
                    f"viết số liền, không có dấu chấm hay dấu phẩy, ví dụ {t.replace('.', '').replace(',', '')}")
            return None
        if not re.fullmatch(r"\d+", t):
            name = fld.rsplit(".", 1)[-1].split("[")[0]
            ctx.add(line, fld, f"«{label}» phải là một số nguyên, không phải '{text}'", "sai-kieu-so",
                    f"không có thì viết số 0: {name}: 0" if _says_none(text) else "chỉ viết chữ số, ví dụ 12")
            return None
        n = int(t)
        if n < typ.min or (typ.max is not None and n > typ.max):
            rng = f"từ {typ.min} đến {typ.max}" if typ.max is not None else f"từ {typ.min} trở lên"
            ctx.add(line, fld, f"«{label}» = {n} nằm ngoài khoảng cho phép ({rng})", "ngoai-khoang", f"sửa thành một số {rng}")
            return None
        return n
    if isinstance(typ, Date):
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not m:
            if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", text):
                parts = re.split(r"[/.-]", text)
                example = f"{parts[2]}-{int(parts[1]):02d}-{int(parts[0]):02d}"
                ctx.add(line, fld, f"«{label}» '{text}' viết theo dạng ngày/tháng/năm", "sai-dinh-dang-ngay",
                        f"viết theo dạng NĂM-THÁNG-NGÀY: {example}")
            else:
                ctx.add(line, fld, f"«{label}» '{text}' không phải là ngày", "sai-dinh-dang-ngay", DATE_HINT)
            return None
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            ctx.add(line, fld, f"«{label}»: ngày {text} không tồn tại", "ngay-khong-hop-le", DATE_HINT)
            return None
    if isinstance(typ, Month):
        m = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if not m or not 1 <= int(m.group(2)) <= 12:
            ctx.add(line, fld, f"«{label}» '{text}' không phải là tháng", "sai-dinh-dang-thang",
                    'viết theo dạng NĂM-THÁNG trong ngoặc kép, ví dụ "2024-03"')
            return None
        return text
    if isinstance(typ, Quarter):
        if not re.fullmatch(r"\d{4}-Q[1-4]", text):
            ctx.add(line, fld, f"«{label}» '{text}' không phải là quý", "sai-dinh-dang-quy", "viết theo dạng NĂM-Q SỐ QUÝ, ví dụ 2024-Q1")
            return None
        return text
    if isinstance(typ, Bool):
        low = text.lower()
        if low in ("có", "co", "true", "yes"):
            return True
        if low in ("không", "khong", "false", "no"):
            return False
        ctx.add(line, fld, f"«{label}» chỉ nhận 'có' hoặc 'không', không phải '{text}'", "sai-kieu-dung-sai", "ví dụ: có")
        return None
    if isinstance(typ, Enum):
        codes = typ.labels()
        if text in codes:
            return text
        sug = _suggest(text, codes)
        if not sug:
            by_label = {v.lower(): k for k, v in codes.items()}
            sug = by_label.get(text.lower(), "")
        hint = f"có phải ý bạn là '{sug}' ({codes[sug]})?" if sug else "các giá trị được phép: " + ", ".join(codes)
        ctx.add(line, fld, f"«{label}» không nhận giá trị '{text}'", "gia-tri-khong-hop-le", hint)
        return None
    raise TypeError(typ)  # pragma: no cover


# Fields of the site file that are public on purpose: the office address (not checked at all), and the places of
# the suggestion boxes and of the leaders' reception hours, which may give a public building's street address.
# The commune's and leaders' phone numbers and email have a pattern and are the official contacts that any
# other text may mention.
PUBLIC_FIELDS = {("Site", "dia_chi"): None, ("SuggestionBox", "noi_dat"): frozenset({"du-lieu-ca-nhan-dia-chi"}),
                 ("Leader", "lich_tiep_dan"): frozenset({"du-lieu-ca-nhan-dia-chi"})}


def _record(node, rec: Record, ctx: _Ctx, prefix: str = ""):
    if not isinstance(node, Map):
        ctx.add(node.line, prefix, f"«{rec.label}» phải là một nhóm các dòng dạng ten_truong: giá trị", "sai-kieu",
                "so sánh với tệp mẫu cùng loại")
        return None
    values = {}
    lines = {}
    ok = True
    for key, value in node.items.items():
        kline = node.key_lines.get(key, node.line)
        fpath = f"{prefix}.{key}" if prefix else key
        f = rec.by_name.get(key)
        odd = next(((i, ch) for i, ch in enumerate(key, 1) if not (ch.isascii() and (ch.isalnum() or ch in "_-"))), None)
        if f is None and odd is not None and not key.isascii() or f is None and odd is not None and odd[1] == " ":
            i, ch = odd
            what = ("dấu cách" if ch == " " else "dấu cách không ngắt" if ch == "\u00a0" else
                    "một loại dấu cách khác" if unicodedata.category(ch) == "Zs" else "một ký tự trông giống chữ Latinh")
            ascii_key = "".join(c if c.isascii() and (c.isalnum() or c in "_-") else "_" if c.isspace() else ""
                                for c in unicodedata.normalize("NFKD", key)).strip("_")
            sug = ascii_key if ascii_key in rec.by_name else _suggest(ascii_key, rec.by_name)
            ctx.add(kline, fpath, f"tên trường có {what} (U+{ord(ch):04X} {unicodedata.name(ch, '')}) ở ký tự thứ {i}",
                    "truong-la", (f"gõ lại tên trường bằng bàn phím: {sug}" if sug else
                                  "gõ lại tên trường bằng bàn phím, chỉ dùng chữ không dấu, số và dấu _"))
            ok = False
            continue
        if f is None:
            sug = _suggest(key, rec.by_name)
            hint = f"có phải ý bạn là '{sug}' ({rec.by_name[sug].label})?" if sug else (
                "các trường được phép: " + ", ".join(rec.by_name))
            ctx.add(kline, fpath, f"trường '{key}' không có trong mẫu «{rec.label}»", "truong-la", hint)
            ok = False
            continue
        lines[key] = kline
        if _is_empty(value):
            if f.required and not isinstance(f.type, ListOf):
                example = f", ví dụ: {f.name}: {f.example}" if f.example else ""
                ctx.add(kline, fpath, f"trường bắt buộc '{f.name}' ({f.label}) để trống", "thieu-truong",
                        f"điền giá trị sau dấu hai chấm{example}")
                ok = False
            continue
        before = len(ctx.problems)
        ctx.public = PUBLIC_FIELDS.get((rec.name, key), frozenset())
        v = _convert(value, f.type, ctx, fpath, f.label)
        ctx.public = frozenset()
        if v == "" and f.required:
            example = f", ví dụ: {f.name}: {f.example}" if f.example else ""
            ctx.add(kline, fpath, f"trường bắt buộc '{f.name}' ({f.label}) để trống", "thieu-truong",
                    f"điền giá trị sau dấu hai chấm{example}")
        if len(ctx.problems) > before:
            ok = False
        values[key] = v
    for f in rec.fields:
        if isinstance(f.type, ListOf) and f.name in lines and f.name not in values and f.type.min_items:
            fpath = f"{prefix}.{f.name}" if prefix else f.name
            ctx.add(lines[f.name], fpath, f"«{f.label}» cần ít nhất {f.type.min_items} mục", "thieu-muc",
                    "thêm các mục bên dưới, mỗi mục bắt đầu bằng '- '")
            ok = False
        if f.required and f.name not in lines:
            fpath = f"{prefix}.{f.name}" if prefix else f.name
            example = f" ví dụ: {f.name}: {f.example}" if f.example else ""
            ctx.add(node.line, fpath, f"thiếu trường bắt buộc '{f.name}' ({f.label})", "thieu-truong",
                    ("thêm dòng" + example) if example else f"thêm trường {f.name}")
            ok = False
        if isinstance(f.type, ListOf) and f.name not in values:
            values[f.name] = ()
    if not ok:
        return None
    return rec.cls(**values, src=Source(ctx.path, node.line, lines))


# ---------------------------------------------------------------- the typed data set


@dataclass(frozen=True)
class Dataset:
    site: object
    calendar: WorkCalendar
    holidays: tuple
    procedures: tuple  # ProcedureMonth, sorted by month
    late_cases: tuple  # LateCase, sorted
    petitions: tuple  # Petition, sorted by received date then ID
    surveys: tuple  # SurveyMonth
    letters: tuple  # LetterMonth
    activities: tuple  # Activity
    plan: object
    commitments: object
    months: tuple  # every month "YYYY-MM" covered by the data, in order
    published: tuple = ()  # PublishedPeriod records, by period
    corrections: tuple = ()  # Correction records, by date
    # (kind key, month) of every monthly file present: a kind without its file is "chưa có số liệu", not zero
    present: frozenset = frozenset()


def _month_of(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _next_month(m: str) -> str:
    y, mo = int(m[:4]), int(m[5:])
    return f"{y + (mo == 12):04d}-{mo % 12 + 1:02d}"


def month_range(first: str, last: str) -> list[str]:
    out = [first]
    while out[-1] < last:
        out.append(_next_month(out[-1]))
    return out


def _privacy(free_texts, allowed_numbers, allowed_emails, problems):
    """Every rule of generator/privacy.py on every text: the field, the kind of data and its position, never the value."""
    ctx = privacy.Context(phones=allowed_numbers, emails=allowed_emails)
    for text, path, line, fld, label, public in free_texts:
        reported = set(public)
        for pos, rule in privacy.findings(text, ctx):
            if rule.code in reported:
                continue  # one message per kind of data and field: the first position is enough to find it
            reported.add(rule.code)
            problems.append(Problem(path, line, fld, privacy.message(label, pos, rule), rule.code, rule.hint))


def validate(documents: list[Document], load_problems: list[Problem] | None = None, prefix: str = "data/",
             present: set | None = None):
    """Returns (dataset or None, problems). The dataset is None when there is any problem.

    `present` is the set of paths (relative to the data folder) of every file found, readable or not."""
    dataset, problems = _validate(documents, load_problems, prefix, present)
    return dataset, sorted(problems)


def _validate(documents, load_problems, prefix, present):
    problems: list[Problem] = list(load_problems or [])
    if present is None:
        present = {d.rel for d in documents}
    free_texts: list = []
    by_kind: dict[str, list] = {k.key: [] for k in KINDS}
    site_doc = next((d for d in documents if d.rel == "xa.yaml"), None)
    for doc in documents:
        kind, period = kind_for(doc.rel)
        if kind is None:
            problems.append(Problem(doc.path, 0, "", "tệp không thuộc loại dữ liệu nào", "tep-khong-ro-loai",
                                    "đặt tệp đúng thư mục và đặt tên theo mẫu, ví dụ thu-tuc/2024-03.yaml, phan-anh/2024-03.yaml"))
            continue
        ctx = _Ctx(doc.path, problems, free_texts)
        if doc.root is None:
            ctx.add(0, "", "tệp rỗng", "tep-rong", f"chép tệp mẫu {kind.example_path} rồi sửa số liệu")
            continue
        rec = _record(doc.root, kind.record, ctx)
        if rec is None:
            continue
        if period and kind.period == "month" and rec.thang != period:
            ctx.add(rec.src.line_of("thang"), "thang", f"tháng trong tệp ({rec.thang}) khác tháng ở tên tệp ({period})",
                    "thang-khong-khop", f"sửa thành thang: \"{period}\" hoặc đổi tên tệp")
        if period and kind.period == "period" and rec.ky != period:
            ctx.add(rec.src.line_of("ky"), "ky", f"kỳ trong tệp ({rec.ky}) khác kỳ ở tên tệp ({period})",
                    "thang-khong-khop", f"sửa thành ky: \"{period}\" hoặc đổi tên tệp")
        if period and kind.period == "year" and str(rec.nam) != period:
            ctx.add(rec.src.line_of("nam"), "nam", f"năm trong tệp ({rec.nam}) khác năm ở tên tệp ({period})",
                    "nam-khong-khop", f"sửa thành nam: {period}")
        by_kind[kind.key].append(rec)

    for key, fname in (("site", "xa.yaml"),):
        if fname not in present:
            problems.append(Problem(f"{prefix}{fname}", 0, "", f"thiếu tệp {fname}", "thieu-tep",
                                    f"tạo tệp {prefix}{fname} theo hướng dẫn"))
    if not any(re.fullmatch(r"thu-tuc/\d{4}-\d{2}\.yaml", r) for r in present):
        problems.append(Problem(f"{prefix}thu-tuc/", 0, "", "chưa có số liệu thủ tục hành chính tháng nào", "thieu-tep",
                                "tạo tệp data/thu-tuc/NĂM-THÁNG.yaml"))
    if problems:
        # cross-record checks need every file; say what per-file checks found first
        _privacy_pass(site_doc, free_texts, problems)
        return None, problems

    site = by_kind["site"][0]
    _privacy_pass(site_doc, free_texts, problems)
    dataset = _cross_checks(by_kind, site, problems, prefix)
    if problems:
        return None, problems
    return dataset, problems


def _official_contacts(site_doc) -> tuple[set, set]:
    """The phone numbers and emails declared in xa.yaml, read from the raw document so that a
    problem elsewhere in xa.yaml does not turn every mention of them into a privacy error."""
    numbers, emails = set(), set()

    def walk(node):
        if isinstance(node, Map):
            for key, value in node.items.items():
                if isinstance(value, Scalar) and key == "dien_thoai":
                    numbers.add(re.sub(r"\D", "", value.value))
                elif isinstance(value, Scalar) and key == "email":
                    emails.add(value.value.strip().lower())
                else:
                    walk(value)
        elif isinstance(node, Seq):
            for item in node.items:
                walk(item)

    if site_doc is not None:
        walk(site_doc.root)
    return numbers, emails


def _privacy_pass(site_doc, free_texts, problems):
    allowed_numbers, allowed_emails = _official_contacts(site_doc)
    _privacy(free_texts, allowed_numbers, allowed_emails, problems)


def _conditional(problems, rec, record) -> None:
    """The declared conditional requirements of a record (schema Field.required_unless / required_with)."""
    for f in record.fields:
        if getattr(rec, f.name) not in (None, "", ()):
            continue
        if f.required_unless and getattr(rec, f.required_unless[0]) == f.required_unless[1]:
            continue  # exempt (e.g. a tố cáo carries no summary and no result)
        what = f.label[0].lower() + f.label[1:]
        hint = f'thêm dòng {f.name}: "..."' + (f" ({f.help})" if f.help else "")
        if f.required_with:
            if getattr(rec, f.required_with) not in (None, "", ()):
                _p(problems, rec, f.required_with, f"đã có {f.required_with} nhưng thiếu {what} ({f.name})", "thieu-truong", hint)
        elif f.required_unless:
            _p(problems, rec, "ma" if "ma" in record.by_name else f.required_unless[0], f"thiếu {what} ({f.name})",
               "thieu-truong", hint)


def _p(problems, rec, fld, message, code, hint=""):
    problems.append(Problem(rec.src.path, rec.src.line_of(fld), fld, message, code, hint))


YEARS_PLAUSIBLE = 5  # a date more than this many years outside the data's months is a typo
# dates that may lie ahead of the as-of date: deadlines and promised dates (DOMAIN.md, "Time")
DUE_FIELDS = {"han", "han_xu_ly", "ngay_hen_tra", "ngay_hen_moi"}
DUE_RECORDS = {"OtherDeadline"}  # a deadline quoted from the plan document


def _n(n) -> str:
    """A count in a message, as a person reads it: 2.978."""
    return fmt_int(n)


def _file_month(rec) -> str:
    """Where a monthly file says which month it holds, so a misplaced record is reported with both lines."""
    line = rec.src.line_of("thang")
    return f" (tệp ghi thang: \"{rec.thang}\" ở dòng {line})" if line else ""


def _dates_in_time(rec, as_of: date, lo: date, hi: date, problems, due: bool = False):
    """Every date of a record (and of the records inside it): not after the as-of date unless it is a
    deadline, and never implausibly far from the data's months."""
    import dataclasses

    fmt = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731
    due_record = due or type(rec).__name__ in DUE_RECORDS
    for f in dataclasses.fields(rec):
        if f.name == "src":
            continue
        v = getattr(rec, f.name)
        if isinstance(v, date):
            if not lo <= v <= hi:
                _p(problems, rec, f.name, f"ngày {fmt(v)} quá xa khoảng thời gian của dữ liệu "
                   f"(từ {fmt(lo)} đến {fmt(hi)}): có thể gõ nhầm năm", "ngay-bat-thuong",
                   "kiểm tra lại năm, viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-03-05")
            elif v > as_of and not (due_record or f.name in DUE_FIELDS):
                _p(problems, rec, f.name, f"ngày {fmt(v)} sau ngày chốt số liệu {fmt(as_of)} (ngày công bố số liệu của tháng mới nhất có "
                   "dữ liệu): việc chưa xảy ra thì chưa ghi", "ngay-sau-ngay-chot",
                   "nếu gõ nhầm, sửa lại ngày; nếu việc đã xảy ra, tạo trước các tệp của tháng đó "
                   "(ví dụ python -m generator new thu-tuc --period NĂM-THÁNG) rồi mới ghi ngày này")
        elif dataclasses.is_dataclass(v) and hasattr(v, "src"):
            _dates_in_time(v, as_of, lo, hi, problems, due_record)
        elif isinstance(v, tuple):
            for x in v:
                if dataclasses.is_dataclass(x) and hasattr(x, "src"):
                    _dates_in_time(x, as_of, lo, hi, problems, due_record)
        elif isinstance(v, dict):
            for x in v.values():
                if dataclasses.is_dataclass(x) and hasattr(x, "src"):
                    _dates_in_time(x, as_of, lo, hi, problems, due_record)


def _same_but_code(records, what: str, problems):
    """Two records identical in everything but their code (ma): one entered twice. Both lines are reported.
    Used for petitions, whose summary makes two real ones differ; two activities of one kind on one day
    with the same host and a stock description can be two real sessions, so they are not checked."""
    import dataclasses

    first = {}
    for r in records:
        key = tuple((f.name, getattr(r, f.name)) for f in dataclasses.fields(r) if f.name not in ("ma", "src"))
        other = first.setdefault(key, r)
        if other is r:
            continue
        for here, there in ((r, other), (other, r)):
            _p(problems, here, "ma", f"{what} mã {here.ma} giống hệt {what} mã {there.ma} "
               f"({there.src.path}:{there.src.line_of('ma')}), chỉ khác mã: có thể đã nhập hai lần", "trung-noi-dung",
               f"nếu là một việc, xóa một trong hai mục ({here.src.path}:{here.src.line_of('ma')} hoặc "
               f"{there.src.path}:{there.src.line_of('ma')}); nếu là hai việc khác nhau, ghi rõ điểm khác trong tom_tat hoặc noi_dung")


def _cross_checks(by_kind, site, problems, prefix) -> Dataset:
    fmt = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731

    # holidays → calendar
    days_off, days_worked, years = set(), set(), set()
    for hy in by_kind["holidays"]:
        years.add(hy.nam)
        for h in hy.ngay_nghi:
            end = h.den_ngay or h.tu_ngay
            if end < h.tu_ngay:
                _p(problems, h, "den_ngay", f"ngày kết thúc {fmt(end)} trước ngày bắt đầu {fmt(h.tu_ngay)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
                continue
            d = h.tu_ngay
            while d <= end:
                days_off.add(d)
                d = date.fromordinal(d.toordinal() + 1)
        for w in hy.ngay_lam_bu:
            days_worked.add(w.ngay)
    calendar = WorkCalendar(days_off, days_worked, years)

    # procedures
    procedures = sorted(by_kind["procedures"], key=lambda r: r.thang)
    months = [p.thang for p in procedures]
    dup_codes = set()
    for pm in procedures:
        seen = {}
        for row in pm.linh_vuc:
            if row.linh_vuc in seen:
                _p(problems, row, "linh_vuc", f"lĩnh vực '{row.linh_vuc}' được ghi hai lần trong tháng", "trung-linh-vuc",
                   "nếu mục này chép từ mục trên, hãy đổi sang đúng lĩnh vực của nó; nếu thật sự cùng lĩnh vực, gộp số liệu hai mục thành một")
                dup_codes.add((pm.thang, row.linh_vuc))
            seen[row.linh_vuc] = row
            resolved = row.som_han + row.dung_han + row.tre_han
            pending = row.dang_trong_han + row.dang_qua_han
            if row.ton_truoc + row.tiep_nhan != resolved + pending:
                _p(problems, row, "linh_vuc",
                   f"số liệu không khớp: chuyển sang {_n(row.ton_truoc)} + tiếp nhận {_n(row.tiep_nhan)} = {_n(row.ton_truoc + row.tiep_nhan)}, "
                   f"nhưng đã giải quyết {_n(resolved)} + đang giải quyết {_n(pending)} = {_n(resolved + pending)}",
                   "tong-khong-khop",
                   "ton_truoc + tiep_nhan phải bằng som_han + dung_han + tre_han + dang_trong_han + dang_qua_han; "
                   "hãy chép lại từ hệ thống một cửa")
            if row.truc_tuyen > row.tiep_nhan:
                _p(problems, row, "truc_tuyen", f"số tiếp nhận trực tuyến ({_n(row.truc_tuyen)}) lớn hơn số tiếp nhận ({_n(row.tiep_nhan)})",
                   "vuot-tong", "số trực tuyến là một phần của số tiếp nhận")
            if (row.tai_nha or 0) > resolved:
                _p(problems, row, "tai_nha", f"số giải quyết tại nhà ({_n(row.tai_nha)}) lớn hơn số đã giải quyết ({_n(resolved)})",
                   "vuot-tong", "số giải quyết tại nhà là một phần của số đã giải quyết (trước hạn + đúng hạn + quá hạn)")
    for prev, cur in zip(procedures, procedures[1:]):
        if cur.thang != _next_month(prev.thang):
            problems.append(Problem(cur.src.path, cur.src.line, "thang",
                                    f"thiếu số liệu thủ tục hành chính tháng {_next_month(prev.thang)} (giữa {prev.thang} và {cur.thang})",
                                    "thieu-thang", f"tạo tệp {prefix}thu-tuc/{_next_month(prev.thang)}.yaml"))
            continue
        prev_rows = {r.linh_vuc: r for r in prev.linh_vuc}
        cur_rows = {r.linh_vuc: r for r in cur.linh_vuc}
        for code in sorted(set(prev_rows) | set(cur_rows)):
            if (prev.thang, code) in dup_codes or (cur.thang, code) in dup_codes:
                continue  # already reported; comparing one of two rows would only confuse
            pend = (prev_rows[code].dang_trong_han + prev_rows[code].dang_qua_han) if code in prev_rows else 0
            carried = cur_rows[code].ton_truoc if code in cur_rows else 0
            if pend != carried:
                where = cur_rows.get(code) or cur
                fld = "ton_truoc" if code in cur_rows else "linh_vuc"
                _p(problems, where, fld,
                   f"lĩnh vực '{code}': kỳ trước chuyển sang {_n(carried)}, nhưng cuối tháng {prev.thang} còn {_n(pend)} hồ sơ đang giải quyết",
                   "chuyen-ky-khong-khop",
                   f"ton_truoc tháng {cur.thang} phải bằng dang_trong_han + dang_qua_han tháng {prev.thang} ({pend})")

    all_months = set(months)

    # late cases
    late = []
    for lm in by_kind["late"]:
        for c in lm.ho_so:
            late.append(c)
            if _month_of(c.ngay_hen_tra) != lm.thang:
                _p(problems, c, "ngay_hen_tra", f"ngày hẹn trả {fmt(c.ngay_hen_tra)} không thuộc tháng {lm.thang} của tệp{_file_month(lm)}",
                   "sai-thang", f"chuyển hồ sơ này sang tệp tre-han/{_month_of(c.ngay_hen_tra)}.yaml")
            if c.ngay_hen_tra < c.ngay_nhan:
                _p(problems, c, "ngay_hen_tra", f"ngày hẹn trả {fmt(c.ngay_hen_tra)} trước ngày nhận {fmt(c.ngay_nhan)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if c.ngay_xin_loi and c.ngay_xin_loi < c.ngay_nhan:
                _p(problems, c, "ngay_xin_loi", f"ngày xin lỗi {fmt(c.ngay_xin_loi)} trước ngày nhận hồ sơ {fmt(c.ngay_nhan)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if c.ngay_hen_moi and c.ngay_hen_moi <= c.ngay_hen_tra:
                _p(problems, c, "ngay_hen_moi", f"ngày hẹn mới {fmt(c.ngay_hen_moi)} không sau ngày hẹn cũ {fmt(c.ngay_hen_tra)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if c.ngay_tra and c.ngay_tra < c.ngay_nhan:
                _p(problems, c, "ngay_tra", f"ngày trả {fmt(c.ngay_tra)} trước ngày nhận {fmt(c.ngay_nhan)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if c.so_thu_xin_loi and not c.ngay_xin_loi:
                _p(problems, c, "so_thu_xin_loi", "có số thư xin lỗi nhưng thiếu ngày xin lỗi", "thieu-truong",
                   "thêm ngay_xin_loi: NĂM-THÁNG-NGÀY")
    late.sort(key=lambda c: (c.ngay_hen_tra, c.ngay_nhan, c.so_bien_nhan))
    seen_receipts = {}
    for c in late:
        key = (c.so_bien_nhan, c.ngay_nhan)
        if key in seen_receipts:
            first = seen_receipts[key]
            _p(problems, c, "so_bien_nhan", f"hồ sơ {c.so_bien_nhan} đã có trong sổ ({first.src.path}:{first.src.line})", "trung-ma",
               "mỗi hồ sơ trễ hẹn chỉ ghi một lần, theo tháng của ngày hẹn trả đầu tiên")
        seen_receipts.setdefault(key, c)

    # every late dossier has exactly one line in the apology ledger: over the months the procedures
    # figures cover, per field, ledger lines = dossiers resolved late + dossiers still overdue at the end
    if procedures:
        first_day = date(int(months[0][:4]), int(months[0][5:]), 1)
        last_pm = procedures[-1]
        for code in sorted({r.linh_vuc for pm in procedures for r in pm.linh_vuc}):
            expected = sum(r.tre_han for pm in procedures for r in pm.linh_vuc if r.linh_vuc == code)
            expected += sum(r.dang_qua_han for r in last_pm.linh_vuc if r.linh_vuc == code)
            ledger = [c for c in late if c.linh_vuc == code and first_day <= c.ngay_hen_tra
                      and _month_of(c.ngay_hen_tra) <= last_pm.thang]
            if len(ledger) != expected:
                row = next((r for r in last_pm.linh_vuc if r.linh_vuc == code), last_pm)
                _p(problems, row, "linh_vuc",
                   f"lĩnh vực '{code}': số liệu thủ tục có {_n(expected)} hồ sơ trễ hạn (giải quyết quá hạn từ {months[0]} đến "
                   f"{last_pm.thang} cộng số đang quá hạn cuối tháng {last_pm.thang}), nhưng sổ thư xin lỗi (tre-han/) có {_n(len(ledger))} hồ sơ",
                   "so-xin-loi-khong-khop",
                   "mỗi hồ sơ trễ hạn phải có đúng một mục trong tre-han/, ghi vào tháng của ngày hẹn trả")

    # petitions
    villages = set(site.thon or ())
    petitions = []
    ids = {}
    for pm in by_kind["petitions"]:
        for p in pm.phan_anh:
            petitions.append(p)
            if p.ma in ids:
                other = ids[p.ma]
                _p(problems, p, "ma", f"mã {p.ma} đã dùng ở {other.src.path}:{other.src.line_of('ma')}", "trung-ma",
                   "mỗi phản ánh có một mã riêng; tăng số thứ tự cuối mã")
            ids.setdefault(p.ma, p)
            if _month_of(p.ngay_nhan) != pm.thang:
                _p(problems, p, "ngay_nhan", f"ngày tiếp nhận {fmt(p.ngay_nhan)} không thuộc tháng {pm.thang} của tệp{_file_month(pm)}", "sai-thang",
                   f"chuyển mục này sang tệp phan-anh/{_month_of(p.ngay_nhan)}.yaml")
            if p.ngay_giai_quyet and p.ngay_giai_quyet < p.ngay_nhan:
                _p(problems, p, "ngay_giai_quyet", f"ngày giải quyết {fmt(p.ngay_giai_quyet)} trước ngày tiếp nhận {fmt(p.ngay_nhan)}",
                   "ngay-sai-thu-tu", "kiểm tra lại hai ngày; ngày giải quyết không thể trước ngày tiếp nhận")
            if p.ngay_thu_ly and p.ngay_thu_ly < p.ngay_nhan:
                _p(problems, p, "ngay_thu_ly", f"ngày thụ lý {fmt(p.ngay_thu_ly)} trước ngày tiếp nhận {fmt(p.ngay_nhan)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if p.han_xu_ly and p.han_xu_ly < p.ngay_nhan:
                _p(problems, p, "han_xu_ly", f"hạn xử lý {fmt(p.han_xu_ly)} trước ngày tiếp nhận {fmt(p.ngay_nhan)}", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if p.ngay_thong_bao:
                if not p.ngay_giai_quyet:
                    _p(problems, p, "ngay_thong_bao", "có ngày thông báo kết quả nhưng chưa có ngày giải quyết", "thieu-truong",
                       "thêm ngay_giai_quyet, hoặc xóa ngay_thong_bao")
                elif p.ngay_thong_bao < p.ngay_giai_quyet:
                    _p(problems, p, "ngay_thong_bao", f"ngày thông báo {fmt(p.ngay_thong_bao)} trước ngày giải quyết {fmt(p.ngay_giai_quyet)}",
                       "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if p.danh_gia and not p.ngay_giai_quyet:
                _p(problems, p, "danh_gia", "có đánh giá của người gửi nhưng vụ việc chưa giải quyết xong", "thieu-truong",
                   "thêm ngay_giai_quyet, hoặc xóa danh_gia")
            if p.loai == "to-cao":
                for fld in ("tom_tat", "ket_qua"):
                    if getattr(p, fld):
                        _p(problems, p, fld, "đơn tố cáo chỉ được công bố số lượng: không ghi nội dung và kết quả (Luật Tố cáo 2018, Điều 9)",
                           "to-cao-co-noi-dung", f"xóa dòng {fld}")
            _conditional(problems, p, PETITION)
            if p.phuc_tap and p.loai != "khieu-nai":
                _p(problems, p, "phuc_tap", "chỉ khiếu nại mới có thời hạn vụ việc phức tạp", "gia-tri-khong-hop-le", "xóa dòng phuc_tap")
            if p.thon and villages and p.thon not in villages:
                sug = _suggest(p.thon, villages)
                _p(problems, p, "thon", f"thôn '{p.thon}' không có trong danh sách thôn của xa.yaml", "gia-tri-khong-hop-le",
                   f"có phải ý bạn là '{sug}'?" if sug else "thêm thôn vào danh sách thon trong xa.yaml")
    petitions.sort(key=lambda p: (p.ngay_nhan, p.ma))
    _same_but_code(petitions, "phản ánh", problems)

    # surveys
    surveys = sorted(by_kind["surveys"], key=lambda r: r.thang)
    for s in surveys:
        if s.phieu_thu_ve > s.phieu_phat_ra:
            _p(problems, s, "phieu_thu_ve", f"số phiếu thu về ({_n(s.phieu_thu_ve)}) lớn hơn số phiếu phát ra ({_n(s.phieu_phat_ra)})", "vuot-tong", "số phiếu thu về là một phần của số phiếu phát ra; kiểm tra lại hai số")
        for code, lv in sorted(s.tieu_chi.items()):
            total = lv.rat_hai_long + lv.hai_long + lv.binh_thuong + lv.khong_hai_long + lv.rat_khong_hai_long
            if total > s.phieu_thu_ve:
                _p(problems, lv, "rat_hai_long", f"tiêu chí '{code}' có {_n(total)} câu trả lời, nhiều hơn số phiếu thu về ({_n(s.phieu_thu_ve)})",
                   "vuot-tong", "mỗi phiếu trả lời mỗi tiêu chí nhiều nhất một lần")

    # letters: apology letters equal the ledger's apologies by month
    apologies_by_month: dict[str, int] = {}
    for c in late:
        if c.ngay_xin_loi:
            m = _month_of(c.ngay_xin_loi)
            apologies_by_month[m] = apologies_by_month.get(m, 0) + 1
    letters = sorted(by_kind["letters"], key=lambda r: r.thang)
    for lt in letters:
        expected = apologies_by_month.get(lt.thang, 0)
        if lt.xin_loi != expected:
            _p(problems, lt, "xin_loi", f"ghi {_n(lt.xin_loi)} thư xin lỗi, nhưng sổ thư xin lỗi có {_n(expected)} thư gửi trong tháng {lt.thang}",
               "thu-xin-loi-khong-khop", "số thư xin lỗi phải bằng số hồ sơ trong tre-han/ có ngay_xin_loi thuộc tháng này")

    # activities
    activities = []
    act_ids = {}
    for am in by_kind["activities"]:
        for a in am.hoat_dong:
            activities.append(a)
            if a.ma in act_ids:
                other = act_ids[a.ma]
                _p(problems, a, "ma", f"mã {a.ma} đã dùng ở {other.src.path}:{other.src.line_of('ma')}", "trung-ma", "mỗi hoạt động có một mã riêng; tăng số thứ tự cuối mã")
            act_ids.setdefault(a.ma, a)
            if _month_of(a.ngay) != am.thang:
                _p(problems, a, "ngay", f"ngày {fmt(a.ngay)} không thuộc tháng {am.thang} của tệp{_file_month(am)}", "sai-thang", f"chuyển mục này sang tệp hoat-dong/{_month_of(a.ngay)}.yaml, hoặc sửa ngày")
            for link in a.phan_anh:
                if link not in ids:
                    sug = _suggest(link, ids)
                    _p(problems, a, "phan_anh", f"không có phản ánh mã '{link}'", "lien-ket-khong-ton-tai",
                       f"có phải ý bạn là '{sug}'?" if sug else "kiểm tra mã trong thư mục phan-anh/")
    activities.sort(key=lambda a: (a.ngay, a.ma))

    # plan (a commune without its plan or commitments file yet: the pages say "chưa có số liệu")
    if not by_kind["plan"]:
        by_kind["plan"].append(PLAN.cls(van_ban=None, buoc=(), bao_cao_thang=(), so_ket=(), ban_dieu_hanh=(), nhiem_vu=()))
    if not by_kind["commitments"]:
        by_kind["commitments"].append(COMMITMENTS.cls(nhom=()))
    plan = by_kind["plan"][0]
    step_nos = set()
    for st in plan.buoc:
        if st.so in step_nos:
            _p(problems, st, "so", f"bước {st.so} được ghi hai lần", "trung-ma", "mỗi bước có một số thứ tự riêng")
        step_nos.add(st.so)
        prev = None
        for u in st.tien_do:
            if prev and u.ngay < prev.ngay:
                _p(problems, u, "ngay", "các lần cập nhật tiến độ phải theo thứ tự thời gian", "ngay-sai-thu-tu", "sắp xếp các mục tien_do từ cũ đến mới")
            if prev and u.phan_tram < prev.phan_tram:
                _p(problems, u, "phan_tram", f"phần trăm giảm từ {prev.phan_tram} xuống {u.phan_tram}", "tien-do-giam",
                   "tiến độ chỉ tăng; nếu cần sửa số cũ thì sửa lần cập nhật trước")
            prev = u
        if st.ngay_hoan_thanh:
            if st.ngay_hoan_thanh < plan.van_ban.ngay:
                _p(problems, st, "ngay_hoan_thanh", "ngày hoàn thành trước ngày ban hành kế hoạch", "ngay-sai-thu-tu", "kiểm tra lại hai ngày, viết theo dạng NĂM-THÁNG-NGÀY; thường là gõ nhầm tháng hoặc năm")
            if st.tien_do and st.tien_do[-1].phan_tram != 100:
                _p(problems, st, "ngay_hoan_thanh", "đã có ngày hoàn thành nhưng lần cập nhật tiến độ cuối chưa đạt 100%", "tien-do-khong-khop",
                   "thêm một lần cập nhật tiến độ 100% vào ngày hoàn thành")
    reported = set()
    for r in plan.bao_cao_thang:
        if r.thang in reported:
            _p(problems, r, "thang", f"báo cáo tháng {r.thang} được ghi hai lần", "trung-ma", "xóa một mục, hoặc sửa tháng của mục chép thêm")
        reported.add(r.thang)
    quarters = set()
    for r in plan.so_ket:
        if r.quy in quarters:
            _p(problems, r, "quy", f"sơ kết {r.quy} được ghi hai lần", "trung-ma", "xóa một mục, hoặc sửa quý của mục chép thêm")
        quarters.add(r.quy)

    # commitments: every evidence figure must exist
    codes = set()
    for g in by_kind["commitments"][0].nhom:
        for c in g.cam_ket:
            if c.ma in codes:
                _p(problems, c, "ma", f"mã cam kết '{c.ma}' được dùng hai lần", "trung-ma", "mỗi cam kết có một mã riêng")
            codes.add(c.ma)
            for fid in c.bang_chung:
                if fid not in catalogue.BY_ID:
                    sug = _suggest(fid, catalogue.BY_ID)
                    _p(problems, c, "bang_chung", f"không có số liệu mã '{fid}'", "lien-ket-khong-ton-tai",
                       f"có phải ý bạn là '{sug}'?" if sug else "xem danh sách mã số liệu ở trang Phương pháp tính")

    # the months the data covers, and a holiday file for each of their years
    for kind_key in ("petitions", "surveys", "letters", "activities", "late"):
        for r in by_kind[kind_key]:
            all_months.add(r.thang)
    ordered = month_range(min(all_months), max(all_months)) if all_months else []
    for year in sorted({int(m[:4]) for m in ordered}):
        if year not in years:
            problems.append(Problem(f"{prefix}ngay-nghi/{year}.yaml", 0, "", f"thiếu lịch ngày nghỉ lễ, Tết năm {year}", "thieu-ngay-nghi",
                                    f"tạo tệp {prefix}ngay-nghi/{year}.yaml; hạn xử lý tính theo ngày làm việc cần lịch này"))

    # the time rule: nothing is recorded as done after the data's as-of date, and no year is a typo
    if ordered:
        last = ordered[-1]
        as_of = date(int(last[:4]), int(last[5:]), _cal.monthrange(int(last[:4]), int(last[5:]))[1])
        # staff close a month in the first days of the next (a petition answered on the 3rd, the report sent
        # on the 4th) and publish it on the release day: dates up to that day are recorded facts, which the
        # latest month's figures do not count (their snapshot is its last day); anything later is not yet known
        closing = workdays.release_date(as_of, getattr(site, "ngay_cong_bo_hang_thang", None), calendar.is_working_day)
        lo = date(int(ordered[0][:4]) - YEARS_PLAUSIBLE, 1, 1)
        hi = date(as_of.year + YEARS_PLAUSIBLE, 12, 31)
        for kind_key in ("site", "procedures", "late", "petitions", "surveys", "letters", "activities", "plan", "commitments"):
            for r in by_kind[kind_key]:
                _dates_in_time(r, closing, lo, hi, problems)

    # the publication ledger and its corrections (values are compared with the figures later)
    published = sorted(by_kind["published"], key=lambda r: r.ky)
    for pp in published:
        seen_ids = {}
        for item in pp.so_lieu:
            if item.ma in seen_ids:
                _p(problems, item, "ma", f"số liệu {item.ma} được ghi hai lần trong sổ công bố kỳ {pp.ky}", "trung-ma", "sổ công bố do lệnh publish ghi; đừng sửa tay")
            seen_ids.setdefault(item.ma, item)
            if item.ma not in catalogue.BY_ID:
                _p(problems, item, "ma", f"không có số liệu mã '{item.ma}'", "lien-ket-khong-ton-tai",
                   "sổ công bố do lệnh publish ghi; đừng sửa tay")
        for fid in pp.ban_tin_so_lieu:
            if fid not in catalogue.BY_ID:
                _p(problems, pp, "ban_tin_so_lieu", f"không có số liệu mã '{fid}'", "lien-ket-khong-ton-tai",
                   "sổ công bố do lệnh publish ghi; đừng sửa tay")
    corrections = []
    for cf in by_kind["corrections"]:
        corrections.extend(cf.dinh_chinh)
    corrections.sort(key=lambda c: (c.ngay, c.ma, c.ky))
    pub_dates = {pp.ky: pp.ngay_cong_bo for pp in published}
    for c in corrections:
        if c.ky not in pub_dates:
            _p(problems, c, "ky", f"kỳ {c.ky} chưa công bố nên không cần đính chính", "lien-ket-khong-ton-tai",
                "số liệu chưa công bố có thể thay đổi tự do; xóa mục đính chính này")
        elif c.ngay < pub_dates[c.ky]:
            _p(problems, c, "ngay", f"ngày đính chính {fmt(c.ngay)} trước ngày công bố {fmt(pub_dates[c.ky])}", "ngay-sai-thu-tu", "ngày đính chính là ngày sửa số liệu, sau ngày công bố")

    return Dataset(
        site=site,
        calendar=calendar,
        holidays=tuple(sorted(by_kind["holidays"], key=lambda h: h.nam)),
        procedures=tuple(procedures),
        late_cases=tuple(late),
        petitions=tuple(petitions),
        surveys=tuple(surveys),
        letters=tuple(letters),
        activities=tuple(activities),
        plan=plan,
        commitments=by_kind["commitments"][0],
        months=tuple(ordered),
        published=tuple(published),
        corrections=tuple(corrections),
        present=frozenset((key, r.thang) for key in ("procedures", "late", "petitions", "surveys", "letters", "activities")
                          for r in by_kind[key]),
    )


__all__ = ["Dataset", "validate", "month_range"]
