"""What must never be published: personal data in the text that staff write.

One declarative list, RULES: each rule has a stable problem code, the Vietnamese name of the kind of data,
a description for staff, a hint, and a detector. The checker runs every rule on every text field (except
codes and the commune's own official contacts); the data guide's section on personal data is generated from
this same list (generator/guide.py), so the guide cannot promise what the guard does not do.

Text is read after NFKC normalisation (full-width digits are digits, a no-break space is a space). A finding
is reported with the field, the kind of data and its position in the field, never with the value or any
part of it: CI logs of a public repository are publication too (DOMAIN.md, Luật 91/2025/QH15).
`redact` removes from any message a quoted value that a rule would refuse, so no other message echoes it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

LAW = "không được công bố dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)"

# ---------------------------------------------------------------- vocabulary

FAMILY_NAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Lâm Phùng "
    "Mai Tô Hà Tạ Lưu Châu Lương Quách Cao Đinh Hứa Kiều Thái Khổng Lục Nông Triệu Cù Chu Tôn Thân Mạc Diệp "
    "La Lại Từ Lò Doãn Khúc Âu Viên Mẫn Tống Bạch Hàn Lạc Kha"
    # not here, although they are family names too: words that also begin a title or a place after
    # "đồng chí", "anh", "bà" (Phó Chủ tịch, Văn phòng, Quang Trung, Kim Sơn, Ninh Bình, Giang …)
).split()
HONORIFICS = ("ông", "bà", "anh", "chị", "em", "cháu", "cụ", "bác", "cô", "chú", "dì", "thím", "mợ", "bé", "hộ",
              "hộ ông", "hộ bà", "gia đình ông", "gia đình bà", "đồng chí", "đ/c", "vợ", "chồng", "con trai", "con gái",
              "cụ ông", "cụ bà", "thầy", "ông bà", "anh chị")
# people the whole country names, not private persons
PUBLIC_NAMES = ("Hồ Chí Minh", "Tôn Đức Thắng", "Võ Nguyên Giáp", "Trần Hưng Đạo", "Lê Lợi", "Quang Trung",
                "Nguyễn Trãi", "Nguyễn Du", "Lý Thường Kiệt", "Hai Bà Trưng", "Bà Triệu", "Phan Đình Phùng", "Phan Bội Châu",
                "Phan Chu Trinh", "Đinh Tiên Hoàng", "Nguyễn Thái Học", "Hoàng Hoa Thám", "Lê Hồng Phong", "Trần Quốc Toản",
                "Nguyễn Chí Thanh", "Phạm Ngũ Lão", "Trần Nhân Tông", "Lý Thái Tổ", "Lê Thánh Tông", "Lý Tự Trọng",
                "Nguyễn Đình Chiểu", "Trần Quang Khải", "Lê Đại Hành", "Lý Công Uẩn", "Ngô Gia Tự", "Trần Khánh Dư",
                "Lê Quý Đôn", "Chu Văn An", "Nguyễn Bỉnh Khiêm", "Trần Đại Nghĩa", "Tô Vĩnh Diện", "Bế Văn Đàn",
                "Nguyễn Viết Xuân", "Phan Đình Giót", "Lê Văn Tám", "Võ Thị Sáu", "Nguyễn Thị Minh Khai", "Mai Hắc Đế",
                "Lê Hoàn", "Lý Nam Đế", "Triệu Thị Trinh", "Lê Lai")
# places named after people: "trường THCS Lê Văn Hưu", "đường Lê Văn Lương" are not persons
PLACE_WORDS = (r"(?:đường|phố|trường|THCS|THPT|tiểu học|mầm non|xã|phường|thôn|xóm|bản|cầu|chợ|đền|chùa|nhà thờ|quỹ|"
               r"giải|khu|tổ|huyện|quận|tỉnh|thị xã|thị trấn|thành phố|sông|núi|hồ|đê|kênh|công ty|hợp tác xã|HTX)")

# every upper-case Latin letter a Vietnamese name can start with (the Ạ-Ỹ block alternates upper and lower case)
_UPPER = re.escape("".join(ch for ch in map(chr, range(0x41, 0x1EFA))
                           if ch.isupper() and unicodedata.name(ch, "").startswith("LATIN")))
_NAME_WORD = rf"[{_UPPER}][\w]*\.?"
_FAMILY = "(?:" + "|".join(sorted(set(FAMILY_NAMES), key=len, reverse=True)) + ")"
_MONEY_AFTER = r"(?!\s*(?:đồng|đ\b|VNĐ|VND|vnđ|vnd|triệu|tỷ|nghìn|ngàn|m2|m²|m3|m\b|km|kg|tấn|tạ|lít|ha\b|%|người|hộ\b|lượt|hồ sơ))"
_TOPIC_BEFORE = re.compile(r"(?i)(?<![\w])(phòng,? chống|tuyên truyền|chính sách|công tác|pháp luật|luật|chương trình|"
                           r"tháng hành động|ngày|tín ngưỡng|hội|quỹ|dành cho|các|trợ giúp|khám sàng lọc|tổ chức|xét nghiệm|"
                           r"phòng ngừa|đối với)(?![\w])")


@dataclass
class Context:
    """What the site file makes public on purpose: the commune's and its leaders' official contacts."""

    phones: set = field(default_factory=set)  # digits only, leading 0
    emails: set = field(default_factory=set)  # lower case


@dataclass(frozen=True)
class Rule:
    code: str  # problem code
    name: str  # the kind of data, in Vietnamese, as it reads in a message: "«Tóm tắt» có {name} …"
    description: str  # for the data guide: what is refused
    allowed: str  # for the data guide: what still passes
    hint: str
    find: Callable[[str, Context], list]  # (start, end, named by a keyword) of every finding in the NFKC text
    gate: Callable[[str], bool] = lambda text: True  # a cheap test that must pass for `find` to be worth running


class Keyword(str):
    """A pattern that names the kind of data ("CCCD 0…", "STK …"): it wins over a bare number's guess."""


def _finder(*patterns, keep=None):
    """Patterns (or (pattern, keep) pairs); `keep(match, text, ctx)` says whether a match is a finding."""
    compiled = [(re.compile(p[0]), p[1], False) if isinstance(p, tuple) else (re.compile(p), keep, isinstance(p, Keyword))
                for p in patterns]

    def find(text: str, ctx: Context) -> list:
        out = []
        for rx, keep_it, strong in compiled:
            for m in rx.finditer(text):
                if keep_it is None or keep_it(m, text, ctx):
                    out.append((m.start(), m.end(), strong))
        return out

    return find


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _not_official_phone(m, text, ctx):
    d = _digits(m.group(0))
    if d.startswith("84"):
        d = "0" + d[2:]
    return d not in ctx.phones


def _not_official_email(m, text, ctx):
    return m.group(0).lower() not in ctx.emails


def _name_keep(m, text, ctx):
    name = m.group("name")
    if m.group(0).lower().startswith("bác hồ") and name.split()[0] == "Hồ":
        return False  # Bác Hồ
    whole = m.group(0)
    return not any(name.startswith(p) or whole.startswith(p) or whole.startswith(p.lower()) for p in PUBLIC_NAMES)


def _full_name_keep(m, text, ctx):
    before = text[: m.start()]
    if re.search(rf"(?i){PLACE_WORDS}\s*$", before):
        return False
    return not any(m.group(0).startswith(p) for p in PUBLIC_NAMES)


_PERSON_BEFORE = re.compile(r"(?i)(?<![\w])(?:là|bị|mắc|nhiễm|đang|có|vì)\s+(?:bệnh\s+)?(?:người\s+)?$")


# family names that are not also the first word of an organisation or a place ("Đoàn Thanh Niên", "Hà Trung",
# "Cao Đẳng", "Hồ Ba Bể", "Lương Thực"): only these start a bare three-word name
_BARE_NAME_FAMILIES = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Ngô Dương Trịnh Trương Đinh".split())


def _three_words_keep(m, text, ctx):
    words = m.group(0).split()
    return (words[0] in _BARE_NAME_FAMILIES and all(w[1:].islower() for w in words[1:])
            and _full_name_keep(m, text, ctx))


def _sensitive_keep(m, text, ctx):
    before = text[max(0, m.start() - 40): m.start()]
    if _PERSON_BEFORE.search(before):
        return True  # "là người khuyết tật", "bị tâm thần": about someone
    return not _TOPIC_BEFORE.search(before)  # a topic, not a person


_FAMILY_SET = frozenset(FAMILY_NAMES)
_SENSITIVE_WORDS = ("hiv", "aids", "tâm thần", "khuyết tật", "tàn tật", "ung thư", "nghiện", "mại dâm", "thai",
                    "tôn giáo", "theo đạo", "tiền án", "tiền sự", "án tích", "chấp hành án", "đồng tính", "tính dục", "bệnh", "chứng")


def _has_family_name(text: str) -> bool:
    return not _FAMILY_SET.isdisjoint(re.findall(r"\w+", text))


def _has_digits(n: int):
    rx = re.compile(r"\d(?:\D{0,3}\d)" + "{%d}" % (n - 1)) if n > 1 else re.compile(r"\d")
    return lambda text: rx.search(text) is not None


def _has_digits_and(n: int, *words, pattern: str | None = None):
    """At least n digits, and one of the words (lower case) or a match of the pattern."""
    digits = _has_digits(n)
    rx = re.compile(pattern) if pattern else None
    return lambda text: digits(text) and (any(w in text.lower() for w in words) or (rx is not None and rx.search(text)))


def _has_at(text: str) -> bool:
    return "@" in text


def _has_sensitive_word(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _SENSITIVE_WORDS)


_SEP = r"[\s.\-()]{0,2}"
_ID_DIGITS = r"(?:\d{12}|\d{9}|\d{3}(?:[ .]\d{3}){3}|\d{3}(?:[ .]\d{3}){2})"

RULES: list[Rule] = [
    Rule(
        "du-lieu-ca-nhan-ho-ten", "họ tên người dân",
        "họ tên một người dân: một từ xưng hô (ông, bà, anh, chị, em, cháu, cụ, bác, cô, chú, hộ, gia đình ông…) "
        "rồi một họ Việt (Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý… "
        f"{len(set(FAMILY_NAMES))} họ) viết hoa, kể cả viết tắt (“ông Nguyễn V. A”); họ + Văn/Thị + tên "
        "(“Trần Thị Bình”); ba chữ viết hoa bắt đầu bằng một họ (“Trần Minh Tuấn”)",
        "tên đường, trường, xã mang tên danh nhân (“đường Lê Văn Lương”, “trường THCS Lê Văn Hưu”), "
        "tên danh nhân (“Bác Hồ”, “Chủ tịch Hồ Chí Minh”); chức vụ không kèm tên (“Chủ tịch UBND xã”)",
        "không ghi tên người gửi hay người liên quan; viết “một người dân”, “hộ gia đình ở thôn …”",
        _finder((rf"(?<![\w])(?i:{'|'.join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))})\s+"
                 rf"(?P<name>{_FAMILY}(?:\s+{_NAME_WORD})*)(?![\w])", _name_keep),
                (rf"(?<![\w]){_FAMILY}\s+(?:Văn|Thị)\s+{_NAME_WORD}", _full_name_keep),
                # three capitalised words from a family name on ("Trần Minh Tuấn"), not a place or a public figure
                (rf"(?<![\w]){_FAMILY}\s+[{_UPPER}]\w+\s+[{_UPPER}]\w+(?![\w])", _three_words_keep)),
        gate=_has_family_name,
    ),
    Rule(
        "du-lieu-ca-nhan-dien-thoai", "số điện thoại",
        "số điện thoại di động hay cố định (bắt đầu bằng 0, +84 hoặc 84, 10–11 chữ số), dù viết liền, cách bằng "
        "dấu cách, dấu chấm, dấu gạch hay bằng chữ số toàn độ rộng (０９１２…)",
        "số điện thoại công vụ của xã và của lãnh đạo đã khai trong xa.yaml (dien_thoai)",
        "xóa số điện thoại; chỉ ghi số công vụ đã khai trong xa.yaml",
        _finder(rf"(?<![\d\w])(?<!\d[\s.\-])(?:\+84|84|0)(?:{_SEP}\d){{8,10}}(?![\s.\-]?\d)", keep=_not_official_phone),
        gate=_has_digits(8),
    ),
    Rule(
        "du-lieu-ca-nhan-cccd", "số CCCD/CMND",
        "số căn cước công dân (12 chữ số) hay chứng minh nhân dân (9 chữ số), kể cả khi cách nhóm 3 chữ số; "
        "mọi dãy số ngay sau chữ CCCD, CMND, căn cước, chứng minh",
        "số tiền, diện tích, khối lượng (“150.000.000 đồng”, “1.250 m²”), số văn bản (“15/KH-UBND”), ngày tháng",
        "xóa số giấy tờ tùy thân; nếu cần, ghi “đã kiểm tra giấy tờ”",
        _finder(rf"(?<![\d.,]){_ID_DIGITS}(?![\d]|[.,]\d){_MONEY_AFTER}",
                Keyword(r"(?i)(?:CCCD|CMND|CMT|căn cước|chứng minh)\D{0,20}\d(?:[\s.]?\d){5,}")),
        gate=_has_digits(6),
    ),
    Rule(
        "du-lieu-ca-nhan-ma-so-thue", "mã số thuế cá nhân",
        "mã số thuế (10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số); mọi dãy số sau chữ “mã số thuế”, MST",
        "số tiền thuế, số hộ nộp thuế",
        "xóa mã số thuế",
        _finder(r"(?<![\d])\d{10}-\d{3}(?!\d)", Keyword(r"(?i)(?:mã số thuế|\bMST)\D{0,15}\d{8,}")),
        gate=_has_digits_and(8, "thuế", "mst", pattern=r"\d{10}-\d{3}"),
    ),
    Rule(
        "du-lieu-ca-nhan-bhxh", "mã số BHXH, BHYT",
        "mã số bảo hiểm xã hội (10 chữ số) hay mã thẻ bảo hiểm y tế (2 chữ cái + 13 chữ số, ví dụ dạng “DN40…”); "
        "mọi dãy số sau chữ BHXH, BHYT, bảo hiểm",
        "số tiền đóng, số người tham gia bảo hiểm",
        "xóa mã số bảo hiểm; chỉ ghi loại hồ sơ",
        _finder(r"(?<![\w])[A-Z]{2}\d{13}(?!\d)", rf"(?<![\d.,])[1-9]\d{{9}}(?![\d]|[.,]\d){_MONEY_AFTER}",
                Keyword(rf"(?i)(?:BHXH|BHYT|bảo hiểm(?: xã hội| y tế)?)\D{{0,25}}\d{{8,}}{_MONEY_AFTER}")),
        gate=_has_digits(8),
    ),
    Rule(
        "du-lieu-ca-nhan-tai-khoan", "số tài khoản ngân hàng",
        "số tài khoản, số thẻ ngân hàng: dãy 6–19 chữ số sau chữ “tài khoản”, STK, “số thẻ”, và mọi dãy liền 13–19 chữ số",
        "tên ngân hàng, số tiền chi trả",
        "xóa số tài khoản; ghi “đã chuyển khoản” nếu cần",
        _finder(Keyword(r"(?i)(?:tài khoản|\bSTK|\bTK|số thẻ)\D{0,30}?\d(?:[\s.\-]?\d){5,18}(?!\d)"),
                r"(?<![\d])\d{13,19}(?!\d)"),
        gate=_has_digits_and(6, "tài khoản", "stk", "tk", "thẻ", pattern=r"\d{13}"),
    ),
    Rule(
        "du-lieu-ca-nhan-bien-so", "biển số xe",
        "biển số xe máy, ô tô (“36A-123.45”, “36B1 234.56”, “29-H1 12345”, “36AB-12345”)",
        "số hiệu văn bản (“15/KH-UBND”), mã phản ánh, quốc lộ, tỉnh lộ (“QL45”, “ĐT.506”)",
        "xóa biển số xe; ghi “một xe máy”, “một ô tô”",
        _finder(rf"(?<![\w/.\-])\d{{2}}\s?-?\s?[A-ZĐ]{{1,2}}\d?\s?[-–.]?\s?(?:\d{{3}}[.,]\d{{2}}|\d{{4,5}})(?![\w])"),
        gate=_has_digits(6),
    ),
    Rule(
        "du-lieu-ca-nhan-email", "địa chỉ thư điện tử",
        "địa chỉ thư điện tử (có dấu @)",
        "thư điện tử công vụ của xã đã khai trong xa.yaml (email)",
        "xóa địa chỉ thư điện tử của cá nhân",
        _finder(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", keep=_not_official_email),
        gate=_has_at,
    ),
    Rule(
        "du-lieu-ca-nhan-dia-chi", "số nhà, địa chỉ nhà riêng",
        "số nhà và địa chỉ nhà riêng: “số nhà 12”, “nhà số 5”, “nhà 45 đường …”, “12/3 đường Lê Lợi”, "
        "“45 phố Huế”, “đường Lê Lợi số 45”, “ngõ 3”, “ngách 12”, “hẻm 40”, “kiệt 7”",
        "tên thôn, xóm, tổ dân phố (“Thôn Một”, “tổ 5”), tên đường không kèm số nhà (“đường Lê Lợi”), "
        "nhà văn hóa, số văn bản",
        "chỉ ghi tên thôn, không ghi số nhà; ví dụ: “tại Thôn Một”",
        _finder(r"(?i)(?<![\w])(?:số nhà|nhà số|nhà riêng số)\s*\d+",
                r"(?i)(?<![\w])nhà\s+\d+[A-Za-z]?(?:/\d+)*\s*,?\s*(?:đường|phố|ngõ|ngách|hẻm|kiệt|tổ|xóm|khu|thôn)",
                r"(?i)(?<![\w])(?:ngõ|ngách|hẻm|kiệt)\s*(?:số\s*)?\d+",
                rf"(?<![\w/])\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+\s*,?\s*(?i:đường|phố|ngõ|hẻm)\s+(?:[{_UPPER}\d])",
                rf"(?<![\w/.,])(?:(?i:số)\s*)?\d+[A-Za-z]?\s*,?\s*(?i:đường|phố)\s+[{_UPPER}]",
                rf"(?i:đường|phố)\s+(?:[{_UPPER}][\w]*\s+){{1,4}},?\s*(?i:số)\s*\d+"),
        gate=_has_digits_and(1, "nhà", "ngõ", "ngách", "hẻm", "kiệt", "đường", "phố"),
    ),
    Rule(
        "du-lieu-ca-nhan-nhay-cam", "dữ liệu cá nhân nhạy cảm",
        "tình trạng sức khỏe và dữ liệu nhạy cảm khác về một người (Luật 91/2025/QH15): mắc bệnh, bị bệnh, HIV, AIDS, bệnh tâm thần, "
        "khuyết tật, tàn tật, ung thư, nghiện ma túy, cai nghiện, mại dâm, mang thai, phá thai, tôn giáo, theo đạo, "
        "tiền án, tiền sự, án tích, đang chấp hành án, xu hướng tính dục",
        "khi nói về một chủ đề chung, không về một người: “tuyên truyền phòng, chống HIV/AIDS”, "
        "“chính sách đối với người khuyết tật”, “công tác tôn giáo”, “trợ cấp cho người khuyết tật”",
        "không ghi tình trạng sức khỏe, tôn giáo, tiền án của người dân; ghi chung loại việc, ví dụ “hồ sơ trợ cấp xã hội”",
        _finder(r"(?i)(?<![\w])(?:HIV|AIDS|tâm thần|khuyết tật|tàn tật|ung thư|nghiện|cai nghiện|mại dâm|mang thai|"
                r"phá thai|tôn giáo|theo đạo|tiền án|tiền sự|án tích|chấp hành án|đồng tính|xu hướng tính dục)(?![\w])",
                r"(?i)(?<![\w])(?:mắc|bị|nhiễm)\s+(?:bệnh|chứng)(?![\w])",
                keep=_sensitive_keep),
        gate=_has_sensitive_word,
    ),
]

CODES = {r.code: r.name for r in RULES}


assert len(CODES) == len(RULES), "one rule per kind of data"


# ---------------------------------------------------------------- running the rules

class _Same:
    """Positions of a text that NFKC leaves as it is: each character comes from itself."""

    def __getitem__(self, i):
        return i + 1


def normalise(text: str) -> tuple[str, object]:
    """NFKC text and, for each of its characters, the 1-based position of the character it came from."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, _Same()
    out, where = [], []
    for i, ch in enumerate(text, 1):
        n = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        out.append(n)
        where.extend([i] * len(n))
    return "".join(out), where


def _scan(text: str, ctx: Context | None) -> list[tuple[int, int, Rule]]:
    """(start, end) in `text` (0-based, end exclusive) and rule of every piece of personal data, in order."""
    ctx = ctx or Context()
    norm, where = normalise(text)
    candidates = [(not strong, order, start, end, rule) for order, rule in enumerate(RULES) if rule.gate(norm)
                  for start, end, strong in rule.find(norm, ctx)]
    taken: list[tuple[int, int]] = []  # spans already reported: an overlapping finding is the same piece of data
    found = []
    for _, _, start, end, rule in sorted(candidates, key=lambda c: c[:4]):  # named by a keyword first, then by rule order
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        found.append((where[start] - 1, where[end - 1], rule))
    return sorted(found, key=lambda x: (x[0], x[2].code))


def findings(text: str, ctx: Context | None = None) -> list[tuple[int, Rule]]:
    """(1-based position in `text`, rule) for every piece of personal data found, in order."""
    ctx = ctx or Context()
    return list(_cached(text, frozenset(ctx.phones), frozenset(ctx.emails)))


@functools.lru_cache(maxsize=65536)
def _cached(text: str, phones: frozenset, emails: frozenset) -> tuple:
    """The same text (a unit's name, a frequent reason) is checked once per build."""
    return tuple((start + 1, rule) for start, _, rule in _scan(text, Context(set(phones), set(emails))))


def message(label: str, pos: int, rule: Rule) -> str:
    return f"«{label}» có {rule.name} (ở ký tự thứ {pos} của trường): {LAW}"


_EXAMPLE_EMAIL = re.compile(r"@(?:mien\.gov\.vn|example\.[a-z.]+)$")


def redact(text: str, ctx: Context | None = None) -> str:
    """A message with every piece of personal data in it replaced by '…' (the examples in hints stay)."""
    if not text or text.isascii() and not any(ch.isdigit() or ch == "@" for ch in text):
        return text
    out, last = [], 0
    for start, end, rule in _scan(text, ctx):
        if rule.code == "du-lieu-ca-nhan-email" and _EXAMPLE_EMAIL.search(text[start:end]):
            continue
        out.append(text[last:start] + "…")
        last = end
    return "".join(out) + text[last:] if out else text
