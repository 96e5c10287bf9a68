"""A new commune starts clean: a site built from another commune's data shows nothing of the sample's.

The second commune is made here from the tiny data set with another name, province, contacts and
a three-step plan; the real `mkdocs build --strict` output is searched whole, search index included.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"

# Everything that names the sample commune (xã Trường Xuân, Thọ Xuân, Thanh Hóa) or its contacts.
SAMPLE_TRACES = ["Trường Xuân", "Truong Xuan", "truongxuan", "Thọ Xuân", "Tho Xuan", "Thanh Hóa", "thanhhoa",
                 "Phú Hậu", "0374408758", "02373", "Thanh Hoa"]

SITE = """\
ten: "xã Hòa Phong"
ten_co_quan: "Ủy ban nhân dân xã Hòa Phong"
don_vi_cap_tren: ["tỉnh Đắk Lắk"]
mo_hinh: "Chính quyền thân thiện, vì Nhân dân phục vụ"
dia_chi: "Thôn Một, xã Hòa Phong, tỉnh Đắk Lắk"
dien_thoai: "02623000000"
email: "ubnd.hoaphong@daklak.gov.vn"
hom_thu_gop_y:
  - noi_dat: "Trụ sở UBND xã"
lanh_dao:
  - chuc_vu: "Chủ tịch UBND xã"
    dien_thoai: "02623000001"
dai_truyen_thanh: "Đài truyền thanh xã Hòa Phong"
ngay_cong_bo_hang_thang: 10
dia_chi_trang: "https://hoaphong.example/"
thon: ["Thôn Một", "Thôn Hai"]
du_lieu_minh_hoa: có
giay_phep_du_lieu: "CC BY 4.0"
"""

THIRD_STEP = """\
  - so: 3
    ten: "Bước ba"
    noi_dung: "Làm bước ba."
    han: 2024-09-30
    han_nguyen_van: "Trong tháng 9/2024."
    don_vi: "UBND xã"
"""


@pytest.fixture(scope="module")
def other_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("xa-khac")
    data = base / "data"
    shutil.copytree(TINY, data)
    (data / "xa.yaml").write_text(SITE, "utf-8")
    plan = data / "ke-hoach.yaml"
    text = plan.read_text("utf-8").replace("UBND xã Mẫu", "UBND xã Hòa Phong")
    plan.write_text(text.replace("bao_cao_thang:", THIRD_STEP + "bao_cao_thang:", 1), "utf-8")
    for f in data.rglob("*.yaml"):  # the tiny set's own name and phone prefix, so any leftover is the sample's
        t = f.read_text("utf-8")
        f.write_text(t.replace("xã Mẫu", "xã Hòa Phong").replace("Thanh Hóa", "Đắk Lắk"), "utf-8")
    out = base / "site"
    proc = mkdocs_build(data, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def test_nothing_of_the_sample_commune_in_any_output_file(other_site):
    leaks = []
    files = [p for p in other_site.rglob("*") if p.is_file()]
    assert any(p.name == "search_index.json" for p in files)
    for p in files:
        try:
            text = p.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # images
        for word in SAMPLE_TRACES:
            if word in text:
                i = text.index(word)
                leaks.append(f"{p.relative_to(other_site)}: {word!r} in …{text[max(0, i - 60):i + 40]!r}…")
    assert not leaks, "\n".join(leaks[:20])


def test_the_other_communes_identity_is_everywhere_it_should_be(other_site):
    home = (other_site / "index.html").read_text("utf-8")
    assert "Ủy ban nhân dân xã Hòa Phong" in home
    assert "02623000000" in (other_site / "lien-he" / "index.html").read_text("utf-8")


def test_counts_come_from_the_data(other_site):
    home = (other_site / "index.html").read_text("utf-8")
    assert "3 bước thực hiện mô hình" in home
    assert "năm bước" not in home


def test_atom_ids_are_the_communes_own(other_site):
    atom = (other_site / "bao-cao" / "atom.xml").read_text("utf-8")
    ids = re.findall(r"<id>([^<]+)</id>", atom)
    assert ids and all(i.startswith("tag:hoaphong.example,2024:") for i in ids), ids


def test_a_commune_without_plan_or_commitments_yet_still_builds(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    (data / "ke-hoach.yaml").unlink()
    (data / "cam-ket.yaml").unlink()
    out = tmp_path / "site"
    proc = mkdocs_build(data, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    plan = (out / "tien-do" / "index.html").read_text("utf-8")
    assert "Kế hoạch thực hiện mô hình: chưa có số liệu" in plan
    assert "chưa có số liệu" in plan.split("tiến độ chung đạt", 1)[1][:200]
    assert "Các cam kết: chưa có số liệu" in (out / "cam-ket" / "index.html").read_text("utf-8")
    assert "các bước (chưa có số liệu)" in (out / "index.html").read_text("utf-8")
