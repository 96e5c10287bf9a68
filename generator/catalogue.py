"""The catalogue of published figures: stable IDs, Vietnamese labels, units and methods.

IDs are read on air and cited, so an ID is never renamed or reused. The method text is what the
"Phương pháp tính" page prints beside each figure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureDef:
    id: str
    label: str
    unit: str  # "%", "hồ sơ", "phiếu", "ngày", "lượt", "thư", "vụ việc"
    method: str
    page: str  # URL path of the page that shows it
    group: str

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


P_TTHC = "thu-tuc-hanh-chinh/"
P_PAKN = "phan-anh-kien-nghi/"
P_HL = "muc-do-hai-long/"
P_THU = "thu-gui-nguoi-dan/"
P_HD = "hoat-dong/"
P_KH = "tien-do/"

G_TTHC = "Thủ tục hành chính"
G_XL = "Thư xin lỗi khi hồ sơ quá hạn"
G_PAKN = "Phản ánh, kiến nghị"
G_HL = "Mức độ hài lòng"
G_THU = "Thư gửi người dân"
G_HD = "Hoạt động gần dân"
G_KH = "Tiến độ kế hoạch"

_TTHC_DEN = "số hồ sơ kỳ trước chuyển sang cộng số tiếp nhận mới trong kỳ"

FIGURES: list[FigureDef] = [
    FigureDef("tthc.ton_truoc", "Hồ sơ kỳ trước chuyển sang", "hồ sơ", "Số hồ sơ đang giải quyết ở đầu kỳ (cuối tháng liền trước).", P_TTHC, G_TTHC),
    FigureDef("tthc.tiep_nhan", "Hồ sơ tiếp nhận mới", "hồ sơ", "Tổng số hồ sơ tiếp nhận mới trong các tháng của kỳ, mọi lĩnh vực.", P_TTHC, G_TTHC),
    FigureDef("tthc.truc_tuyen", "Hồ sơ tiếp nhận trực tuyến", "hồ sơ", "Số hồ sơ tiếp nhận mới qua dịch vụ công trực tuyến trong kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.da_giai_quyet", "Hồ sơ đã giải quyết", "hồ sơ", "Số hồ sơ giải quyết xong trong kỳ: trước hạn + đúng hạn + quá hạn.", P_TTHC, G_TTHC),
    FigureDef("tthc.som_han", "Giải quyết trước hạn", "hồ sơ", "Số hồ sơ giải quyết xong trước ngày hẹn trả trong kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.dung_han", "Giải quyết đúng hạn", "hồ sơ", "Số hồ sơ giải quyết xong đúng ngày hẹn trả trong kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.giai_quyet_tre_han", "Giải quyết quá hạn", "hồ sơ", "Số hồ sơ giải quyết xong sau ngày hẹn trả trong kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.dang_trong_han", "Đang giải quyết, còn trong hạn", "hồ sơ", "Số hồ sơ chưa xong, chưa đến hạn, ở cuối kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.dang_qua_han", "Đang giải quyết, đã quá hạn", "hồ sơ", "Số hồ sơ chưa xong và đã quá hạn, ở cuối kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.tre_han", "Hồ sơ quá hạn", "hồ sơ", "Số hồ sơ giải quyết quá hạn trong kỳ cộng số hồ sơ đang quá hạn ở cuối kỳ.", P_TTHC, G_TTHC),
    FigureDef("tthc.tai_nha", "Giải quyết tại nhà", "hồ sơ", "Số hồ sơ cán bộ đến tận nhà người dân để giải quyết trong kỳ.", P_TTHC, G_TTHC),
    FigureDef(
        "tthc.ty_le_dung_han",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "%",
        "(Giải quyết trước hạn + đúng hạn + đang giải quyết còn trong hạn) ÷ (" + _TTHC_DEN + ") × 100. "
        "Theo chỉ số 2.1 của Quyết định 766/QĐ-TTg: hồ sơ chưa xong nhưng còn trong hạn được tính là đúng hạn. "
        "Một số cổng dịch vụ công chỉ chia cho số hồ sơ đã giải quyết, nên con số có thể khác.",
        P_TTHC,
        G_TTHC,
    ),
    FigureDef(
        "tthc.ty_le_tre_han",
        "Tỷ lệ hồ sơ quá hạn",
        "%",
        "(Giải quyết quá hạn + đang giải quyết đã quá hạn) ÷ (" + _TTHC_DEN + ") × 100.",
        P_TTHC,
        G_TTHC,
    ),
    FigureDef("tthc.ty_le_truc_tuyen", "Tỷ lệ hồ sơ nộp trực tuyến", "%", "Số hồ sơ tiếp nhận trực tuyến ÷ số hồ sơ tiếp nhận mới × 100.", P_TTHC, G_TTHC),
    FigureDef("xin_loi.so_ho_so_tre", "Hồ sơ quá hạn ghi trong sổ", "hồ sơ", "Số hồ sơ trong sổ thư xin lỗi có ngày hẹn trả thuộc kỳ.", P_THU, G_XL),
    FigureDef("xin_loi.da_xin_loi", "Hồ sơ quá hạn đã có thư xin lỗi", "hồ sơ", "Số hồ sơ quá hạn (theo ngày hẹn trả trong kỳ) đã được gửi thư xin lỗi.", P_THU, G_XL),
    FigureDef("xin_loi.ty_le_bao_phu", "Tỷ lệ hồ sơ quá hạn có thư xin lỗi", "%", "Số hồ sơ quá hạn đã có thư xin lỗi ÷ số hồ sơ quá hạn × 100. Hồ sơ đã xin lỗi vẫn được tính là trễ hẹn.", P_THU, G_XL),
    FigureDef(
        "xin_loi.ty_le_truoc_han",
        "Tỷ lệ thư xin lỗi gửi trước ngày hẹn",
        "%",
        "Số hồ sơ có thư xin lỗi gửi trước ngày hẹn trả (ngày xin lỗi sớm hơn ngày hẹn) ÷ số hồ sơ quá hạn × 100. "
        "Trang này không khẳng định thời hạn pháp lý; quy định hiện hành là Nghị định 118/2025/NĐ-CP.",
        P_THU,
        G_XL,
    ),
    FigureDef("xin_loi.ty_le_giu_hen_moi", "Tỷ lệ giữ đúng hẹn mới", "%", "Số hồ sơ trả kết quả không muộn hơn ngày hẹn mới ÷ số hồ sơ quá hạn có ngày hẹn mới đã đến (ngày hẹn mới sau ngày chốt số liệu thì chưa tính, kể cả khi đã trả) × 100.", P_THU, G_XL),
    FigureDef("pakn.tiep_nhan", "Phản ánh, kiến nghị tiếp nhận", "vụ việc", "Số phản ánh, kiến nghị, khiếu nại, tố cáo có ngày tiếp nhận trong kỳ, mọi kênh.", P_PAKN, G_PAKN),
    FigureDef("pakn.da_giai_quyet", "Phản ánh, kiến nghị đã giải quyết", "vụ việc", "Số vụ việc có ngày giải quyết xong trong kỳ.", P_PAKN, G_PAKN),
    FigureDef("pakn.dang_xu_ly", "Phản ánh, kiến nghị đang xử lý", "vụ việc", "Số vụ việc đã tiếp nhận nhưng chưa giải quyết xong tại ngày chốt số liệu của kỳ.", P_PAKN, G_PAKN),
    FigureDef(
        "pakn.qua_han",
        "Phản ánh, kiến nghị quá hạn",
        "vụ việc",
        "Số vụ việc giải quyết xong trong kỳ nhưng sau hạn, cộng số vụ việc chưa xong mà đã quá hạn tại ngày chốt số liệu của kỳ. "
        "Hạn mặc định: phản ánh, kiến nghị 15 ngày làm việc kể từ ngày tiếp nhận; khiếu nại 30 ngày kể từ ngày thụ lý (45 ngày với vụ việc phức tạp); tố cáo 30 ngày.",
        P_PAKN,
        G_PAKN,
    ),
    FigureDef(
        "pakn.dang_qua_han",
        "Phản ánh, kiến nghị đang quá hạn",
        "vụ việc",
        "Số vụ việc chưa giải quyết xong mà đã quá hạn xử lý tại ngày chốt số liệu của kỳ (không tính vụ việc đã xong).",
        P_PAKN,
        G_PAKN,
    ),
    FigureDef("pakn.ty_le_dung_han", "Tỷ lệ phản ánh, kiến nghị giải quyết đúng hạn", "%", "Số vụ việc giải quyết xong trong kỳ, không muộn hơn hạn xử lý ÷ số vụ việc giải quyết xong trong kỳ × 100.", P_PAKN, G_PAKN),
    FigureDef("pakn.so_ngay_trung_vi", "Số ngày làm việc giải quyết (trung vị)", "ngày", "Trung vị số ngày làm việc từ ngày tiếp nhận đến ngày giải quyết xong, của các vụ việc giải quyết xong trong kỳ: một nửa số vụ việc xong nhanh hơn con số này.", P_PAKN, G_PAKN),
    FigureDef("pakn.so_ngay_trung_binh", "Số ngày làm việc giải quyết (trung bình)", "ngày", "Trung bình cộng số ngày làm việc từ ngày tiếp nhận đến ngày giải quyết xong, của các vụ việc giải quyết xong trong kỳ.", P_PAKN, G_PAKN),
    FigureDef(
        "pakn.ty_le_hai_long",
        "Mức độ hài lòng với việc giải quyết phản ánh, kiến nghị",
        "%",
        "Theo chỉ số 5.3 của Quyết định 766/QĐ-TTg: (số vụ việc tiếp nhận trong kỳ − số vụ việc người gửi không hài lòng, "
        "hoặc bị phản ánh lại, hoặc quá hạn) ÷ số vụ việc tiếp nhận trong kỳ × 100. Một vụ việc vừa không hài lòng vừa quá hạn chỉ bị trừ một lần.",
        P_PAKN,
        G_PAKN,
    ),
    FigureDef("pakn.ty_le_thong_bao", "Tỷ lệ người gửi được thông báo kết quả", "%", "Số vụ việc giải quyết xong trong kỳ đã thông báo kết quả cho người gửi ÷ số vụ việc giải quyết xong trong kỳ × 100.", P_PAKN, G_PAKN),
    FigureDef("pakn.tai_dien", "Phản ánh, kiến nghị bị gửi lại", "vụ việc", "Số vụ việc tiếp nhận trong kỳ mà người dân phải gửi lại vì chưa được giải quyết dứt điểm.", P_PAKN, G_PAKN),
    FigureDef("hai_long.so_phieu", "Số phiếu khảo sát thu về", "phiếu", "Tổng số phiếu khảo sát thu về trong kỳ.", P_HL, G_HL),
    FigureDef("hai_long.ty_le_thu_ve", "Tỷ lệ phiếu thu về", "%", "Số phiếu thu về ÷ số phiếu phát ra × 100.", P_HL, G_HL),
    FigureDef(
        "hai_long.ty_le",
        "Tỷ lệ hài lòng chung",
        "%",
        "(Số câu trả lời “rất hài lòng” + “hài lòng”) ÷ tổng số câu trả lời của mọi tiêu chí × 100. "
        "Dưới 10 phiếu thu về thì ghi “chưa đủ phiếu” thay cho tỷ lệ.",
        P_HL,
        G_HL,
    ),
    FigureDef("hai_long.ty_le_tiep_can_dich_vu", "Hài lòng: tiếp cận dịch vụ", "%", "(Rất hài lòng + hài lòng) ÷ số câu trả lời của tiêu chí “Tiếp cận dịch vụ” × 100.", P_HL, G_HL),
    FigureDef("hai_long.ty_le_thu_tuc_hanh_chinh", "Hài lòng: thủ tục hành chính", "%", "(Rất hài lòng + hài lòng) ÷ số câu trả lời của tiêu chí “Thủ tục hành chính” × 100.", P_HL, G_HL),
    FigureDef("hai_long.ty_le_cong_chuc", "Hài lòng: công chức giải quyết công việc", "%", "(Rất hài lòng + hài lòng) ÷ số câu trả lời của tiêu chí “Công chức giải quyết công việc” × 100.", P_HL, G_HL),
    FigureDef("hai_long.ty_le_ket_qua", "Hài lòng: kết quả giải quyết", "%", "(Rất hài lòng + hài lòng) ÷ số câu trả lời của tiêu chí “Kết quả giải quyết” × 100.", P_HL, G_HL),
    FigureDef("hai_long.ty_le_tiep_nhan_gop_y", "Hài lòng: tiếp nhận và xử lý góp ý, phản ánh", "%", "(Rất hài lòng + hài lòng) ÷ số câu trả lời của tiêu chí “Tiếp nhận và xử lý góp ý, phản ánh” × 100.", P_HL, G_HL),
    FigureDef("thu.xin_loi", "Thư xin lỗi đã gửi", "thư", "Số thư xin lỗi gửi trong kỳ (theo ngày gửi).", P_THU, G_THU),
    FigureDef("thu.cam_on", "Thư cảm ơn đã gửi", "thư", "Số thư cảm ơn gửi tổ chức, cá nhân đóng góp ý kiến trong kỳ.", P_THU, G_THU),
    FigureDef("thu.chuc_mung", "Thư chúc mừng đã gửi", "thư", "Số thư chúc mừng gửi người dân trong kỳ (chỉ công bố số lượng).", P_THU, G_THU),
    FigureDef("thu.chia_buon", "Thư chia buồn đã gửi", "thư", "Số thư chia buồn gửi người dân trong kỳ (chỉ công bố số lượng).", P_THU, G_THU),
    FigureDef("hoat_dong.tiep_cong_dan", "Buổi tiếp công dân", "buổi", "Số buổi lãnh đạo tiếp công dân trong kỳ.", P_HD, G_HD),
    FigureDef("hoat_dong.doi_thoai", "Buổi đối thoại với Nhân dân", "buổi", "Số buổi đối thoại với Nhân dân trong kỳ.", P_HD, G_HD),
    FigureDef("hoat_dong.tiep_xuc_cu_tri", "Buổi tiếp xúc cử tri", "buổi", "Số buổi tiếp xúc cử tri trong kỳ.", P_HD, G_HD),
    FigureDef("hoat_dong.cung_lam_voi_dan", "Hoạt động cùng làm với dân", "lượt", "Số lần lãnh đạo, cán bộ cùng làm việc với Nhân dân trong kỳ.", P_HD, G_HD),
    FigureDef("hoat_dong.phat_thanh", "Buổi tuyên truyền trên loa truyền thanh", "buổi", "Số buổi phát thanh tuyên truyền về mô hình trong kỳ.", P_HD, G_HD),
    FigureDef(
        "ke_hoach.tien_do",
        "Tiến độ chung của kế hoạch",
        "%",
        "Trung bình cộng phần trăm hoàn thành của các bước tại ngày cuối kỳ (trung bình có trọng số khi các bước có trọng số). "
        "Phần trăm của mỗi bước là lần cập nhật gần nhất không muộn hơn ngày cuối kỳ.",
        P_KH,
        G_KH,
    ),
    FigureDef("ke_hoach.bao_cao_dung_han", "Tỷ lệ báo cáo tháng gửi đúng hạn", "%", "Số báo cáo tháng (Bước 4) có hạn trong kỳ và được gửi không muộn hơn hạn ÷ số báo cáo có hạn trong kỳ × 100.", P_KH, G_KH),
]

BY_ID = {f.id: f for f in FIGURES}

# criterion code -> figure ID of its satisfaction rate
CRITERION_FIGURE = {
    "tiep-can-dich-vu": "hai_long.ty_le_tiep_can_dich_vu",
    "thu-tuc-hanh-chinh": "hai_long.ty_le_thu_tuc_hanh_chinh",
    "cong-chuc": "hai_long.ty_le_cong_chuc",
    "ket-qua": "hai_long.ty_le_ket_qua",
    "tiep-nhan-gop-y": "hai_long.ty_le_tiep_nhan_gop_y",
}

# the headline figures of the home page, in order
HEADLINE = ["tthc.ty_le_dung_han", "pakn.da_giai_quyet", "hai_long.ty_le", "ke_hoach.tien_do"]

MIN_SURVEY_FORMS = 10


# Which way a change is good news for a resident, so that a change is judged in words, not only ▲/▼.
# +1: more is better; -1: fewer is better; figures not listed (received, handed out…) are not judged.
LOWER_IS_BETTER = {
    "tthc.giai_quyet_tre_han", "tthc.dang_qua_han", "tthc.tre_han", "tthc.ty_le_tre_han",
    "xin_loi.so_ho_so_tre", "pakn.qua_han", "pakn.dang_xu_ly", "pakn.so_ngay_trung_vi", "pakn.so_ngay_trung_binh",
    "pakn.tai_dien", "thu.xin_loi",
}
HIGHER_IS_BETTER = {
    "tthc.som_han", "tthc.dung_han", "tthc.dang_trong_han", "tthc.tai_nha", "tthc.ty_le_dung_han",
    "tthc.ty_le_truc_tuyen", "tthc.truc_tuyen", "xin_loi.ty_le_bao_phu", "xin_loi.ty_le_truoc_han",
    "xin_loi.ty_le_giu_hen_moi", "pakn.da_giai_quyet", "pakn.ty_le_dung_han", "pakn.ty_le_hai_long",
    "pakn.ty_le_thong_bao", "hai_long.ty_le_thu_ve", "hai_long.ty_le", "hai_long.ty_le_tiep_can_dich_vu",
    "hai_long.ty_le_thu_tuc_hanh_chinh", "hai_long.ty_le_cong_chuc", "hai_long.ty_le_ket_qua",
    "hai_long.ty_le_tiep_nhan_gop_y", "thu.cam_on", "hoat_dong.tiep_cong_dan", "hoat_dong.doi_thoai",
    "hoat_dong.tiep_xuc_cu_tri", "hoat_dong.cung_lam_voi_dan", "hoat_dong.phat_thanh", "ke_hoach.tien_do",
    "ke_hoach.bao_cao_dung_han",
}


def good_direction(fid: str) -> int:
    return 1 if fid in HIGHER_IS_BETTER else -1 if fid in LOWER_IS_BETTER else 0


def denominator_words(fid: str) -> str:
    """What a rate's numerator and denominator count, in a resident's words ('418 trên 452 câu trả lời')."""
    if fid == "hai_long.ty_le_thu_ve":
        return "phiếu phát ra"
    if fid.startswith("hai_long."):
        return "câu trả lời"
    if fid.startswith("pakn."):
        return "vụ việc"
    if fid.startswith("xin_loi."):
        return "hồ sơ quá hạn" if fid != "xin_loi.ty_le_giu_hen_moi" else "hồ sơ có ngày hẹn mới"
    if fid == "ke_hoach.bao_cao_dung_han":
        return "báo cáo"
    return "hồ sơ"
