"""python -m generator check | build | serve

Exit codes: 0 clean, 1 data problems, 2 usage error or a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from . import pipeline
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


def cmd_check(args) -> int:
    result = pipeline.check(_data_dir(args.data))
    if result.problems:
        _report(result, args.format)
        return 1
    if args.format == "json":
        _report(result, "json")
    else:
        print(f"Dữ liệu hợp lệ: {result.files_total} tệp, không có lỗi.")
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
    try:
        cfg = load_config(str(MKDOCS_YML), site_dir=str(out), strict=True)
        mkdocs_build(cfg)
    except MkDocsException as exc:
        sys.stderr.write(f"Không tạo được trang: {exc}\n")
        return 1
    print(f"Đã tạo trang vào {out}")
    return 0


def cmd_docs(args) -> int:
    """The engine-agnostic sink: content/ plus every generated artifact, as files."""
    import shutil

    data_dir = _data_dir(args.data)
    result = pipeline.build(data_dir)
    if result.problems:
        _report(result, "text")
        return 1
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.stderr.write(f"Lỗi cách dùng: thư mục '{out}' đã có nội dung\n")
        return 2
    shutil.copytree(pipeline.ROOT / "content", out, dirs_exist_ok=True)
    for art in result.artifacts:
        dest = out / art.path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(art.content)
    print(f"Đã ghi {len(result.artifacts)} tệp tạo ra vào {out}")
    return 0


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
        return {"check": cmd_check, "build": cmd_build, "docs": cmd_docs, "serve": cmd_serve}[args.command](args)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: say so plainly, exit 2
        traceback.print_exc()
        sys.stderr.write("Lỗi chương trình (không phải lỗi dữ liệu). Hãy báo cho nhóm phát triển kèm thông báo trên.\n")
        return 2
