"""Synthetic data sets for the benchmark: the sample's yearly volume times `scale`, over `years` years.

    from bench.synth import make_dataset
    make_dataset(folder, scale=10, years=2)                          # 10 × the sample, 2023–2024
    make_dataset(folder, scale=1, years=10, petitions_total=100_000)  # 100,000 petitions, 2015–2024

The sample's yearly volume: about 2,800 dossiers, 200 petitions, 120 activities and 36 late cases.
The data ends in December 2024 and starts `years` years earlier, one file per month as staff keep it.
Every set passes `python -m generator check`: procedure totals and carry-over add up per field, every
late dossier has exactly one line in tre-han/, apology letters match the ledger, IDs are unique,
activities link existing petitions only, and there is a holiday file for every year.
xa.yaml, ke-hoach.yaml and cam-ket.yaml are copied from data/; the publication ledger (cong-bo/,
dinh-chinh.yaml) is not, since its frozen figures belong to the sample.

Deterministic (a fixed seed per set) and fast: the text is written directly, without a YAML library.
Sets are written to a folder the caller gives (a temporary one in bench.py); never commit them.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data"
LAST_YEAR = 2024

# yearly volume of the sample (data/, 2023-09 … 2024-12)
DOSSIERS_PER_YEAR = 2800
PETITIONS_PER_YEAR = 200
ACTIVITIES_PER_YEAR = 120
LATE_PER_YEAR = 36
FORMS_PER_MONTH = 70

# field → share of dossiers; late dossiers fall in the fields with long procedures
FIELDS = [("ho-tich", 0.33), ("chung-thuc", 0.40), ("dat-dai", 0.08), ("bao-tro-xa-hoi", 0.06),
          ("nguoi-co-cong", 0.03), ("xay-dung", 0.04), ("lao-dong", 0.03), ("nong-nghiep", 0.03)]
LATE_FIELDS = [("dat-dai", 0.5), ("xay-dung", 0.25), ("bao-tro-xa-hoi", 0.15), ("ho-tich", 0.10)]
CHANNELS = ["hom-thu", "duong-day-nong", "tiep-cong-dan", "doi-thoai", "tiep-xuc-cu-tri", "cong-thong-tin",
            "mot-cua", "truc-tiep", "zalo"]
PETITION_KINDS = [("phan-anh", 0.45), ("kien-nghi", 0.40), ("khieu-nai", 0.10), ("to-cao", 0.05)]
PETITION_FIELDS = ["dat-dai", "moi-truong", "giao-thong", "xay-dung", "bao-tro-xa-hoi", "giao-duc", "y-te",
                   "nong-nghiep", "an-ninh-trat-tu", "van-hoa", "khac"]
RATINGS = [("rat-hai-long", 0.35), ("hai-long", 0.40), ("binh-thuong", 0.15), ("khong-hai-long", 0.08),
           ("rat-khong-hai-long", 0.02)]
ACTIVITY_KINDS = [("tiep-cong-dan", 0.30), ("doi-thoai", 0.10), ("tiep-xuc-cu-tri", 0.05), ("cung-lam-voi-dan", 0.20),
                  ("phat-thanh", 0.30), ("tap-huan", 0.05)]
OFFICES = ["Công chức Địa chính – Xây dựng – Môi trường", "Công chức Văn hóa – Xã hội", "Công chức Tư pháp – Hộ tịch",
           "Công chức Văn phòng – Thống kê", "Công an xã", "Chủ tịch UBND xã"]
HEADS = ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Bí thư Đảng ủy xã", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
         "Công chức Văn hóa – Xã hội"]
SUMMARIES = [
    "Phản ánh đoạn đường trục thôn xuống cấp, ổ gà nhiều sau mưa lớn",
    "Kiến nghị lắp thêm đèn chiếu sáng tại ngã ba đầu thôn",
    "Phản ánh hộ chăn nuôi xả nước thải ra mương chung gây ô nhiễm",
    "Kiến nghị nạo vét kênh tưới tiêu nội đồng trước vụ mùa",
    "Phản ánh rác thải tập kết không đúng nơi quy định cạnh chợ",
    "Kiến nghị rà soát danh sách hộ cận nghèo của thôn cho đúng thực tế",
    "Khiếu nại kết quả đo đạc ranh giới thửa đất giáp đường",
    "Phản ánh tiếng ồn từ xưởng mộc hoạt động ban đêm",
    "Kiến nghị sửa chữa hàng rào trường mầm non bị đổ",
    "Phản ánh thời gian chờ cấp bản sao giấy khai sinh kéo dài",
]
RESULTS = [
    "Đã kiểm tra hiện trạng và sửa chữa xong",
    "Đã hướng dẫn, trả lời bằng văn bản cho người gửi",
    "Đã lập biên bản, yêu cầu hộ gia đình khắc phục; kiểm tra lại đã khắc phục",
    "Đã đưa vào kế hoạch năm và thông báo cho thôn",
    "Đã giải quyết theo đúng quy định, niêm yết công khai kết quả",
]
ACTIVITY_TEXTS = {
    "tiep-cong-dan": "Tiếp công dân định kỳ tại trụ sở UBND xã",
    "doi-thoai": "Đối thoại với Nhân dân về sản xuất và thủy lợi nội đồng",
    "tiep-xuc-cu-tri": "Tiếp xúc cử tri trước kỳ họp HĐND xã",
    "cung-lam-voi-dan": "Cùng Nhân dân làm đường giao thông nông thôn",
    "phat-thanh": "Tuyên truyền kết quả giải quyết thủ tục hành chính trên loa truyền thanh",
    "tap-huan": "Tập huấn kỹ năng tiếp dân cho cán bộ, công chức",
}
REASONS = ["Chờ ý kiến của cơ quan chuyên môn cấp trên", "Phải kiểm tra hiện trạng tại thực địa",
           "Hồ sơ cần bổ sung giấy tờ xác minh", "Chờ kết quả đo đạc của đơn vị tư vấn"]


def _pick(rng: random.Random, weighted) -> str:
    x = rng.random()
    for code, w in weighted:
        x -= w
        if x < 0:
            return code
    return weighted[-1][0]


def _split(rng: random.Random, total: int, weighted) -> dict[str, int]:
    """Split `total` over the codes in proportion to the weights, with a little noise; sums exactly."""
    out = {c: int(total * w * rng.uniform(0.8, 1.2)) for c, w in weighted}
    diff = total - sum(out.values())
    first = weighted[0][0]
    out[first] += diff
    if out[first] < 0:  # only for tiny totals: give everything to the first code
        out = {c: 0 for c, _ in weighted}
        out[first] = total
    return out


def _poisson_like(rng: random.Random, mean: float) -> int:
    """A count around `mean` (deterministic for the seed), never negative."""
    return max(0, int(round(rng.gauss(mean, max(1.0, mean ** 0.5)))))


def _months(years: int) -> list[tuple[int, int]]:
    return [(y, m) for y in range(LAST_YEAR - years + 1, LAST_YEAR + 1) for m in range(1, 13)]


def _end_of_month(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))


def _day(rng: random.Random, y: int, m: int) -> date:
    return date(y, m, rng.randint(1, _end_of_month(y, m).day))


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _holidays(folder: Path, year: int) -> None:
    real = SAMPLE / "ngay-nghi" / f"{year}.yaml"
    if real.is_file():
        shutil.copyfile(real, folder / "ngay-nghi" / f"{year}.yaml")
        return
    # fixed-date holidays every year; Tết and Giỗ Tổ follow the lunar calendar, here a fixed illustrative week
    _write(folder / "ngay-nghi" / f"{year}.yaml", [
        f"# Ngày nghỉ năm {year} — dữ liệu tổng hợp để đo tốc độ; Tết Nguyên đán và Giỗ Tổ lấy ngày minh họa",
        f"nam: {year}",
        "ngay_nghi:",
        "  - ten: Tết Dương lịch",
        f"    tu_ngay: {year}-01-01",
        f"    den_ngay: {year}-01-01",
        "  - ten: Tết Nguyên đán",
        f"    tu_ngay: {year}-02-05",
        f"    den_ngay: {year}-02-11",
        "  - ten: Giỗ Tổ Hùng Vương",
        f"    tu_ngay: {year}-04-10",
        f"    den_ngay: {year}-04-10",
        "  - ten: Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5",
        f"    tu_ngay: {year}-04-30",
        f"    den_ngay: {year}-05-01",
        "  - ten: Quốc khánh 2/9",
        f"    tu_ngay: {year}-09-01",
        f"    den_ngay: {year}-09-02",
    ])


def make_dataset(folder, scale: float = 1, years: int = 2, petitions_total: int | None = None) -> dict:
    """Write a complete data folder; returns the record counts written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"synth-{scale}-{years}-{petitions_total}")
    for name in ("xa.yaml", "ke-hoach.yaml", "cam-ket.yaml"):
        shutil.copyfile(SAMPLE / name, folder / name)
    villages = ["Phú Hậu 1", "Phú Hậu 2", "Phú Hậu 3", "Xuân Lai", "Trung Thành", "Đông Tiến", "Tân Phong", "Bắc Sơn"]
    months = _months(years)
    (folder / "ngay-nghi").mkdir(parents=True, exist_ok=True)
    for y in sorted({y for y, _ in months}):
        _holidays(folder, y)

    n_months = len(months)
    pet_per_month = (petitions_total / n_months) if petitions_total else PETITIONS_PER_YEAR * scale / 12
    last = months[-1]
    end = _end_of_month(*last)
    counts = {"dossiers": 0, "late": 0, "petitions": 0, "activities": 0, "files": 0}
    pending = {c: int(DOSSIERS_PER_YEAR * scale / 12 * w * 0.1) for c, w in FIELDS}
    receipt = 0
    pet_left = petitions_total

    for i, (y, m) in enumerate(months):
        key = f"{y:04d}-{m:02d}"
        yymm = f"{y % 100:02d}{m:02d}"
        is_last = (y, m) == last

        # ---- late dossiers of the month, by field; each is one line in tre-han/
        n_late = _poisson_like(rng, LATE_PER_YEAR * scale / 12)
        late_by_field = _split(rng, n_late, LATE_FIELDS)
        overdue_now = {c: 0 for c, _ in FIELDS}
        if is_last:
            overdue_now["dat-dai"] = 1  # one dossier still overdue at the end: also a ledger line
        late_lines = [f"# Sổ thư xin lỗi tháng {m:02d}/{y} — dữ liệu tổng hợp", f'thang: "{key}"', "ho_so:"]
        apologies = 0
        cases = [(code, False) for code, n in late_by_field.items() for _ in range(n)]
        cases += [(code, True) for code, n in overdue_now.items() for _ in range(n)]
        for code, still_open in cases:
            receipt += 1
            due = _day(rng, y, m)
            received = due - timedelta(days=rng.randint(12, 40))
            late_lines += [f'  - so_bien_nhan: "H56.45-{received:%y%m%d}-****{receipt:05d}"',
                           f"    linh_vuc: {code}",
                           f"    ngay_nhan: {received.isoformat()}",
                           f"    ngay_hen_tra: {due.isoformat()}",
                           f"    ly_do: {REASONS[receipt % len(REASONS)]}"]
            if rng.random() < 0.9:
                sorry = max(date(y, m, 1), due - timedelta(days=rng.randint(0, 3)))
                apologies += 1
                late_lines += [f"    ngay_xin_loi: {sorry.isoformat()}",
                               f'    so_thu_xin_loi: "{receipt}/TXL-UBND"']
            if not still_open:
                new_due = due + timedelta(days=rng.randint(3, 10))
                late_lines += [f"    ngay_hen_moi: {new_due.isoformat()}",
                               f"    ngay_tra: {min(new_due + timedelta(days=rng.randint(-2, 3)), end).isoformat()}"]
            counts["late"] += 1
        if late_lines[-1] == "ho_so:":
            late_lines[-1] = "ho_so: []"
        _write(folder / "tre-han" / f"{key}.yaml", late_lines)

        # ---- procedures: totals per field that add up, carried over from last month
        intake = _split(rng, _poisson_like(rng, DOSSIERS_PER_YEAR * scale / 12), FIELDS)
        rows = ["# Thủ tục hành chính tháng " + f"{m:02d}/{y} — dữ liệu tổng hợp", f'thang: "{key}"', "linh_vuc:"]
        for code, _w in FIELDS:
            carried = pending[code]
            new = intake[code]
            late_n = late_by_field.get(code, 0)
            overdue = overdue_now[code]
            total = carried + new
            still = min(total - late_n - overdue, int(total * rng.uniform(0.05, 0.15)))
            resolved = total - still - overdue
            if resolved < late_n:  # a field too small for its late dossiers this month: take more in
                new += late_n - resolved
                total = carried + new
                resolved = late_n
            early = int((resolved - late_n) * rng.uniform(0.5, 0.8))
            on_time = resolved - late_n - early
            online = int(new * rng.uniform(0.2, 0.5))
            home = min(resolved, rng.randint(0, 2))
            rows += [f"  - linh_vuc: {code}", f"    ton_truoc: {carried}", f"    tiep_nhan: {new}",
                     f"    truc_tuyen: {online}", f"    som_han: {early}", f"    dung_han: {on_time}",
                     f"    tre_han: {late_n}", f"    dang_trong_han: {still}", f"    dang_qua_han: {overdue}",
                     f"    tai_nha: {home}"]
            pending[code] = still + overdue
            counts["dossiers"] += new
        _write(folder / "thu-tuc" / f"{key}.yaml", rows)

        # ---- apology letters equal the ledger's apologies of the month
        _write(folder / "thu-gui" / f"{key}.yaml", [
            f'thang: "{key}"', f"xin_loi: {apologies}", f"cam_on: {_poisson_like(rng, 5 * scale)}",
            f"chuc_mung: {_poisson_like(rng, 8 * scale)}", f"chia_buon: {_poisson_like(rng, 3 * scale)}"])

        # ---- petitions received in the month
        if petitions_total:
            n_pet = pet_left if i == n_months - 1 else min(pet_left, int(round(pet_per_month * (i + 1))) -
                                                           (petitions_total - pet_left))
            pet_left -= n_pet
        else:
            n_pet = _poisson_like(rng, pet_per_month)
        pet_lines = [f"# Phản ánh, kiến nghị tháng {m:02d}/{y} — dữ liệu tổng hợp", f'thang: "{key}"', "phan_anh:"]
        days = sorted(_day(rng, y, m) for _ in range(n_pet))
        ids = []
        for j, received in enumerate(days, 1):
            pid = f"PA-{yymm}-{j:02d}"
            ids.append(pid)
            kind = _pick(rng, PETITION_KINDS)
            pet_lines += [f'  - ma: "{pid}"', f"    ngay_nhan: {received.isoformat()}",
                          f"    kenh: {CHANNELS[rng.randrange(len(CHANNELS))]}", f"    loai: {kind}",
                          f"    linh_vuc: {PETITION_FIELDS[rng.randrange(len(PETITION_FIELDS))]}"]
            if kind != "to-cao":
                if rng.random() < 0.7:
                    pet_lines.append(f'    thon: "{villages[rng.randrange(len(villages))]}"')
                pet_lines.append(f"    tom_tat: {SUMMARIES[rng.randrange(len(SUMMARIES))]}")
            pet_lines.append(f"    don_vi_xu_ly: {OFFICES[rng.randrange(len(OFFICES))]}")
            if kind in ("khieu-nai", "to-cao"):
                pet_lines.append(f"    ngay_thu_ly: {min(received + timedelta(days=rng.randint(0, 5)), end).isoformat()}")
                if kind == "khieu-nai" and rng.random() < 0.2:
                    pet_lines.append("    phuc_tap: có")
            elif rng.random() < 0.05:
                pet_lines.append(f"    han_xu_ly: {(received + timedelta(days=rng.randint(10, 30))).isoformat()}")
            done = received + timedelta(days=rng.randint(2, 45))
            if done <= end and rng.random() < 0.93:
                pet_lines.append(f"    ngay_giai_quyet: {done.isoformat()}")
                if kind != "to-cao":
                    pet_lines.append(f"    ket_qua: {RESULTS[rng.randrange(len(RESULTS))]}")
                if rng.random() < 0.8:
                    pet_lines.append(f"    ngay_thong_bao: {min(done + timedelta(days=rng.randint(0, 3)), end).isoformat()}")
                if kind != "to-cao" and rng.random() < 0.6:
                    pet_lines.append(f"    danh_gia: {_pick(rng, RATINGS)}")
            if rng.random() < 0.03:
                pet_lines.append("    tai_dien: có")
            counts["petitions"] += 1
        if pet_lines[-1] == "phan_anh:":
            pet_lines[-1] = "phan_anh: []"
        _write(folder / "phan-anh" / f"{key}.yaml", pet_lines)

        # ---- activities, some linking petitions of the month
        n_act = max(1, _poisson_like(rng, ACTIVITIES_PER_YEAR * scale / 12))
        act_lines = [f"# Hoạt động tháng {m:02d}/{y} — dữ liệu tổng hợp", f'thang: "{key}"', "hoat_dong:"]
        for j, day in enumerate(sorted(_day(rng, y, m) for _ in range(n_act)), 1):
            kind = _pick(rng, ACTIVITY_KINDS)
            act_lines += [f'  - ma: "HD-{yymm}-{j:02d}"', f"    ngay: {day.isoformat()}", f"    loai: {kind}",
                          f"    chu_tri: {HEADS[rng.randrange(len(HEADS))]}", f"    noi_dung: {ACTIVITY_TEXTS[kind]}"]
            if kind != "phat-thanh":
                act_lines.append(f"    so_nguoi: {rng.randint(5, 120)}")
            if kind in ("tiep-cong-dan", "doi-thoai") and ids and rng.random() < 0.4:
                links = sorted(set(rng.choice(ids) for _ in range(rng.randint(1, 2))))
                act_lines.append(f"    so_y_kien: {len(links) + rng.randint(0, 5)}")
                act_lines.append("    phan_anh: [" + ", ".join(f'"{x}"' for x in links) + "]")
            counts["activities"] += 1
        _write(folder / "hoat-dong" / f"{key}.yaml", act_lines)

        # ---- survey forms, pooled per criterion
        handed = max(10, _poisson_like(rng, FORMS_PER_MONTH * scale))
        returned = int(handed * rng.uniform(0.75, 0.95))
        sv = [f'thang: "{key}"', f"phieu_phat_ra: {handed}", f"phieu_thu_ve: {returned}", "tieu_chi:"]
        for crit in ("tiep-can-dich-vu", "thu-tuc-hanh-chinh", "cong-chuc", "ket-qua", "tiep-nhan-gop-y"):
            answers = returned - rng.randint(0, max(1, returned // 20))
            split = _split(rng, answers, [(c.replace("-", "_"), w) for c, w in RATINGS])
            sv.append(f"  {crit}:")
            sv += [f"    {lv}: {n}" for lv, n in split.items()]
        _write(folder / "khao-sat" / f"{key}.yaml", sv)
    counts["files"] = sum(1 for _ in folder.rglob("*.yaml"))
    return counts


if __name__ == "__main__":  # python bench/synth.py OUT SCALE YEARS [PETITIONS]
    import sys

    out, scale, years = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    total = int(sys.argv[4]) if len(sys.argv) > 4 else None
    print(make_dataset(out, scale, years, total))
