"""python -m generator check | build | serve

Exit codes: 0 clean, 1 data problems, 2 usage error or a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from . import completeness, guide, pipeline
from .problems import FORMATS

MKDOCS_YML = pipeline.ROOT / "mkdocs.yml"


class _Parser(argparse.ArgumentParser):
    _MESSAGES = [
        ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
        ("unrecognized arguments: ", "không hiểu tham số: "),
        ("invalid choice: ", "lựa chọn không hợp lệ: "),
        ("(choose from ", "(chọn một trong "),
        ("expected one argument", "cần một giá trị"),
    ]

    def error(self, message):  # usage errors in Vietnamese, exit 2
        for en, vi in self._MESSAGES:
            message = message.replace(en, vi)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi cách dùng: {message}\n")
        sys.exit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m generator", description="Kiểm tra dữ liệu và tạo trang công khai của xã.")
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    sub.required = True
    c = sub.add_parser("check", help="kiểm tra dữ liệu trong thư mục data/")
    c.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    c.add_argument("--format", choices=sorted(FORMATS), default="text", help="dạng báo lỗi: text, github, json")
    b = sub.add_parser("build", help="kiểm tra rồi tạo toàn bộ trang vào thư mục site/")
    b.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    b.add_argument("--out", default=str(pipeline.ROOT / "site"), help="thư mục kết quả (mặc định: site/)")
    b.add_argument("--format", choices=sorted(FORMATS), default="text", help="dạng báo lỗi")
    t = sub.add_parser("docs", help="ghi toàn bộ thư mục trang (viết tay + tạo ra) để dùng với công cụ khác")
    t.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    t.add_argument("--out", required=True, help="thư mục ghi ra (phải trống hoặc chưa có)")
    n = sub.add_parser("new", help="tạo tệp dữ liệu mới từ mẫu, ví dụ: new thu-tuc --period 2025-01")
    n.add_argument("kind", metavar="LOẠI", help="một trong: " + ", ".join(guide.KIND_BY_SLUG))
    n.add_argument("--period", help="tháng NĂM-THÁNG (hoặc năm với ngay-nghi); mặc định: tháng sau tháng mới nhất")
    n.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    sc = sub.add_parser("schemas", help="ghi lại JSON Schema cho trình soạn thảo (generator/schemas/, .vscode/)")
    sc.add_argument("--check", action="store_true", help="chỉ kiểm tra các tệp đã có có đúng không")
    d = sub.add_parser("diff", help="so sánh số liệu với một phiên bản khác, ví dụ: diff origin/main")
    d.add_argument("base", metavar="PHIÊN_BẢN", help="nhánh hoặc commit để so sánh, ví dụ origin/main")
    d.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    d.add_argument("--format", choices=["text", "markdown"], default="text", help="dạng kết quả")
    pb = sub.add_parser("publish", help="công bố chính thức số liệu một kỳ (ghi vào sổ công bố data/cong-bo/)")
    pb.add_argument("period", metavar="KỲ", help="tháng 2024-03, quý 2024-Q1 hoặc năm 2024")
    pb.add_argument("--date", help="ngày công bố NĂM-THÁNG-NGÀY (mặc định: ngày công bố theo lịch của xã)")
    pb.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    co = sub.add_parser("correct", help="ghi mục đính chính cho mọi số liệu đã công bố bị thay đổi")
    co.add_argument("--reason", required=True, help="lý do đính chính, ví dụ: \"Bổ sung phản ánh nhập muộn\"")
    co.add_argument("--date", help="ngày đính chính NĂM-THÁNG-NGÀY (mặc định: hôm nay)")
    co.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    cl = sub.add_parser("checklist", help="việc cần làm trong tháng: số liệu còn thiếu, kỳ công bố tiếp theo")
    cl.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    cl.add_argument("--format", choices=["text", "markdown"], default="text", help="dạng kết quả")
    fm = sub.add_parser("form", help="biểu mẫu “Công bố số liệu” trên GitHub (đọc VIEC, KY, NGAY, LY_DO từ biến môi trường)")
    fm.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    fm.add_argument("--summary", help="ghi thêm phần tóm tắt vào tệp này (nội dung của yêu cầu thay đổi)")
    s = sub.add_parser("serve", help="xem trước trang, tự cập nhật khi sửa dữ liệu")
    s.add_argument("--data", default=str(pipeline.DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")
    s.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ (mặc định 127.0.0.1:8000)")
    return p


def _data_dir(arg: str) -> Path:
    d = Path(arg)
    if not d.is_dir():
        sys.stderr.write(f"Lỗi cách dùng: không tìm thấy thư mục dữ liệu '{arg}'\n")
        sys.exit(2)
    return d


def _report(result, fmt: str) -> None:
    sys.stdout.write(FORMATS[fmt](result.problems, result.files_total))


def _checklist(data_dir: Path, fmt: str, checked: bool = False) -> str:
    """`checked`: the data has just passed the check (which refuses every placeholder): no second read for them."""
    sections = completeness.checklist(completeness.read_facts(data_dir, pipeline.display_prefix(data_dir),
                                                              placeholders_checked=checked))
    return completeness.checklist_markdown(sections) if fmt == "markdown" else completeness.checklist_text(sections)


def cmd_check(args) -> int:
    data_dir = _data_dir(args.data)
    result = pipeline.check(data_dir)
    if result.problems:
        _report(result, args.format)
        if args.format == "text":  # after the report, which stays the whole of stdout (tools and tests read it)
            sys.stderr.write(_checklist(data_dir, "text"))
        return 1
    if args.format == "json":
        _report(result, "json")
    else:
        print(f"Dữ liệu hợp lệ: {result.files_total} tệp, không có lỗi.")
        if args.format == "text":
            sys.stdout.write(_checklist(data_dir, "text", checked=True))
    return 0


def cmd_checklist(args) -> int:
    sys.stdout.write(_checklist(_data_dir(args.data), args.format))
    return 0


def cmd_build(args) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    data_dir = _data_dir(args.data)
    result = pipeline.check(data_dir)
    if result.problems:
        _report(result, args.format)
        return 1
    os.environ["GENERATOR_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    out = Path(args.out).resolve()
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        cfg = load_config(str(MKDOCS_YML), site_dir=str(out), strict=True)
        mkdocs_build(cfg)
    except MkDocsException as exc:
        sys.stderr.write(f"Không tạo được trang: {exc}\n")
        return 1
    print(f"Đã tạo trang vào {out}")
    return 0


def cmd_docs(args) -> int:
    """The engine-agnostic sink: a complete tree any mkdocs.yml engine can build, no hook needed.

    OUT/docs/ holds content/ plus every generated page, chart and download; OUT/overrides/ the theme
    overrides; OUT/mkdocs.yml the project's configuration with every value the hook would set from the
    data written in (pipeline.site_config) and no hooks."""
    import shutil

    import yaml

    data_dir = _data_dir(args.data)
    result = pipeline.build(data_dir)
    if result.problems:
        _report(result, "text")
        return 1
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.stderr.write(f"Lỗi cách dùng: thư mục '{out}' đã có nội dung\n")
        return 2
    docs = out / "docs"
    shutil.copytree(pipeline.ROOT / "content", docs, dirs_exist_ok=True)
    shutil.copytree(pipeline.ROOT / "overrides", out / "overrides", dirs_exist_ok=True)
    for art in result.artifacts:
        dest = docs / art.path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(art.content)
    cfg = yaml.safe_load(MKDOCS_YML.read_text("utf-8"))
    cfg.pop("hooks", None)
    cfg.update(docs_dir="docs", site_dir="site")
    cfg["theme"]["custom_dir"] = "overrides"
    values = pipeline.site_config(result)
    cfg["extra"] = {**(cfg.get("extra") or {}), **values.pop("extra")}
    cfg.update(values)
    head = ("# Tạo bởi `python -m generator docs` từ dữ liệu: mọi giá trị lấy từ data/ đã được ghi sẵn ở đây,\n"
            "# nên công cụ không chạy hook của MkDocs (ví dụ Zensical) cũng tạo được cùng các trang.\n")
    (out / "mkdocs.yml").write_text(head + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), "utf-8")
    print(f"Đã ghi {len(result.artifacts)} tệp tạo ra vào {docs} và cấu hình {out / 'mkdocs.yml'}")
    return 0


def _usage(message: str) -> int:
    sys.stderr.write(f"Lỗi cách dùng: {message}\n")
    return 2


def cmd_new(args) -> int:
    import re

    kind = guide.KIND_BY_SLUG.get(args.kind)
    if kind is None:
        return _usage(f"không có loại dữ liệu '{args.kind}'; chọn một trong: {', '.join(guide.KIND_BY_SLUG)}")
    if kind.key in ("published", "corrections"):
        return _usage(f"'{args.kind}' do chương trình ghi: công bố bằng `make publish KY=...`, đính chính bằng "
                      "`make correct LY_DO=\"...\"` (hoặc biểu mẫu “Công bố số liệu” trong thẻ Actions trên GitHub)")
    if kind.key == "site":
        if args.period:
            return _usage(f"loại '{args.kind}' chỉ có một tệp, không cần --period")
        return _new_commune(Path(args.data))
    data_dir = _data_dir(args.data)
    folder = data_dir / guide.slug(kind)
    if not kind.period:
        if args.period:
            return _usage(f"loại '{args.kind}' chỉ có một tệp, không cần --period")
        target = data_dir / kind.example_path
        text = guide.template(kind, placeholders=True)
    else:
        pattern = r"\d{4}" if kind.period == "year" else r"\d{4}-(0[1-9]|1[0-2])"
        period = args.period or _next_period(folder, kind.period)
        if not re.fullmatch(pattern, period):
            return _usage(f"--period '{period}' không đúng dạng {'NĂM' if kind.period == 'year' else 'NĂM-THÁNG'}")
        target = folder / f"{period}.yaml"
        text = _procedures_text(data_dir, kind, period) or guide.template(kind, period=period, placeholders=True)
    if target.exists():
        return _usage(f"đã có tệp {target}; lệnh này không ghi đè. Hãy mở tệp đó để sửa")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Đã tạo {target}. Thay mọi giá trị “(điền …)” bằng số liệu thật (tháng không có mục nào: "
          "xóa mục mẫu, ghi danh sách rỗng []), rồi chạy: make check")
    return 0


def _new_commune(data_dir: Path) -> int:
    """A new commune's data folder: the site file, plan, commitments, this year's holidays and a first
    procedures month, every value a "(điền …)" placeholder that the check refuses until it is replaced."""
    import datetime

    from .schema import KINDS

    if (data_dir / "xa.yaml").exists():
        return _usage(f"đã có tệp {data_dir / 'xa.yaml'}; lệnh này không ghi đè. Muốn bắt đầu một xã mới, "
                      "chọn thư mục trống: new xa --data THƯ_MỤC_MỚI")
    # the first month to fill in is the last one that has ended (a month is recorded once it is over)
    first = completeness.today().replace(day=1) - datetime.timedelta(days=1)
    by_key = {k.key: k for k in KINDS}
    files = {
        "xa.yaml": guide.template(by_key["site"], {"mo_hinh": guide._yaml_text("Chính quyền thân thiện, vì Nhân dân phục vụ"),
                                                   "ngay_cong_bo_hang_thang": "5", "du_lieu_minh_hoa": "không",
                                                   "giay_phep_du_lieu": guide._yaml_text("CC BY 4.0"), "thon": "[]"},
                                  placeholders=True),
        "ke-hoach.yaml": guide.template(by_key["plan"], {"bao_cao_thang": "[]", "so_ket": "[]", "tien_do": "[]",
                                                         "han_khac": "[]", "van_ban_minh_chung": "[]"},
                                        placeholders=True),
        "cam-ket.yaml": guide.template(by_key["commitments"], {"bang_chung": "[]"}, placeholders=True),
        f"ngay-nghi/{first.year}.yaml": guide.template(by_key["holidays"], {"ngay_lam_bu": "[]"},
                                                       period=str(first.year), placeholders=True),
        f"thu-tuc/{first.year:04d}-{first.month:02d}.yaml": guide.template(
            by_key["procedures"], period=f"{first.year:04d}-{first.month:02d}", placeholders=True),
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        target = data_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"Đã tạo {target}")
    print(f"Thay mọi giá trị “(điền …)” bằng thông tin của xã, rồi chạy: make check DATA={data_dir}. "
          "Lệnh kiểm tra chỉ ra từng dòng còn giá trị mẫu.")
    return 0


def _next_period(folder: Path, kind_period: str) -> str:
    import datetime

    names = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
    last_ended = completeness.today().replace(day=1) - datetime.timedelta(days=1)
    if kind_period == "year":
        return str(int(names[-1]) + 1) if names else str(last_ended.year)
    if not names:
        return f"{last_ended.year:04d}-{last_ended.month:02d}"
    y, m = int(names[-1][:4]), int(names[-1][5:7])
    return f"{y + (m == 12):04d}-{m % 12 + 1:02d}"


def _procedures_text(data_dir: Path, kind, period: str) -> str | None:
    """A new procedures month: one row per field of last month, carried over = last month's pending."""
    if kind.key != "procedures":
        return None
    result = pipeline.check(data_dir)
    if not result.ok or not result.dataset.procedures:
        return None
    last = result.dataset.procedures[-1]
    y, m = int(period[:4]), int(period[5:])
    if last.thang != f"{y - (m == 1):04d}-{(m - 2) % 12 + 1:02d}":
        return None
    head = guide.template(kind, period=period).split("\nlinh_vuc:")[0]
    rows = ["linh_vuc:  # một mục cho mỗi lĩnh vực; ton_truoc đã lấy từ cuối tháng " + last.thang]
    row_fields = {f.name: f for f in kind.record.by_name["linh_vuc"].type.item.fields}
    for r in last.linh_vuc:
        rows.append(f"  - linh_vuc: {r.linh_vuc}")
        rows.append(f"    ton_truoc: {r.dang_trong_han + r.dang_qua_han}")
        for f in ("tiep_nhan", "truc_tuyen", "som_han", "dung_han", "tre_han", "dang_trong_han", "dang_qua_han", "tai_nha"):
            rows.append(f"    {f}: {guide.placeholder(row_fields[f])}")
    return head + "\n" + "\n".join(rows) + "\n"


def cmd_schemas(args) -> int:
    import json

    from .schema import KINDS

    wanted = {pipeline.ROOT / guide.SCHEMA_DIR / f"{guide.slug(k)}.json": guide.json_schema_text(k) for k in KINDS}
    wanted[pipeline.ROOT / ".vscode" / "settings.json"] = (
        json.dumps(guide.vscode_settings(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text("utf-8") != text]
    if args.check:
        for p in stale:
            print(f"cũ hoặc thiếu: {p.relative_to(pipeline.ROOT)}")
        return 1 if stale else 0
    for p in stale:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(wanted[p], encoding="utf-8")
        print(f"đã ghi {p.relative_to(pipeline.ROOT)}")
    return 0


def cmd_diff(args) -> int:
    from . import figdiff

    data_dir = _data_dir(args.data)
    try:
        report = figdiff.diff_against(args.base, data_dir, args.format)
    except figdiff.GitError as exc:
        return _usage(str(exc))
    sys.stdout.write(report.text)
    return 1 if report.problems else 0


def cmd_publish(args) -> int:
    import datetime
    import re

    from . import ledger
    from .indicators import periods_for
    from .problems import format_text
    from .schema import PERIOD_PATTERN

    if not re.fullmatch(PERIOD_PATTERN, args.period):
        return _usage(f"kỳ '{args.period}' không đúng dạng: tháng 2024-03, quý 2024-Q1 hoặc năm 2024")
    try:
        on = datetime.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        return _usage(f"ngày '{args.date}' không đúng dạng NĂM-THÁNG-NGÀY")
    data_dir = _data_dir(args.data)
    facts = completeness.read_facts(data_dir, pipeline.display_prefix(data_dir))
    if on is None:
        on = completeness.release_date(facts, args.period)
        today = completeness.today()
        if today > on:
            # late: the ledger says when the figures really came out, never the day they were due
            print(f"Ngày công bố: hôm nay {today:%d/%m/%Y}. Theo lịch công bố của xã, kỳ này phải công bố ngày "
                  f"{on:%d/%m/%Y}: chậm {(today - on).days} ngày, và trang báo cáo ghi đúng ngày công bố thật. "
                  "Nếu số liệu đã được niêm yết, phát thanh từ một ngày trước đó, ghi ngày ấy: --date NĂM-THÁNG-NGÀY.")
            on = today
        else:
            print(f"Ngày công bố: {on:%d/%m/%Y}, theo lịch công bố của xã (ngày {facts.release_day} tháng sau kỳ, "
                  f"trường {completeness.RELEASE_DAY_FIELD} trong xa.yaml; trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp). "
                  "Muốn chọn ngày khác: --date NĂM-THÁNG-NGÀY.")
    target = data_dir / "cong-bo" / f"{args.period}.yaml"
    if target.exists():
        return _usage(f"kỳ {args.period} đã công bố ({target}); muốn thay đổi số đã công bố, "
                      "ghi đính chính: `make correct LY_DO=\"...\"` hoặc biểu mẫu “Đính chính số liệu” trên GitHub")
    months = facts.all_months()
    period_span = completeness.span(args.period)
    if not set(period_span.months) & set(months):
        return _usage(f"không có số liệu kỳ {args.period}")
    if months and period_span.end > completeness.span(months[-1]).end:
        return _usage(f"kỳ {args.period} chưa kết thúc trong dữ liệu (dữ liệu tính đến "
                      f"{completeness.span(months[-1]).end:%d/%m/%Y})")
    wrong_date = completeness.date_problems(facts, args.period, on)
    if wrong_date:
        return _usage("; ".join(wrong_date) + f". Chưa công bố kỳ {args.period}")
    result = pipeline.check(data_dir)
    todo = completeness.missing(facts, args.period, on)
    problems = sorted(set(result.problems) | set(todo))
    if problems:
        body = format_text(problems, result.files_total).splitlines()[:-1]
        sys.stdout.write("\n".join(body) + "\n")
        sys.stdout.write(f"Chưa công bố kỳ {args.period}: còn {len(problems)} việc phải làm (liệt kê ở trên). "
                         "Không có gì được ghi.\n")
        return 1
    period = next((p for p in periods_for(result.dataset.months) if p.key == args.period), None)
    if period is None:
        return _usage(f"không có số liệu kỳ {args.period}")
    if period.end > result.as_of:
        return _usage(f"kỳ {args.period} chưa kết thúc trong dữ liệu (dữ liệu tính đến {result.as_of:%d/%m/%Y})")
    kind = guide.KIND_BY_SLUG["cong-bo"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(ledger.ledger_text(args.period, on, result.figures, guide.schema_ref(kind), ds=result.dataset),
                      encoding="utf-8")
    n = sum(1 for f in result.figures if f.period == args.period)
    print(f"Đã ghi {n} số liệu kỳ {args.period}, công bố ngày {on:%d/%m/%Y}, vào {target}. Hãy commit tệp này.")
    return 0


def cmd_correct(args) -> int:
    import datetime

    from . import ledger

    try:
        on = datetime.date.fromisoformat(args.date) if args.date else completeness.today()
    except ValueError:
        return _usage(f"ngày '{args.date}' không đúng dạng NĂM-THÁNG-NGÀY")
    data_dir = _data_dir(args.data)
    result = pipeline.check(data_dir, frozen=False)
    if result.problems:
        _report(result, "text")
        return 1
    items = ledger.pending_corrections(result.dataset, result.figures, on, args.reason)
    if not items:
        print("Không có số liệu đã công bố nào thay đổi; không cần đính chính.")
        return 0
    published = ledger.published_periods(result.dataset)
    early = sorted({it["ky"] for it in items if on < published[it["ky"]]})
    if early:
        for ky in early:
            sys.stderr.write(f"Lỗi: ngày đính chính {on:%d/%m/%Y} trước ngày công bố kỳ {ky} ({published[ky]:%d/%m/%Y}); "
                             "đính chính chỉ ghi được từ ngày công bố trở đi\n")
        sys.stderr.write("Không có gì được ghi.\n")
        return 1
    target = data_dir / "dinh-chinh.yaml"
    existing = target.read_text("utf-8") if target.exists() else None
    kind = guide.KIND_BY_SLUG["dinh-chinh"]
    target.write_text(ledger.corrections_text(existing, items, guide.schema_ref(kind)), encoding="utf-8")
    for it in items:
        old = ledger.show(it["gia_tri_cu"], it["ma"], it["tu_so_cu"], it["mau_so_cu"])
        new = ledger.show(it["gia_tri_moi"], it["ma"], it["tu_so_moi"], it["mau_so_moi"])
        print(f"đính chính {it['ma']} kỳ {it['ky']}: {old} → {new}")
    print(f"Đã ghi {len(items)} mục vào {target}. Kiểm tra lại lý do rồi commit cùng thay đổi dữ liệu.")
    return 0


def cmd_form(args) -> int:
    from . import webform

    return webform.run(_data_dir(args.data), args.summary)


def cmd_serve(args) -> int:
    from mkdocs.commands.serve import serve

    data_dir = _data_dir(args.data)
    os.environ["GENERATOR_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve(str(MKDOCS_YML), dev_addr=args.addr, livereload=True)
    return 0


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"check": cmd_check, "build": cmd_build, "docs": cmd_docs, "serve": cmd_serve,
                "new": cmd_new, "schemas": cmd_schemas, "diff": cmd_diff, "publish": cmd_publish,
                "correct": cmd_correct, "checklist": cmd_checklist, "form": cmd_form}[args.command](args)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: say so plainly, exit 2
        traceback.print_exc()
        sys.stderr.write("Lỗi chương trình (không phải lỗi dữ liệu). Hãy báo cho nhóm phát triển kèm thông báo trên.\n")
        return 2
