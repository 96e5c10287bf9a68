"""What staff read and copy, derived from the same declarations the checker uses.

- `template(kind)`: a commented YAML file to copy (and what `python -m generator new` writes);
- `json_schema(kind)`: a JSON Schema for editors (VS Code's YAML extension completes and underlines);
- `field_rows(kind)`: the rows of the data guide's field tables.

Nothing here can drift from the checker: a field, an allowed value or a problem code exists for
the guide exactly when it exists for `validate`.
"""

from __future__ import annotations

import json
import re

from .schema import KINDS, Bool, Date, Enum, Int, ListOf, MapOf, Month, Quarter, Record, Text

SCHEMA_DIR = "generator/schemas"


def privacy_rules() -> list[dict]:
    """The guide's section on personal data: one row per rule of the guard, from generator/privacy.py itself."""
    from .privacy import RULES

    return [{"name": r.name, "refused": r.description, "allowed": r.allowed, "code": r.code, "hint": r.hint}
            for r in RULES]


def slug(kind) -> str:
    """The name staff use for a kind: its folder, or its file name without .yaml."""
    return kind.example_path.split("/")[0].removesuffix(".yaml")


KIND_BY_SLUG = {slug(k): k for k in KINDS}


def schema_ref(kind) -> str:
    """Path of the kind's JSON Schema relative to one of its data files."""
    depth = kind.example_path.count("/") + 1  # data/ + folder
    return "../" * depth + f"{SCHEMA_DIR}/{slug(kind)}.json"


# ---------------------------------------------------------------- what the guide says, from the declarations


def required_text(f) -> str:
    """'có', 'không', or the declared condition, exactly as the check enforces it."""
    unless = f", trừ khi {f.required_unless[0]} là {f.required_unless[1]}" if f.required_unless else ""
    if f.required_with:
        return f"có, khi đã ghi {f.required_with}{unless}"
    if f.required_unless:
        return "có" + unless
    return "có" if f.required else "không"


LAYOUT_EXAMPLES = {"month": ["2025-01"], "year": ["2025"], "period": ["2025-01", "2025-Q1", "2025"]}


def layout(kind) -> tuple[str, str, list[str]]:
    """(where, how many files, example paths) of a kind, from its declaration (Kind.period, Kind.pattern)."""
    folder = slug(kind)
    if kind.period == "month":
        return f"{folder}/NĂM-THÁNG.yaml", "mỗi tháng một tệp", [f"{folder}/{e}.yaml" for e in LAYOUT_EXAMPLES["month"]]
    if kind.period == "year":
        return f"{folder}/NĂM.yaml", "mỗi năm một tệp", [f"{folder}/{e}.yaml" for e in LAYOUT_EXAMPLES["year"]]
    if kind.period == "period":
        return (f"{folder}/KỲ.yaml", "mỗi kỳ một tệp: tháng (2025-01.yaml), quý (2025-Q1.yaml) hoặc năm (2025.yaml)",
                [f"{folder}/{e}.yaml" for e in LAYOUT_EXAMPLES["period"]])
    return kind.example_path, "chỉ một tệp", [kind.example_path]


# ---------------------------------------------------------------- describing types in Vietnamese


def type_text(typ) -> str:
    if isinstance(typ, Text):
        extra = f", dạng: {typ.pattern_hint}" if typ.pattern_hint else ""
        return f"chữ, tối đa {typ.max_len} ký tự{extra}"
    if isinstance(typ, Int):
        if typ.max is not None:
            return f"số nguyên từ {typ.min} đến {typ.max}"
        return f"số nguyên từ {typ.min} trở lên"
    if isinstance(typ, Date):
        return "ngày, dạng NĂM-THÁNG-NGÀY (2024-03-05)"
    if isinstance(typ, Month):
        return "tháng, dạng NĂM-THÁNG (2024-03)"
    if isinstance(typ, Quarter):
        return "quý, dạng NĂM-QSỐ (2024-Q1)"
    if isinstance(typ, Bool):
        return "có hoặc không"
    if isinstance(typ, Enum):
        return "một trong các giá trị ở bảng dưới"
    if isinstance(typ, ListOf):
        inner = typ.item.label.lower() if isinstance(typ.item, Record) else type_text(typ.item)
        return f"danh sách ({inner})"
    if isinstance(typ, MapOf):
        return "nhóm theo " + ", ".join(code for code, _ in typ.keys.choices)
    if isinstance(typ, Record):
        return typ.label.lower()
    raise TypeError(typ)  # pragma: no cover


def field_rows(record: Record, prefix: str = ""):
    """(dotted name, field, depth) for every field, nested records included, in order."""
    for f in record.fields:
        name = f"{prefix}{f.name}"
        yield name, f
        inner = f.type.item if isinstance(f.type, ListOf) else f.type.value if isinstance(f.type, MapOf) else f.type
        if isinstance(inner, Record):
            sep = "[]." if isinstance(f.type, ListOf) else ".*." if isinstance(f.type, MapOf) else "."
            yield from field_rows(inner, name + sep)


def enums(record: Record):
    """Every (dotted field name, Enum) of a record, for the guide's tables of allowed values."""
    for name, f in field_rows(record):
        if isinstance(f.type, Enum):
            yield name, f.type
        if isinstance(f.type, MapOf):
            yield name, f.type.keys


# ---------------------------------------------------------------- templates


def _yaml_text(value: str) -> str:
    """A text value written the way a clerk would: bare when safe, in double quotes otherwise."""
    if value == "" or re.search(r"[:#\[\]{}&*!|>'\"%@`,]|^[-?\s]|\s$", value) or value.lower() in (
            "có", "không", "yes", "no", "true", "false", "null", "~"):
        return json.dumps(value, ensure_ascii=False)
    return value


PLACEHOLDER_KEEP = "__placeholders__"  # in overrides: write "(điền …)" for every value not overridden


def placeholder(f) -> str:
    """The value `new` writes for staff to replace; the check refuses it (schema.PLACEHOLDER_RE)."""
    return _yaml_text(f"(điền {f.label[0].lower() + f.label[1:]})")


def _example(f, overrides: dict) -> str:
    if f.name in overrides:
        return overrides[f.name]
    if overrides.get(PLACEHOLDER_KEEP):
        if isinstance(f.type, ListOf) and not isinstance(f.type.item, Record):
            return f"[{placeholder(f)}]" if f.required or f.type.min_items else "[]"
        return placeholder(f)
    ex = f.example
    if isinstance(f.type, Text) and ex and not ex.startswith(("\"", "[")):
        return _yaml_text(ex)
    if isinstance(f.type, ListOf) and not ex:
        return "[]"
    if not ex:
        return '""'
    return ex


def _comment(f) -> str:
    need = {"có": "bắt buộc", "không": "không bắt buộc"}.get(required_text(f), "bắt buộc " + required_text(f)[4:])
    text = f"{f.label} ({need})"
    if f.help:
        text += f": {f.help}"
    if isinstance(f.type, Enum):
        text += "; chọn một trong: " + ", ".join(code for code, _ in f.type.choices)
    return text


def _record_lines(record: Record, indent: int, overrides: dict, first_prefix: str = "") -> list[str]:
    lines = []
    pad = " " * indent
    for i, f in enumerate(record.fields):
        lead = first_prefix if i == 0 and first_prefix else pad
        typ = f.type
        if isinstance(typ, ListOf) and isinstance(typ.item, Record):
            lines.append(f"{lead}{f.name}:  # {_comment(f)}")
            lines += _record_lines(typ.item, indent + 4, overrides, first_prefix=pad + "  - ")
        elif isinstance(typ, Record):
            lines.append(f"{lead}{f.name}:  # {_comment(f)}")
            lines += _record_lines(typ, indent + 2, overrides)
        elif isinstance(typ, MapOf):
            lines.append(f"{lead}{f.name}:  # {_comment(f)}")
            for code, label in typ.keys.choices:
                lines.append(f"{pad}  {code}:  # {label}")
                lines += _record_lines(typ.value, indent + 4, overrides)
        else:
            lines.append(f"{lead}{f.name}: {_example(f, overrides)}  # {_comment(f)}")
    return lines


def _shift_month(ym: tuple[int, int], delta: int) -> tuple[int, int]:
    n = ym[0] * 12 + ym[1] - 1 + delta
    return n // 12, n % 12 + 1


def _period_overrides(kind, period: str) -> dict:
    """Example values moved into `period`: dates keep their distance to the example month (03/2024)."""
    import calendar

    out = {}
    if kind.period == "year":
        out["nam"] = period
        delta_years = int(period) - 2024
        for _name, f in field_rows(kind.record):
            m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", f.example or "")
            if isinstance(f.type, Date) and m:
                out[f.name] = f"{int(m.group(1)) + delta_years}-{m.group(2)}-{m.group(3)}"
        return out
    y, mo = int(period[:4]), int(period[5:])
    delta = (y * 12 + mo) - (2024 * 12 + 3)
    out["thang"] = period
    for _name, f in field_rows(kind.record):
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", f.example or "")
        if isinstance(f.type, Date) and m:
            ny, nm = _shift_month((int(m.group(1)), int(m.group(2))), delta)
            day = min(int(m.group(3)), calendar.monthrange(ny, nm)[1])
            out[f.name] = f"{ny:04d}-{nm:02d}-{day:02d}"
        m = re.fullmatch(r'"?(PA|HD)-2403-(\d+)"?', f.example or "")
        if m:
            out[f.name] = f'"{m.group(1)}-{period[2:4]}{period[5:7]}-01"'
    out["phan_anh"] = "[]"  # an activity's links: none until real petitions exist
    return out


def template(kind, overrides: dict | None = None, period: str | None = None, placeholders: bool = False) -> str:
    """A commented file for one kind, with an example value in every field.

    With a period ("2025-01", or "2025" for holidays) the example's month, dates and IDs move into it.
    With `placeholders` (what `new` writes) every value is "(điền …)" but the period and the IDs:
    a file left as it was cannot pass the check or be published."""
    overrides = dict(overrides or {})
    if period:
        moved = _period_overrides(kind, period)
        if placeholders:
            moved = {k: v for k, v in moved.items() if k in ("thang", "nam", "phan_anh") or re.fullmatch(r'"(PA|HD)-\d{4}-01"', v)}
        overrides = {**moved, **overrides}
    if placeholders:
        overrides[PLACEHOLDER_KEEP] = True
    head = [
        f"# yaml-language-server: $schema={schema_ref(kind)}",
        f"# {kind.label}: tệp mẫu. Sửa các giá trị, giữ nguyên tên trường; xóa dòng của trường không bắt buộc nếu không dùng.",
        "# Hướng dẫn đầy đủ: trang /huong-dan/ của trang công khai.",
    ]
    return "\n".join(head + _record_lines(kind.record, 0, overrides or {})) + "\n"


# ---------------------------------------------------------------- JSON Schema for editors


def _describe(f) -> str:
    text = f.label
    if f.help:
        text += f": {f.help}"
    if f.example:
        text += f". Ví dụ: {f.example}"
    return text


def _type_schema(typ) -> dict:
    if isinstance(typ, Text):
        out = {"type": "string", "maxLength": typ.max_len}
        if typ.pattern:
            out["pattern"] = f"^(?:{typ.pattern})$"
        return out
    if isinstance(typ, Int):
        out = {"type": "integer", "minimum": typ.min}
        if typ.max is not None:
            out["maximum"] = typ.max
        return out
    if isinstance(typ, Date):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if isinstance(typ, Month):
        return {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}
    if isinstance(typ, Quarter):
        return {"type": "string", "pattern": r"^\d{4}-Q[1-4]$"}
    if isinstance(typ, Bool):
        return {"enum": ["có", "không", True, False]}
    if isinstance(typ, Enum):
        return {"enum": [c for c, _ in typ.choices], "enumDescriptions": [label for _, label in typ.choices]}
    if isinstance(typ, ListOf):
        out = {"type": "array", "items": _type_schema(typ.item)}
        if typ.min_items:
            out["minItems"] = typ.min_items
        return out
    if isinstance(typ, MapOf):
        return {
            "type": "object",
            "propertyNames": {"enum": [c for c, _ in typ.keys.choices]},
            "additionalProperties": _type_schema(typ.value),
        }
    if isinstance(typ, Record):
        props = {}
        for f in typ.fields:
            s = _type_schema(f.type)
            s["title"] = f.label
            s["description"] = _describe(f)
            props[f.name] = s
        return {
            "type": "object",
            "title": typ.label,
            "properties": props,
            "required": [f.name for f in typ.fields if f.required],
            "additionalProperties": False,
        }
    raise TypeError(typ)  # pragma: no cover


def json_schema(kind) -> dict:
    out = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": f"{slug(kind)}.json"}
    out.update(_type_schema(kind.record))
    out["title"] = kind.label
    return out


def json_schema_text(kind) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def vscode_settings() -> dict:
    """Associates each kind's files with its schema in VS Code (redhat.vscode-yaml)."""
    mapping = {}
    for k in KINDS:
        pattern = "data/" + re.sub(r"\(\\d\{4\}(-\\d\{2\})?\)", "*", k.pattern).replace("\\.", ".")
        mapping[f"./{SCHEMA_DIR}/{slug(k)}.json"] = pattern
    return {"yaml.schemas": mapping, "files.encoding": "utf8", "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2}}
