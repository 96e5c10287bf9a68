"""The personal-data guard (generator/privacy.py) on a corpus of realistic texts, and what its messages say.

tests/privacy/should-pass.txt: texts without personal data (amounts of money, document numbers, dates, legal
references, public figures, official contacts); every text of the sample data is added to them.
tests/privacy/should-refuse.txt: texts with personal data, each with the code it must be refused with.
The false-positive and false-negative counts are printed (`pytest -s`) and must stay at zero.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import loader, privacy
from generator.problems import CODES, FORMATS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# the official contacts a site file would declare (the sample's, and one leader's mobile)
OFFICIAL = privacy.Context(phones={"02373868101", "0912000111"}, emails={"truongxuan.thoxuan@thanhhoa.gov.vn"})


def _lines(name):
    for raw in (HERE / "privacy" / name).read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            yield raw


def _sample_texts():
    out = set()

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and len(v) > 12 and " " in v:
            out.add(v)

    for f in loader.data_files(ROOT / "data"):
        if f.name == "xa.yaml":
            continue  # the commune's own address and contacts are public
        doc, _ = loader.load_bytes(f.read_bytes(), str(f))
        walk(loader.plain(doc.root))
    return sorted(out)


PASS = list(_lines("should-pass.txt"))
REFUSE = [tuple(x.strip() for x in line.rsplit("|", 1)) for line in _lines("should-refuse.txt")]


def test_corpus_is_large_enough():
    assert len(PASS) >= 60 and len(REFUSE) >= 60
    assert {code for _, code in REFUSE} == set(privacy.CODES), "every kind of data has refused examples"


def test_false_positives_and_false_negatives():
    sample = _sample_texts()
    fp = [(t, [r.code for _, r in privacy.findings(t, OFFICIAL)]) for t in PASS + sample if privacy.findings(t, OFFICIAL)]
    fn = [(t, code) for t, code in REFUSE if code not in {r.code for _, r in privacy.findings(t, OFFICIAL)}]
    print(f"\nprivacy corpus: {len(PASS)} hand-written + {len(sample)} sample texts should pass, {len(REFUSE)} should be"
          f" refused; false positives {len(fp)}, false negatives {len(fn)}")
    assert not fp, fp
    assert not fn, fn


def test_position_is_where_the_data_starts_in_the_original_text():
    text = "Người gửi gọi ０９１２ ３４５ ６７８ nhiều lần"
    [(pos, rule)] = privacy.findings(text)
    assert rule.code == "du-lieu-ca-nhan-dien-thoai" and text[pos - 1] == "０"


def test_guide_lists_exactly_the_rules():
    """The guide's personal-data section is generated from privacy.RULES: one row per rule, nothing else."""
    from generator import pipeline
    from generator.pages import md_escape

    result = pipeline.build(HERE / "fixtures" / "tiny")
    guide = next(a.content for a in result.artifacts if a.path == "huong-dan.md").decode("utf-8")
    section = guide.split("{#du-lieu-ca-nhan}")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "<code>" in line]
    assert len(rows) == len(privacy.RULES)
    for row, rule in zip(rows, privacy.RULES):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert cells[1:] == [md_escape(rule.description), md_escape(rule.allowed), f"<code>{rule.code}</code>",
                             md_escape(rule.hint)]
    assert all(code in CODES for code in privacy.CODES)


# ---------------------------------------------------------------- never echoed

SECRETS = {  # value in the data → the parts that must never appear in any output
    "Ông Nguyễn Văn An, CCCD 038090001234, gọi 0912 345 678, nhà 45 đường Trần Phú, thư an.nguyen@gmail.com":
        ["Nguyễn Văn An", "038090001234", "0912", "345 678", "Trần Phú", "an.nguyen", "gmail"],
}


@pytest.fixture(scope="module")
def leaky_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("leak") / "data"
    shutil.copytree(HERE / "fixtures" / "tiny", data)
    value = next(iter(SECRETS))
    f = data / "phan-anh" / "2024-03.yaml"
    f.write_text(f.read_text("utf-8").replace('tom_tat: "Kiến nghị sửa đường"', f'tom_tat: "{value}"'), "utf-8")
    # the same value where a message would quote it: an unknown village, a bad number, a lost comment
    f = data / "hoat-dong" / "2024-03.yaml"
    text = f.read_text("utf-8")
    f.write_text(re.sub(r"so_nguoi: \d+", "so_nguoi: 0912 345 678", text, count=1), "utf-8")
    return data


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_message_in_any_format_repeats_personal_data(leaky_data, fmt):
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(leaky_data), "--format", fmt],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    for part in SECRETS[next(iter(SECRETS))]:
        assert part not in out, (fmt, part, out)
    if fmt == "json":
        problems = json.loads(proc.stdout)["problems"]
    else:
        problems = None
    for code, name in (("du-lieu-ca-nhan-ho-ten", "họ tên người dân"), ("du-lieu-ca-nhan-cccd", "số CCCD/CMND"),
                       ("du-lieu-ca-nhan-dien-thoai", "số điện thoại"), ("du-lieu-ca-nhan-email", "địa chỉ thư điện tử"),
                       ("du-lieu-ca-nhan-dia-chi", "số nhà, địa chỉ nhà riêng")):
        assert code in out and name in out, (fmt, code)
    assert "phan_anh[1].tom_tat" in out and "ở ký tự thứ 1 của trường" in out
    if problems is not None:
        assert all(p["path"].endswith(".yaml") for p in problems)
    assert "Traceback" not in out


# ---------------------------------------------------------------- garbled text (TCVN3, VNI)

MOJIBAKE = ["Uû ban nh©n d©n x· Tr­êng Xu©n", "KiÕn nghÞ söa ®­êng", "Phßng Tµi nguyªn vµ M«i tr­êng",
            "UÛy ban nhaân daân xaõ", "Kieán nghò söûa ñöôøng", "Phoøng Taøi nguyeân vaø Moâi tröôøng"]
NOT_MOJIBAKE = ["Nhiệt độ 30°C, diện tích 1.250 m², 12 m³ bê tông", "Chương trình «Ngày hội Đại đoàn kết»",
                "Kích thước 2×3 m, ½ kinh phí", "Phú Hậu 1 · Phú Hậu 2", "Đà Nẵng, Huế, Quảng Trị, Ọ Ẹ",
                "Phát động «Ngày hội Đại đoàn kết» và «Tết vì người nghèo»"]


def test_tcvn3_and_vni_text_is_recognised_and_unicode_text_is_not():
    from generator.validate import mojibake_at

    assert all(mojibake_at(t) for t in MOJIBAKE), [t for t in MOJIBAKE if not mojibake_at(t)]
    controls = NOT_MOJIBAKE + PASS + _sample_texts()
    assert not [t for t in controls if mojibake_at(t)]


def test_site_file_public_places_and_official_contacts_pass_but_names_do_not(tmp_path):
    """The office address, the suggestion boxes' and reception places' street addresses and the leaders'
    declared numbers are public on purpose; a private person's name in the same fields is not."""
    data = tmp_path / "data"
    shutil.copytree(HERE / "fixtures" / "tiny", data)
    xa = (data / "xa.yaml").read_text("utf-8")
    xa = xa.replace('dia_chi: "Thôn Một, xã Mẫu, tỉnh Thanh Hóa"', 'dia_chi: "Số 12 đường Lê Lợi, xã Mẫu"')
    xa = xa.replace('  - noi_dat: "Trụ sở UBND xã"',
                    '  - noi_dat: "Trụ sở UBND xã, số 12 đường Lê Lợi"\n  - noi_dat: "Nhà ông Nguyễn Văn An"')
    xa = xa.replace('    dien_thoai: "02373000001"',
                    '    dien_thoai: "02373000001"\n    lich_tiep_dan: "Thứ Năm tại số 12 đường Lê Lợi; gọi trước 0237 3000 001"')
    (data / "xa.yaml").write_text(xa, "utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(data), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    problems = json.loads(proc.stdout)["problems"]
    assert [(p["field"], p["code"]) for p in problems] == [("hom_thu_gop_y[2].noi_dat", "du-lieu-ca-nhan-ho-ten")]
