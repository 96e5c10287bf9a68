"""The declared fields of every record kind.

One declaration per field: its type, whether it is required, allowed values, a Vietnamese
label, a help text and an example. The checker, the record classes and (later) the data guide
and the editor's JSON Schemas are all derived from these declarations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, make_dataclass
from typing import Any

# ---------------------------------------------------------------- value types


@dataclass(frozen=True)
class Text:
    max_len: int = 300
    free: bool = False  # free text written by staff (summaries, reasons); every Text without a pattern is checked for personal data
    pattern: str | None = None  # regex the whole value must match
    pattern_hint: str = ""
    kind = "text"


@dataclass(frozen=True)
class Int:
    min: int = 0
    max: int | None = None
    kind = "int"


@dataclass(frozen=True)
class Date:
    kind = "date"


@dataclass(frozen=True)
class Month:
    kind = "month"


@dataclass(frozen=True)
class Quarter:
    kind = "quarter"


@dataclass(frozen=True)
class Bool:
    kind = "bool"


@dataclass(frozen=True)
class Enum:
    choices: tuple  # ((code, Vietnamese label), ...)
    kind = "enum"

    def labels(self) -> dict:
        return dict(self.choices)


@dataclass(frozen=True)
class ListOf:
    item: Any  # a value type or a Record
    min_items: int = 0
    kind = "list"


@dataclass(frozen=True)
class MapOf:
    """A mapping whose keys come from an Enum and whose values are Records."""

    keys: Enum
    value: Any
    kind = "map"


@dataclass(frozen=True)
class Field:
    name: str
    type: Any
    label: str
    help: str = ""
    example: str = ""
    required: bool = True
    # conditions the check enforces and the guide prints (guide.required_text): required unless
    # another field has a value, e.g. ("loai", "to-cao"); required when another field is filled in
    required_unless: tuple = ()
    required_with: str = ""


@dataclass(frozen=True)
class Source:
    path: str
    line: int
    lines: dict = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


class Record:
    """A group of fields; builds a frozen dataclass for its records."""

    def __init__(self, name: str, label: str, fields: list[Field]):
        self.name = name
        self.label = label
        self.fields = fields
        self.by_name = {f.name: f for f in fields}
        self.cls = make_dataclass(
            name,
            [(f.name, Any, field(default=None)) for f in fields]
            + [("src", Any, field(default=None, compare=False, repr=False))],
            frozen=True,
        )

    kind = "record"


# ---------------------------------------------------------------- vocabularies

LINH_VUC = Enum(
    (
        ("ho-tich", "Hộ tịch"),
        ("chung-thuc", "Chứng thực"),
        ("dat-dai", "Đất đai"),
        ("bao-tro-xa-hoi", "Bảo trợ xã hội"),
        ("nguoi-co-cong", "Người có công"),
        ("lao-dong", "Lao động, việc làm"),
        ("xay-dung", "Xây dựng"),
        ("moi-truong", "Môi trường"),
        ("giao-thong", "Giao thông"),
        ("van-hoa", "Văn hóa, thể thao"),
        ("giao-duc", "Giáo dục"),
        ("y-te", "Y tế"),
        ("nong-nghiep", "Nông nghiệp"),
        ("thi-dua-khen-thuong", "Thi đua, khen thưởng"),
        ("hoa-giai", "Hòa giải cơ sở"),
        ("tiep-cong-dan", "Tiếp công dân, khiếu nại, tố cáo"),
        ("an-ninh-trat-tu", "An ninh, trật tự"),
        ("khac", "Khác"),
    )
)

KENH = Enum(
    (
        ("hom-thu", "Hòm thư góp ý"),
        ("duong-day-nong", "Đường dây nóng"),
        ("tiep-cong-dan", "Tiếp công dân"),
        ("doi-thoai", "Đối thoại"),
        ("tiep-xuc-cu-tri", "Tiếp xúc cử tri"),
        ("cong-thong-tin", "Cổng thông tin, Cổng dịch vụ công"),
        ("mot-cua", "Bộ phận Một cửa"),
        ("truc-tiep", "Trực tiếp tại trụ sở"),
        ("zalo", "Zalo, ứng dụng của xã"),
        ("khac", "Kênh khác"),
    )
)

LOAI_PAKN = Enum(
    (
        ("phan-anh", "Phản ánh"),
        ("kien-nghi", "Kiến nghị"),
        ("khieu-nai", "Khiếu nại"),
        ("to-cao", "Tố cáo"),
    )
)

MUC_HAI_LONG = Enum(
    (
        ("rat-hai-long", "Rất hài lòng"),
        ("hai-long", "Hài lòng"),
        ("binh-thuong", "Bình thường"),
        ("khong-hai-long", "Không hài lòng"),
        ("rat-khong-hai-long", "Rất không hài lòng"),
    )
)

TIEU_CHI = Enum(
    (
        ("tiep-can-dich-vu", "Tiếp cận dịch vụ"),
        ("thu-tuc-hanh-chinh", "Thủ tục hành chính"),
        ("cong-chuc", "Công chức giải quyết công việc"),
        ("ket-qua", "Kết quả giải quyết"),
        ("tiep-nhan-gop-y", "Tiếp nhận và xử lý góp ý, phản ánh"),
    )
)

LOAI_HOAT_DONG = Enum(
    (
        ("tiep-cong-dan", "Tiếp công dân"),
        ("doi-thoai", "Đối thoại với Nhân dân"),
        ("tiep-xuc-cu-tri", "Tiếp xúc cử tri"),
        ("cung-lam-voi-dan", "Cùng làm với dân"),
        ("phat-thanh", "Tuyên truyền trên loa truyền thanh"),
        ("tap-huan", "Tập huấn, hội nghị"),
        ("khac", "Hoạt động khác"),
    )
)

# ---------------------------------------------------------------- shared fields

THANG = Field(
    "thang",
    Month(),
    "Tháng",
    "tháng của số liệu, trùng với tên tệp",
    "2024-03",
)

# ---------------------------------------------------------------- record kinds

# a web address that needs no escaping anywhere: no quotes, brackets, spaces or anything outside this set
URL_PATTERN = r"https://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~%/:+-]*)?"

SITE = Record(
    "Site",
    "Thông tin xã",
    [
        Field("ten", Text(80), "Tên xã", "tên ngắn dùng trong câu", "xã Mẫu"),
        Field("ten_co_quan", Text(120), "Tên cơ quan", "", "Ủy ban nhân dân xã Mẫu"),
        Field(
            "don_vi_cap_tren",
            ListOf(Text(80)),
            "Đơn vị cấp trên",
            "từ gần đến xa",
            '["tỉnh Mẫu"]',
        ),
        Field(
            "ghi_chu_don_vi_hanh_chinh",
            Text(500, free=True),
            "Ghi chú về đơn vị hành chính",
            "ví dụ ghi chú về sắp xếp đơn vị hành chính từ 01/07/2025",
            "Từ ngày 01/7/2025 không còn cấp huyện; số liệu trước đó ghi theo tên đơn vị hành chính cũ",
            required=False,
        ),
        Field("mo_hinh", Text(200), "Tên mô hình", "", "Chính quyền thân thiện, vì Nhân dân phục vụ"),
        Field("dia_chi", Text(200), "Địa chỉ trụ sở", "địa chỉ công khai của trụ sở", "Thôn Một, xã Mẫu"),
        Field("dien_thoai", Text(20, pattern=r"0\d{9,10}", pattern_hint="10–11 chữ số, bắt đầu bằng 0"), "Điện thoại cơ quan", "", '"0123456789"'),
        Field("email", Text(120, pattern=r"[^@\s]+@[^@\s]+\.[^@\s]+", pattern_hint="dạng ten@mien.gov.vn"), "Thư điện tử cơ quan", "", "ubnd.xamau@tinhmau.gov.vn"),
        Field("duong_day_nong", Text(20, pattern=r"0\d{9,10}", pattern_hint="10–11 chữ số, bắt đầu bằng 0"), "Đường dây nóng",
              "số đường dây nóng tiếp nhận phản ánh, kiến nghị", '"0123456780"', required=False),
        Field("zalo", Text(200, pattern=r"0\d{9,10}|https://zalo\.me/[A-Za-z0-9._~%-]+", pattern_hint="số điện thoại đăng ký Zalo (bắt đầu bằng 0) hoặc địa chỉ https://zalo.me/… của tài khoản chính thức (chữ không dấu, số)"),
              "Zalo của xã", "tài khoản Zalo chính thức (Official Account) hoặc số Zalo của xã", '"https://zalo.me/1234567890123456789"', required=False),
        Field("cong_thong_tin", Text(200, pattern=URL_PATTERN, pattern_hint="địa chỉ bắt đầu bằng https://, chỉ gồm chữ không dấu, số và . - _ ~ % / :"), "Cổng dịch vụ công, cổng thông tin",
              "nơi người dân nộp hồ sơ, gửi phản ánh trực tuyến", "https://dichvucong.gov.vn/", required=False),
        Field("gio_lam_viec", Text(200), "Giờ làm việc", "", "Sáng 7h00–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu", required=False),
        Field(
            "hom_thu_gop_y",
            ListOf(
                Record(
                    "SuggestionBox",
                    "Hòm thư góp ý",
                    [
                        Field("noi_dat", Text(200), "Nơi đặt", "", "Bộ phận Một cửa, trụ sở UBND xã"),
                        Field("ghi_chu", Text(300, free=True), "Ghi chú", "", "Mở hòm thư vào thứ Sáu hằng tuần", required=False),
                    ],
                )
            ),
            "Hòm thư góp ý",
            "nơi đặt các hòm thư góp ý",
        ),
        Field(
            "lanh_dao",
            ListOf(
                Record(
                    "Leader",
                    "Lãnh đạo",
                    [
                        Field("chuc_vu", Text(120), "Chức vụ", "chỉ ghi chức vụ, không ghi họ tên", "Chủ tịch UBND xã"),
                        Field("dien_thoai", Text(20, pattern=r"0\d{9,10}", pattern_hint="10–11 chữ số, bắt đầu bằng 0"), "Điện thoại công vụ", "số công khai theo quyết định của xã", '"0123456780"'),
                        Field("lich_tiep_dan", Text(200), "Lịch tiếp công dân", "", "Thứ Năm tuần thứ hai hằng tháng", required=False),
                    ],
                )
            ),
            "Lãnh đạo và số điện thoại công khai",
            "theo chức vụ",
        ),
        Field("dai_truyen_thanh", Text(120), "Tên đài truyền thanh", "", "Đài truyền thanh xã Mẫu"),
        Field("ngay_cong_bo_hang_thang", Int(min=1, max=28), "Ngày công bố số liệu hằng tháng",
              "số liệu mỗi tháng được công bố chậm nhất vào ngày này của tháng sau (mặc định: 5)", "5", required=False),
        Field("thon", ListOf(Text(80)), "Các thôn", "danh sách thôn, khu phố", '["Thôn Một", "Thôn Hai"]', required=False),
        Field("du_lieu_minh_hoa", Bool(), "Dữ liệu minh họa", "có: mọi trang ghi rõ đây là dữ liệu minh họa", "có"),
        Field("giay_phep_du_lieu", Text(80), "Giấy phép dữ liệu", "", "CC BY 4.0"),
        Field("kho_ma_nguon", Text(200, pattern=URL_PATTERN, pattern_hint="địa chỉ bắt đầu bằng https://, chỉ gồm chữ không dấu, số và . - _ ~ % / :"), "Kho dữ liệu trên GitHub", "để trang có nút sửa", "https://github.com/ten-to-chuc/ten-kho", required=False),
        Field("dia_chi_trang", Text(200, pattern=URL_PATTERN, pattern_hint="địa chỉ bắt đầu bằng https://, chỉ gồm chữ không dấu, số và . - _ ~ % / :"), "Địa chỉ trang công khai", "", "https://xamau.example.vn/", required=False),
    ],
)

HOLIDAYS = Record(
    "HolidayYear",
    "Ngày nghỉ lễ, Tết",
    [
        Field("nam", Int(min=2000, max=2100), "Năm", "trùng với tên tệp", "2024"),
        Field(
            "ngay_nghi",
            ListOf(
                Record(
                    "Holiday",
                    "Ngày nghỉ",
                    [
                        Field("ten", Text(120), "Tên ngày nghỉ", "", "Tết Nguyên đán"),
                        Field("tu_ngay", Date(), "Từ ngày", "", "2024-02-08"),
                        Field("den_ngay", Date(), "Đến ngày", "bỏ trống nếu nghỉ một ngày", "2024-02-14", required=False),
                    ],
                )
            ),
            "Các ngày nghỉ",
            "nghỉ lễ, Tết và nghỉ bù",
        ),
        Field(
            "ngay_lam_bu",
            ListOf(
                Record(
                    "MakeUpDay",
                    "Ngày làm bù",
                    [
                        Field("ten", Text(120), "Lý do", "", "Làm bù cho ngày 29/04/2024"),
                        Field("ngay", Date(), "Ngày làm bù", "ngày thứ Bảy đi làm bù", "2024-05-04"),
                    ],
                )
            ),
            "Ngày làm bù",
            "các ngày thứ Bảy, Chủ nhật phải đi làm bù",
            required=False,
        ),
    ],
)

PROCEDURE_ROW = Record(
    "ProcedureRow",
    "Số liệu một lĩnh vực",
    [
        Field("linh_vuc", LINH_VUC, "Lĩnh vực", "", "ho-tich"),
        Field("ton_truoc", Int(), "Kỳ trước chuyển sang", "bằng số đang giải quyết cuối tháng trước", "4"),
        Field("tiep_nhan", Int(), "Tiếp nhận mới trong tháng", "", "85"),
        Field("truc_tuyen", Int(), "Trong đó tiếp nhận trực tuyến", "không lớn hơn số tiếp nhận mới", "41"),
        Field("som_han", Int(), "Giải quyết trước hạn", "", "30"),
        Field("dung_han", Int(), "Giải quyết đúng hạn", "", "52"),
        Field("tre_han", Int(), "Giải quyết quá hạn", "mỗi hồ sơ quá hạn phải có trong sổ thư xin lỗi (tre-han/)", "1"),
        Field("dang_trong_han", Int(), "Đang giải quyết, còn trong hạn", "tính đến cuối tháng", "6"),
        Field("dang_qua_han", Int(), "Đang giải quyết, đã quá hạn", "tính đến cuối tháng", "0"),
        Field("tai_nha", Int(), "Giải quyết tại nhà", "số hồ sơ cán bộ đến tận nhà người dân", "2", required=False),
    ],
)

PROCEDURES = Record(
    "ProcedureMonth",
    "Thủ tục hành chính trong tháng",
    [
        THANG,
        Field("linh_vuc", ListOf(PROCEDURE_ROW, min_items=1), "Các lĩnh vực", "một mục cho mỗi lĩnh vực có hồ sơ", ""),
    ],
)

LATE_CASE = Record(
    "LateCase",
    "Hồ sơ quá hạn",
    [
        Field(
            "so_bien_nhan",
            Text(40, pattern=r"[^\s]*\*{3,}[^\s]*", pattern_hint="che bớt ít nhất 3 ký tự bằng dấu *, ví dụ H56.45-240301-****12"),
            "Số biên nhận (đã che)",
            "che bớt số biên nhận bằng dấu * để không lộ người nộp",
            '"H56.45-240301-****12"',
        ),
        Field("linh_vuc", LINH_VUC, "Lĩnh vực", "", "dat-dai"),
        Field("ngay_nhan", Date(), "Ngày nhận hồ sơ", "", "2024-02-20"),
        Field("ngay_hen_tra", Date(), "Ngày hẹn trả", "ngày hẹn đã bị lỡ; phải thuộc tháng của tệp", "2024-03-05"),
        Field("ly_do", Text(300, free=True), "Lý do quá hạn", "", "Chờ kết quả đo đạc"),
        Field("ngay_xin_loi", Date(), "Ngày gửi thư xin lỗi", "bỏ trống nếu chưa gửi", "2024-03-04", required=False),
        Field("so_thu_xin_loi", Text(40), "Số thư xin lỗi", "", "12/TXL-UBND", required=False),
        Field("ngay_hen_moi", Date(), "Ngày hẹn trả mới", "", "2024-03-12", required=False),
        Field("ngay_tra", Date(), "Ngày trả kết quả", "bỏ trống nếu chưa trả", "2024-03-11", required=False),
    ],
)

LATE_CASES = Record(
    "LateMonth",
    "Sổ thư xin lỗi trong tháng",
    [THANG, Field("ho_so", ListOf(LATE_CASE), "Các hồ sơ quá hạn", "theo tháng của ngày hẹn trả", "")],
)

PETITION = Record(
    "Petition",
    "Phản ánh, kiến nghị",
    [
        Field("ma", Text(20, pattern=r"PA-\d{4}-\d{2,4}", pattern_hint="PA-NĂMTHÁNG-SỐ, ví dụ PA-2403-01"), "Mã", "duy nhất trong toàn bộ dữ liệu", '"PA-2403-01"'),
        Field("ngay_nhan", Date(), "Ngày tiếp nhận", "", "2024-03-02"),
        Field("kenh", KENH, "Kênh tiếp nhận", "", "hom-thu"),
        Field("loai", LOAI_PAKN, "Loại", "", "kien-nghi"),
        Field("linh_vuc", LINH_VUC, "Lĩnh vực", "", "dat-dai"),
        Field("thon", Text(80), "Thôn", "phải có trong danh sách thôn của xa.yaml", "Thôn Một", required=False),
        Field("tom_tat", Text(500, free=True), "Tóm tắt nội dung", "đã bỏ mọi thông tin cá nhân; không ghi với đơn tố cáo", "Kiến nghị sửa đoạn mương bị sạt lở", required=False,
              required_unless=("loai", "to-cao")),
        Field("don_vi_xu_ly", Text(120), "Đơn vị, bộ phận xử lý", "", "Công chức Địa chính – Xây dựng"),
        Field("ngay_thu_ly", Date(), "Ngày thụ lý", "với khiếu nại, tố cáo; bỏ trống thì tính từ ngày tiếp nhận", "2024-03-05", required=False),
        Field("han_xu_ly", Date(), "Hạn xử lý", "bỏ trống để tự tính theo loại", "2024-03-22", required=False),
        Field("phuc_tap", Bool(), "Vụ việc phức tạp", "chỉ với khiếu nại: hạn 45 ngày thay vì 30", "không", required=False),
        Field("ngay_giai_quyet", Date(), "Ngày giải quyết xong", "bỏ trống nếu đang xử lý", "2024-03-15", required=False),
        Field("ket_qua", Text(500, free=True), "Kết quả", "", "Đã sửa chữa xong", required=False,
              required_with="ngay_giai_quyet", required_unless=("loai", "to-cao")),
        Field("ngay_thong_bao", Date(), "Ngày thông báo kết quả", "ngày báo cho người gửi", "2024-03-16", required=False),
        Field("danh_gia", MUC_HAI_LONG, "Đánh giá của người gửi", "", "hai-long", required=False),
        Field("tai_dien", Bool(), "Tái diễn", "có: cùng vụ việc được gửi lại sau khi đã trả lời", "không", required=False),
    ],
)

PETITIONS = Record(
    "PetitionMonth",
    "Phản ánh, kiến nghị trong tháng",
    [THANG, Field("phan_anh", ListOf(PETITION), "Các phản ánh, kiến nghị", "theo tháng tiếp nhận", "")],
)

LEVELS = Record(
    "SurveyLevels",
    "Số phiếu theo mức",
    [
        Field("rat_hai_long", Int(), "Rất hài lòng", "", "30"),
        Field("hai_long", Int(), "Hài lòng", "", "45"),
        Field("binh_thuong", Int(), "Bình thường", "", "10"),
        Field("khong_hai_long", Int(), "Không hài lòng", "", "2"),
        Field("rat_khong_hai_long", Int(), "Rất không hài lòng", "", "0"),
    ],
)

SURVEYS = Record(
    "SurveyMonth",
    "Khảo sát mức độ hài lòng trong tháng",
    [
        THANG,
        Field("phieu_phat_ra", Int(), "Số phiếu phát ra", "", "95"),
        Field("phieu_thu_ve", Int(), "Số phiếu thu về", "không lớn hơn số phiếu phát ra", "88"),
        Field("tieu_chi", MapOf(TIEU_CHI, LEVELS), "Kết quả theo tiêu chí", "mỗi tiêu chí: số phiếu ở từng mức", ""),
    ],
)

LETTERS = Record(
    "LetterMonth",
    "Thư gửi người dân trong tháng",
    [
        THANG,
        Field("xin_loi", Int(), "Thư xin lỗi", "bằng số hồ sơ trong sổ thư xin lỗi có ngày xin lỗi trong tháng", "3"),
        Field("cam_on", Int(), "Thư cảm ơn", "", "6"),
        Field("chuc_mung", Int(), "Thư chúc mừng", "chỉ ghi số lượng", "14"),
        Field("chia_buon", Int(), "Thư chia buồn", "chỉ ghi số lượng", "5"),
    ],
)

ACTIVITY = Record(
    "Activity",
    "Hoạt động",
    [
        Field("ma", Text(20, pattern=r"HD-\d{4}-\d{2,4}", pattern_hint="HD-NĂMTHÁNG-SỐ, ví dụ HD-2403-01"), "Mã", "duy nhất trong toàn bộ dữ liệu", '"HD-2403-01"'),
        Field("ngay", Date(), "Ngày", "", "2024-03-07"),
        Field("loai", LOAI_HOAT_DONG, "Loại hoạt động", "", "tiep-cong-dan"),
        Field("chu_tri", Text(120), "Chủ trì", "chỉ ghi chức vụ, không ghi họ tên", "Chủ tịch UBND xã"),
        Field("noi_dung", Text(400, free=True), "Nội dung", "", "Tiếp công dân định kỳ tại trụ sở UBND xã"),
        Field("so_nguoi", Int(), "Số người tham dự", "", "12", required=False),
        Field("so_y_kien", Int(), "Số ý kiến", "", "3", required=False),
        Field("phan_anh", ListOf(Text(20)), "Phản ánh phát sinh", "mã các phản ánh, kiến nghị ghi nhận từ hoạt động này", '["PA-2403-02"]', required=False),
    ],
)

ACTIVITIES = Record(
    "ActivityMonth",
    "Hoạt động trong tháng",
    [THANG, Field("hoat_dong", ListOf(ACTIVITY), "Các hoạt động", "", "")],
)

STEP = Record(
    "PlanStep",
    "Bước của kế hoạch",
    [
        Field("so", Int(min=1, max=20), "Số thứ tự bước", "", "1"),
        Field("ten", Text(200), "Tên bước", "", "Ban hành Nghị quyết, thành lập Ban điều hành"),
        Field("noi_dung", Text(2000), "Nội dung", "theo nguyên văn kế hoạch", "Đảng ủy xã xây dựng và ban hành Nghị quyết để lãnh đạo thực hiện mô hình"),
        Field("han", Date(), "Hạn hoàn thành", "bỏ trống với bước thực hiện thường xuyên", "2023-11-15", required=False),
        Field("han_nguyen_van", Text(300), "Hạn theo nguyên văn", "", "Thực hiện xong trước ngày 15/11/2023."),
        Field(
            "han_khac",
            ListOf(
                Record(
                    "OtherDeadline",
                    "Mốc khác trong văn bản",
                    [
                        Field("ngay", Date(), "Ngày", "", "2023-12-31"),
                        Field("nguon", Text(400), "Nguồn", "đoạn văn bản nêu mốc này", "Mục “Về tổ chức thực hiện”, nhiệm vụ của Đảng ủy"),
                    ],
                )
            ),
            "Mốc khác nêu trong văn bản",
            "khi văn bản nêu hai mốc khác nhau cho cùng một việc",
            required=False,
        ),
        Field("don_vi", Text(200), "Đơn vị chủ trì", "", "Đảng ủy xã"),
        Field("trong_so", Int(min=1, max=100), "Trọng số", "bỏ trống: các bước bằng nhau", "1", required=False),
        Field("ngay_hoan_thanh", Date(), "Ngày hoàn thành", "", "2023-11-10", required=False),
        Field("van_ban_minh_chung", ListOf(Text(60)), "Văn bản minh chứng", "số hiệu văn bản", '["15-NQ/ĐU"]', required=False),
        Field(
            "tien_do",
            ListOf(
                Record(
                    "ProgressUpdate",
                    "Cập nhật tiến độ",
                    [
                        Field("ngay", Date(), "Ngày", "", "2023-10-20"),
                        Field("phan_tram", Int(min=0, max=100), "Phần trăm hoàn thành", "", "50"),
                        Field("ghi_chu", Text(300), "Ghi chú", "", "Đã ban hành Nghị quyết", required=False),
                    ],
                )
            ),
            "Tiến độ",
            "các lần cập nhật, theo thứ tự thời gian",
            required=False,
        ),
    ],
)

PLAN = Record(
    "Plan",
    "Kế hoạch thực hiện mô hình",
    [
        Field(
            "van_ban",
            Record(
                "PlanDocument",
                "Văn bản kế hoạch",
                [
                    Field("so", Text(60), "Số hiệu", "", "01/KHPH-DV-UBND"),
                    Field("ngay", Date(), "Ngày ban hành", "", "2023-09-25"),
                    Field("co_quan", ListOf(Text(120), min_items=1), "Cơ quan ban hành", "", '["Khối Dân vận Đảng ủy xã", "UBND xã"]'),
                    Field("ten", Text(400), "Tên văn bản", "", "Kế hoạch xây dựng thực hiện mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”"),
                    Field("muc_dich", Text(2000), "Mục đích, yêu cầu", "", "Nâng cao chất lượng phục vụ Nhân dân", required=False),
                ],
            ),
            "Văn bản kế hoạch",
            "",
        ),
        Field("buoc", ListOf(STEP, min_items=1), "Các bước", "", ""),
        Field(
            "bao_cao_thang",
            ListOf(
                Record(
                    "MonthlyReport",
                    "Báo cáo tháng",
                    [
                        Field("thang", Month(), "Tháng báo cáo", "", "2023-12"),
                        Field("han", Date(), "Hạn gửi", "", "2024-01-05"),
                        Field("ngay_gui", Date(), "Ngày gửi", "bỏ trống nếu chưa gửi", "2024-01-04", required=False),
                        Field("so_van_ban", Text(60), "Số văn bản", "", "05/BC-BĐH", required=False),
                    ],
                )
            ),
            "Báo cáo hằng tháng (Bước 4)",
            "",
            required=False,
        ),
        Field(
            "so_ket",
            ListOf(
                Record(
                    "QuarterlyReview",
                    "Sơ kết quý",
                    [
                        Field("quy", Quarter(), "Quý", "", "2024-Q1"),
                        Field("han", Date(), "Hạn", "", "2024-04-15"),
                        Field("ngay", Date(), "Ngày sơ kết", "", "2024-04-10", required=False),
                        Field("so_van_ban", Text(60), "Số văn bản", "", "12/BC-BĐH", required=False),
                    ],
                )
            ),
            "Sơ kết 3 tháng (Bước 4)",
            "",
            required=False,
        ),
        Field(
            "ban_dieu_hanh",
            ListOf(
                Record(
                    "BoardMember",
                    "Thành viên Ban điều hành",
                    [
                        Field("vai_tro", Text(80), "Vai trò", "", "Trưởng Ban"),
                        Field("chuc_vu", Text(200), "Chức vụ", "chỉ ghi chức vụ, không ghi họ tên", "Phó Chủ tịch UBND xã"),
                    ],
                )
            ),
            "Ban điều hành",
            "",
        ),
        Field(
            "nhiem_vu",
            ListOf(
                Record(
                    "Duty",
                    "Nhiệm vụ",
                    [
                        Field("don_vi", Text(120), "Đơn vị", "", "Đảng ủy xã"),
                        Field("noi_dung", ListOf(Text(2000), min_items=1), "Nhiệm vụ", "mỗi nhiệm vụ một dòng", '["Xây dựng và ban hành nghị quyết để lãnh đạo thực hiện mô hình"]'),
                    ],
                )
            ),
            "Nhiệm vụ của các cơ quan",
            "",
        ),
    ],
)

COMMITMENTS = Record(
    "Commitments",
    "Cam kết",
    [
        Field(
            "nhom",
            ListOf(
                Record(
                    "CommitmentGroup",
                    "Nhóm cam kết",
                    [
                        Field("ma", Text(40, pattern=r"[a-z0-9-]+", pattern_hint="chữ thường không dấu và dấu gạch ngang"), "Mã nhóm", "", "5-biet"),
                        Field("ten", Text(80), "Tên nhóm", "", "5 biết"),
                        Field(
                            "cam_ket",
                            ListOf(
                                Record(
                                    "Commitment",
                                    "Cam kết",
                                    [
                                        Field("ma", Text(60, pattern=r"[a-z0-9-]+", pattern_hint="chữ thường không dấu và dấu gạch ngang"), "Mã", "", "biet-xin-loi"),
                                        Field("noi_dung", Text(300), "Nội dung", "theo nguyên văn", "biết xin lỗi"),
                                        Field("bang_chung", ListOf(Text(80)), "Số liệu minh chứng", "mã các số liệu", '["xin_loi.ty_le_bao_phu"]', required=False),
                                    ],
                                )
                            ),
                            "Các cam kết",
                            "",
                            required=True,
                        ),
                    ],
                )
            ),
            "Các nhóm cam kết",
            "",
        )
    ],
)


# A value that `new` writes for staff to replace, e.g. `tiep_nhan: (điền số)`; the check refuses it.
PLACEHOLDER_RE = re.compile(r"^\(\s*điền\b[^)]*\)$", re.IGNORECASE)

PERIOD_PATTERN = r"\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?"
VALUE_PATTERN = r"-?\d+(\.\d+)?|không có số liệu|chưa đủ phiếu"

PUBLISHED = Record(
    "PublishedPeriod",
    "Sổ công bố số liệu của một kỳ",
    [
        Field("ky", Text(10, pattern=PERIOD_PATTERN, pattern_hint="tháng 2024-03, quý 2024-Q1 hoặc năm 2024"), "Kỳ", "trùng với tên tệp", '"2024-03"'),
        Field("ngay_cong_bo", Date(), "Ngày công bố", "ngày số liệu của kỳ được công bố chính thức", "2024-04-05"),
        Field(
            "so_lieu",
            ListOf(
                Record(
                    "PublishedFigure",
                    "Số liệu đã công bố",
                    [
                        Field("ma", Text(80), "Mã số liệu", "", "tthc.ty_le_dung_han"),
                        Field("gia_tri", Text(40, pattern=VALUE_PATTERN, pattern_hint="số viết với dấu chấm thập phân, ví dụ 96.2"),
                              "Giá trị đã công bố", "do lệnh publish ghi; không sửa tay", '"96.2"'),
                        Field("tu_so", Int(), "Tử số đã công bố", "với tỷ lệ: số đếm được ở trên dấu chia; do lệnh publish ghi", "25",
                              required=False),
                        Field("mau_so", Int(), "Mẫu số đã công bố", "với tỷ lệ: số đếm được ở dưới dấu chia; do lệnh publish ghi", "26",
                              required=False),
                    ],
                ),
                min_items=1,
            ),
            "Các số liệu đã công bố",
            "do biểu mẫu “Công bố số liệu” trên GitHub (hoặc make publish) ghi; muốn sửa một số đã công bố thì ghi đính chính bằng biểu mẫu đó (việc dinh-chinh) hoặc make correct",
        ),
        Field("ban_tin", ListOf(Text(2000)), "Bản tin phát thanh đã công bố", "từng câu của bản tin tháng, đúng như đã phát; do lệnh publish ghi",
              '["Kính thưa bà con. …"]', required=False),
        Field("ban_tin_so_lieu", ListOf(Text(80)), "Mã số liệu đọc trong bản tin", "do lệnh publish ghi", '["tthc.tiep_nhan"]',
              required=False),
    ],
)

CORRECTIONS = Record(
    "Corrections",
    "Đính chính số liệu đã công bố",
    [
        Field(
            "dinh_chinh",
            ListOf(
                Record(
                    "Correction",
                    "Đính chính",
                    [
                        Field("ma", Text(80), "Mã số liệu", "", "pakn.tiep_nhan"),
                        Field("ky", Text(10, pattern=PERIOD_PATTERN, pattern_hint="tháng 2024-03, quý 2024-Q1 hoặc năm 2024"), "Kỳ", "", '"2024-06"'),
                        Field("gia_tri_cu", Text(40, pattern=VALUE_PATTERN, pattern_hint="số viết với dấu chấm thập phân, ví dụ 96.2"), "Giá trị cũ", "giá trị đã công bố (hoặc của lần đính chính trước)", '"14"'),
                        Field("gia_tri_moi", Text(40, pattern=VALUE_PATTERN, pattern_hint="số viết với dấu chấm thập phân, ví dụ 96.2"), "Giá trị mới", "giá trị tính từ dữ liệu hiện tại", '"15"'),
                        Field("tu_so_cu", Int(), "Tử số cũ", "với tỷ lệ: tử số đã công bố (hoặc của lần đính chính trước)", "25", required=False),
                        Field("mau_so_cu", Int(), "Mẫu số cũ", "với tỷ lệ: mẫu số đã công bố (hoặc của lần đính chính trước)", "26", required=False),
                        Field("tu_so_moi", Int(), "Tử số mới", "với tỷ lệ: tử số tính từ dữ liệu hiện tại", "26", required=False),
                        Field("mau_so_moi", Int(), "Mẫu số mới", "với tỷ lệ: mẫu số tính từ dữ liệu hiện tại", "27", required=False),
                        Field("ngay", Date(), "Ngày đính chính", "", "2024-07-10"),
                        Field("ly_do", Text(400, free=True), "Lý do", "vì sao số liệu thay đổi", "Bổ sung một phản ánh tiếp nhận ngày 27/06/2024 nhưng nhập muộn"),
                    ],
                )
            ),
            "Các lần đính chính",
            "mỗi số liệu đã công bố bị thay đổi cần một mục",
        )
    ],
)


@dataclass(frozen=True)
class Kind:
    key: str  # internal name
    label: str  # Vietnamese
    record: Record
    pattern: str  # regex on the path relative to data/
    example_path: str
    period: str = ""  # "month" or "year" when the filename carries the period


KINDS = [
    Kind("site", "Thông tin xã", SITE, r"xa\.yaml", "xa.yaml"),
    Kind("holidays", "Ngày nghỉ lễ, Tết", HOLIDAYS, r"ngay-nghi/(\d{4})\.yaml", "ngay-nghi/2024.yaml", "year"),
    Kind("procedures", "Thủ tục hành chính", PROCEDURES, r"thu-tuc/(\d{4}-\d{2})\.yaml", "thu-tuc/2024-03.yaml", "month"),
    Kind("late", "Sổ thư xin lỗi (hồ sơ quá hạn)", LATE_CASES, r"tre-han/(\d{4}-\d{2})\.yaml", "tre-han/2024-03.yaml", "month"),
    Kind("petitions", "Phản ánh, kiến nghị", PETITIONS, r"phan-anh/(\d{4}-\d{2})\.yaml", "phan-anh/2024-03.yaml", "month"),
    Kind("surveys", "Khảo sát mức độ hài lòng", SURVEYS, r"khao-sat/(\d{4}-\d{2})\.yaml", "khao-sat/2024-03.yaml", "month"),
    Kind("letters", "Thư gửi người dân", LETTERS, r"thu-gui/(\d{4}-\d{2})\.yaml", "thu-gui/2024-03.yaml", "month"),
    Kind("activities", "Hoạt động", ACTIVITIES, r"hoat-dong/(\d{4}-\d{2})\.yaml", "hoat-dong/2024-03.yaml", "month"),
    Kind("plan", "Kế hoạch", PLAN, r"ke-hoach\.yaml", "ke-hoach.yaml"),
    Kind("commitments", "Cam kết 5 biết, 3 không, 4 thể hiện", COMMITMENTS, r"cam-ket\.yaml", "cam-ket.yaml"),
    Kind("published", "Sổ công bố số liệu", PUBLISHED, r"cong-bo/(\d{4}(?:-\d{2}|-Q[1-4])?)\.yaml", "cong-bo/2024-03.yaml", "period"),
    Kind("corrections", "Đính chính số liệu đã công bố", CORRECTIONS, r"dinh-chinh\.yaml", "dinh-chinh.yaml"),
]


def nesting_depth(typ) -> int:
    """How many levels of lists and groups a value of this type has (a record of scalars: 1)."""
    if isinstance(typ, Record):
        return 1 + max((nesting_depth(f.type) for f in typ.fields), default=0)
    if isinstance(typ, ListOf):
        return 1 + nesting_depth(typ.item)
    if isinstance(typ, MapOf):
        return 1 + nesting_depth(typ.value)
    return 0


def kind_for(rel_path: str) -> tuple[Kind | None, str | None]:
    """The kind of a data file from its path, and the period its name carries."""
    for kind in KINDS:
        m = re.fullmatch(kind.pattern, rel_path)
        if m:
            return kind, (m.group(1) if m.groups() else None)
    return None, None
