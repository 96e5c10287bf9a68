"""Read YAML strictly, as staff write it.

Every scalar stays text (the schema gives it a type), every value keeps its line, and the
YAML features that lose or multiply data silently are refused: duplicate keys, anchors,
aliases, merge keys and tags. Files are UTF-8 (a BOM is accepted) and text is normalised
to Unicode NFC.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import cache
from .problems import Problem

try:  # the C parser when PyYAML was built with libyaml
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the wheel
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024  # a month of a busy ward is well under 1 MB


# slots: a cold build of a large data set holds millions of these at once
@dataclass(slots=True)
class Scalar:
    value: str
    line: int
    quoted: bool = False


@dataclass(slots=True)
class Seq:
    items: list
    line: int


@dataclass(slots=True)
class Map:
    items: dict  # key text -> node
    line: int
    key_lines: dict = field(default_factory=dict)  # key text -> line of the key


Node = Scalar | Seq | Map


@dataclass
class Document:
    path: str  # as shown to staff, e.g. "data/thu-tuc/2024-03.yaml"
    root: Node | None
    sha256: str
    rel: str = ""  # relative to the data folder, e.g. "thu-tuc/2024-03.yaml"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_YAML_HINTS = [
    (
        "expected ',' or ']'",
        "thiếu dấu ] đóng danh sách, hoặc thiếu dấu phẩy giữa các mục",
        'danh sách viết trên một dòng dạng ["a", "b"]: mỗi [ cần một ], các mục cách nhau bằng dấu phẩy',
        "cu-phap-yaml",
    ),
    (
        "expected ',' or '}'",
        "thiếu dấu } đóng nhóm, hoặc thiếu dấu phẩy giữa các mục",
        "nhóm viết trên một dòng dạng {a: 1, b: 2}: mỗi { cần một }, các mục cách nhau bằng dấu phẩy",
        "cu-phap-yaml",
    ),
    (
        "expected hexdecimal number",
        "có dấu \\ trong ngoặc kép (ví dụ đường dẫn C:\\…)",
        "trong ngoặc kép dấu \\ có nghĩa đặc biệt; hãy bao giá trị bằng ngoặc đơn '…' thay cho ngoặc kép",
        "cu-phap-yaml",
    ),
    (
        "sequence entries are not allowed",
        "giá trị bắt đầu bằng '- ' ngay sau dấu hai chấm",
        "nếu là nội dung chữ, đặt cả giá trị trong ngoặc kép; nếu là danh sách, xuống dòng và viết mỗi mục '- ' thụt vào 2 dấu cách",
        "cu-phap-yaml",
    ),
    (
        "found character that cannot start any token",
        "giá trị bắt đầu bằng ký tự đặc biệt (như @, ` hoặc %)",
        "đặt cả giá trị trong ngoặc kép, ví dụ: tom_tat: \"@ nội dung\"",
        "cu-phap-yaml",
    ),
    (
        "found undefined alias",
        "giá trị bắt đầu bằng dấu *",
        "đặt cả giá trị trong ngoặc kép, ví dụ: tom_tat: \"* nội dung\"",
        "cu-phap-yaml",
    ),
    (
        "while scanning an alias",
        "giá trị bắt đầu bằng dấu *",
        "đặt cả giá trị trong ngoặc kép, ví dụ: tom_tat: \"* nội dung\"",
        "cu-phap-yaml",
    ),
    (
        "found character '\\t'",
        "tệp có ký tự Tab",
        "YAML chỉ cho phép thụt lề bằng dấu cách; hãy thay mỗi Tab bằng 2 dấu cách",
        "tab",
    ),
    (
        "mapping values are not allowed",
        "có dấu hai chấm ở chỗ không được phép",
        'nếu nội dung có dấu ":", hãy đặt cả nội dung trong ngoặc kép, ví dụ: tom_tat: "Kiến nghị: sửa đường"',
        "cu-phap-yaml",
    ),
    (
        "could not find expected ':'",
        "thiếu dấu hai chấm sau tên trường",
        "mỗi dòng viết theo dạng ten_truong: giá trị, ví dụ: tiep_nhan: 85",
        "cu-phap-yaml",
    ),
    (
        "did not find expected key",
        "thụt lề không thẳng hàng",
        "các trường của cùng một mục phải thẳng cột với nhau; hãy so với mục ở trên",
        "cu-phap-yaml",
    ),
    (
        "did not find expected '-' indicator",
        "thụt lề của danh sách không thẳng hàng",
        "mỗi mục của danh sách bắt đầu bằng '- ' ở cùng một cột",
        "cu-phap-yaml",
    ),
    (
        "found unexpected end of stream",
        "thiếu dấu ngoặc kép đóng",
        'mỗi dấu " mở phải có một dấu " đóng trên cùng dòng',
        "cu-phap-yaml",
    ),
    (
        "found unknown escape character",
        "có dấu \\ không hợp lệ trong ngoặc kép",
        "trong ngoặc kép hãy viết \\\\ cho một dấu \\, hoặc dùng ngoặc đơn '...'",
        "cu-phap-yaml",
    ),
]


_QUOTE_HINT = ("mỗi giá trị chỉ có một cặp ngoặc kép \"…\" bao cả nội dung; nếu trong nội dung có dấu \" "
               "thì bao ngoài bằng ngoặc đơn '…', ví dụ: tom_tat: 'Kiến nghị về \"đường tránh\"'")


def _unbalanced_quote_line(lines: list[str], upto: int) -> int:
    """The first line up to `upto` whose double quotes do not pair up, or whose quoted value is
    followed by more text (`"Kiến nghị" về …`); 0 when there is none."""
    for i, raw in enumerate(lines[:upto], 1):
        code = raw.split(" #")[0] if '"' not in raw.split(" #")[0] else raw
        n = len(re.findall(r'(?<!\\)"', code))
        if n % 2 or re.search(r':\s+"[^"]*"\s*[^\s#,}\]]', code):
            return i
    return 0


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    if exc.context_mark and ("end of stream" in problem or "could not find expected ':'" in problem
                             or "expected ',' or ']'" in problem or "expected ',' or '}'" in problem):
        mark = exc.context_mark  # an unclosed quote or a missing colon: name the line where it starts
    line = mark.line + 1 if mark else 0
    raw = f"{problem} {exc.context or ''}"
    lines = text.split("\n")
    text_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if mark and text_line:
        leading = text_line[: len(text_line) - len(text_line.lstrip())]
        col = mark.column
        at_mark = col < len(text_line) and text_line[col] == "\t"
        if "\t" in leading or at_mark or "tab character" in raw:
            return Problem(path, line, "", "tệp có ký tự Tab", "tab",
                           "YAML chỉ cho phép thụt lề bằng dấu cách; hãy thay mỗi Tab bằng 2 dấu cách")
    if re.match(r"^\s*(- )?[A-Za-z_][\w-]*:[^\s:/]", text_line) and "could not find expected ':'" in raw:
        key = text_line.split(":", 1)[0].strip().lstrip("- ")
        return Problem(path, line, "", "thiếu dấu cách sau dấu hai chấm", "cu-phap-yaml",
                       f"viết một dấu cách sau dấu hai chấm, ví dụ: {key}: {text_line.split(':', 1)[1].strip()}")
    if "“" in text_line or "”" in text_line:
        return Problem(path, line, "", "dùng ngoặc kép cong “ ” thay cho ngoặc kép thẳng \"", "cu-phap-yaml",
                       'thay “ và ” bao quanh giá trị bằng dấu " (phím bên cạnh phím Enter); ngoặc cong bên trong nội dung thì giữ nguyên')
    quote_line = _unbalanced_quote_line(lines, max(line, 1))
    if quote_line and len(re.findall(r'(?<!\\)"', lines[quote_line - 1])) == 1:
        return Problem(path, quote_line, "", "thiếu dấu ngoặc kép đóng", "cu-phap-yaml",
                       'mỗi dấu " mở phải có một dấu " đóng trên cùng dòng')
    if quote_line:
        return Problem(path, quote_line, "", "dấu ngoặc kép không khớp: thiếu dấu đóng, có ngoặc kép bên trong nội dung, "
                       "hoặc có chữ sau dấu đóng", "cu-phap-yaml", _QUOTE_HINT)
    if "mapping values are not allowed" in raw and line > 1:
        prev = next((ln for ln in reversed(lines[: line - 1]) if ln.strip() and not ln.lstrip().startswith("#")), "")
        indent = len(text_line) - len(text_line.lstrip(" "))
        prev_indent = len(prev) - len(prev.lstrip(" ")) + (2 if prev.lstrip().startswith("- ") else 0)
        if ":" in text_line and indent > prev_indent and not prev.rstrip().endswith(":"):
            return Problem(path, line, "", "dòng này thụt lề sâu hơn dòng trên", "cu-phap-yaml",
                           "các trường của cùng một mục phải thẳng cột với nhau; hãy xóa bớt dấu cách ở đầu dòng")
    for needle, message, hint, code in _YAML_HINTS:
        if needle in raw:
            return Problem(path, line, "", message, code, hint)
    return Problem(
        path,
        line,
        "",
        "lỗi cú pháp YAML",
        "cu-phap-yaml",
        "so sánh dòng này với tệp mẫu cùng loại: kiểm tra thụt lề, dấu hai chấm sau tên trường, ngoặc kép; "
        "giá trị bắt đầu bằng ký tự đặc biệt (@ ` % * - [ { \\) hoặc có dấu \\ thì đặt cả giá trị trong ngoặc đơn '…'",
    )


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


_QUOTED_STYLES = ("'", '"', "|", ">")
_intern = sys.intern
_COMMENT_LOST = re.compile(r" #\S")
_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent,
           yaml.DocumentStartEvent, yaml.DocumentEndEvent, yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.AliasEvent)


def _explicit_tag(tag, implicit) -> bool:
    return tag is not None and tag != "!" and (
        (isinstance(implicit, tuple) and not any(implicit)) or (isinstance(implicit, bool) and not implicit))


# anchors, aliases, tags and merge keys are collected, not raised: every one in a file is reported in one run,
# and the file is refused (load_bytes returns no document) when there is any
REFUSED_CODES = frozenset({"neo-yaml", "bi-danh-yaml", "the-yaml", "khoa-gop-yaml"})


def _refuse_anchor(path, line, anchor, problems):
    problems.append(Problem(path, line, "", f"không dùng neo YAML (&{anchor})", "neo-yaml",
                            "xóa &tên; nếu cần lặp lại giá trị thì viết lại đầy đủ"))


def _refuse_tag(path, line, tag, problems):
    if tag.startswith("tag:yaml.org,2002:"):
        tag = "!!" + tag[len("tag:yaml.org,2002:"):]  # as staff wrote it
    problems.append(Problem(path, line, "", f"không dùng thẻ kiểu YAML ({tag})", "the-yaml",
                            "xóa phần bắt đầu bằng ! ; nếu giá trị là chữ thì đặt trong ngoặc kép"))


def _too_deep(path, line, max_depth):
    raise _Refused(Problem(path, line, "", f"giá trị lồng nhau quá sâu: hơn {max_depth} tầng danh sách, nhóm lồng nhau, "
                           f"trong khi mẫu của loại tệp này có nhiều nhất {max_depth - DEPTH_SLACK} tầng",
                           "long-qua-sau",
                           "so sánh với tệp mẫu cùng loại: mỗi mục chỉ gồm các dòng ten_truong: giá trị; "
                           "xóa các dấu [ hoặc { thừa, hoặc các dòng thụt lề quá sâu"))


def _build(events, path: str, problems: list[Problem], lines: list[str] | None = None,
           max_depth: int = 64) -> Node | None:
    """Turn a stream of YAML events into Scalar/Seq/Map nodes (one document only).

    The hot loop of a cold build (one pass per event of every data file): dispatch on the exact
    event class, attach scalars inline; the rare cases (anchors, tags, merge keys) go to helpers.
    Nesting deeper than `max_depth` stops the parse at once: libyaml's time grows with the square of the depth."""
    ScalarEvent, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MapEnd, SeqEnd, DocStart, Alias = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.DocumentStartEvent, yaml.AliasEvent
    quoted_styles = _QUOTED_STYLES
    n_lines = len(lines) if lines is not None else 0
    root = None
    stack: list = []  # [node, pending key scalar or None]
    docs = 0
    for ev in events:
        cls = ev.__class__
        if cls not in _EVENTS_SET:  # a subclass: treat it as its PyYAML base class
            cls = next((k for k in _EVENTS if isinstance(ev, k)), cls)
        if cls is ScalarEvent:
            line = ev.start_mark.line + 1 if ev.start_mark else 0
            if ev.anchor:
                _refuse_anchor(path, line, ev.anchor, problems)
            if ev.tag is not None and _explicit_tag(ev.tag, ev.implicit):
                _refuse_tag(path, line, ev.tag, problems)
            raw = ev.value
            quoted = ev.style in quoted_styles
            value = raw if raw.isascii() else _nfc(raw)
            if len(value) <= 24:  # field names, codes, dates, numbers: one shared copy of each
                value = _intern(value)
            node = Scalar(value, line, quoted)
            if not quoted and raw and n_lines:
                em = ev.end_mark
                if em is not None and em.line < n_lines and lines[em.line].startswith(" #", em.column):
                    rest = lines[em.line][em.column:]
                    # "đợt #2": one space then '#' and text: YAML reads it as a comment and drops it
                    if _COMMENT_LOST.match(rest):
                        problems.append(Problem(path, line, "", f"phần sau dấu # bị bỏ mất: '{raw}{rest.rstrip()}'",
                                                "cu-phap-yaml", f"đặt cả nội dung trong ngoặc kép: \"{raw}{rest.rstrip()}\""))
            if not stack:
                if root is None:
                    root = node
                continue
            top = stack[-1]
            parent = top[0]
            if parent.__class__ is Seq:
                parent.items.append(node)
                continue
            key = top[1]
            if key is None:
                if value == "<<" and not quoted:
                    _attach(node, stack, path, problems)  # refuses the merge key
                top[1] = node
                continue
            top[1] = None
            k = key.value
            if k in parent.items:
                _attach_duplicate(key, parent, path, problems)
                continue
            parent.items[k] = node
            parent.key_lines[k] = key.line
        elif cls is MapEnd or cls is SeqEnd:
            stack.pop()
        elif cls is MapStart or cls is SeqStart:
            line = ev.start_mark.line + 1 if ev.start_mark else 0
            if len(stack) >= max_depth:
                _too_deep(path, line, max_depth)
            if ev.anchor:
                _refuse_anchor(path, line, ev.anchor, problems)
            if ev.tag is not None and _explicit_tag(ev.tag, ev.implicit):
                _refuse_tag(path, line, ev.tag, problems)
            node = Map({}, line) if cls is MapStart else Seq([], line)
            if stack:
                _attach(node, stack, path, problems)
            elif root is None:
                root = node
            stack.append([node, None])
        elif cls is DocStart:
            docs += 1
            if docs > 1:
                line = ev.start_mark.line + 1 if ev.start_mark else 0
                raise _Refused(
                    Problem(
                        path,
                        line,
                        "",
                        "tệp có nhiều hơn một tài liệu YAML (dòng ---)",
                        "nhieu-tai-lieu",
                        "mỗi tệp chỉ chứa một tài liệu; hãy xóa dòng --- hoặc tách thành hai tệp",
                    )
                )
        elif cls is Alias:
            line = ev.start_mark.line + 1 if ev.start_mark else 0
            problems.append(
                Problem(
                    path,
                    line,
                    "",
                    f"không dùng bí danh YAML (*{ev.anchor})",
                    "bi-danh-yaml",
                    "viết đầy đủ giá trị thay cho *tên; mỗi mục phải tự đứng được",
                )
            )
            node = Scalar("", line)  # keeps the structure, so that what follows is still read and checked
            if stack:
                _attach(node, stack, path, problems)
            elif root is None:
                root = node
        # stream start and end, document end: nothing to do
    return root


_EVENTS_SET = frozenset(_EVENTS)


def _attach_duplicate(key: Scalar, parent: Map, path: str, problems: list[Problem]) -> None:
    first = parent.key_lines[key.value]
    problems.append(
        Problem(
            path,
            key.line,
            key.value,
            f"trường '{key.value}' bị viết hai lần (dòng {first} và dòng {key.line})",
            "trung-khoa",
            "mỗi trường chỉ viết một lần trong một mục; hãy xóa một dòng hoặc tách thành mục mới bằng '- '",
        )
    )


def _attach(node: Node, stack: list, path: str, problems: list[Problem]) -> None:
    if not stack:
        return
    top = stack[-1]
    parent = top[0]
    if isinstance(parent, Seq):
        parent.items.append(node)
        return
    # mapping: alternate key, value
    if top[1] is None:
        if not isinstance(node, Scalar):
            raise _Refused(
                Problem(
                    path,
                    node.line,
                    "",
                    "tên trường phải là chữ, không phải danh sách hay nhóm",
                    "khoa-khong-hop-le",
                    "mỗi dòng viết theo dạng ten_truong: giá trị",
                )
            )
        if node.value == "<<" and not node.quoted:
            problems.append(
                Problem(
                    path,
                    node.line,
                    "",
                    "không dùng khóa gộp YAML (<<)",
                    "khoa-gop-yaml",
                    "viết đầy đủ các trường thay cho <<",
                )
            )
        top[1] = node
        return
    key = top[1]
    top[1] = None
    if key.value in parent.items:
        _attach_duplicate(key, parent, path, problems)
        return
    parent.items[key.value] = node
    parent.key_lines[key.value] = key.line


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without BOM) to NFC text, or a problem naming the first bad line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"\xff\xd8\xff", b"GIF8")):
        return None, Problem(
            path, 0, "", "tệp là tệp Excel, Word, PDF hoặc ảnh, không phải tệp chữ YAML", "tep-nhi-phan",
            "mở tệp mẫu .yaml bằng trình soạn thảo chữ (Notepad, VS Code, hoặc ngay trên GitHub) rồi chép số liệu vào")
    if len(raw) >= 4 and raw[1:2] == b"\x00" and raw[3:4] == b"\x00" or raw[0:1] == b"\x00" and raw[2:3] == b"\x00":
        return None, Problem(
            path, 1, "", "tệp được lưu ở mã UTF-16, không phải UTF-8", "ma-hoa-khong-phai-utf8",
            "mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8 (trong VS Code: 'Save with Encoding' → UTF-8)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(
            path,
            1,
            "",
            "tệp được lưu ở mã UTF-16, không phải UTF-8",
            "ma-hoa-khong-phai-utf8",
            "mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8 (trong VS Code: góc dưới phải, 'Save with Encoding' → UTF-8)",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem(
            path,
            line,
            "",
            "tệp không ở mã UTF-8 (có thể đang ở mã Windows-1258 hoặc TCVN3), chữ Việt sẽ bị hỏng",
            "ma-hoa-khong-phai-utf8",
            "mở tệp và lưu lại với mã hóa UTF-8 (trong VS Code: 'Save with Encoding' → UTF-8); "
            "nếu gõ bằng Unikey hãy chọn bảng mã Unicode",
        )
    if "\x00" in text:
        return None, Problem(
            path,
            text.count("\n", 0, text.index("\x00")) + 1,
            "",
            "tệp chứa ký tự nhị phân, không phải tệp văn bản YAML",
            "tep-nhi-phan",
            "chỉ đặt tệp .yaml viết bằng chữ trong thư mục data/",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # line and paragraph separators pasted from Word or PDF: YAML counts them as line breaks but
    # editors do not, which would shift every line number after them
    text = text.replace("\u2028", " ").replace("\u2029", " ").replace("\x85", " ")
    # invisible characters pasted from web pages or Word: zero-width spaces and joiners, a BOM in the middle
    text = re.sub("[" + REMOVED_INVISIBLE + "]", "", text)
    # non-breaking spaces used as indentation (pasted from Word) become ordinary spaces
    if "\u00a0" in text:
        text = re.sub(r"(?m)^[ \u00a0]+", lambda m: " " * len(m.group(0)), text)
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        return None, Problem(
            path,
            line,
            "",
            f"có ký tự điều khiển không nhìn thấy (U+{ord(bad.group(0)):04X})",
            "ky-tu-dieu-khien",
            "xóa ký tự lạ ở dòng này (thường do dán từ Word, PDF hoặc Excel); gõ lại dòng đó nếu cần",
        )
    return _nfc(text), None


# Invisible format characters. Harmless ones are removed by decode() (and the guide says which): zero-width
# space, zero-width joiner and non-joiner, word joiner, a byte-order mark inside the text, soft hyphen.
# The others are refused with their line and column: bidi controls can make a value read differently from what
# it is ("Trojan Source"), and the rest have no place in a commune's records.
REMOVED_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


# every character of Unicode category Cf (format), as ranges (a few more in blocks where newer Unicode versions add
# them; the category is checked for each match): tests/test_loader.py checks it against unicodedata
FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


def invisible_problems(text: str, path: str) -> list[Problem]:
    """Every refused invisible format character (Unicode category Cf), by line and column."""
    out = []
    if text.isascii():
        return out
    for m in FORMAT_CHARS.finditer(text):
        ch = m.group(0)
        if unicodedata.category(ch) != "Cf":
            continue
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        kind = "ký tự điều khiển hướng chữ" if ch in _BIDI else "ký tự định dạng không nhìn thấy"
        out.append(Problem(path, line, "", f"có {kind} (U+{ord(ch):04X} {unicodedata.name(ch, '')}) ở cột {col}", "ky-tu-an",
                           "xóa ký tự này: đặt con trỏ ở cột đó và xóa, hoặc gõ lại cả dòng (thường do dán từ trang web, "
                           "Word hoặc tin nhắn)"))
    return out


def load_bytes(raw: bytes, path: str, rel: str = "") -> tuple[Document | None, list[Problem]]:
    problems: list[Problem] = []
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                path,
                0,
                "",
                f"tệp quá lớn ({len(raw) // 1024} KB, tối đa {MAX_FILE_BYTES // 1024} KB)",
                "tep-qua-lon",
                "mỗi tệp chỉ chứa số liệu của một tháng; hãy tách tệp theo tháng",
            )
        ]
    text, problem = decode(raw, path)
    if problem:
        return None, [problem]
    hidden = invisible_problems(text, path)
    if hidden:
        return None, hidden
    try:
        root = _build(yaml.parse(text, Loader=_Loader), path, problems, text.split("\n"), max_depth(rel or path))
    except _Refused as refused:
        return None, problems + [refused.problem]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - defensive
        return None, [
            Problem(path, 0, "", f"lỗi đọc YAML ({exc})", "cu-phap-yaml", "")
        ]
    if any(p.code in REFUSED_CODES for p in problems):
        return None, _merge_repeats(problems)
    sha = hashlib.sha256(raw).hexdigest()
    return Document(path, root, sha, rel or path), problems


DEPTH_SLACK = 2  # one or two levels too deep get the checker's precise message (a list where a value belongs)


def _merge_repeats(problems: list[Problem]) -> list[Problem]:
    """The same alias used several times on one line is one problem, with its count."""
    counts: dict = {}
    for p in problems:
        counts[p] = counts.get(p, 0) + 1
    return [p if n == 1 or p.code not in REFUSED_CODES else
            Problem(p.path, p.line, p.field, f"{p.message}, {n} lần trên dòng này", p.code, p.hint)
            for p, n in counts.items()]


def max_depth(rel: str) -> int:
    """How deep the lists and groups of this kind of file may go before the parse stops: the deepest its
    schema allows (the deepest kind's for a file of no kind), plus DEPTH_SLACK."""
    from .schema import KINDS, kind_for, nesting_depth

    kind, _ = kind_for(rel)
    parts = rel.split("/")
    for i in range(1, len(parts)):  # a path shown to staff, "data/thu-tuc/2024-03.yaml"
        if kind is None:
            kind, _ = kind_for("/".join(parts[i:]))
    return DEPTH_SLACK + (nesting_depth(kind.record) if kind else max(nesting_depth(k.record) for k in KINDS))


def load_file(file: Path, path: str, rel: str, raw: bytes | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one data file, through the on-disk cache. `raw`: its bytes, when already read."""
    if raw is None:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    path,
                    0,
                    "",
                    f"tệp quá lớn ({size // 1024} KB, tối đa {MAX_FILE_BYTES // 1024} KB)",
                    "tep-qua-lon",
                    "mỗi tệp chỉ chứa số liệu của một tháng; hãy tách tệp theo tháng",
                )
            ]
        raw = file.read_bytes()
    return load_cached(raw, path, rel)


# ---------------------------------------------------------------- the parse cache
#
# A file that parsed without any problem is stored as its node tree, keyed by the sha256 of its bytes
# and of this module's source (and the PyYAML, Unicode and marshal versions): an unchanged month is not
# parsed again, and any change to the file or to the loader parses it afresh. Files with problems are
# never cached, so every problem is always reported from a real parse. Stored with marshal, as plain
# tuples, lists, strings and numbers: reading an entry runs no code.

CACHE_FORMAT = "loader-nodes-marshal-1"
_VERSION: list = []


def loader_version() -> str:
    if not _VERSION:
        _VERSION.append(cache.digest(CACHE_FORMAT, cache.source_hash(sys.modules[__name__]), yaml.__version__,
                                     _Loader.__name__, unicodedata.unidata_version, str(marshal.version)))
    return _VERSION[0]


def _encode(node):
    """Scalar → (value, line, quoted); Seq → [line, item, ...]; Map → (line, (key, key line, value, ...))."""
    if node is None:
        return None
    cls = node.__class__
    if cls is Scalar:
        return (node.value, node.line, node.quoted)
    if cls is Seq:
        return [node.line] + [_encode(n) for n in node.items]
    flat = []
    for k, v in node.items.items():
        flat += (k, node.key_lines[k], _encode(v))
    return (node.line, tuple(flat))


def _decode(x):
    if x is None:
        return None
    if x.__class__ is list:
        return Seq([_decode(n) for n in x[1:]], x[0])
    if len(x) == 3:
        return Scalar(*x)
    line, flat = x
    items, key_lines = {}, {}
    for i in range(0, len(flat), 3):
        k = flat[i]
        key_lines[k] = flat[i + 1]
        v = flat[i + 2]
        items[k] = Scalar(*v) if v.__class__ is tuple and len(v) == 3 else _decode(v)
    return Map(items, line, key_lines)


def load_cached(raw: bytes, path: str, rel: str = "") -> tuple[Document | None, list[Problem]]:
    """load_bytes, skipping the parse when this exact file was parsed cleanly before."""
    if len(raw) > MAX_FILE_BYTES or not cache.enabled():
        return load_bytes(raw, path, rel)
    sha = hashlib.sha256(raw).hexdigest()
    key = cache.digest(loader_version(), sha)
    payload = cache.get("yaml", key)
    if payload is not None:
        try:
            root = _decode(marshal.loads(payload))
        except Exception:  # noqa: BLE001 - an entry we cannot read is only a cache miss
            pass
        else:
            return Document(path, root, sha, rel or path), []
    doc, problems = load_bytes(raw, path, rel)
    if doc is not None and not problems:
        try:
            payload = marshal.dumps(_encode(doc.root))
        except (ValueError, RecursionError):  # pragma: no cover - nothing to cache
            return doc, problems
        cache.put("yaml", key, payload)
    return doc, problems


def data_files(data_dir: Path) -> list[Path]:
    """Every .yaml/.yml file under data_dir, in a stable order."""
    files = [
        p
        for p in data_dir.rglob("*")
        if p.is_file() and p.suffix.lower() in (".yaml", ".yml")
    ]
    return sorted(files, key=lambda p: p.relative_to(data_dir).as_posix())


def plain(node: Node | None):
    """Nodes to plain Python (str / list / dict); for tests and debugging."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [plain(n) for n in node.items]
    return {k: plain(v) for k, v in node.items.items()}
