"""The strict YAML loader: every trap staff can fall into, with the exact code and line.

Every scalar stays text, every node keeps its line, and the YAML features that lose or
multiply data are refused with a Vietnamese problem. No exception may escape the loader.
"""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from generator import loader
from generator.loader import Document, Map, Scalar, Seq, load_bytes, load_file, plain
from generator.problems import Problem

PATH = "data/thu-tuc/2024-03.yaml"


# ---------------------------------------------------------------- helpers


def load(src: str | bytes) -> tuple[Document | None, list[Problem]]:
    """Load text (encoded as UTF-8) or raw bytes; check the result's shape; never raises."""
    raw = src.encode("utf-8") if isinstance(src, str) else src
    doc, problems = load_bytes(raw, PATH)
    assert doc is None or isinstance(doc, Document)
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) for p in problems)
    for p in problems:  # every problem names the file and has a Vietnamese message and a stable code
        assert p.path == PATH
        assert p.message and p.code
        assert p.code.isascii() and p.code == p.code.lower() and " " not in p.code
    return doc, problems


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters (ô, ơ, ư, ă, ê, đ) plus a combining tone."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            shape = "".join(m for m in d[1:] if m in "\u0302\u0306\u031b")  # â ê ô, ă, ơ ư
            tone = "".join(m for m in d[1:] if m not in shape)
            out += unicodedata.normalize("NFC", d[0] + shape).encode("cp1258") + tone.encode("cp1258")
    return out


def ok(src: str | bytes):
    """Load a file that must be accepted without any problem; return it as plain Python."""
    doc, problems = load(src)
    assert problems == [], problems
    assert doc is not None
    return plain(doc.root)


def refused(src: str | bytes) -> tuple[int, str, Problem]:
    """Load a file that must be refused as a whole: no document and exactly one problem."""
    doc, problems = load(src)
    assert doc is None, plain(doc.root)
    assert len(problems) == 1, problems
    p = problems[0]
    return p.line, p.code, p


# ---------------------------------------------------------------- every scalar stays text


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "NO", "y", "n", "true", "False"])
def test_yaml_booleans_stay_text(word):
    data = ok(f"tai_dien: {word}\n")
    assert data == {"tai_dien": word}
    assert isinstance(data["tai_dien"], str)


def test_no_stays_the_two_letters_no():
    assert ok("a: no\nb: yes\nc: on\n") == {"a": "no", "b": "yes", "c": "on"}


@pytest.mark.parametrize(
    "value",
    ["08", "012345678901", "0374408758", "010", "0o17", "0x1F", "1_000", "007"],
)
def test_numbers_keep_leading_zeros_and_exact_spelling(value):
    assert ok(f"so: {value}\n") == {"so": value}


@pytest.mark.parametrize("value", ["10:30", "1:30:00", "190:20:30"])
def test_sexagesimal_stays_text(value):
    assert ok(f"gio: {value}\n") == {"gio": value}


@pytest.mark.parametrize("value", ["2024-03-05", "2024-02-30", "2024-3-5", "2001-12-14t21:59:43.10-05:00"])
def test_unquoted_dates_stay_text(value):
    data = ok(f"ngay: {value}\n")
    assert data == {"ngay": value}
    assert type(data["ngay"]) is str


@pytest.mark.parametrize("value", ["null", "~", "1e3", ".inf", ".NaN", "1.0", "-5", "+5"])
def test_other_resolvers_stay_text(value):
    assert ok(f"x: {value}\n") == {"x": value}


def test_empty_value_is_empty_text():
    doc, problems = load("x:\n")
    assert problems == []
    assert doc.root.items["x"] == Scalar("", 1, quoted=False)


def test_nodes_keep_their_lines_and_quoting():
    doc, problems = load('thang: "2024-03"\nlinh_vuc:\n  - linh_vuc: ho-tich\n    tiep_nhan: 40\n')
    assert problems == []
    root = doc.root
    assert isinstance(root, Map) and root.line == 1
    assert root.key_lines == {"thang": 1, "linh_vuc": 2}
    assert root.items["thang"] == Scalar("2024-03", 1, quoted=True)
    seq = root.items["linh_vuc"]
    assert isinstance(seq, Seq) and seq.line == 3
    row = seq.items[0]
    assert isinstance(row, Map) and row.line == 3
    assert row.items["tiep_nhan"] == Scalar("40", 4, quoted=False)
    assert row.key_lines == {"linh_vuc": 3, "tiep_nhan": 4}


# ---------------------------------------------------------------- duplicate keys


def test_duplicate_key_names_both_lines():
    doc, problems = load("thang: 2024-03\ntiep_nhan: 40\nghi_chu: x\ntiep_nhan: 41\n")
    assert [(p.line, p.field, p.code) for p in problems] == [(4, "tiep_nhan", "trung-khoa")]
    msg = problems[0].message
    assert "dòng 2" in msg and "dòng 4" in msg
    assert "tiep_nhan" in msg
    # the document is still read (the duplicate is reported, the first value kept), so other
    # problems in the same file can be reported in the same run
    assert doc is not None and plain(doc.root)["tiep_nhan"] == "40"


def test_duplicate_key_in_nested_mapping():
    _, problems = load("linh_vuc:\n  - linh_vuc: ho-tich\n    tiep_nhan: 1\n    som_han: 2\n    tiep_nhan: 3\n")
    assert [(p.line, p.code) for p in problems] == [(5, "trung-khoa")]
    assert "dòng 3" in problems[0].message and "dòng 5" in problems[0].message


def test_duplicate_key_in_flow_mapping():
    _, problems = load("a: {x: 1, x: 2}\n")
    assert [(p.line, p.code) for p in problems] == [(1, "trung-khoa")]


def test_duplicate_key_after_nfc_normalisation():
    # "Tô" typed precomposed on one line and decomposed (o + combining circumflex) on the next
    _, problems = load("T\u00f4: 1\nTo\u0302: 2\n")
    assert [(p.line, p.code) for p in problems] == [(2, "trung-khoa")]


def test_same_key_in_two_list_items_is_fine():
    assert ok("- a: 1\n- a: 2\n") == [{"a": "1"}, {"a": "2"}]


def test_quoted_and_unquoted_spelling_of_one_key_is_a_duplicate():
    _, problems = load('a: 1\n"a": 2\n')
    assert [(p.line, p.code) for p in problems] == [(2, "trung-khoa")]


# ---------------------------------------------------------------- anchors, aliases, merge keys, tags


def test_anchor_refused():
    line, code, p = refused("a: 1\nb: &chung 2\n")
    assert (line, code) == (2, "neo-yaml")
    assert "&chung" in p.message


def test_anchor_on_mapping_refused():
    line, code, _ = refused("a:\n  x: 1\nb: &m\n  y: 2\n")
    assert (line, code) == (3, "neo-yaml")


def test_alias_refused():
    line, code, p = refused("a: 1\nb: 2\nc: *chung\n")
    assert (line, code) == (3, "bi-danh-yaml")
    assert "*chung" in p.message


def test_billion_laughs_refused_quickly_without_expanding():
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*l{i - 1}"] * 9)
        lines.append(f"lol{i}: &l{i} [{refs}]")
    bomb = "\n".join(lines) + "\n"  # 9**10 ≈ 3.5 billion strings if expanded
    start = time.perf_counter()
    doc, problems = load(bomb)
    assert time.perf_counter() - start < 1.0
    assert doc is None
    # every anchor and every alias, each on its line, in one run
    assert [(p.line, p.code) for p in problems if p.code == "neo-yaml"] == [(i, "neo-yaml") for i in range(1, 11)]
    aliases = [p for p in problems if p.code == "bi-danh-yaml"]
    assert [p.line for p in aliases] == list(range(2, 11)) and all("9 lần trên dòng này" in p.message for p in aliases)


def test_alias_bomb_in_sequence_refused_with_every_anchor_and_alias():
    bomb = "a:\n  - x\n  - &b [*a, *a]\n"
    doc, problems = load(bomb)
    assert doc is None
    assert [(p.line, p.code) for p in problems] == [(3, "neo-yaml"), (3, "bi-danh-yaml")]
    assert problems[1].message == "không dùng bí danh YAML (*a), 2 lần trên dòng này"


def test_every_tag_anchor_and_alias_reported_in_one_run():
    src = "a: !!str 1\nb: &x 2\nc: !custom 3\nd: *x\ne: !!int 4\n"
    doc, problems = load(src)
    assert doc is None
    assert [(p.line, p.code) for p in problems] == [(1, "the-yaml"), (2, "neo-yaml"), (3, "the-yaml"), (4, "bi-danh-yaml"),
                                                   (5, "the-yaml")]


@pytest.mark.parametrize("src", ["[" * 30000 + "]" * 30000, "{a: " * 20000 + "1" + "}" * 20000,
                                 "\n" + "- " * 300 + "x"])
def test_nesting_deeper_than_the_kind_allows_refused_at_once(src):
    start = time.perf_counter()
    doc, problems = load("thang: 2024-03\nlinh_vuc: " + src)
    assert time.perf_counter() - start < 1.0
    assert doc is None and [p.code for p in problems] == ["long-qua-sau"]
    assert "nhiều nhất 3 tầng" in problems[0].message and problems[0].line == (3 if "- " in src else 2)


def test_merge_key_refused():
    line, code, _ = refused("mac_dinh:\n  kenh: hom-thu\nmuc:\n  <<: {kenh: zalo}\n  loai: kien-nghi\n")
    assert (line, code) == (4, "khoa-gop-yaml")


def test_quoted_merge_key_is_an_ordinary_key():
    assert ok('"<<": 1\n') == {"<<": "1"}


@pytest.mark.parametrize(
    "src, tag",
    [
        ("a: 1\nb: !!int 5\n", "int"),
        ("a: 1\nb: !!str 5\n", "str"),
        ("a: 1\nb: !!python/object:os.system {}\n", "python/object"),
        ("a: 1\nb: !!python/object/apply:os.system ['echo hi']\n", "python/object/apply"),
        ("a: 1\nb: !!binary aGVsbG8=\n", "binary"),
        ("a: 1\nb: !!set {x}\n", "set"),
        ("a: 1\nb: !rieng 1\n", "!rieng"),
    ],
)
def test_explicit_tags_refused(src, tag):
    line, code, p = refused(src)
    assert (line, code) == (2, "the-yaml")
    assert tag in p.message


def test_tag_declared_by_directive_refused():
    line, code, _ = refused("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n")
    assert (line, code) == (3, "the-yaml")


# ---------------------------------------------------------------- whitespace, encodings, line ends


def test_tab_in_indentation():
    line, code, p = refused("thang: 2024-03\nlinh_vuc:\n  - linh_vuc: ho-tich\n\ttiep_nhan: 40\n")
    assert (line, code) == (4, "tab")
    assert "Tab" in p.message and "dấu cách" in p.hint


def test_tab_before_list_item():
    line, code, _ = refused("a:\n  - 1\n\t- 2\n")
    assert (line, code) == (3, "tab")


def test_tab_inside_quotes_is_text():
    assert ok('a: "x\ty"\n') == {"a": "x\ty"}


def test_tab_inside_quotes_does_not_hide_the_real_syntax_error():
    _, problems = load('a: 1\nb: "x\ty" c: 2\n')
    assert [(p.line, p.code) for p in problems] == [(2, "cu-phap-yaml")]


def test_utf8_bom_accepted():
    assert ok(b"\xef\xbb\xbfthang: 2024-03\n") == {"thang": "2024-03"}


def test_utf8_bom_keeps_lines():
    _, problems = load(b"\xef\xbb\xbfa: 1\nb: 2\na: 3\n")
    assert [(p.line, p.code) for p in problems] == [(3, "trung-khoa")]


def test_crlf_accepted_and_lines_counted_once():
    doc, problems = load(b"a: 1\r\nb: x\r\nc: 3\r\nb: 4\r\n")
    assert [(p.line, p.code) for p in problems] == [(4, "trung-khoa")]
    assert plain(doc.root) == {"a": "1", "b": "x", "c": "3"}  # no stray \r in values


def test_old_mac_line_ends_accepted():
    assert ok(b"a: 1\rb: 2\r") == {"a": "1", "b": "2"}


def test_windows_1258_bytes_named_with_the_line_of_the_first_bad_byte():
    # Windows-1258 writes "ộ" as ô (the single byte 0xF4) + a combining dot below
    raw = cp1258("thang: 2024-03\nten: x\nthon: Thôn Một\nghi_chu: ở đây\n")
    assert raw.count(b"\n") == 4 and b"Th\xf4n" in raw
    text = "thang: 2024-03\nten: x\nthon: Thôn Một\nghi_chu: ở đây\n"
    assert unicodedata.normalize("NFC", raw.decode("cp1258")) == text  # really Windows-1258
    line, code, p = refused(raw)
    assert (line, code) == (3, "ma-hoa-khong-phai-utf8")
    assert "UTF-8" in p.hint


def test_bad_byte_line_counted_with_crlf():
    line, code, _ = refused(b"a: 1\r\nb: 2\r\nc: \xe2\r\n")
    assert (line, code) == (3, "ma-hoa-khong-phai-utf8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_refused(encoding):
    raw = "thang: 2024-03\n".encode(encoding)
    if encoding != "utf-16":
        raw = ("\ufeff" + "thang: 2024-03\n").encode(encoding)
    line, code, p = refused(raw)
    assert (line, code) == (1, "ma-hoa-khong-phai-utf8")
    assert "UTF-16" in p.message


def test_nul_bytes_refused_as_binary():
    line, code, _ = refused(b"thang: 2024-03\nxin_loi: 2\x00\n")
    assert (line, code) == (2, "tep-nhi-phan")  # the line of the first NUL byte


def test_nfd_text_normalised_to_nfc():
    composed = "Kiến nghị sửa đường ở Thôn Một"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed  # the input really is decomposed
    key_nfd = unicodedata.normalize("NFD", "tóm_tắt")
    doc, problems = load(f'{key_nfd}: "{decomposed}"\nthon: {unicodedata.normalize("NFD", "Thôn Một")}\n')
    assert problems == []
    data = plain(doc.root)
    assert data == {"tóm_tắt": composed, "thon": "Thôn Một"}
    assert all(unicodedata.is_normalized("NFC", k) and unicodedata.is_normalized("NFC", v) for k, v in data.items())


# ---------------------------------------------------------------- structure


def test_multiple_documents_refused():
    line, code, _ = refused("thang: 2024-03\nxin_loi: 1\n---\nthang: 2024-04\n")
    assert (line, code) == (3, "nhieu-tai-lieu")


def test_single_document_with_start_and_end_markers_accepted():
    assert ok("---\na: 1\n...\n") == {"a": "1"}


def test_unterminated_double_quote_is_a_syntax_problem():
    doc, problems = load('a: 1\nb: 2\nc: 3\ntom_tat: "Kiến nghị\n')
    assert doc is None
    assert [(p.code, p.message) for p in problems] == [("cu-phap-yaml", "thiếu dấu ngoặc kép đóng")]


def test_unterminated_quote_on_the_last_line_gives_that_line():
    _, problems = load('a: 1\ntom_tat: "Kiến nghị')
    assert [(p.line, p.code) for p in problems] == [(2, "cu-phap-yaml")]


def test_unterminated_quote_names_the_line_where_it_opens():
    # the scanner fails at the end of the file (line 4, past the last line); the quote opens on line 2
    _, problems = load('a: 1\ntom_tat: "Kiến nghị sửa đường\nket_qua: Đã sửa\n')
    assert [(p.line, p.code, p.message) for p in problems] == [(2, "cu-phap-yaml", "thiếu dấu ngoặc kép đóng")]


def test_unterminated_single_quote_names_the_line_where_it_opens():
    _, problems = load("a: 1\nb: 'abc\nc: 2\n")
    assert [(p.line, p.code) for p in problems] == [(2, "cu-phap-yaml")]


def test_colon_inside_unquoted_value():
    line, code, p = refused("a: 1\ntom_tat: Kiến nghị: sửa đường\n")
    assert (line, code) == (2, "cu-phap-yaml")
    assert "ngoặc kép" in p.hint


def test_bad_escape_in_double_quotes():
    line, code, _ = refused('a: 1\nb: "C:\\qua"\n')
    assert (line, code) == (2, "cu-phap-yaml")


def test_list_as_key_refused():
    line, code, _ = refused("a: 1\n? [x, y]\n: 2\n")
    assert (line, code) == (2, "khoa-khong-hop-le")


def test_empty_file_gives_no_document_root_and_no_load_problem():
    doc, problems = load(b"")
    assert problems == []
    assert doc is not None and doc.root is None  # validate reports it as tep-rong


def test_empty_file_reported_by_validate_as_tep_rong():
    from generator.validate import validate

    doc, problems = load(b"")
    doc.rel = "thu-tuc/2024-03.yaml"
    _, all_problems = validate([doc], problems)
    mine = [(p.line, p.code) for p in all_problems if p.path == PATH]
    assert mine == [(0, "tep-rong")]


@pytest.mark.parametrize("raw", ["# chỉ có ghi chú\n".encode(), b"\xef\xbb\xbf", b"\n\n  \n"])
def test_comment_only_or_blank_file_is_empty(raw):
    doc, problems = load(raw)
    assert problems == [] and doc.root is None


# ---------------------------------------------------------------- size


def test_file_over_the_size_limit_refused_by_size_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "2024-03.yaml"
    with big.open("wb") as f:
        f.write(b"thang: 2024-03\nghi_chu: |\n")
        line = b"  " + b"x" * 98 + b"\n"
        for _ in range(3 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert big.stat().st_size > 3 * 1024 * 1024 > loader.MAX_FILE_BYTES

    def no_read(self, *a, **k):  # pragma: no cover - only runs if the limit is not checked first
        raise AssertionError("the file should be refused by its size, without reading it")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    monkeypatch.setattr(Path, "read_text", no_read)
    start = time.perf_counter()
    doc, problems = load_file(big, "data/thu-tuc/2024-03.yaml", "thu-tuc/2024-03.yaml")
    assert time.perf_counter() - start < 0.5
    assert doc is None
    assert [(p.path, p.line, p.code) for p in problems] == [("data/thu-tuc/2024-03.yaml", 0, "tep-qua-lon")]
    assert "KB" in problems[0].message


def test_load_bytes_refuses_over_the_limit_too():
    raw = b"a: " + b"x" * (loader.MAX_FILE_BYTES + 1) + b"\n"
    start = time.perf_counter()
    line, code, _ = refused(raw)
    assert time.perf_counter() - start < 0.5
    assert (line, code) == (0, "tep-qua-lon")


def test_file_just_under_the_limit_is_read(tmp_path):
    f = tmp_path / "2024-03.yaml"
    body = b"a: " + b"x" * (loader.MAX_FILE_BYTES - 10) + b"\n"
    assert len(body) <= loader.MAX_FILE_BYTES
    f.write_bytes(body)
    doc, problems = load_file(f, "p", "thu-tuc/2024-03.yaml")
    assert problems == [] and len(plain(doc.root)["a"]) == loader.MAX_FILE_BYTES - 10


def test_load_file_keeps_path_rel_and_hash(tmp_path):
    import hashlib

    f = tmp_path / "2024-03.yaml"
    f.write_bytes(b"a: 1\n")
    doc, problems = load_file(f, "data/thu-gui/2024-03.yaml", "thu-gui/2024-03.yaml")
    assert problems == []
    assert (doc.path, doc.rel) == ("data/thu-gui/2024-03.yaml", "thu-gui/2024-03.yaml")
    assert doc.sha256 == hashlib.sha256(b"a: 1\n").hexdigest()


# ---------------------------------------------------------------- nothing escapes


@pytest.mark.parametrize(
    "raw",
    [
        b"a: " + b"[" * 5000,
        b"{" * 3000,
        b"a: b: c: d\n",
        b"- a\nb: 1\n",
        b"a:\n  - 1\n  b: 2\n",
        b"\xff\xfe\x00\x00a\x00\x00\x00",
        b"a: \x07\n",
        b"%YAML 9.9\n---\na: 1\n",
        b"? \n",
        b": 1\n",
        b"'",
        b"\"\\",
        b"a: |\n b\n  c\n d\n",
        b"\xc3",
        b"&a",
        b"*a",
        b"!!",
        b"\t",
        bytes(range(1, 32)),
    ],
)
def test_no_exception_escapes_on_garbage(raw):
    doc, problems = load(raw)
    # either a document or a reason why not
    assert doc is not None or problems


def test_data_files_sorted_and_only_yaml(tmp_path):
    for rel in ["thu-tuc/2024-04.yaml", "thu-tuc/2024-03.yaml", "xa.yaml", "a/b.YML", "README.md", "x.yaml.bak"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("a: 1\n", encoding="utf-8")
    got = [p.relative_to(tmp_path).as_posix() for p in loader.data_files(tmp_path)]
    assert got == ["a/b.YML", "thu-tuc/2024-03.yaml", "thu-tuc/2024-04.yaml", "xa.yaml"]


# ---------------------------------------------------------------- invisible characters


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x0b", "\x0c", "\x7f", "\x9f", "\ufffe"])
def test_control_character_reported_at_its_line(char):
    line, code, p = refused(f"a: 1\nb: x\nc: x{char}y\nd: 4\n")
    assert (line, code) == (3, "ky-tu-dieu-khien")
    assert f"U+{ord(char):04X}" in p.message
    assert "unicode string" not in p.message  # no PyYAML English


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_line_separator_inside_a_value_does_not_shift_line_numbers(sep):
    # pasted from Word or PDF: YAML would count it as a line break, editors and GitHub do not
    doc, problems = load(f'tom_tat: "Kiến nghị{sep}sửa đường"\nb: 1\nb: 2\n')
    assert [(p.line, p.code) for p in problems] == [(3, "trung-khoa")]
    assert "dòng 2 và dòng 3" in problems[0].message
    assert doc.root.items["b"].line == 2


def test_line_separator_in_a_plain_value_keeps_the_text():
    assert ok("tom_tat: Kiến nghị\u2028sửa đường\n") == {"tom_tat": "Kiến nghị sửa đường"}


# ---------------------------------------------------------------- pasted from Word or the web: normalised


def test_nbsp_indentation_pasted_from_word_is_normalised():
    doc, problems = load_bytes("a:\n  b: 1\n\u00a0\u00a0c: 2\n".encode(), "x.yaml")
    assert problems == [] and plain(doc.root) == {"a": {"b": "1", "c": "2"}}


def test_zero_width_characters_are_removed():
    doc, problems = load_bytes("kenh: zalo\u200b\nb: x\ufeffy\n".encode(), "x.yaml")
    assert problems == [] and plain(doc.root) == {"kenh": "zalo", "b": "xy"}


def test_hash_after_one_space_in_plain_text_is_reported_not_dropped():
    _, problems = load_bytes("tom_tat: Kiến nghị đợt #2 về đường\n".encode(), "x.yaml")
    assert [(p.line, p.code) for p in problems] == [(1, "cu-phap-yaml")]
    assert "đợt #2 về đường" in problems[0].hint


def test_format_character_ranges_cover_unicode_category_cf():
    """A superset (newer Unicode versions add format characters in these blocks): the loader checks the category."""
    import re
    import sys
    import unicodedata

    from generator.loader import FORMAT_CHARS

    cf = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    matched = {c for c in range(sys.maxunicode + 1) if FORMAT_CHARS.match(chr(c))}
    assert cf <= matched, sorted(cf - matched)
    assert len(matched - cf) < 16
    assert re.fullmatch(FORMAT_CHARS, "\u202e")


def test_every_invisible_character_reported_with_its_column():
    doc, problems = load('a: "x\u202ey"\nb: "\u2066z\u2069"\n')
    assert doc is None
    assert [(p.line, p.code, p.message.split(" ở cột ")[1]) for p in problems] == [
        (1, "ky-tu-an", "6"), (2, "ky-tu-an", "5"), (2, "ky-tu-an", "7")]
    assert ok('a: "x\u200by\u00adz"\n') == {"a": "xyz"}  # harmless ones are removed
