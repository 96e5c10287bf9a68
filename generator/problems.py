"""Problems found in the data, and how they are reported.

Every problem has a stable code, a file, a line, a field and a Vietnamese message with a hint.
Nothing here prints: the CLI chooses the format.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from . import privacy

# Every problem code, with what it means for staff. The data guide (/huong-dan/) prints this
# list, and a Problem with a code that is not here cannot be created, so none goes undocumented.
CODES: dict[str, str] = {
    # reading the file
    "cu-phap-yaml": "Tệp viết sai cú pháp YAML: thiếu dấu hai chấm, thụt lề không thẳng hàng, thiếu ngoặc kép đóng…",
    "tab": "Tệp có ký tự Tab; YAML chỉ cho thụt lề bằng dấu cách.",
    "ma-hoa-khong-phai-utf8": "Tệp không lưu ở mã UTF-8 (ví dụ Windows-1258, TCVN3, UTF-16); chữ Việt sẽ bị hỏng.",
    "tep-nhi-phan": "Tệp chứa ký tự nhị phân, không phải tệp văn bản.",
    "ky-tu-dieu-khien": "Tệp có ký tự điều khiển không nhìn thấy, thường do dán từ Word, PDF hoặc Excel.",
    "ky-tu-an": "Tệp có ký tự không nhìn thấy: ký tự điều khiển hướng chữ (có thể làm chữ hiển thị khác với nội dung thật) "
                "hay ký tự định dạng khác. Chương trình tự xóa những ký tự vô hại: dấu cách độ rộng 0, ký tự nối, "
                "dấu gạch nối mềm, dấu BOM giữa tệp.",
    "loi-bang-ma": "Chữ bị lỗi bảng mã: văn bản gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI (ví dụ “Uû ban nh©n d©n”, "
                   "“UÛy ban nhaân daân”) được dán vào; cần chuyển sang Unicode.",
    "trung-ten": "Một danh sách tên (thôn, cơ quan…) có hai mục giống nhau, chỉ khác chữ hoa, chữ thường hay cách gõ dấu.",
    "tep-qua-lon": "Tệp quá lớn; mỗi tệp chỉ chứa số liệu của một tháng.",
    "tep-rong": "Tệp không có nội dung.",
    "nhieu-tai-lieu": "Tệp có nhiều tài liệu YAML (dòng ---).",
    "trung-khoa": "Một trường được viết hai lần trong cùng một mục; giá trị sau sẽ đè mất giá trị trước.",
    "neo-yaml": "Tệp dùng neo YAML (&tên), không được phép.",
    "bi-danh-yaml": "Tệp dùng bí danh YAML (*tên), không được phép.",
    "khoa-gop-yaml": "Tệp dùng khóa gộp YAML (<<), không được phép.",
    "the-yaml": "Tệp dùng thẻ kiểu YAML (bắt đầu bằng !), không được phép.",
    "long-qua-sau": "Giá trị lồng nhau (danh sách trong danh sách, nhóm trong nhóm) sâu hơn mọi mẫu của loại tệp này.",
    "khoa-khong-hop-le": "Tên trường không phải là chữ.",
    "tep-khong-ro-loai": "Tệp nằm sai thư mục hoặc đặt tên không theo mẫu.",
    "ten-tep-sai-duoi": "Tên tệp không kết thúc bằng .yaml (ví dụ .yaml.txt), nên không được đọc.",
    "thieu-tep": "Thiếu một tệp bắt buộc (xa.yaml, hoặc chưa có tháng thủ tục nào).",
    # fields and values
    "truong-la": "Tên trường không có trong mẫu (thường do gõ sai); chương trình gợi ý tên gần đúng.",
    "thieu-truong": "Thiếu một trường bắt buộc, hoặc trường bắt buộc để trống.",
    "sai-kieu": "Giá trị sai dạng: cần danh sách mà viết một giá trị, hoặc ngược lại.",
    "muc-trong": "Danh sách có mục trống (dòng '- ' không có nội dung).",
    "thieu-muc": "Danh sách cần ít nhất một mục.",
    "qua-dai": "Nội dung dài quá giới hạn của trường.",
    "sai-dinh-dang": "Giá trị không đúng dạng quy định (mã, số điện thoại, số biên nhận đã che…).",
    "sai-kieu-so": "Cần một số nguyên viết liền, không dấu chấm, dấu phẩy hay dấu cách.",
    "so-am": "Số lượng không được âm.",
    "ngoai-khoang": "Số nằm ngoài khoảng cho phép (ví dụ phần trăm lớn hơn 100).",
    "sai-dinh-dang-ngay": "Ngày không viết theo dạng NĂM-THÁNG-NGÀY.",
    "ngay-khong-hop-le": "Ngày không tồn tại (ví dụ 2024-02-30).",
    "sai-dinh-dang-thang": "Tháng không viết theo dạng NĂM-THÁNG.",
    "sai-dinh-dang-quy": "Quý không viết theo dạng NĂM-QSỐ, ví dụ 2024-Q1.",
    "sai-kieu-dung-sai": "Trường có/không chỉ nhận 'có' hoặc 'không'.",
    "gia-tri-khong-hop-le": "Giá trị không có trong danh sách được phép; chương trình gợi ý giá trị gần đúng.",
    # across records
    "thang-khong-khop": "Tháng ghi trong tệp khác tháng ở tên tệp.",
    "nam-khong-khop": "Năm ghi trong tệp khác năm ở tên tệp.",
    "sai-thang": "Mục được ghi vào tệp của tháng khác với ngày của nó.",
    "ngay-sau-ngay-chot": "Một ngày (tiếp nhận, giải quyết, thông báo, xin lỗi, trả kết quả, gửi báo cáo…) sau ngày chốt số liệu, tức ngày công bố số liệu của tháng mới nhất có dữ liệu (ngày ngay_cong_bo_hang_thang của tháng sau, lùi sang ngày làm việc): việc chưa xảy ra thì chưa được ghi. Những việc xảy ra từ đầu tháng sau đến ngày đó được ghi nhưng chỉ tính vào số liệu của tháng sau. Chỉ hạn xử lý, ngày hẹn trả và ngày hẹn mới được phép ở sau.",
    "ngay-bat-thuong": "Một ngày quá xa khoảng thời gian của dữ liệu, thường do gõ nhầm năm (ví dụ 2223 thay cho 2023).",
    "trung-noi-dung": "Hai mục giống hệt nhau, chỉ khác mã: thường là một mục bị nhập hai lần.",
    "ngay-sai-thu-tu": "Các ngày sai thứ tự (ví dụ ngày giải quyết trước ngày tiếp nhận).",
    "trung-ma": "Mã (hoặc hồ sơ, bước, tháng báo cáo) bị ghi hai lần.",
    "trung-linh-vuc": "Một lĩnh vực được ghi hai lần trong cùng tháng.",
    "tong-khong-khop": "Số liệu thủ tục không khớp: chuyển sang + tiếp nhận phải bằng đã giải quyết + đang giải quyết.",
    "chuyen-ky-khong-khop": "Số chuyển sang tháng này khác số đang giải quyết cuối tháng trước.",
    "thieu-thang": "Thiếu tệp thủ tục hành chính của một tháng ở giữa.",
    "vuot-tong": "Một phần lớn hơn tổng (ví dụ số trực tuyến lớn hơn số tiếp nhận, số phiếu thu về lớn hơn số phát ra).",
    "so-xin-loi-khong-khop": "Số hồ sơ trễ hạn trong số liệu thủ tục khác số hồ sơ trong sổ thư xin lỗi.",
    "thu-xin-loi-khong-khop": "Số thư xin lỗi trong tháng khác số thư ghi trong sổ thư xin lỗi.",
    "to-cao-co-noi-dung": "Đơn tố cáo có ghi nội dung hoặc kết quả; chỉ được công bố số lượng.",
    "lien-ket-khong-ton-tai": "Mã được nhắc tới (phản ánh, số liệu) không tồn tại.",
    "tien-do-giam": "Phần trăm tiến độ giảm so với lần cập nhật trước.",
    "tien-do-khong-khop": "Đã ghi ngày hoàn thành nhưng tiến độ chưa đạt 100%.",
    "thieu-ngay-nghi": "Thiếu lịch ngày nghỉ lễ, Tết của một năm có số liệu.",
    # published figures
    "so-lieu-cong-bo-thay-doi": "Số liệu đã công bố bị thay đổi mà chưa có mục đính chính.",
    "dinh-chinh-khong-khop": "Mục đính chính không khớp với giá trị đã công bố hoặc giá trị hiện tại.",
    "so-lieu-cong-bo-bi-mat": "Số liệu đã công bố không còn tính được từ dữ liệu hiện tại.",
    # publishing a period (python -m generator publish, the checklist of `check`)
    "gia-tri-mau": "Còn giá trị mẫu “(điền …)” chưa được thay bằng số liệu thật.",
    "thieu-so-lieu-thang": "Một loại số liệu của một tháng chưa có tệp (tháng không có mục nào thì ghi danh sách rỗng []).",
    "thieu-bao-cao-thang": "Báo cáo tháng gửi cấp trên đã đến hạn nhưng chưa ghi trong ke-hoach.yaml.",
    "ky-truoc-chua-cong-bo": "Kỳ trước chưa công bố; các kỳ được công bố theo thứ tự.",
    # personal data: one code per rule of generator/privacy.py
    **{code: f"Nội dung có {name}; không được công bố dữ liệu cá nhân." for code, name in privacy.CODES.items()},
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative path of the data file, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # dotted field path, e.g. "phan_anh[3].ngay_giai_quyet"; "" for the file
    message: str  # Vietnamese, what is wrong
    code: str  # stable, ASCII, e.g. "ngay-khong-hop-le"
    hint: str = ""  # Vietnamese, how to fix it, with an example

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"undocumented problem code {self.code!r}: add it to problems.CODES")
        # no message repeats a value that holds personal data (a CI log of a public repository is publication)
        for name in ("message", "hint", "field"):
            value = getattr(self, name)
            clean = privacy.redact(value)
            if clean != value:
                object.__setattr__(self, name, clean)

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


MISSING_FILE_CODES = {"thieu-tep", "thieu-ngay-nghi"}  # problems about files that do not exist


def format_text(problems: list[Problem], files_total: int) -> str:
    """The plain report: one line per problem, then the hint, then a summary line."""
    out = []
    for p in sorted(problems):
        field = f"{p.field}: " if p.field else ""
        out.append(f"{p.location()}  {field}{p.message}  [{p.code}]")
        if p.hint:
            out.append(f"  gợi ý: {p.hint}")
    files_bad = len({p.path for p in problems if p.code not in MISSING_FILE_CODES})
    out.append(
        f"Có {len(problems)} lỗi trong {files_bad}/{files_total} tệp. Chưa tạo trang nào."
    )
    return "\n".join(out) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem], files_total: int) -> str:
    """GitHub workflow commands, so a pull request shows each problem on its line."""
    out = []
    for p in sorted(problems):
        field = f"{p.field}: " if p.field else ""
        body = f"{field}{p.message} [{p.code}]"
        if p.hint:
            body += f"\ngợi ý: {p.hint}"
        props = f"file={_gh_escape(p.path, True)}"
        if p.line:
            props += f",line={p.line}"
        props += f",title={_gh_escape(p.code, True)}"
        out.append(f"::error {props}::{_gh_escape(body)}")
    out.append(format_text(problems, files_total).splitlines()[-1])
    return "\n".join(out) + "\n"


def format_json(problems: list[Problem], files_total: int) -> str:
    data = {
        "files": files_total,
        "problems": [asdict(p) for p in sorted(problems)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS = {"text": format_text, "github": format_github, "json": format_json}
