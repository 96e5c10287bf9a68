#!/usr/bin/env python3
"""Sinh bộ dữ liệu MINH HỌA (sample data) cho trang công khai của xã Trường Xuân.

Chạy:  python generator/sample_data.py --out data

Script độc lập, chỉ dùng thư viện chuẩn (random với hạt giống cố định, datetime),
không import module nào khác của generator. Kết quả ổn định từng byte giữa các lần chạy.
Định dạng dữ liệu theo notes/data-spec.md. Mọi con số đều là số liệu minh họa, không phải
số liệu thật của xã; các số điện thoại lãnh đạo là số minh họa.
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import datetime as dt
import os
import random
import re

SEED = 20230925
D = dt.date
ONE = dt.timedelta(days=1)

MONTHS = [(2023, m) for m in range(9, 13)] + [(2024, m) for m in range(1, 13)]
END = D(2024, 12, 31)          # dữ liệu minh họa tính đến hết năm 2024
PLAN_DATE = D(2023, 9, 25)

# ---------------------------------------------------------------------------
# Ngày nghỉ lễ, Tết (thật) và ngày làm bù
# ---------------------------------------------------------------------------
HOLIDAYS = {
    2023: {
        "nghi": [
            ("Tết Dương lịch", D(2023, 1, 1), D(2023, 1, 2),
             "01/01/2023 là Chủ nhật, nghỉ bù thứ Hai 02/01/2023"),
            ("Tết Nguyên đán Quý Mão", D(2023, 1, 20), D(2023, 1, 26), None),
            ("Giỗ Tổ Hùng Vương (10/3 âm lịch)", D(2023, 4, 29), D(2023, 4, 29),
             "rơi vào thứ Bảy, được nghỉ bù"),
            ("Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5", D(2023, 4, 30), D(2023, 5, 1), None),
            ("Nghỉ bù Giỗ Tổ Hùng Vương và Ngày Chiến thắng", D(2023, 5, 2), D(2023, 5, 3), None),
            ("Quốc khánh 2/9", D(2023, 9, 1), D(2023, 9, 4),
             "gồm ngày 01/9, 02/9 và nghỉ bù ngày 04/9"),
        ],
        "lam_bu": [],
    },
    2024: {
        "nghi": [
            ("Tết Dương lịch", D(2024, 1, 1), D(2024, 1, 1), None),
            ("Tết Nguyên đán Giáp Thìn", D(2024, 2, 8), D(2024, 2, 14), None),
            ("Giỗ Tổ Hùng Vương (10/3 âm lịch)", D(2024, 4, 18), D(2024, 4, 18), None),
            ("Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5", D(2024, 4, 27), D(2024, 5, 1),
             "hoán đổi ngày làm việc thứ Hai 29/4 sang thứ Bảy 04/5"),
            ("Quốc khánh 2/9", D(2024, 8, 31), D(2024, 9, 3), None),
        ],
        "lam_bu": [("Làm bù cho ngày 29/04/2024", D(2024, 5, 4))],
    },
    2025: {
        "nghi": [
            ("Tết Dương lịch", D(2025, 1, 1), D(2025, 1, 1), None),
            ("Tết Nguyên đán Ất Tỵ", D(2025, 1, 25), D(2025, 2, 2), None),
            ("Giỗ Tổ Hùng Vương (10/3 âm lịch)", D(2025, 4, 7), D(2025, 4, 7), None),
            ("Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5", D(2025, 4, 30), D(2025, 5, 4),
             "hoán đổi ngày làm việc thứ Sáu 02/5 sang thứ Bảy 26/4"),
            ("Quốc khánh 2/9", D(2025, 8, 30), D(2025, 9, 2), None),
        ],
        "lam_bu": [("Làm bù cho ngày 02/05/2025", D(2025, 4, 26))],
    },
}

_OFF = set()
_MAKEUP = set()
for _y, _h in HOLIDAYS.items():
    for _ten, _a, _b, _g in _h["nghi"]:
        _d = _a
        while _d <= _b:
            _OFF.add(_d)
            _d += ONE
    for _ten, _d in _h["lam_bu"]:
        _MAKEUP.add(_d)


def is_wd(d):
    if d in _MAKEUP:
        return True
    return d.weekday() < 5 and d not in _OFF


def next_wd(d):
    while not is_wd(d):
        d += ONE
    return d


def prev_wd(d):
    while not is_wd(d):
        d -= ONE
    return d


def add_wd(d, n):
    """n ngày làm việc sau ngày d (không tính ngày d)."""
    while n > 0:
        d += ONE
        if is_wd(d):
            n -= 1
    return d


def sub_wd(d, n):
    while n > 0:
        d -= ONE
        if is_wd(d):
            n -= 1
    return d


def wd_between(a, b):
    """Các ngày làm việc trong [a, b]."""
    out = []
    d = a
    while d <= b:
        if is_wd(d):
            out.append(d)
        d += ONE
    return out


def month_first(y, m):
    return D(y, m, 1)


def month_last(y, m):
    if m == 12:
        return D(y, 12, 31)
    return D(y, m + 1, 1) - ONE


def mkey(y, m):
    return "%04d-%02d" % (y, m)


def mvn(y, m):
    return "%02d/%04d" % (m, y)


def ymonth(d):
    return (d.year, d.month)


# ---------------------------------------------------------------------------
# Ghi YAML bằng tay (khối, thụt lề 2 dấu cách)
# ---------------------------------------------------------------------------
_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "~", "y", "n"}
_NUMLIKE = re.compile(r"^[-+]?[0-9][0-9_.,:eE+-]*$")


def qq(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + s + '"'


def txt(s):
    """Văn bản: chỉ đặt trong ngoặc kép khi cần (có ':' hoặc '#', ký tự đặc biệt ở đầu, ...)."""
    if (s == "" or ":" in s or "#" in s or "\n" in s or "\t" in s
            or s[0] in "-?,[]{}&*!|>'\"%@` " or s[-1] == " "
            or s.lower() in _RESERVED or _NUMLIKE.match(s)):
        return qq(s)
    return s


def flow(items):
    return "[" + ", ".join(qq(i) for i in items) + "]"


def ds(d):
    return d.isoformat()


def yn(b):
    return "có" if b else "không"


def schema_line(path):
    """The editor hint that ties a data file to its JSON Schema (generator/schemas/)."""
    parts = os.path.normpath(path).split(os.sep)
    i = len(parts) - 1 - parts[::-1].index("data") if "data" in parts else len(parts) - 2
    inside = parts[i + 1:]
    name = inside[0][:-5] if len(inside) == 1 else inside[0]
    return f"# yaml-language-server: $schema={'../' * len(inside)}generator/schemas/{name}.json"


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join([schema_line(path)] + lines).rstrip("\n") + "\n")


# ---------------------------------------------------------------------------
# Danh mục
# ---------------------------------------------------------------------------
THON = ["Phú Hậu 1", "Phú Hậu 2", "Phú Hậu 3", "Xuân Lai", "Trung Thành",
        "Đông Tiến", "Tân Phong", "Bắc Sơn", "Nam Tiến", "Đồng Tâm"]

LV_TEN = {
    "ho-tich": "Hộ tịch", "chung-thuc": "Chứng thực", "dat-dai": "Đất đai",
    "bao-tro-xa-hoi": "Bảo trợ xã hội", "nguoi-co-cong": "Người có công",
    "lao-dong": "Lao động, việc làm", "xay-dung": "Xây dựng", "moi-truong": "Môi trường",
    "giao-thong": "Giao thông", "van-hoa": "Văn hóa, thể thao", "giao-duc": "Giáo dục",
    "y-te": "Y tế", "nong-nghiep": "Nông nghiệp", "thi-dua-khen-thuong": "Thi đua, khen thưởng",
    "hoa-giai": "Hòa giải cơ sở", "tiep-cong-dan": "Tiếp công dân, khiếu nại, tố cáo", "khac": "Khác",
}

# lĩnh vực thủ tục hành chính có phát sinh hồ sơ ở xã (theo thứ tự ghi trong file)
TTHC_LV = ["ho-tich", "chung-thuc", "dat-dai", "bao-tro-xa-hoi", "nguoi-co-cong",
           "xay-dung", "nong-nghiep"]

KENH = ["hom-thu", "duong-day-nong", "tiep-cong-dan", "doi-thoai", "tiep-xuc-cu-tri",
        "cong-thong-tin", "mot-cua", "truc-tiep", "zalo", "khac"]
LOAI = ["phan-anh", "kien-nghi", "khieu-nai", "to-cao"]

# đơn vị xử lý (chức danh / bộ phận, không phải tên người)
DC = "Công chức Địa chính – Xây dựng – Môi trường"
CS = "Công chức Chính sách – Xã hội"
TP = "Công chức Tư pháp – Hộ tịch"
VP = "Công chức Văn phòng – Thống kê"
VH = "Công chức Văn hóa – Xã hội"
CA = "Công an xã"
CT = "Chủ tịch UBND xã"
PCT = "Phó Chủ tịch UBND xã"
YT = "Trạm Y tế xã"

NOI = ["đoạn gần nhà văn hóa thôn", "đoạn qua khu dân cư cuối thôn", "khu vực giáp ranh với thôn bên",
       "đoạn gần cầu máng", "khu đồng phía sau trường mầm non", "đoạn từ đường trục xã vào khu sản xuất",
       "khu vực đầu thôn", "đoạn gần trạm bơm"]

# (loại, lĩnh vực, tóm tắt, đơn vị xử lý, [kết quả])
PA_TPL = [
    ("phan-anh", "moi-truong", "Phản ánh rác thải sinh hoạt bị đổ bừa bãi ven kênh tiêu {noi}, gây mùi hôi", DC,
     ["Đã phối hợp Ban công tác Mặt trận thôn thu gom, xử lý và cắm biển cấm đổ rác",
      "Đã chỉ đạo tổ thu gom rác của thôn dọn sạch, tăng số lần thu gom lên hai lần mỗi tuần"]),
    ("phan-anh", "nong-nghiep", "Phản ánh mương tưới nội đồng {noi} bị bồi lắng, nước không vào được ruộng", DC,
     ["Đã phối hợp Hợp tác xã dịch vụ nông nghiệp nạo vét xong đoạn mương",
      "Đã huy động Nhân dân và Hợp tác xã ra quân khơi thông dòng chảy trước thời vụ"]),
    ("phan-anh", "giao-thong", "Phản ánh đèn chiếu sáng trên tuyến đường trục thôn bị hỏng nhiều bóng, đi lại ban đêm mất an toàn", DC,
     ["Đã phối hợp thôn thay thế bóng đèn hỏng, hệ thống chiếu sáng hoạt động bình thường",
      "Đã sửa chữa tủ điện và thay bóng đèn hỏng trên tuyến"]),
    ("phan-anh", "giao-thong", "Phản ánh đường giao thông nội đồng {noi} bị xe chở vật liệu làm hư hỏng, lầy lội khi trời mưa", DC,
     ["Đã yêu cầu đơn vị thi công san gạt, rải cấp phối đoạn đường bị hư hỏng",
      "Đã làm việc với chủ phương tiện, yêu cầu khắc phục; mặt đường đã được sửa chữa"]),
    ("phan-anh", "khac", "Phản ánh thanh thiếu niên tụ tập, chạy xe máy gây ồn ào vào ban đêm ở khu vực trung tâm xã", CA,
     ["Công an xã đã tăng cường tuần tra buổi tối, mời gia đình các em liên quan đến làm việc, nhắc nhở",
      "Đã tổ chức tuần tra, giải tán các nhóm tụ tập và thông báo nhắc nhở trên loa truyền thanh"]),
    ("phan-anh", "van-hoa", "Phản ánh tiếng ồn từ loa kéo hát karaoke kéo dài sau 22 giờ, ảnh hưởng sinh hoạt các hộ xung quanh", CA,
     ["Công an xã đã kiểm tra, nhắc nhở và cho các hộ ký cam kết không sử dụng loa công suất lớn sau 22 giờ",
      "Đã nhắc nhở trực tiếp và thông báo quy định về giờ sử dụng loa trên hệ thống truyền thanh xã"]),
    ("phan-anh", "moi-truong", "Phản ánh hộ chăn nuôi lợn xả nước thải ra mương chung {noi}, gây ô nhiễm", DC,
     ["Đã kiểm tra, yêu cầu hộ chăn nuôi xây bể lắng, bể biogas và cam kết không xả thải ra mương",
      "Đã lập biên bản, hướng dẫn hộ chăn nuôi xử lý chất thải; kiểm tra lại sau một tháng đã khắc phục"]),
    ("phan-anh", "y-te", "Phản ánh muỗi phát triển nhiều trong khu dân cư, lo ngại dịch sốt xuất huyết", YT,
     ["Trạm Y tế xã đã phối hợp thôn phun thuốc diệt muỗi và ra quân diệt bọ gậy"]),
    ("phan-anh", "xay-dung", "Phản ánh một hộ xây dựng công trình lấn ra hành lang đường giao thông thôn", DC,
     ["Đã kiểm tra hiện trạng, lập biên bản và yêu cầu tự tháo dỡ phần lấn chiếm; hộ gia đình đã chấp hành"]),
    ("phan-anh", "moi-truong", "Phản ánh tình trạng đốt rơm rạ sau thu hoạch gây khói bụi trên tuyến đường liên thôn", DC,
     ["Đã tuyên truyền trên hệ thống truyền thanh, hướng dẫn Nhân dân xử lý rơm rạ bằng chế phẩm sinh học"]),
    ("phan-anh", "giao-thong", "Phản ánh cống thoát nước qua đường {noi} bị tắc, nước tràn lên mặt đường khi mưa lớn", DC,
     ["Đã huy động lực lượng khơi thông cống, thay thế đoạn ống cống bị vỡ",
      "Đã nạo vét cống và rãnh thoát nước hai bên đường"]),
    ("phan-anh", "bao-tro-xa-hoi", "Phản ánh việc chi trả trợ cấp xã hội hằng tháng tại thôn chậm so với lịch đã thông báo", CS,
     ["Đã làm việc với điểm chi trả, thống nhất lịch chi trả cố định và thông báo trên loa truyền thanh"]),
    ("phan-anh", "khac", "Phản ánh thái độ giao tiếp chưa đúng mực của công chức khi hướng dẫn hồ sơ tại Bộ phận Một cửa", CT,
     ["Đã kiểm điểm, nhắc nhở công chức; lãnh đạo UBND xã đã gặp và xin lỗi người phản ánh"]),
    ("phan-anh", "ho-tich", "Phản ánh phải đi lại nhiều lần để bổ sung giấy tờ khi đăng ký khai tử cho người thân", TP,
     ["Đã rà soát, hướng dẫn một lần đầy đủ thành phần hồ sơ; niêm yết lại danh mục giấy tờ tại Bộ phận Một cửa"]),
    ("phan-anh", "khac", "Phản ánh điện sinh hoạt chập chờn, điện áp yếu vào giờ cao điểm buổi tối", VP,
     ["Đã có văn bản đề nghị Điện lực Thọ Xuân kiểm tra; ngành điện đã cân pha, thay dây dẫn xuống cấp"]),
    ("phan-anh", "giao-thong", "Phản ánh cây xanh ven đường {noi} có nhiều cành khô, nguy cơ gãy đổ khi mưa bão", DC,
     ["Đã phối hợp thôn cắt tỉa cành khô, bảo đảm an toàn trước mùa mưa bão"]),
    ("phan-anh", "nong-nghiep", "Phản ánh trâu bò thả rông phá hoại lúa, hoa màu ngoài đồng", PCT,
     ["Đã thông báo trên loa truyền thanh, nhắc nhở các hộ chăn thả; Ban công tác Mặt trận thôn theo dõi, giám sát"]),
    ("phan-anh", "moi-truong", "Phản ánh điểm tập kết rác của thôn bị đầy, chậm được vận chuyển đi xử lý", DC,
     ["Đã làm việc với đơn vị thu gom, bổ sung chuyến vận chuyển rác trong tuần"]),
    ("phan-anh", "khac", "Phản ánh tình trạng trộm cắp vặt gia cầm, tài sản xảy ra ở khu dân cư", CA,
     ["Công an xã đã tăng cường tuần tra, hướng dẫn thôn duy trì tổ an ninh tự quản"]),
    ("phan-anh", "dat-dai", "Phản ánh việc đổ đất, vật liệu xây dựng lấn chiếm đất công ven kênh {noi}", DC,
     ["Đã kiểm tra, yêu cầu hộ vi phạm di dời vật liệu, trả lại hiện trạng ban đầu"]),
    ("phan-anh", "giao-duc", "Phản ánh xe đưa đón học sinh đỗ trước cổng trường tiểu học giờ tan học gây ùn tắc", CA,
     ["Công an xã phối hợp nhà trường bố trí lực lượng phân luồng vào giờ cao điểm"]),
    ("phan-anh", "van-hoa", "Phản ánh cụm loa truyền thanh cuối thôn bị hỏng, người dân không nghe được thông báo", VH,
     ["Đã sửa chữa, thay cụm loa mới; hệ thống hoạt động bình thường"]),
    ("phan-anh", "y-te", "Phản ánh cơ sở kinh doanh thức ăn chín trong khu chợ không bảo đảm vệ sinh an toàn thực phẩm", YT,
     ["Đoàn kiểm tra liên ngành của xã đã kiểm tra, nhắc nhở và yêu cầu cơ sở khắc phục"]),
    ("phan-anh", "giao-thong", "Phản ánh ổ gà lớn trên đường liên thôn {noi}, nhiều người đi xe máy bị ngã", DC,
     ["Đã vá ổ gà bằng bê tông, đặt biển cảnh báo trong thời gian chờ bảo dưỡng"]),
    ("phan-anh", "moi-truong", "Phản ánh xác động vật chết vứt xuống kênh tiêu gây mùi hôi", DC,
     ["Đã thu gom, xử lý tiêu độc khử trùng và tuyên truyền không vứt xác động vật ra môi trường"]),
]

KN_TPL = [
    ("kien-nghi", "nong-nghiep", "Kiến nghị kiên cố hóa đoạn kênh tưới nội đồng {noi} bị sạt lở để bảo đảm nước sản xuất", DC,
     ["Đã đưa vào danh mục kiên cố hóa kênh mương năm {nam_sau} của xã; thông báo cho người dân biết",
      "Đã báo cáo UBND huyện xem xét hỗ trợ xi măng theo chính sách kiên cố hóa kênh mương"]),
    ("kien-nghi", "giao-thong", "Kiến nghị lắp đặt thêm đèn chiếu sáng tại ngã ba đường trục xã giao với đường thôn", DC,
     ["Đã đưa vào kế hoạch lắp đặt đèn chiếu sáng từ nguồn xã hội hóa; thông báo cho người dân biết",
      "Đã lắp đặt bổ sung hai cột đèn chiếu sáng tại vị trí kiến nghị"]),
    ("kien-nghi", "giao-thong", "Kiến nghị mở rộng, bê tông hóa tuyến đường giao thông nội đồng phục vụ vận chuyển lúa", DC,
     ["Đã khảo sát, đưa vào kế hoạch đầu tư năm {nam_sau}; vận động Nhân dân hiến đất mở rộng mặt đường"]),
    ("kien-nghi", "dat-dai", "Kiến nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ", DC,
     ["Đã rà soát, hướng dẫn bổ sung hồ sơ và chuyển Chi nhánh Văn phòng đăng ký đất đai giải quyết",
      "Đã rà soát từng hồ sơ tồn đọng, thông báo cụ thể lý do và thời gian giải quyết cho từng hộ"]),
    ("kien-nghi", "dat-dai", "Kiến nghị kiểm tra diện tích đất ghi trên giấy chứng nhận quyền sử dụng đất không khớp với hiện trạng", DC,
     ["Đã đo đạc kiểm tra, hướng dẫn hộ gia đình làm thủ tục đính chính giấy chứng nhận"]),
    ("kien-nghi", "hoa-giai", "Đề nghị hòa giải tranh chấp ranh giới đất giữa hai hộ liền kề trong thôn", TP,
     ["Đã tổ chức hòa giải tại thôn, hai bên thống nhất cắm lại mốc ranh giới",
      "Hòa giải không thành; đã hướng dẫn các bên gửi đơn đến cơ quan có thẩm quyền theo quy định"]),
    ("kien-nghi", "bao-tro-xa-hoi", "Kiến nghị xem xét trợ cấp xã hội hằng tháng cho người cao tuổi sống một mình, không nơi nương tựa", CS,
     ["Đã xác minh, hướng dẫn lập hồ sơ; đối tượng đủ điều kiện đã được hưởng trợ cấp từ tháng kế tiếp"]),
    ("kien-nghi", "nguoi-co-cong", "Kiến nghị giải quyết trợ cấp mai táng cho thân nhân người có công đã từ trần", CS,
     ["Đã hướng dẫn hoàn thiện hồ sơ, chuyển phòng Lao động – Thương binh và Xã hội huyện thẩm định"]),
    ("kien-nghi", "bao-tro-xa-hoi", "Kiến nghị rà soát lại danh sách hộ cận nghèo của thôn cho đúng thực tế", CS,
     ["Đã chỉ đạo thôn rà soát, bình xét lại công khai theo đúng quy trình"]),
    ("kien-nghi", "nong-nghiep", "Kiến nghị hỗ trợ giống lúa cho các hộ có diện tích bị úng ngập do mưa lớn", PCT,
     ["Đã tổng hợp diện tích thiệt hại, đề nghị UBND huyện hỗ trợ giống theo quy định"]),
    ("kien-nghi", "van-hoa", "Kiến nghị sửa chữa nhà văn hóa thôn bị dột mái, xuống cấp", VH,
     ["Đã bố trí kinh phí sửa chữa mái nhà văn hóa, hoàn thành trước mùa mưa",
      "Đã khảo sát, đưa vào dự toán sửa chữa năm {nam_sau}; thôn tạm thời che chắn"]),
    ("kien-nghi", "moi-truong", "Kiến nghị bố trí thêm thùng rác công cộng tại khu vực chợ", DC,
     ["Đã bố trí thêm thùng rác và tăng tần suất thu gom tại khu vực chợ"]),
    ("kien-nghi", "y-te", "Kiến nghị tổ chức khám sức khỏe định kỳ cho người cao tuổi ngay tại nhà văn hóa thôn", YT,
     ["Trạm Y tế xã đã tổ chức khám, tư vấn sức khỏe cho người cao tuổi tại nhà văn hóa thôn"]),
    ("kien-nghi", "khac", "Kiến nghị niêm yết lịch tiếp công dân và số điện thoại của lãnh đạo xã tại nhà văn hóa các thôn", VP,
     ["Đã niêm yết lịch tiếp công dân và số điện thoại công khai tại nhà văn hóa các thôn"]),
    ("kien-nghi", "khac", "Kiến nghị bố trí tiếp nhận hồ sơ vào sáng thứ Bảy cho người đi làm xa", VP,
     ["Chưa bố trí được do thiếu biên chế; đã hướng dẫn nộp hồ sơ trực tuyến và hẹn trả kết quả theo yêu cầu"]),
    ("kien-nghi", "dat-dai", "Kiến nghị công khai phương án bồi thường, hỗ trợ giải phóng mặt bằng tuyến kênh tiêu", DC,
     ["Đã niêm yết công khai phương án tại nhà văn hóa thôn và trụ sở UBND xã"]),
    ("kien-nghi", "giao-thong", "Kiến nghị lắp gương cầu lồi tại khúc cua khuất tầm nhìn trên đường liên thôn", DC,
     ["Đã lắp đặt gương cầu lồi và biển cảnh báo tại khúc cua"]),
    ("kien-nghi", "khac", "Kiến nghị hướng dẫn người cao tuổi sử dụng dịch vụ công trực tuyến", VP,
     ["Đã bố trí đoàn viên thanh niên hỗ trợ tại Bộ phận Một cửa và tại nhà văn hóa thôn"]),
    ("kien-nghi", "nong-nghiep", "Kiến nghị điều chỉnh lịch bơm nước của trạm bơm cho phù hợp thời vụ", PCT,
     ["Đã làm việc với Hợp tác xã dịch vụ nông nghiệp, điều chỉnh lịch bơm theo lịch thời vụ"]),
    ("kien-nghi", "lao-dong", "Kiến nghị mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn", CS,
     ["Đã đăng ký với Trung tâm Giáo dục nghề nghiệp huyện mở lớp tại xã"]),
    ("kien-nghi", "nguoi-co-cong", "Kiến nghị sửa chữa, chỉnh trang khu nghĩa trang liệt sỹ của xã", VH,
     ["Đã đưa vào kế hoạch chỉnh trang, hoàn thành trước ngày 27/7"]),
    ("kien-nghi", "ho-tich", "Kiến nghị hướng dẫn thủ tục cấp lại trích lục khai sinh bị thất lạc", TP,
     ["Đã hướng dẫn cụ thể và cấp bản sao trích lục khai sinh từ sổ gốc"]),
    ("kien-nghi", "giao-duc", "Kiến nghị sửa chữa hàng rào trường mầm non bị đổ sau mưa lớn", VH,
     ["Đã phối hợp nhà trường sửa chữa xong đoạn hàng rào bị đổ"]),
    ("kien-nghi", "moi-truong", "Kiến nghị nạo vét kênh tiêu {noi} để chống úng khi mưa lớn", DC,
     ["Đã huy động máy móc nạo vét kênh tiêu, khơi thông dòng chảy"]),
]

# kiến nghị của cử tri (tiếp xúc cử tri), đối thoại
CT_TPL = [
    ("kien-nghi", "giao-thong", "Cử tri kiến nghị đầu tư nâng cấp tuyến đường liên thôn đã xuống cấp", PCT,
     ["Đã trả lời cử tri bằng văn bản; tuyến đường được đưa vào kế hoạch đầu tư năm {nam_sau}"]),
    ("kien-nghi", "nong-nghiep", "Cử tri kiến nghị kiên cố hóa hệ thống kênh mương nội đồng", PCT,
     ["Đã trả lời cử tri bằng văn bản; ưu tiên kiên cố hóa các tuyến kênh bị sạt lở nặng trong năm {nam_sau}"]),
    ("kien-nghi", "dat-dai", "Cử tri kiến nghị giải quyết dứt điểm các hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng", CT,
     ["Đã trả lời cử tri bằng văn bản; UBND xã lập danh sách, hẹn thời gian giải quyết từng hồ sơ"]),
    ("kien-nghi", "moi-truong", "Cử tri kiến nghị tăng tần suất thu gom rác thải sinh hoạt ở các thôn", DC,
     ["Đã điều chỉnh lịch thu gom rác lên hai lần mỗi tuần"]),
    ("kien-nghi", "giao-thong", "Cử tri kiến nghị lắp đèn chiếu sáng trên tuyến đường trục xã", PCT,
     ["Đã trả lời cử tri bằng văn bản; vận động xã hội hóa lắp đặt đèn chiếu sáng"]),
    ("kien-nghi", "bao-tro-xa-hoi", "Cử tri kiến nghị công khai danh sách đối tượng hưởng trợ cấp xã hội tại nhà văn hóa thôn", CS,
     ["Đã niêm yết công khai danh sách tại nhà văn hóa các thôn"]),
    ("kien-nghi", "khac", "Cử tri kiến nghị tăng cường tuần tra bảo đảm an ninh trật tự vào ban đêm", CA,
     ["Công an xã đã bố trí lịch tuần tra ban đêm, phối hợp tổ an ninh tự quản các thôn"]),
    ("kien-nghi", "giao-duc", "Cử tri kiến nghị đầu tư thêm phòng học cho trường mầm non", CT,
     ["Đã báo cáo UBND huyện; xã bố trí vốn đối ứng xây dựng phòng học trong năm {nam_sau}"]),
    ("kien-nghi", "y-te", "Cử tri kiến nghị bổ sung thuốc và trang thiết bị cho Trạm Y tế xã", YT,
     ["Đã đề nghị Trung tâm Y tế huyện bổ sung thuốc; trạm đã được cấp bổ sung một số trang thiết bị"]),
    ("kien-nghi", "dat-dai", "Cử tri kiến nghị công khai quy hoạch sử dụng đất và kế hoạch đấu giá quyền sử dụng đất", DC,
     ["Đã niêm yết công khai quy hoạch, kế hoạch sử dụng đất tại trụ sở UBND xã và nhà văn hóa các thôn"]),
    ("phan-anh", "nong-nghiep", "Cử tri phản ánh giá dịch vụ làm đất, thu hoạch lúa bằng máy tăng cao", PCT,
     ["Đã chỉ đạo Hợp tác xã dịch vụ nông nghiệp thống nhất giá dịch vụ và công khai tại các thôn"]),
    ("kien-nghi", "moi-truong", "Kiến nghị sớm có điểm tập kết rác thải đúng quy định, tránh ảnh hưởng khu dân cư", DC,
     ["Đã khảo sát vị trí, bố trí điểm tập kết mới cách xa khu dân cư"]),
]

KNAI_TPL = [
    ("khieu-nai", "bao-tro-xa-hoi", "Khiếu nại kết quả bình xét hộ nghèo, hộ cận nghèo của thôn", CT,
     ["Đã ban hành quyết định giải quyết khiếu nại lần đầu, giữ nguyên kết quả bình xét; đã giải thích để người khiếu nại hiểu",
      "Đã ban hành quyết định giải quyết khiếu nại, công nhận khiếu nại có cơ sở và chỉ đạo thôn bình xét lại"]),
    ("khieu-nai", "xay-dung", "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng", CT,
     ["Đã ban hành quyết định giải quyết khiếu nại lần đầu, giữ nguyên quyết định xử phạt"]),
    ("khieu-nai", "nguoi-co-cong", "Khiếu nại việc chưa được xác nhận hồ sơ đề nghị hưởng chế độ người có công", CT,
     ["Đã rà soát, xác nhận hồ sơ và chuyển phòng Lao động – Thương binh và Xã hội huyện theo thẩm quyền"]),
    ("khieu-nai", "dat-dai", "Khiếu nại việc yêu cầu tháo dỡ công trình trên phần đất hành lang kênh mương", CT,
     ["Đã ban hành quyết định giải quyết khiếu nại lần đầu; việc yêu cầu tháo dỡ là đúng quy định"]),
    ("khieu-nai", "moi-truong", "Khiếu nại quyết định xử phạt vi phạm hành chính về xả thải chăn nuôi", CT,
     ["Đã ban hành quyết định giải quyết khiếu nại, giảm mức phạt do có tình tiết giảm nhẹ"]),
    ("khieu-nai", "bao-tro-xa-hoi", "Khiếu nại việc dừng chi trả trợ cấp xã hội hằng tháng", CT,
     ["Đã rà soát, khôi phục trợ cấp và chi trả bổ sung các tháng bị dừng"]),
]

LY_DO = {
    "dat-dai": ["Chờ kết quả đo đạc của Văn phòng đăng ký đất đai",
                "Phải xác minh nguồn gốc sử dụng đất với khu dân cư",
                "Chờ hết thời gian niêm yết công khai tại nhà văn hóa thôn",
                "Phải lấy ý kiến các hộ liền kề về ranh giới thửa đất",
                "Chờ ý kiến của phòng Tài nguyên và Môi trường huyện"],
    "ho-tich": ["Phải xác minh thông tin hộ tịch tại nơi cư trú trước đây",
                "Lỗi đồng bộ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư",
                "Chờ cơ quan đăng ký hộ tịch nơi khác trả lời xác minh"],
    "chung-thuc": ["Lỗi phần mềm một cửa điện tử, không ký số được kết quả",
                   "Hồ sơ nhiều trang, công chức phụ trách đi tập huấn"],
    "bao-tro-xa-hoi": ["Chờ Hội đồng xét duyệt trợ cấp xã hội của xã họp",
                       "Phải xác minh điều kiện, hoàn cảnh hộ gia đình"],
    "nguoi-co-cong": ["Chờ đối chiếu hồ sơ gốc tại phòng Lao động – Thương binh và Xã hội huyện"],
    "xay-dung": ["Phải kiểm tra hiện trạng công trình tại thực địa"],
}

# ---------------------------------------------------------------------------


class Gen:
    def __init__(self):
        self.r = random.Random(SEED)
        self.late = []           # hồ sơ trễ hạn (sổ thư xin lỗi)
        self.tthc = {}           # (y,m) -> {lv: dict}
        self.acts = {}           # (y,m) -> list of activity dicts
        self.pa = {}             # (y,m) -> list of petition dicts
        self.ks = {}
        self.thu = {}
        self.decks = {}

    # rút không hoàn lại từ "bộ bài" để tránh lặp mẫu liên tiếp
    def draw(self, name, items):
        deck = self.decks.get(name)
        if not deck:
            deck = list(range(len(items)))
            self.r.shuffle(deck)
            self.decks[name] = deck
        return items[deck.pop()]

    # ------------------------------------------------------------------ late
    def gen_late(self):
        r = self.r
        used_nums = set()
        for i, (y, m) in enumerate(MONTHS):
            counts = {}
            early = i < 3
            counts["dat-dai"] = r.choice([2, 2, 3]) if early else (r.choice([1, 1, 2]) if i < 10 else r.choice([0, 1, 1, 2]))
            counts["ho-tich"] = 1 if r.random() < (0.45 if early else 0.2) else 0
            counts["chung-thuc"] = 1 if r.random() < 0.1 else 0
            counts["bao-tro-xa-hoi"] = 1 if r.random() < (0.3 if early else 0.12) else 0
            counts["nguoi-co-cong"] = 1 if r.random() < 0.08 else 0
            counts["xay-dung"] = 1 if r.random() < 0.12 else 0
            if sum(counts.values()) == 0:
                counts["dat-dai"] = 1
            first, last = month_first(y, m), month_last(y, m)
            days = wd_between(first, last)
            for lv in TTHC_LV:
                for _ in range(counts.get(lv, 0)):
                    # hẹn trả: ngày làm việc, còn ít nhất 3 ngày làm việc sau đó trong tháng
                    hen = r.choice(days[:-3])
                    proc = {"ho-tich": (3, 5), "chung-thuc": (1, 2), "dat-dai": (10, 28),
                            "bao-tro-xa-hoi": (10, 20), "nguoi-co-cong": (10, 20),
                            "xay-dung": (10, 15)}[lv]
                    nhan = sub_wd(hen, r.randint(*proc))
                    after = [d for d in days if d > hen]
                    rec = {"linh_vuc": lv, "ngay_nhan": nhan, "ngay_hen_tra": hen,
                           "ly_do": r.choice(LY_DO[lv])}
                    if hen < D(2023, 10, 1):
                        p_apol = 0.0          # trước khi triển khai mô hình: chưa có thư xin lỗi
                    elif hen < D(2023, 12, 1):
                        p_apol = 0.6
                    else:
                        p_apol = 0.93
                    if r.random() < p_apol:
                        if r.random() < 0.78:
                            xl = sub_wd(hen, r.choice([1, 1, 2]))
                            if xl < nhan:
                                xl = nhan
                        else:
                            xl = r.choice([hen, after[0]])
                        rec["ngay_xin_loi"] = xl
                        # hẹn lại
                        cand = [d for d in after if d > xl]
                        k = r.randint(2, 5)
                        hen_moi = add_wd(hen, k)
                        rec["ngay_hen_moi"] = hen_moi
                        pool_ok = [d for d in after if d <= hen_moi and d > xl]
                        pool_miss = [d for d in after if d > hen_moi]
                        if pool_miss and r.random() < 0.15:
                            tra = r.choice(pool_miss)
                        elif pool_ok:
                            tra = r.choice(pool_ok)
                        else:
                            tra = cand[0] if cand else after[-1]
                    else:
                        tra = r.choice(after[:6])
                    rec["ngay_tra"] = tra
                    # số biên nhận (che bớt)
                    while True:
                        num = "H56.45-%s-****%02d" % (nhan.strftime("%y%m%d"), r.randint(0, 99))
                        if num not in used_nums:
                            used_nums.add(num)
                            break
                    rec["so_bien_nhan"] = num
                    self.late.append(rec)
        # số thư xin lỗi: đánh số theo năm, theo thứ tự ngày gửi thư
        apol = sorted([x for x in self.late if "ngay_xin_loi" in x],
                      key=lambda x: (x["ngay_xin_loi"], x["ngay_hen_tra"], x["so_bien_nhan"]))
        seq = {}
        for x in apol:
            yy = x["ngay_xin_loi"].year
            seq[yy] = seq.get(yy, 0) + 1
            x["so_thu_xin_loi"] = "%02d/TXL-UBND" % seq[yy]

    # ------------------------------------------------------------------ tthc
    def gen_tthc(self):
        r = self.r
        n = len(MONTHS)
        late_cnt = {}
        for x in self.late:
            k = (ymonth(x["ngay_hen_tra"]), x["linh_vuc"])
            late_cnt[k] = late_cnt.get(k, 0) + 1

        def pending_floor(e, lv):
            # hồ sơ trễ hạn đã nhận trước/đến ngày e mà chưa trả -> phải nằm trong số đang giải quyết
            return sum(1 for x in self.late if x["linh_vuc"] == lv and x["ngay_nhan"] <= e < x["ngay_tra"])

        ton = {"ho-tich": 4, "chung-thuc": 1, "dat-dai": 11, "bao-tro-xa-hoi": 3,
               "nguoi-co-cong": 2, "xay-dung": 1, "nong-nghiep": 0}
        for lv in TTHC_LV:
            ton[lv] = max(ton[lv], pending_floor(D(2023, 8, 31), lv))

        for i, (y, m) in enumerate(MONTHS):
            prog = i / (n - 1)
            rows = {}
            for lv in TTHC_LV:
                if lv == "ho-tich":
                    base = r.randint(68, 100) + (14 if m in (1, 2, 12) else 0)
                    online = 0.30 + 0.30 * prog
                    pend = r.randint(2, 7)
                    som_sh = 0.55 + 0.15 * prog
                    home = r.randint(0, 1) if i < 3 else r.randint(0, 2)
                elif lv == "chung-thuc":
                    base = r.randint(85, 150) + (35 if m in (8, 9) else 0) + (20 if m in (1, 2) else 0)
                    online = 0.04 + 0.12 * prog
                    pend = r.randint(0, 2)
                    som_sh = 0.82 + 0.08 * prog
                    home = r.randint(0, 1) if i < 3 else r.randint(1, 3)
                elif lv == "dat-dai":
                    base = r.randint(11, 24)
                    online = 0.08 + 0.20 * prog
                    pend = None
                    som_sh = 0.20 + 0.15 * prog
                    home = 0
                elif lv == "bao-tro-xa-hoi":
                    base = r.randint(6, 16)
                    online = 0.15 + 0.25 * prog
                    pend = r.randint(2, 6)
                    som_sh = 0.30 + 0.15 * prog
                    home = 0 if i < 3 else r.randint(0, 2)
                elif lv == "nguoi-co-cong":
                    base = r.randint(2, 6) + (4 if m == 7 else 0)
                    online = 0.10 + 0.20 * prog
                    pend = r.randint(1, 3)
                    som_sh = 0.30 + 0.15 * prog
                    home = 0
                elif lv == "xay-dung":
                    base = r.randint(1, 5)
                    online = 0.20 + 0.20 * prog
                    pend = r.randint(0, 2)
                    som_sh = 0.30 + 0.20 * prog
                    home = 0
                else:  # nong-nghiep
                    base = r.choice([0, 0, 1, 1, 2, 3])
                    online = 0.2
                    pend = 0
                    som_sh = 0.6
                    home = 0
                tiep = base
                if lv == "dat-dai":
                    pend = int(round(tiep * r.uniform(0.40, 0.60))) + r.randint(2, 5)
                e = month_last(y, m)
                pend = max(pend, pending_floor(e, lv))
                L = late_cnt.get(((y, m), lv), 0)
                t0 = ton[lv]
                if t0 + tiep - pend < L:
                    tiep = L + pend - t0
                resolved = t0 + tiep - pend
                ontime = resolved - L
                som = int(round(ontime * min(0.97, som_sh + r.uniform(-0.05, 0.05))))
                dung = ontime - som
                tt = int(round(tiep * min(0.95, online + r.uniform(-0.04, 0.04))))
                tt = max(0, min(tt, tiep))
                home = min(home, resolved)
                if t0 == 0 and tiep == 0:
                    ton[lv] = 0
                    continue
                rows[lv] = {"ton_truoc": t0, "tiep_nhan": tiep, "truc_tuyen": tt, "som_han": som,
                            "dung_han": dung, "tre_han": L, "dang_trong_han": pend, "dang_qua_han": 0,
                            "tai_nha": home}
                ton[lv] = pend
            self.tthc[(y, m)] = rows

    # ------------------------------------------------------------------ activities
    def gen_acts(self):
        r = self.r
        for i, (y, m) in enumerate(MONTHS):
            first, last = month_first(y, m), month_last(y, m)
            days = wd_between(first, last)
            acts = []

            def add(d, loai, chu_tri, nd, so_nguoi=None, so_y_kien=None):
                acts.append({"ngay": d, "loai": loai, "chu_tri": chu_tri, "noi_dung": nd,
                             "so_nguoi": so_nguoi, "so_y_kien": so_y_kien, "phan_anh": []})

            # Tiếp công dân định kỳ: Chủ tịch UBND xã thứ Năm tuần thứ 2 và thứ 4; Bí thư ngày 20
            thursdays = [d for d in (first + ONE * k for k in range((last - first).days + 1)) if d.weekday() == 3]
            for idx in (1, 3):
                d = next_wd(thursdays[idx])
                n_ng = r.randint(2, 9)
                add(d, "tiep-cong-dan", "Chủ tịch UBND xã",
                    "Tiếp công dân định kỳ tại trụ sở UBND xã", n_ng, None)
            d = next_wd(D(y, m, 20))
            add(d, "tiep-cong-dan", "Bí thư Đảng ủy xã",
                "Bí thư Đảng ủy xã tiếp công dân định kỳ tại trụ sở UBND xã", r.randint(2, 8), None)

            # Phát thanh
            pt = []
            if (y, m) >= (2023, 12):
                py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
                pt.append((next_wd(D(y, m, 8)),
                           "Thông tin kết quả giải quyết thủ tục hành chính, phản ánh, kiến nghị tháng %s (phát 3 ngày liên tục)" % mvn(py, pm)))
            if (y, m) == (2023, 9):
                pt.append((D(2023, 9, 27), "Tuyên truyền Kế hoạch xây dựng mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ” vừa ban hành"))
            elif (y, m) == (2023, 10):
                pt.append((D(2023, 10, 16), "Tuyên truyền mục đích, ý nghĩa của mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”"))
                pt.append((D(2023, 10, 26), "Thông báo lịch tiếp công dân và số điện thoại công khai của lãnh đạo xã"))
            elif (y, m) == (2023, 11):
                pt.append((D(2023, 11, 6), "Tuyên truyền nội dung 5 biết, 3 không, 4 thể hiện của cán bộ, công chức xã"))
                pt.append((D(2023, 11, 27), "Thông báo kế hoạch tổ chức Lễ ra mắt mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”"))
            else:
                topics = {
                    1: ["Tuyên truyền phòng, chống cháy nổ và bảo đảm an toàn giao thông dịp Tết Nguyên đán",
                        "Tuyên truyền công tác tuyển chọn, gọi công dân nhập ngũ"],
                    2: ["Tuyên truyền công tác giao, nhận quân và phong trào Tết trồng cây"],
                    3: ["Hướng dẫn nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng Dịch vụ công"],
                    4: ["Tuyên truyền thực hiện 5 biết, 3 không, 4 thể hiện của cán bộ, công chức xã"],
                    5: ["Tuyên truyền phòng, chống đuối nước cho trẻ em dịp hè"],
                    6: ["Tuyên truyền phòng, chống thiên tai, ứng phó mưa lớn, ngập úng"],
                    7: ["Tuyên truyền Luật Căn cước và việc cấp căn cước, tài khoản định danh điện tử"],
                    8: ["Tuyên truyền Luật Đất đai năm 2024 có hiệu lực từ ngày 01/8/2024"],
                    9: ["Tuyên truyền phòng, chống sốt xuất huyết"],
                    10: ["Tuyên truyền tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện"],
                    11: ["Thông báo lịch tiếp xúc cử tri trước kỳ họp cuối năm của HĐND xã"],
                    12: ["Tuyên truyền mục đích, ý nghĩa của mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”",
                         "Hướng dẫn nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng Dịch vụ công"],
                }[m]
                if y == 2023:
                    topics = topics[:1]
                for t in topics:
                    pt.append((r.choice([d for d in days if d.day >= 12]), t))
            for d, t in pt:
                add(next_wd(d), "phat-thanh", "Công chức Văn hóa – Xã hội", t)

            # Cùng làm với dân
            cl = {
                9: ["Ra quân vệ sinh đường làng, khơi thông cống rãnh cùng Nhân dân"],
                10: ["Giúp hộ neo đơn thu hoạch lúa vụ Mùa", "Cùng Nhân dân khắc phục hậu quả sau đợt mưa lớn, dọn dẹp cây đổ"],
                11: ["Cùng Nhân dân làm đường giao thông nội đồng"],
                12: ["Cùng Nhân dân nạo vét kênh mương nội đồng phục vụ sản xuất vụ Chiêm Xuân"],
                1: ["Cùng Nhân dân trang trí, vệ sinh đường làng đón Tết", "Thăm, tặng quà hộ nghèo, hộ chính sách dịp Tết Nguyên đán"],
                2: ["Cùng Nhân dân trồng cây xanh trên tuyến đường trục xã"],
                3: ["Hỗ trợ sửa chữa nhà ở cho hộ có hoàn cảnh khó khăn"],
                4: ["Ra quân vệ sinh đường làng, khơi thông cống rãnh cùng Nhân dân"],
                5: ["Giúp hộ neo đơn thu hoạch lúa vụ Chiêm Xuân"],
                6: ["Ra quân vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới"],
                7: ["Thăm, tặng quà gia đình người có công nhân ngày Thương binh – Liệt sỹ 27/7",
                    "Cùng Nhân dân nạo vét kênh tiêu chống úng"],
                8: ["Cùng Nhân dân dọn vệ sinh, sửa sang trường học chuẩn bị năm học mới"],
            }[m]
            if (y, m) == (2023, 9):
                cl = cl[:1]
            hosts = ["Bí thư Đảng ủy xã", "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Trưởng Khối Dân vận",
                     "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Bí thư Đoàn Thanh niên xã"]
            for t in cl:
                d = r.choice(days)
                if m == 9 and y == 2023:
                    d = D(2023, 9, 30) if is_wd(D(2023, 9, 30)) else D(2023, 9, 29)
                add(d, "cung-lam-voi-dan", r.choice(hosts), t, r.randint(25, 120), None)

            # Đối thoại hằng quý
            dt_topic = {
                (2023, 12): ("Chủ tịch UBND xã", "Đối thoại với Nhân dân về thực hiện mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ” và cải cách thủ tục hành chính"),
                (2024, 3): ("Chủ tịch UBND xã", "Đối thoại với hội viên nông dân về sản xuất vụ Chiêm Xuân và thủy lợi nội đồng"),
                (2024, 6): ("Bí thư Đảng ủy xã", "Đối thoại với đoàn viên thanh niên về lập nghiệp, học nghề và xuất khẩu lao động"),
                (2024, 9): ("Chủ tịch UBND xã", "Đối thoại với Nhân dân về cấp giấy chứng nhận quyền sử dụng đất và giải phóng mặt bằng"),
                (2024, 12): ("Bí thư Đảng ủy xã", "Đối thoại với hội viên phụ nữ, người cao tuổi về chính sách an sinh xã hội"),
            }
            if (y, m) in dt_topic:
                h, t = dt_topic[(y, m)]
                d = r.choice([d for d in days if 10 <= d.day <= 22])
                add(d, "doi-thoai", h, t, r.randint(45, 90), None)

            # Tiếp xúc cử tri trước kỳ họp HĐND xã
            tx = {
                (2023, 11): "trước kỳ họp cuối năm 2023 của HĐND xã",
                (2024, 6): "trước kỳ họp giữa năm 2024 của HĐND xã",
                (2024, 11): "trước kỳ họp cuối năm 2024 của HĐND xã",
            }
            if (y, m) in tx:
                cum = [THON[:5], THON[5:]]
                cand = [d for d in days if 12 <= d.day <= 28]
                ds2 = sorted(r.sample(cand, 2))
                for d, c in zip(ds2, cum):
                    add(d, "tiep-xuc-cu-tri", "Chủ tịch HĐND xã",
                        "Tiếp xúc cử tri %s tại cụm thôn %s" % (tx[(y, m)], ", ".join(c)),
                        r.randint(70, 150), None)
                    acts[-1]["_thon"] = c

            # Tập huấn và các hoạt động khác gắn với các bước của kế hoạch
            if (y, m) == (2023, 10):
                add(D(2023, 10, 5), "khac", "Bí thư Đảng ủy xã",
                    "Hội nghị Ban Chấp hành Đảng bộ xã ban hành Nghị quyết lãnh đạo thực hiện mô hình", 21, None)
            if (y, m) == (2023, 12):
                add(D(2023, 12, 5), "khac", "Bí thư Đảng ủy xã",
                    "Lễ ra mắt mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ” và hội nghị triển khai Nghị quyết của Đảng ủy",
                    r.randint(110, 140), None)
                add(D(2023, 12, 5), "tap-huan", "Trưởng Khối Dân vận",
                    "Tập huấn cách thức tổ chức thực hiện và kỹ năng công tác Dân vận của chính quyền", r.randint(55, 70), None)
            if (y, m) == (2024, 4):
                add(D(2024, 4, 23), "tap-huan", "Phó Chủ tịch UBND xã",
                    "Tập huấn kỹ năng giao tiếp, ứng xử cho công chức Bộ phận Một cửa và cán bộ thôn", r.randint(30, 45), None)
            sk = {(2024, 1): (D(2024, 1, 12), "Hội nghị sơ kết quý IV năm 2023 thực hiện mô hình"),
                  (2024, 4): (D(2024, 4, 10), "Hội nghị sơ kết quý I năm 2024 thực hiện mô hình"),
                  (2024, 6): (D(2024, 6, 28), "Hội nghị tổng kết giai đoạn 1 thực hiện mô hình, kết hợp sơ kết quý II năm 2024"),
                  (2024, 10): (D(2024, 10, 11), "Hội nghị sơ kết quý III năm 2024 thực hiện mô hình")}
            if (y, m) in sk:
                d, t = sk[(y, m)]
                add(d, "khac", "Phó Chủ tịch UBND xã", t, r.randint(35, 60), None)

            order = {"tiep-cong-dan": 0, "doi-thoai": 1, "tiep-xuc-cu-tri": 2, "cung-lam-voi-dan": 3,
                     "phat-thanh": 4, "khac": 5, "tap-huan": 6}
            acts.sort(key=lambda a: (a["ngay"], order[a["loai"]], a["chu_tri"], a["noi_dung"]))
            for k, a in enumerate(acts, 1):
                assert is_wd(a["ngay"]) and ymonth(a["ngay"]) == (y, m), a
                a["ma"] = "HD-%02d%02d-%02d" % (y % 100, m, k)
            self.acts[(y, m)] = acts

    # ------------------------------------------------------------------ petitions
    def due_default(self, p):
        if p["loai"] in ("phan-anh", "kien-nghi"):
            return add_wd(p["ngay_nhan"], 15)
        if p["loai"] == "khieu-nai":
            return p["ngay_nhan"] + dt.timedelta(days=45 if p.get("phuc_tap") else 30)
        return p["ngay_nhan"] + dt.timedelta(days=30)

    def due(self, p):
        return p.get("han_xu_ly") or self.due_default(p)

    def fill_text(self, tpl, d):
        loai, lv, tt, dv, kqs = tpl
        r = self.r
        nam_sau = d.year + 1
        tt = tt.replace("{noi}", r.choice(NOI))
        kq = r.choice(kqs).replace("{nam_sau}", str(nam_sau))
        return loai, lv, tt, dv, kq

    def gen_pa(self):
        r = self.r
        W_KENH = [("hom-thu", 14), ("duong-day-nong", 13), ("cong-thong-tin", 11), ("mot-cua", 14),
                  ("truc-tiep", 18), ("zalo", 16), ("khac", 8)]
        specials = self.specials()
        for i, (y, m) in enumerate(MONTHS):
            first, last = month_first(y, m), month_last(y, m)
            days = wd_between(first, last)
            acts = self.acts[(y, m)]
            plist = []
            # từ hoạt động
            for a in acts:
                if a["loai"] == "tiep-cong-dan":
                    k = r.choice([0, 1, 1, 1, 2])
                    if (y, m) == (2023, 9):
                        k = min(k, 1)
                elif a["loai"] == "doi-thoai":
                    k = r.randint(2, 3)
                elif a["loai"] == "tiep-xuc-cu-tri":
                    k = r.randint(2, 4)
                else:
                    continue
                for _ in range(k):
                    if a["loai"] == "tiep-cong-dan":
                        roll = r.random()
                        if roll < 0.12:
                            tpl = self.draw("knai", KNAI_TPL)
                        elif roll < 0.55:
                            tpl = self.draw("kn", KN_TPL)
                        else:
                            tpl = self.draw("pa", PA_TPL)
                    elif a["loai"] == "tiep-xuc-cu-tri":
                        tpl = self.draw("ct", CT_TPL) if r.random() < 0.75 else self.draw("kn", KN_TPL)
                    else:  # đối thoại
                        tpl = self.draw("kn", KN_TPL) if r.random() < 0.7 else self.draw("pa", PA_TPL)
                    loai, lv, tt, dv, kq = self.fill_text(tpl, a["ngay"])
                    plist.append({"ngay_nhan": a["ngay"], "kenh": a["loai"], "loai": loai, "linh_vuc": lv,
                                  "tom_tat": tt, "don_vi_xu_ly": dv, "_kq": kq, "_act": a})
                    if "_thon" in a:
                        # cử tri thuộc cụm thôn của buổi tiếp xúc
                        plist[-1]["thon"] = r.choice(a["_thon"])
            # đặc biệt
            for sp in specials.get((y, m), []):
                p = dict(sp)
                if p["kenh"] in ("tiep-cong-dan", "doi-thoai", "tiep-xuc-cu-tri"):
                    a = [a for a in acts if a["loai"] == p["kenh"] and a["ngay"] == p["ngay_nhan"]][0]
                    p["_act"] = a
                p["_special"] = True
                plist.append(p)
            # còn lại
            if (y, m) == (2023, 9):
                total = 6
            else:
                total = r.randint(9, 16) + (3 if any(a["loai"] == "tiep-xuc-cu-tri" for a in acts) else 0)
            total = min(25, max(total, len(plist) + 3))
            fridays = [d for d in days if d.weekday() == 4] or days
            for _ in range(total - len(plist)):
                kenh = self.wchoice(W_KENH)
                roll = r.random()
                if kenh in ("truc-tiep", "khac", "hom-thu", "cong-thong-tin") and roll < 0.07:
                    tpl = self.draw("knai", KNAI_TPL)
                elif roll < 0.55:
                    tpl = self.draw("pa", PA_TPL)
                else:
                    tpl = self.draw("kn", KN_TPL)
                pool = days
                if kenh == "hom-thu":
                    pool = fridays           # hòm thư mở vào chiều thứ Sáu hằng tuần
                if (y, m) == (2024, 12):
                    pool = [d for d in pool if d.day <= 20]
                d = r.choice(pool)
                if kenh in ("zalo", "cong-thong-tin") and r.random() < 0.15:
                    # gửi trực tuyến vào cuối tuần
                    sat = d + dt.timedelta(days=(5 - d.weekday()) % 7)
                    if ymonth(sat) == (y, m) and not is_wd(sat) and not (y == 2024 and m == 12 and sat.day > 20):
                        d = sat
                loai, lv, tt, dv, kq = self.fill_text(tpl, d)
                plist.append({"ngay_nhan": d, "kenh": kenh, "loai": loai, "linh_vuc": lv, "tom_tat": tt,
                              "don_vi_xu_ly": dv, "_kq": kq})
            # thôn
            for p in plist:
                if p["loai"] == "to-cao" or "thon" in p:
                    continue
                if r.random() < 0.8:
                    p["thon"] = r.choice(THON)
            korder = {k: n for n, k in enumerate(KENH)}
            plist.sort(key=lambda p: (p["ngay_nhan"], korder[p["kenh"]], p["loai"], p.get("tom_tat", "")))
            for k, p in enumerate(plist, 1):
                p["ma"] = "PA-%02d%02d-%02d" % (y % 100, m, k)
                if "_act" in p:
                    p["_act"]["phan_anh"].append(p["ma"])
            # xử lý
            for p in plist:
                if p.get("_special"):
                    continue
                self.resolve(p, i)
            self.pa[(y, m)] = plist
        # số ý kiến của hoạt động
        for (y, m), acts in self.acts.items():
            for a in acts:
                if a["loai"] == "tiep-cong-dan":
                    a["so_y_kien"] = len(a["phan_anh"]) + r.randint(0, 3)
                    a["so_nguoi"] = max(a["so_nguoi"], a["so_y_kien"])
                elif a["loai"] in ("doi-thoai", "tiep-xuc-cu-tri"):
                    a["so_y_kien"] = len(a["phan_anh"]) + r.randint(3, 9)
        self.ratings()

    def wchoice(self, items):
        tot = sum(w for _, w in items)
        x = self.r.uniform(0, tot)
        acc = 0
        for k, w in items:
            acc += w
            if x <= acc:
                return k
        return items[-1][0]

    def resolve(self, p, i):
        r = self.r
        nhan = p["ngay_nhan"]
        due = self.due(p)
        p_late = 0.15 if i < 3 else 0.08
        late = r.random() < p_late
        res = None
        if late:
            if p["loai"] in ("phan-anh", "kien-nghi"):
                res = add_wd(due, r.randint(2, 12))
            else:
                res = next_wd(due + dt.timedelta(days=r.randint(4, 20)))
            if res > END:
                late = False
                res = None
        if res is None:
            if p["loai"] in ("phan-anh", "kien-nghi"):
                hi = 12
                k = min(r.randint(1, hi), r.randint(1, hi))  # lệch về phía giải quyết sớm
                res = add_wd(nhan, k)
            else:
                res = next_wd(nhan + dt.timedelta(days=r.randint(10, 25)))
                while res > due - dt.timedelta(days=2):
                    res = prev_wd(res - ONE)
            if res > END:
                cand = [d for d in wd_between(nhan + ONE, END)]
                res = cand[min(len(cand) - 1, r.randint(0, 3))]
        assert is_wd(res) and res > nhan
        p["ngay_giai_quyet"] = res
        p["ket_qua"] = p.pop("_kq")
        if r.random() < 0.9:
            tb = res if r.random() < 0.35 else add_wd(res, r.choice([0, 1, 1, 2, 3]))
            if tb > END:
                tb = res
            p["ngay_thong_bao"] = tb

    def specials(self):
        S = {}

        def add(ym, **kw):
            S.setdefault(ym, []).append(kw)

        # khiếu nại giải quyết quá hạn, người khiếu nại không hài lòng, tái diễn
        add((2023, 10), ngay_nhan=D(2023, 10, 16), kenh="truc-tiep", loai="khieu-nai", linh_vuc="bao-tro-xa-hoi",
            thon="Tân Phong", tom_tat="Khiếu nại việc dừng chi trả trợ cấp xã hội hằng tháng",
            don_vi_xu_ly=CT, ngay_giai_quyet=D(2023, 11, 24),
            ket_qua="Đã rà soát, khôi phục trợ cấp và chi trả bổ sung các tháng bị dừng",
            ngay_thong_bao=D(2023, 11, 27), danh_gia="khong-hai-long", tai_dien=True)
        # khiếu nại phức tạp (45 ngày)
        add((2024, 1), ngay_nhan=D(2024, 1, 15), kenh="truc-tiep", loai="khieu-nai", linh_vuc="dat-dai",
            thon="Đông Tiến", tom_tat="Khiếu nại mức bồi thường cây cối, hoa màu khi thi công tuyến kênh tiêu",
            don_vi_xu_ly=CT, phuc_tap=True, ngay_giai_quyet=D(2024, 2, 26),
            ket_qua="Đã kiểm đếm lại, ban hành quyết định giải quyết khiếu nại lần đầu, điều chỉnh bổ sung giá trị bồi thường hoa màu",
            ngay_thong_bao=D(2024, 2, 27), danh_gia="hai-long")
        # tố cáo 1 (không tóm tắt, không kết quả)
        add((2024, 3), ngay_nhan=D(2024, 3, 12), kenh="truc-tiep", loai="to-cao", linh_vuc="xay-dung",
            don_vi_xu_ly=CT, ngay_giai_quyet=D(2024, 4, 5), ngay_thong_bao=D(2024, 4, 8))
        # khiếu nại có hạn xử lý ghi đè (tính từ ngày thụ lý)
        add((2024, 5), ngay_nhan=D(2024, 5, 6), kenh="khac", loai="khieu-nai", linh_vuc="xay-dung",
            thon="Bắc Sơn", tom_tat="Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng",
            don_vi_xu_ly=CT, han_xu_ly=D(2024, 6, 14), ngay_giai_quyet=D(2024, 6, 11),
            ket_qua="Đã ban hành quyết định giải quyết khiếu nại lần đầu, giữ nguyên quyết định xử phạt; người khiếu nại đã chấp hành",
            ngay_thong_bao=D(2024, 6, 12), danh_gia="binh-thuong")
        # kiến nghị phải chờ cấp huyện: hạn xử lý ghi đè
        add((2024, 8), ngay_nhan=D(2024, 8, 12), kenh="cong-thong-tin", loai="kien-nghi", linh_vuc="nguoi-co-cong",
            thon="Xuân Lai", tom_tat="Kiến nghị xem xét giải quyết chế độ trợ cấp cho thân nhân người có công với cách mạng",
            don_vi_xu_ly=CS, han_xu_ly=D(2024, 9, 30), ngay_giai_quyet=D(2024, 9, 25),
            ket_qua="Đã phối hợp phòng Lao động – Thương binh và Xã hội huyện xác minh; hồ sơ đã được trình cấp có thẩm quyền giải quyết",
            ngay_thong_bao=D(2024, 9, 26), danh_gia="rat-hai-long")
        # tố cáo 2
        add((2024, 8), ngay_nhan=D(2024, 8, 20), kenh="khac", loai="to-cao", linh_vuc="dat-dai",
            don_vi_xu_ly=CT, ngay_giai_quyet=D(2024, 9, 13), ngay_thong_bao=D(2024, 9, 16))
        # còn đang xử lý cuối năm 2024 (quá hạn)
        add((2024, 10), ngay_nhan=D(2024, 10, 8), kenh="truc-tiep", loai="kien-nghi", linh_vuc="dat-dai",
            thon="Nam Tiến",
            tom_tat="Đề nghị giải quyết tranh chấp ranh giới đất giữa hai hộ liền kề, đã hòa giải ở thôn nhưng không thành",
            don_vi_xu_ly=DC)
        add((2024, 11), ngay_nhan=D(2024, 11, 25), kenh="zalo", loai="phan-anh", linh_vuc="giao-thong",
            thon="Phú Hậu 3",
            tom_tat="Phản ánh hệ thống đèn chiếu sáng tuyến đường liên thôn bị hỏng tủ điều khiển, mất điện cả tuyến",
            don_vi_xu_ly=DC)
        # còn đang xử lý, trong hạn (khiếu nại nhận tại buổi tiếp công dân 12/12/2024)
        add((2024, 12), ngay_nhan=D(2024, 12, 12), kenh="tiep-cong-dan", loai="khieu-nai", linh_vuc="bao-tro-xa-hoi",
            thon="Trung Thành", tom_tat="Khiếu nại kết quả bình xét hộ nghèo, hộ cận nghèo năm 2025 của thôn",
            don_vi_xu_ly=CT)
        return S

    def ratings(self):
        r = self.r
        allp = [p for ym in MONTHS for p in self.pa[ym]]
        for p in allp:
            if p.get("_special"):
                continue
            if p["loai"] == "to-cao" or "ngay_thong_bao" not in p:
                continue
            if r.random() >= 0.55:
                continue
            late = p["ngay_giai_quyet"] > self.due(p)
            if late:
                dist = [("hai-long", 20), ("binh-thuong", 40), ("khong-hai-long", 32), ("rat-khong-hai-long", 8)]
            else:
                dist = [("rat-hai-long", 40), ("hai-long", 47), ("binh-thuong", 9), ("khong-hai-long", 4)]
            p["danh_gia"] = self.wchoice(dist)
            if p["danh_gia"] in ("khong-hai-long", "rat-khong-hai-long"):
                p["tai_dien"] = r.random() < 0.5
            elif r.random() < 0.02:
                p["tai_dien"] = True
        # bảo đảm có vài trường hợp không hài lòng và tái diễn
        rated = [p for p in allp if p.get("danh_gia") and not p.get("_special")]
        nk = sum(1 for p in allp if p.get("danh_gia") == "khong-hai-long")
        nrk = sum(1 for p in allp if p.get("danh_gia") == "rat-khong-hai-long")
        cands = [p for p in rated if p["danh_gia"] == "binh-thuong"]
        while nk < 4 and cands:
            cands.pop(0)["danh_gia"] = "khong-hai-long"
            nk += 1
        if nrk < 1:
            c = [p for p in rated if p["danh_gia"] == "khong-hai-long" and not p.get("_special")]
            c[-1]["danh_gia"] = "rat-khong-hai-long"
            c[-1]["tai_dien"] = True
        ntd = sum(1 for p in allp if p.get("tai_dien"))
        c = [p for p in allp if p.get("danh_gia") in ("khong-hai-long", "binh-thuong") and not p.get("tai_dien")]
        while ntd < 5 and c:
            c.pop(0)["tai_dien"] = True
            ntd += 1

    # ------------------------------------------------------------------ surveys
    def gen_ks(self):
        r = self.r
        n = len(MONTHS)
        crit = [("tiep-can-dich-vu", 0.01, (0, 2)), ("thu-tuc-hanh-chinh", -0.02, (0, 2)),
                ("cong-chuc", 0.02, (0, 1)), ("ket-qua", 0.0, (0, 2)), ("tiep-nhan-gop-y", -0.03, None)]
        for i, (y, m) in enumerate(MONTHS):
            rows = self.tthc[(y, m)]
            resolved = sum(v["som_han"] + v["dung_han"] + v["tre_han"] for v in rows.values())
            share = 0.18 + 0.15 * i / (n - 1)
            thu = int(round(resolved * share * r.uniform(0.9, 1.1)))
            if (y, m) == (2023, 9):
                thu = r.randint(41, 46)
            if thu < 40:
                thu = r.randint(41, 47)
            thu = min(120, thu)
            phat = thu + r.randint(3, 14)
            base = 0.83 + 0.10 * i / (n - 1) + r.uniform(-0.02, 0.02)
            tc = {}
            for key, off, skip in crit:
                if skip is None:
                    ans = thu - int(round(thu * r.uniform(0.10, 0.30)))
                else:
                    ans = thu - r.randint(*skip)
                p = max(0.80, min(0.95, base + off + r.uniform(-0.015, 0.015)))
                sat = int(round(ans * p))
                rat = int(round(sat * r.uniform(0.35, 0.55)))
                hl = sat - rat
                rest = ans - sat
                rk = 1 if (rest >= 4 and r.random() < 0.3) else 0
                kh = min(rest - rk, r.choice([0, 1, 1, 2, 3]))
                bt = rest - rk - kh
                tc[key] = {"rat_hai_long": rat, "hai_long": hl, "binh_thuong": bt,
                           "khong_hai_long": kh, "rat_khong_hai_long": rk}
            self.ks[(y, m)] = {"phat": phat, "thu": thu, "tc": tc}

    # ------------------------------------------------------------------ letters
    def gen_thu(self):
        r = self.r
        xl = {}
        for x in self.late:
            if "ngay_xin_loi" in x:
                k = ymonth(x["ngay_xin_loi"])
                xl[k] = xl.get(k, 0) + 1
        for i, (y, m) in enumerate(MONTHS):
            npa = len(self.pa[(y, m)])
            if (y, m) == (2023, 9):
                co, cm, cb = 0, 1, 1
            else:
                co = int(round(npa * 0.3)) + r.randint(0, 3)
                if m in (11, 12):
                    co += r.randint(2, 5)   # cảm ơn các hộ hiến đất, góp công làm đường
                cm = r.randint(6, 14)
                if m == 1:
                    cm += r.randint(25, 40)   # mừng thọ người cao tuổi dịp đầu xuân
                if m == 2:
                    cm += r.randint(12, 18)   # thanh niên lên đường nhập ngũ
                if m == 8:
                    cm += r.randint(15, 25)   # học sinh đỗ đại học
                cb = r.randint(3, 7) + (2 if m in (12, 1, 2) else 0)
                if (y, m) == (2023, 10):
                    cm = min(cm, 6)
            self.thu[(y, m)] = {"xin_loi": xl.get((y, m), 0), "cam_on": co, "chuc_mung": cm, "chia_buon": cb}
        for k in xl:
            assert k in self.thu, ("thư xin lỗi ngoài phạm vi tháng", k)

    def run(self):
        self.gen_late()
        self.gen_tthc()
        self.gen_acts()
        self.gen_pa()
        self.gen_ks()
        self.gen_thu()


# ---------------------------------------------------------------------------
# Các file viết tay: xa.yaml, ke-hoach.yaml, cam-ket.yaml
# ---------------------------------------------------------------------------
def xa_lines():
    L = [
        "# Thông tin chung của xã và đầu mối tiếp nhận phản ánh, kiến nghị — dữ liệu minh họa",
        "# Số điện thoại của lãnh đạo dưới đây là số minh họa; khi đưa vào sử dụng thật, thay bằng số công khai của xã.",
        'ten: "xã Trường Xuân"',
        'ten_co_quan: "Ủy ban nhân dân xã Trường Xuân"',
        'don_vi_cap_tren: ["huyện Thọ Xuân", "tỉnh Thanh Hóa"]',
        "ghi_chu_don_vi_hanh_chinh: " + txt(
            "Từ ngày 01/7/2025 không còn cấp huyện và tỉnh Thanh Hóa sắp xếp lại các đơn vị hành chính cấp xã; "
            "số liệu giai đoạn 2023–2024 ghi theo tên đơn vị hành chính tại thời điểm đó."),
        'mo_hinh: "Chính quyền thân thiện, vì Nhân dân phục vụ"',
        'dia_chi: "Phú Hậu 1, xã Trường Xuân, huyện Thọ Xuân, tỉnh Thanh Hóa"',
        'dien_thoai: "0374408758"',
        'email: "truongxuan.thoxuan@thanhhoa.gov.vn"',
        'duong_day_nong: "02373000100"',
        'zalo: "0374408758"',
        'cong_thong_tin: "https://dichvucong.gov.vn/"',
        "gio_lam_viec: " + txt("Từ thứ Hai đến thứ Sáu, sáng 7h00–11h30, chiều 13h30–17h00 (trừ ngày nghỉ lễ, Tết)"),
        "hom_thu_gop_y:",
        "  - noi_dat: " + txt("Bộ phận Tiếp nhận và trả kết quả, trụ sở UBND xã"),
        "    ghi_chu: " + txt("Hòm thư được mở vào chiều thứ Sáu hằng tuần, có đại diện Ủy ban MTTQ Việt Nam xã chứng kiến"),
        "  - noi_dat: " + txt("Phòng tiếp công dân, trụ sở UBND xã"),
        "  - noi_dat: " + txt("Trạm Y tế xã"),
        "lanh_dao:",
    ]
    leaders = [
        ("Bí thư Đảng ủy xã", "02373000101", "Ngày 20 hằng tháng (trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp)"),
        ("Chủ tịch HĐND xã", "02373000102", None),
        ("Chủ tịch UBND xã", "02373000103", "Thứ Năm tuần thứ hai và tuần thứ tư hằng tháng"),
        ("Phó Chủ tịch UBND xã, Trưởng Ban điều hành thực hiện mô hình", "02373000104", None),
        ("Trưởng Khối Dân vận, Phó Ban điều hành thực hiện mô hình", "02373000105", None),
        ("Chủ tịch Ủy ban MTTQ Việt Nam xã", "02373000106", None),
        ("Trưởng Công an xã", "02373000107", None),
    ]
    for cv, tel, lich in leaders:
        L.append("  - chuc_vu: " + txt(cv))
        L.append("    dien_thoai: " + qq(tel))
        if lich:
            L.append("    lich_tiep_dan: " + txt(lich))
    L += [
        'dai_truyen_thanh: "Đài truyền thanh xã Trường Xuân"',
        "ngay_cong_bo_hang_thang: 5",
        "# Địa chỉ minh họa (tên miền .example không có thật): thay bằng địa chỉ thật của trang công khai.",
        'dia_chi_trang: "https://truongxuan.example/"',
        "thon:",
    ]
    L += ["  - " + qq(t) for t in THON]
    L += [
        "du_lieu_minh_hoa: có",
        'giay_phep_du_lieu: "CC BY 4.0"',
    ]
    return L


# Nguyên văn bài viết (chỉ gộp khoảng trắng thừa); giữ cả lỗi đánh máy của bản gốc.
SEED_MUC_DICH = (
    "Thông qua việc xây dựng các mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ” trong công tác Dân vận "
    "của chính quyền xã để thực hiện có hiệu quả “Năm Dân vận khéo” 2023, đồng thời tiếp tục tuyên truyền và nhân "
    "rộng các mô hình, cách làm hiệu quả của công tác Dân vận chính quyền, tạo sức lan tỏa trong Nhân dân, góp phần "
    "thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ xã lần thứ nhất nhiệm kỳ 2020-2025.")
SEED_B1 = (
    "Đảng ủy xã xây dựng và ban hành Nghị quyết để lãnh đạo thực hiện mô hình điểm về công tác Dân vận chính quyền "
    "năm 2023; Ban hành Quyết định thành lập Ban điều hành thực hiện mô hình do đồng chí Phó Chủ tịch UBND xã làm "
    "Trưởng Ban; Trưởng Khối Dân vận làm Phó Ban; các thành viên gồm: Trưởng các đoàn thể CT-XH; Trưởng Công an xã ; "
    "Chỉ huy trưởng Quân sự; công chức địa chính-Xây dựng- Môi trường, công chức chính sách- xã hội, công chức Tư "
    "pháp- Hộ tịch, công chức tài chính, kế toán, công chức văn phòng – Thóng kê UBND là thành viên.")
SEED_B2 = (
    "Tổ chức Lễ ra mắt mô hình “ Chính quyền thân thiện, vì Nhân dân phục vụ”. "
    "Phối hợp tổ chức hội nghị triển khai Nghị quyết của Đảng ủy; kế hoạch phối hợp của Khối dân vận và UBND xã ; "
    "các văn bản khác để tổ chức thực hiện xây dựng mô hình “Dân vận khéo”trong công tác Dân vận của chính quyền. "
    "Đồng thời, tổ chức tập huấn về cách thức tổ chức thực hiện cũng như những yêu cầu, kỹ năng thực hiện công tác "
    "Dân vận của chính quyền.")
SEED_B3 = (
    "Chỉ đạo các chi bộ xây dựng và ban hành Nghị quyết để lãnh đạo thực hiện các nội dung đã được triển khai của "
    "xã về Kế hoạch thực hiện mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ” . "
    "Chi bộ các thôn lãnh đạo Ban công tác Mặt trận; các chi đoàn, chi hội, Tổ tự quản, phổ biến sâu rộng cho Nhân "
    "dân, đoàn viên, hội viên nắm rõ về nội dung thực hiện mô hình, cũng như quyền, trách nhiệm và lợi ích của Nhân "
    "dân, của địa phương khi thực hiện có hiệu quả mô hình.")
SEED_B4 = (
    "Tổ chức thực hiện trong hệ thống trên toàn địa bàn xã . Định kỳ hàng tháng Ban chỉ đạo thực hiện mô hình của "
    "xã đánh giá và báo cáo tổ chỉ đạo huyện về kết quả thực hiện; Định kỳ 3 tháng sơ kết việc thực hiện.")
SEED_B4_HAN = ("Định kỳ hàng tháng Ban chỉ đạo thực hiện mô hình của xã đánh giá và báo cáo tổ chỉ đạo huyện về "
               "kết quả thực hiện; Định kỳ 3 tháng sơ kết việc thực hiện.")
SEED_B5 = "Tổng kết giai đoạn 1 việc thực hiện mô hình vào tháng 06/2024."


def plan_reports():
    """Báo cáo tháng (Bước 4) và sơ kết quý; số văn bản đánh theo năm, theo thứ tự ngày ban hành."""
    sent = {
        (2023, 11): D(2023, 12, 4), (2023, 12): D(2024, 1, 4), (2024, 1): D(2024, 2, 5),
        (2024, 2): D(2024, 3, 4), (2024, 3): D(2024, 4, 3), (2024, 4): D(2024, 5, 7),
        (2024, 5): D(2024, 6, 4), (2024, 6): D(2024, 7, 3), (2024, 7): D(2024, 8, 5),
        (2024, 8): D(2024, 9, 9), (2024, 9): D(2024, 10, 4), (2024, 10): D(2024, 11, 4),
        (2024, 11): D(2024, 12, 4), (2024, 12): None,
    }
    bc = []
    for (y, m), d in sent.items():
        ny, nm = (y, m + 1) if m < 12 else (y + 1, 1)
        bc.append({"thang": mkey(y, m), "han": D(ny, nm, 5), "ngay_gui": d})
    sk = [
        {"quy": "2023-Q4", "han": D(2024, 1, 15), "ngay": D(2024, 1, 12)},
        {"quy": "2024-Q1", "han": D(2024, 4, 15), "ngay": D(2024, 4, 10)},
        {"quy": "2024-Q2", "han": D(2024, 7, 15), "ngay": D(2024, 6, 28)},
        {"quy": "2024-Q3", "han": D(2024, 10, 15), "ngay": D(2024, 10, 11)},
        {"quy": "2024-Q4", "han": D(2025, 1, 15), "ngay": None},
    ]
    ev = [(b["ngay_gui"], 0, b) for b in bc if b["ngay_gui"]] + [(s["ngay"], 1, s) for s in sk if s["ngay"]]
    ev.sort(key=lambda e: (e[0], e[1]))
    seq = {}
    for d, _, obj in ev:
        assert is_wd(d), d
        seq[d.year] = seq.get(d.year, 0) + 1
        obj["so"] = "%02d/BC-BĐH" % seq[d.year]
    return bc, sk


def plan_lines():
    bc, sk = plan_reports()
    tong_ket = [s for s in sk if s["quy"] == "2024-Q2"][0]["so"]
    n_due = len(bc)

    def sent_by(d):
        return sum(1 for b in bc if b["ngay_gui"] and b["ngay_gui"] <= d)

    L = [
        "# Kế hoạch xây dựng mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”: các bước, tiến độ, báo cáo — dữ liệu minh họa",
        "# Nội dung các bước, thời hạn, thành phần Ban điều hành và nhiệm vụ ghi nguyên văn bài viết của xã",
        "# (kể cả lỗi đánh máy của bản gốc); số văn bản, ngày hoàn thành và tiến độ là số liệu minh họa.",
        "van_ban:",
        '  so: "01/KHPH-KDV-UBND"',
        "  ngay: 2023-09-25",
        '  co_quan: ["Khối Dân vận Đảng ủy xã", "UBND xã Trường Xuân"]',
        "  ten: " + txt("Kế hoạch xây dựng thực hiện mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ” trong công tác Dân vận của chính quyền"),
        "  muc_dich: " + txt(SEED_MUC_DICH),
        "buoc:",
    ]

    def step(so, ten, nd, han, han_nv, dv, done, vb, td, han_khac=None):
        out = ["  - so: %d" % so, "    ten: " + txt(ten), "    noi_dung: " + txt(nd)]
        if han:
            out.append("    han: " + ds(han))
        out.append("    han_nguyen_van: " + txt(han_nv))
        if han_khac:
            out.append("    han_khac:")
            for d, nguon in han_khac:
                out.append("      - ngay: " + ds(d))
                out.append("        nguon: " + txt(nguon))
        out.append("    don_vi: " + txt(dv))
        if done:
            out.append("    ngay_hoan_thanh: " + ds(done))
        if vb:
            out.append("    van_ban_minh_chung: " + flow(vb))
        out.append("    tien_do:")
        for d, pct, gc in td:
            out.append("      - ngay: " + ds(d))
            out.append("        phan_tram: %d" % pct)
            if gc:
                out.append("        ghi_chu: " + txt(gc))
        return out

    L += step(1, "Ban hành Nghị quyết, thành lập Ban điều hành", SEED_B1, D(2023, 11, 15),
              "Thực hiện xong trước ngày 15/11/2023.", "Đảng ủy xã", D(2023, 10, 12),
              ["15-NQ/ĐU", "102-QĐ/ĐU", "245/QĐ-UBND"],
              [(D(2023, 10, 5), 50, "Ban Chấp hành Đảng bộ xã ban hành Nghị quyết số 15-NQ/ĐU"),
               (D(2023, 10, 12), 100, "Ban hành Quyết định thành lập Ban điều hành và Quy chế hoạt động")])
    L += step(2, "Lễ ra mắt mô hình, hội nghị triển khai và tập huấn", SEED_B2, D(2023, 11, 30),
              "Thực hiện xong trước ngày 30/11/2023.", "UBND xã và Khối Dân vận", D(2023, 12, 5),
              ["268/KH-UBND", "276/TB-UBND"],
              [(D(2023, 11, 15), 30, "Ban hành kế hoạch tổ chức Lễ ra mắt mô hình"),
               (D(2023, 11, 30), 60, "Lùi Lễ ra mắt sang đầu tháng 12/2023 để kết hợp hội nghị tập huấn"),
               (D(2023, 12, 5), 100, "Tổ chức Lễ ra mắt mô hình, hội nghị triển khai và tập huấn (hoàn thành chậm 5 ngày so với hạn)")])
    n_chi_bo = len(THON)
    L += step(3, "Chi bộ các thôn ban hành Nghị quyết, phổ biến đến Nhân dân", SEED_B3, D(2023, 12, 31),
              "Thực hiện xong bước 3 trong tháng 12/2023.", "Đảng ủy xã (chỉ đạo chi bộ các thôn)", D(2023, 12, 27),
              ["38-CV/ĐU"],
              [(D(2023, 12, 15), 50, "%d/%d chi bộ thôn đã ban hành Nghị quyết" % (n_chi_bo // 2, n_chi_bo)),
               (D(2023, 12, 27), 100, "%d/%d chi bộ thôn đã ban hành Nghị quyết" % (n_chi_bo, n_chi_bo))])
    td4 = []
    for d in (D(2023, 12, 31), D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31)):
        s = sent_by(d)
        td4.append((d, int(round(100.0 * s / n_due)),
                    "Đã gửi %d/%d báo cáo tháng (tháng 11/2023 đến tháng 12/2024)" % (s, n_due)))
    L += step(4, "Tổ chức thực hiện, báo cáo hằng tháng, sơ kết 3 tháng", SEED_B4, None, SEED_B4_HAN,
              "Ban điều hành thực hiện mô hình", None, None, td4)
    L += step(5, "Tổng kết giai đoạn 1", SEED_B5, D(2024, 6, 30), SEED_B5,
              "Ban điều hành thực hiện mô hình", D(2024, 6, 28), [tong_ket, "412/QĐ-UBND"],
              [(D(2024, 6, 10), 40, "Xây dựng dự thảo báo cáo tổng kết giai đoạn 1"),
               (D(2024, 6, 28), 100, "Tổ chức Hội nghị tổng kết giai đoạn 1, khen thưởng tập thể, cá nhân tiêu biểu")],
              han_khac=[(D(2023, 12, 31),
                         "Mục “Về tổ chức thực hiện”, nhiệm vụ của Đảng ủy: “Định kỳ sơ kết và tổng kết thực hiện giai đoạn 1 vào tháng 12/2023”")])
    L.append("bao_cao_thang:")
    for b in bc:
        L.append("  - thang: " + b["thang"])
        L.append("    han: " + ds(b["han"]))
        if b["ngay_gui"]:
            L.append("    ngay_gui: " + ds(b["ngay_gui"]))
            L.append("    so_van_ban: " + qq(b["so"]))
    L.append("so_ket:")
    for s in sk:
        L.append("  - quy: " + s["quy"])
        L.append("    han: " + ds(s["han"]))
        if s["ngay"]:
            L.append("    ngay: " + ds(s["ngay"]))
            L.append("    so_van_ban: " + qq(s["so"]))
    L.append("ban_dieu_hanh:")
    board = [("Trưởng Ban", "Phó Chủ tịch UBND xã"), ("Phó Ban", "Trưởng Khối Dân vận"),
             ("Thành viên", "Trưởng các đoàn thể CT-XH"), ("Thành viên", "Trưởng Công an xã"),
             ("Thành viên", "Chỉ huy trưởng Quân sự"), ("Thành viên", "Công chức địa chính-Xây dựng- Môi trường"),
             ("Thành viên", "Công chức chính sách- xã hội"), ("Thành viên", "Công chức Tư pháp- Hộ tịch"),
             ("Thành viên", "Công chức tài chính, kế toán"), ("Thành viên", "Công chức văn phòng – Thóng kê UBND")]
    for vt, cv in board:
        L.append("  - vai_tro: " + txt(vt))
        L.append("    chuc_vu: " + txt(cv))
    L.append("nhiem_vu:")
    duties = [
        ("Đảng ủy xã", [
            "Xây dựng và ban hành nghị quyết để lãnh đạo thực hiện mô hình; Ban hành Quyết định thành lập Ban chỉ đạo thực hiện mô hình theo hướng dẫn của huyện.",
            "Chỉ đạo UBND phối hợp với Khối Dân vận để xây dựng Kế hoạch thực hiện và chuẩn bị đủ các điều kiện để mô hình đạt kết quả cao.",
            "Tổ chức các đợt kiểm tra, giám sát việc thực hiện Nghị quyết của Đảng ủy về xây dựng mô hình điểm “Dân vận khéotrong công tác Dân vận của chính quyền cấp .",
            "Định kỳ sơ kết và tổng kết thực hiện giai đoạn 1 vào tháng 12/2023.",
        ]),
        ("UBND xã", [
            "Phối hợp với Khối Dân vận xây dựng Kế hoạch thực hiện mô hình theo lộ trình thời gian để chỉ đạo thực hiện",
            "Phân công nhiệm vụ cho các thành viên Ban điều hành và nhiệm vụ chỉ đạo cơ sở cho cán bộ, công chức",
            "xây dựng Quy chế hoạt động của Ban chỉ đạo",
            "bố trí kinh phí và các điều kiện cơ sở vật chất để thực hiện thành công mô hình.",
        ]),
        ("Khối Dân vận", [
            "Làm tốt công tác tham mưu cho Đảng ủy trong việc thực hiện chỉ đạo của tỉnh và huyện về xây dựng mô hình",
            "phối hợp với UBND để thực hiện thành công mô hình.",
        ]),
    ]
    for dv, items in duties:
        L.append("  - don_vi: " + txt(dv))
        L.append("    noi_dung:")
        for it in items:
            L.append("      - " + txt(it))
    return L


def camket_lines():
    groups = [
        ("5-biet", "5 biết", [
            ("biet-nghe-dan-noi", "biết nghe dân nói", ["pakn.tiep_nhan", "hoat_dong.tiep_cong_dan", "hoat_dong.doi_thoai"]),
            ("biet-noi-dan-hieu", "biết nói dân hiểu", ["hoat_dong.phat_thanh", "hoat_dong.tiep_xuc_cu_tri", "pakn.ty_le_thong_bao"]),
            ("biet-lam-dan-tin", "biết làm dân tin", ["tthc.ty_le_dung_han", "pakn.ty_le_hai_long", "hai_long.ty_le"]),
            ("biet-xin-loi", "biết xin lỗi", ["xin_loi.ty_le_bao_phu", "xin_loi.ty_le_truoc_han", "thu.xin_loi"]),
            ("biet-cam-on", "biết cảm ơn", ["thu.cam_on"]),
        ]),
        ("3-khong", "3 không", [
            ("khong-phien-ha-sach-nhieu", "không phiền hà, sách nhiễu", ["hai_long.ty_le_cong_chuc", "hai_long.ty_le_thu_tuc_hanh_chinh"]),
            ("khong-ne-tranh-trach-nhiem", "không né tránh trách nhiệm", ["pakn.ty_le_dung_han", "pakn.qua_han", "pakn.tai_dien"]),
            ("khong-tre-hen", "không trễ hẹn trong quá trình xử lý công việc", ["tthc.ty_le_dung_han", "tthc.tre_han", "xin_loi.ty_le_giu_hen_moi"]),
        ]),
        ("4-the-hien", "4 thể hiện", [
            ("ton-trong-trong-giao-tiep", "tôn trọng trong giao tiếp", ["hai_long.ty_le_cong_chuc"]),
            ("van-minh-lich-su", "văn minh, văn hóa, lịch sự trong giải quyết công việc", ["hai_long.ty_le_cong_chuc", "hai_long.ty_le_ket_qua"]),
            ("lang-nghe-huong-dan", "lắng nghe đầy đủ, hướng dẫn tận tình quy trình xử lý công việc", ["hai_long.ty_le_thu_tuc_hanh_chinh", "hai_long.ty_le_tiep_can_dich_vu"]),
            ("gan-gui-giai-thich", "gần gũi, giải thích cặn kẽ những thắc mắc của người dân", ["hai_long.ty_le_tiep_nhan_gop_y", "pakn.ty_le_hai_long", "tthc.tai_nha"]),
        ]),
    ]
    L = [
        "# Cam kết “5 biết, 3 không, 4 thể hiện” niêm yết tại trụ sở UBND xã và các số liệu làm bằng chứng",
        "# Nội dung cam kết ghi nguyên văn bài viết của xã (chữ cái đầu viết thường thống nhất).",
        "nhom:",
    ]
    for ma, ten, items in groups:
        L.append("  - ma: " + ma)
        L.append("    ten: " + qq(ten))
        L.append("    cam_ket:")
        for cm, nd, bc in items:
            L.append("      - ma: " + cm)
            L.append("        noi_dung: " + qq(nd))
            L.append("        bang_chung: " + flow(bc))
    return L


def holiday_lines(y):
    h = HOLIDAYS[y]
    L = ["# Ngày nghỉ lễ, Tết năm %d (dùng để tính hạn theo ngày làm việc)" % y,
         "nam: %d" % y, "ngay_nghi:"]
    for ten, a, b, gc in h["nghi"]:
        L.append("  - ten: " + txt(ten) + (("   # " + gc) if gc else ""))
        L.append("    tu_ngay: " + ds(a))
        L.append("    den_ngay: " + ds(b))
    if h["lam_bu"]:
        L.append("ngay_lam_bu:")
        for ten, d in h["lam_bu"]:
            L.append("  - ten: " + txt(ten))
            L.append("    ngay: " + ds(d))
    return L


# ---------------------------------------------------------------------------
# Ghi các file theo tháng
# ---------------------------------------------------------------------------
def write_all(g, out):
    write(os.path.join(out, "xa.yaml"), xa_lines())
    write(os.path.join(out, "ke-hoach.yaml"), plan_lines())
    write(os.path.join(out, "cam-ket.yaml"), camket_lines())
    for y in sorted(HOLIDAYS):
        write(os.path.join(out, "ngay-nghi", "%d.yaml" % y), holiday_lines(y))

    for (y, m) in MONTHS:
        k = mkey(y, m)
        note = ""
        if (y, m) == (2023, 9):
            note = " (Kế hoạch ban hành ngày 25/09/2023; số liệu thủ tục tính cả tháng)"
        # thủ tục hành chính
        L = ["# Số liệu giải quyết thủ tục hành chính tháng %s — dữ liệu minh họa%s" % (mvn(y, m), note),
             "thang: " + k, "linh_vuc:"]
        rows = g.tthc[(y, m)]
        for lv in TTHC_LV:
            if lv not in rows:
                continue
            v = rows[lv]
            L.append("  - linh_vuc: %s   # %s" % (lv, LV_TEN[lv]))
            for f in ("ton_truoc", "tiep_nhan", "truc_tuyen", "som_han", "dung_han", "tre_han",
                      "dang_trong_han", "dang_qua_han", "tai_nha"):
                L.append("    %s: %d" % (f, v[f]))
        write(os.path.join(out, "thu-tuc", k + ".yaml"), L)

        # sổ hồ sơ trễ hạn
        recs = sorted([x for x in g.late if ymonth(x["ngay_hen_tra"]) == (y, m)],
                      key=lambda x: (x["ngay_hen_tra"], TTHC_LV.index(x["linh_vuc"]), x["so_bien_nhan"]))
        L = ["# Sổ theo dõi hồ sơ trễ hạn và thư xin lỗi, hồ sơ có hạn trả trong tháng %s — dữ liệu minh họa" % mvn(y, m),
             "thang: " + k]
        if not recs:
            L.append("ho_so: []")
        else:
            L.append("ho_so:")
        for x in recs:
            L.append("  - so_bien_nhan: " + qq(x["so_bien_nhan"]))
            L.append("    linh_vuc: " + x["linh_vuc"])
            L.append("    ngay_nhan: " + ds(x["ngay_nhan"]))
            L.append("    ngay_hen_tra: " + ds(x["ngay_hen_tra"]))
            L.append("    ly_do: " + txt(x["ly_do"]))
            if "ngay_xin_loi" in x:
                L.append("    ngay_xin_loi: " + ds(x["ngay_xin_loi"]))
                L.append("    so_thu_xin_loi: " + qq(x["so_thu_xin_loi"]))
            if "ngay_hen_moi" in x:
                L.append("    ngay_hen_moi: " + ds(x["ngay_hen_moi"]))
            if "ngay_tra" in x:
                L.append("    ngay_tra: " + ds(x["ngay_tra"]))
        write(os.path.join(out, "tre-han", k + ".yaml"), L)

        # phản ánh, kiến nghị
        L = ["# Phản ánh, kiến nghị, khiếu nại, tố cáo tiếp nhận trong tháng %s — dữ liệu minh họa" % mvn(y, m),
             "# Đơn tố cáo chỉ ghi số lượng, không ghi nội dung (Luật Tố cáo 2018, Điều 9).",
             "thang: " + k, "phan_anh:"]
        for p in g.pa[(y, m)]:
            L.append("  - ma: " + qq(p["ma"]))
            L.append("    ngay_nhan: " + ds(p["ngay_nhan"]))
            L.append("    kenh: " + p["kenh"])
            L.append("    loai: " + p["loai"])
            L.append("    linh_vuc: " + p["linh_vuc"])
            if p.get("thon"):
                L.append("    thon: " + qq(p["thon"]))
            if p["loai"] != "to-cao":
                L.append("    tom_tat: " + txt(p["tom_tat"]))
            L.append("    don_vi_xu_ly: " + txt(p["don_vi_xu_ly"]))
            if p.get("han_xu_ly"):
                L.append("    han_xu_ly: " + ds(p["han_xu_ly"]))
            if p.get("phuc_tap"):
                L.append("    phuc_tap: có")
            if p.get("ngay_giai_quyet"):
                L.append("    ngay_giai_quyet: " + ds(p["ngay_giai_quyet"]))
                if p["loai"] != "to-cao":
                    L.append("    ket_qua: " + txt(p["ket_qua"]))
            if p.get("ngay_thong_bao"):
                L.append("    ngay_thong_bao: " + ds(p["ngay_thong_bao"]))
            if p.get("danh_gia"):
                L.append("    danh_gia: " + p["danh_gia"])
            if p.get("tai_dien"):
                L.append("    tai_dien: có")
        write(os.path.join(out, "phan-anh", k + ".yaml"), L)

        # khảo sát
        s = g.ks[(y, m)]
        L = ["# Kết quả phiếu khảo sát mức độ hài lòng tháng %s — dữ liệu minh họa" % mvn(y, m),
             "thang: " + k, "phieu_phat_ra: %d" % s["phat"], "phieu_thu_ve: %d" % s["thu"], "tieu_chi:"]
        for ck in ("tiep-can-dich-vu", "thu-tuc-hanh-chinh", "cong-chuc", "ket-qua", "tiep-nhan-gop-y"):
            L.append("  %s:" % ck)
            for lk in ("rat_hai_long", "hai_long", "binh_thuong", "khong_hai_long", "rat_khong_hai_long"):
                L.append("    %s: %d" % (lk, s["tc"][ck][lk]))
        write(os.path.join(out, "khao-sat", k + ".yaml"), L)

        # thư
        t = g.thu[(y, m)]
        L = ["# Số thư xin lỗi, cảm ơn, chúc mừng, chia buồn đã gửi trong tháng %s — dữ liệu minh họa" % mvn(y, m),
             "# Thư xin lỗi = số hồ sơ trong sổ trễ hạn có ngày gửi thư xin lỗi trong tháng.",
             "thang: " + k]
        for f in ("xin_loi", "cam_on", "chuc_mung", "chia_buon"):
            L.append("%s: %d" % (f, t[f]))
        write(os.path.join(out, "thu-gui", k + ".yaml"), L)

        # hoạt động
        L = ["# Hoạt động tiếp công dân, đối thoại, tiếp xúc cử tri, cùng làm với dân, phát thanh tháng %s — dữ liệu minh họa" % mvn(y, m),
             "thang: " + k, "hoat_dong:"]
        for a in g.acts[(y, m)]:
            L.append("  - ma: " + qq(a["ma"]))
            L.append("    ngay: " + ds(a["ngay"]))
            L.append("    loai: " + a["loai"])
            L.append("    chu_tri: " + txt(a["chu_tri"]))
            L.append("    noi_dung: " + txt(a["noi_dung"]))
            if a["so_nguoi"] is not None:
                L.append("    so_nguoi: %d" % a["so_nguoi"])
            if a["so_y_kien"] is not None:
                L.append("    so_y_kien: %d" % a["so_y_kien"])
            if a["phan_anh"]:
                L.append("    phan_anh: " + flow(a["phan_anh"]))
        write(os.path.join(out, "hoat-dong", k + ".yaml"), L)


# ---------------------------------------------------------------------------
# Sổ công bố và một lần đính chính (minh họa cách số liệu đã công bố được giữ nguyên)
# ---------------------------------------------------------------------------
LATE_ENTRY_DATE = datetime.date(2024, 7, 12)
LATE_ENTRY_REASON = ("Bổ sung một kiến nghị tiếp nhận qua đường dây nóng ngày 27/06/2024 "
                     "nhưng đến ngày 12/07/2024 mới được nhập vào sổ")
LATE_PETITION = [
    "  # Nhập muộn ngày 12/07/2024, sau khi số liệu tháng 6 đã công bố: xem data/dinh-chinh.yaml",
    "  - ma: \"PA-2406-90\"",
    "    ngay_nhan: 2024-06-27",
    "    kenh: duong-day-nong",
    "    loai: kien-nghi",
    "    linh_vuc: giao-thong",
    "    thon: \"Xuân Lai\"",
    "    tom_tat: Kiến nghị lắp biển cảnh báo tại đoạn cua gấp trên đường liên thôn",
    "    don_vi_xu_ly: Công chức Địa chính – Xây dựng – Môi trường",
    "    ngay_giai_quyet: 2024-07-10",
    "    ket_qua: Đã phối hợp đơn vị quản lý đường lắp biển cảnh báo",
    "    ngay_thong_bao: 2024-07-11",
]


def publication_dates(ds):
    """When each period's figures were published in the sample, as if the publication rule had always
    applied: only complete periods, in order, each on the date the commune's calendar sets (day
    ngay_cong_bo_hang_thang of the month after it ends, moved to the next working day). The months
    September 2023 – November 2024, the quarters III/2023 – III/2024 and the year 2023 are published
    (the third quarter and the year 2023 as partial periods: the books begin in September 2023), and
    December 2024, the fourth quarter and the year 2024 stay provisional (số liệu tạm tính)."""
    from generator import indicators, reports

    out = {}
    for period in indicators.periods_for(ds.months):
        if period.end >= datetime.date(2024, 12, 1):
            continue
        out[period.key] = reports.release_date(ds.site, period, ds.calendar)
    return out


def write_ledger(out):
    """Publish every period as it was on its publication day, then enter one petition late and
    record the corrections this makes to figures already published."""
    import shutil
    import sys
    import tempfile

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from generator import guide, ledger, pipeline

    june = os.path.join(out, "phan-anh", "2024-06.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        before = os.path.join(tmp, "data")
        shutil.copytree(out, before)
        with open(june, "a", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(LATE_PETITION) + "\n")
        states = {}
        for name, folder in (("before", before), ("after", out)):
            result = pipeline.check(pathlib.Path(folder), frozen=False)
            assert result.ok, result.problems
            states[name] = result.figures
    ref = guide.schema_ref(guide.KIND_BY_SLUG["cong-bo"])
    ds = pipeline.check(pathlib.Path(out), frozen=False).dataset
    items = None
    # in the order they happened: each publication writes its bulletin as read on air from that day,
    # so the first bulletin after the late-entry correction reads the correction
    for period, day in sorted(publication_dates(ds).items(), key=lambda kv: (kv[1], kv[0])):
        if items is None and day >= LATE_ENTRY_DATE:
            items = _write_corrections(out, ledger, guide, pipeline)
        figures = states["before" if day < LATE_ENTRY_DATE else "after"]
        now = pipeline.check(pathlib.Path(out), frozen=False).dataset  # the ledger and corrections so far
        path = os.path.join(out, "cong-bo", period + ".yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(ledger.ledger_text(period, day, figures, ref, ds=now))
    if items is None:
        items = _write_corrections(out, ledger, guide, pipeline)
    return len(items)


def _write_corrections(out, ledger, guide, pipeline):
    """Record, on the late-entry date, the corrections the late petition makes to figures already published."""
    result = pipeline.check(pathlib.Path(out), frozen=False)
    items = ledger.pending_corrections(result.dataset, result.figures, LATE_ENTRY_DATE, LATE_ENTRY_REASON)
    with open(os.path.join(out, "dinh-chinh.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(ledger.corrections_text(None, items, guide.schema_ref(guide.KIND_BY_SLUG["dinh-chinh"])))
    return items


def main(argv=None):
    ap = argparse.ArgumentParser(description="Sinh bộ dữ liệu minh họa cho trang công khai của xã.")
    ap.add_argument("--out", default="data", help="thư mục ghi dữ liệu (mặc định: data)")
    args = ap.parse_args(argv)
    g = Gen()
    g.run()
    if os.path.isdir(args.out):
        import shutil
        shutil.rmtree(args.out)
    write_all(g, args.out)
    n_corr = write_ledger(args.out)
    n_pa = sum(len(v) for v in g.pa.values())
    n_hd = sum(len(v) for v in g.acts.values())
    print("Đã ghi dữ liệu minh họa vào %s: %d tháng, %d hồ sơ trễ hạn, %d phản ánh, %d hoạt động, %d đính chính"
          % (args.out, len(MONTHS), len(g.late), n_pa + 1, n_hd, n_corr))


if __name__ == "__main__":
    main()
