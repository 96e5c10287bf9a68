"""A copy of the tiny data set with a hostile payload in every text field the schema declares.

Used by tests/test_hostile.py (and handy by hand: `python tests/hostile.py OUT_DIR` writes the data set).
Every `Text` field of every record kind and of the site file gets a payload that fits its length and
pattern: HTML elements with event handlers, a script, a `javascript:` URL, a Markdown link, quotes that
would close an attribute, a spreadsheet formula. Fields that must name something else in the data (a
village from the site file, a figure ID, a petition code) keep a value that still resolves: the village
list itself carries the payloads, and the petitions name the same (payload) villages.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from generator import loader, schema  # noqa: E402

TINY = HERE / "fixtures" / "tiny"

# Each carries a marker "XSS<n>" so that a test can find where it is shown. Longest first: a field gets
# the longest payload that fits its maximum length.
PAYLOADS = [
    '=1+<img src=x onerror=alert(1)>"\'><svg onload=alert(2)><script>alert(3)</script>[m](javascript:alert(4)) XSS{n}',
    '<img src=x onerror=alert(1)><script>alert(3)</script>"\' XSS{n}',
    '"\'><svg onload=alert(2)>[j](javascript:alert(4)) XSS{n}',
    '<img src=x onerror=alert(1)> XSS{n}',
    '<svg onload=alert(2)>XSS{n}',
    '=HYPERLINK("x")<b>XSS{n}',
    '<b>XSS{n}</b>',
]
# no-space payloads for fields with a pattern (addresses, masked receipt numbers, emails)
PATTERN_PAYLOADS = [
    'https://x.example/"><svg/onload=alert(5)>XSS{n}',
    '"><svg/onload=alert(6)>***XSS{n}',
    '"><svg/onload=alert(7)>XSS{n}@x.example.vn',
]
# fields that name something else in the data: they must keep resolving for the build to go on
REFERENCES = {("Commitment", "bang_chung"), ("Activity", "phan_anh"), ("PublishedFigure", "ma"), ("Correction", "ma"),
              ("Petition", "thon"), ("PublishedPeriod", "ban_tin_so_lieu")}

# optional lists the fixture leaves out; one item made from the schema's examples is added
ADD_LISTS = {"bao_cao_thang", "so_ket", "hom_thu_gop_y"}

MARKER = re.compile(r"XSS\d+")


class Injector:
    def __init__(self):
        self.n = 0
        self.fields: dict[str, str] = {}  # marker -> "Record.field"
        self.villages: dict[str, str] = {}  # original village name -> payload

    def payload(self, typ: schema.Text, where: str) -> str | None:
        self.n += 1
        candidates = PATTERN_PAYLOADS if typ.pattern else PAYLOADS
        for p in candidates:
            value = p.format(n=self.n)
            if len(value) <= typ.max_len and (not typ.pattern or re.fullmatch(typ.pattern, value)):
                self.fields[f"XSS{self.n}"] = where
                return value
        return None

    def walk(self, value, typ, where: str):
        if isinstance(typ, schema.Record):
            if not isinstance(value, dict):
                return value
            out = {}
            value = dict(value)
            for f in typ.fields:  # optional fields the fixture leaves out get a value too
                if f.name not in value and not f.required and typ.name != "Petition":  # tố cáo: no text at all
                    if typ.name == "LateCase" and f.name == "so_thu_xin_loi" and "ngay_xin_loi" not in value:
                        continue
                    if isinstance(f.type, schema.Text) and not f.type.pattern:
                        value[f.name] = "x"
                    elif isinstance(f.type, schema.ListOf) and isinstance(f.type.item, schema.Record) and f.name in ADD_LISTS:
                        value[f.name] = [example_record(f.type.item)]
            for key, v in value.items():
                f = typ.by_name.get(key)
                if f is None or (typ.name, key) in REFERENCES:
                    out[key] = v
                    continue
                out[key] = self.walk(v, f.type, f"{typ.name}.{key}")
                if typ.name == "Site" and key == "thon":
                    self.villages = dict(zip(v, out[key]))
            return out
        if isinstance(typ, schema.ListOf):
            return [self.walk(v, typ.item, where) for v in value] if isinstance(value, list) else value
        if isinstance(typ, schema.MapOf):
            return {k: self.walk(v, typ.value, where) for k, v in value.items()} if isinstance(value, dict) else value
        if isinstance(typ, schema.Text) and isinstance(value, str):
            new = self.payload(typ, where)
            return value if new is None else new
        return value


def example_record(rec: schema.Record) -> dict:
    out = {}
    for f in rec.fields:
        if f.required or isinstance(f.type, schema.Text):
            ex = f.example.strip('"')
            out[f.name] = json.loads(f.example) if f.example.startswith("[") else ex
    return out


def pattern_closed() -> set[str]:
    """Text fields whose pattern no hostile payload can match (codes, phone numbers, periods, addresses)."""
    out = set()
    for name, typ in _text_types().items():
        if typ.pattern and not any(re.fullmatch(typ.pattern, p.format(n=1)) for p in PATTERN_PAYLOADS):
            out.add(name)
    return out


def _rewrite_villages(value, villages):
    if isinstance(value, dict):
        return {k: (villages.get(v, v) if k == "thon" and isinstance(v, str) else _rewrite_villages(v, villages))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite_villages(v, villages) for v in value]
    return value


def make(out: Path, src: Path = TINY) -> Injector:
    """Write the hostile copy of `src` into `out`; returns what was injected where."""
    if out.exists():
        shutil.rmtree(out)
    inj = Injector()
    files = sorted(src.rglob("*.yaml"), key=lambda p: (p.name != "xa.yaml", p.as_posix()))  # villages first
    for file in files:
        rel = file.relative_to(src).as_posix()
        kind, _ = schema.kind_for(rel)
        doc, problems = loader.load_bytes(file.read_bytes(), rel, rel)
        assert doc is not None and not problems, problems
        data = inj.walk(loader.plain(doc.root), kind.record, kind.record.name)
        if kind.key == "petitions":
            data = _rewrite_villages(data, inj.villages)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")
    _correction(out, inj)
    return inj


def _correction(data: Path, inj: Injector) -> None:
    """A published period and a correction whose reason is hostile, written by the CLI as staff would."""
    def run(*args):
        proc = subprocess.run([sys.executable, "-m", "generator", *args, "--data", str(data)], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr

    run("publish", "2024-03", "--date", "2024-04-05")
    ledger = data / "cong-bo" / "2024-03.yaml"
    text = ledger.read_text("utf-8")
    ledger.write_text(text.replace('ma: tthc.ton_truoc\n    gia_tri: "5"', 'ma: tthc.ton_truoc\n    gia_tri: "4"', 1), "utf-8")
    reason = inj.payload(schema.Text(400), "Correction.ly_do")
    run("correct", "--reason", reason, "--date", "2024-04-20")
    # the bulletin's words as aired are kept in the ledger: a hand-edited sentence is data like any other
    published = yaml.safe_load(ledger.read_text("utf-8"))
    published["ban_tin"][1] = inj.payload(schema.Text(2000), "PublishedPeriod.ban_tin")
    ledger.write_text(yaml.safe_dump(published, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")


def _text_types() -> dict:
    out = {}

    def walk(rec):
        for f in rec.fields:
            typ = f.type
            while isinstance(typ, (schema.ListOf, schema.MapOf)):
                typ = typ.item if isinstance(typ, schema.ListOf) else typ.value
            if isinstance(typ, schema.Record):
                walk(typ)
            elif isinstance(typ, schema.Text) and (rec.name, f.name) not in REFERENCES:
                out[f"{rec.name}.{f.name}"] = typ

    for kind in schema.KINDS:
        walk(kind.record)
    return out


def text_fields() -> set[str]:
    """Every "Record.field" of type Text that the schema declares (references excepted)."""
    return set(_text_types())


if __name__ == "__main__":
    target = Path(sys.argv[1])
    inj = make(target)
    print(f"{len(inj.fields)} values in {len(set(inj.fields.values()))} fields written to {target}")
