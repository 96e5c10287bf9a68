"""`generator docs --out DIR` writes a tree any mkdocs.yml engine builds with no hook: same pages, same URLs.

The tree's own mkdocs.yml holds every value the MkDocs hook sets from the data (pipeline.site_config);
the theme overrides read only those values. Built here with MkDocs with no hook at all, and with Zensical
(pinned in requirements.txt; it runs no MkDocs hook or plugin).
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"


def pages(site: Path) -> set[str]:
    """The URL of every HTML page of a built site."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "tree"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "generator", "docs", "--data", str(TINY), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def hooked(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hooked") / "site"
    proc = mkdocs_build(TINY, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def test_the_tree_has_its_config_with_every_value_the_hook_sets(tree):
    from generator import pipeline

    cfg = yaml.safe_load((tree / "mkdocs.yml").read_text("utf-8"))
    assert "hooks" not in cfg
    expected = pipeline.site_config(pipeline.check(TINY))
    for key, value in expected.items():
        if key == "extra":
            for k, v in value.items():
                assert cfg["extra"][k] == v, k
        else:
            assert cfg[key] == value, key
    assert cfg["docs_dir"] == "docs" and cfg["theme"]["custom_dir"] == "overrides"
    assert (tree / "overrides" / "main.html").is_file() and (tree / "docs" / "index.md").is_file()


def test_the_overrides_read_only_config_values():
    import re

    for f in (ROOT / "overrides").rglob("*.html"):
        for expr in re.findall(r"\{\{(.*?)\}\}|\{%(.*?)%\}", f.read_text("utf-8")):
            text = " ".join(expr)
            for name in re.findall(r"\b(config\.extra\.[\w.]+)", text):
                key = name.split(".")[2]
                # values the hook sets (and the generated config writes in), or Material's own optional keys
                # that the escaped copies of its partials keep reading from mkdocs.yml (unset here)
                assert key in ("du_lieu_minh_hoa", "xa", "as_of", "homepage", "alternate"), (f.name, name)


def test_mkdocs_without_any_hook_builds_the_same_pages(tree, hooked, tmp_path):
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GENERATOR_DATA_DIR", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(tree / "mkdocs.yml"),
                           "-d", str(site)], cwd=tree, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert pages(site) == pages(hooked)
    home = (site / "index.html").read_text("utf-8")
    assert "Ủy ban nhân dân xã Mẫu · Số liệu tính đến ngày 30/04/2024" in home  # the footer, from config.extra
    assert "<title>" in home and "xã Mẫu – Công khai kết quả" in home


def test_zensical_builds_the_same_pages(tree, hooked, tmp_path):
    """Zensical (pinned in requirements.txt) runs no MkDocs hook: everything comes from the tree's mkdocs.yml."""
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.exists():
        pytest.fail(f"zensical is pinned in requirements.txt but not installed beside {sys.executable}: run make venv")
    work = tmp_path / "z"
    shutil.copytree(tree, work)
    proc = subprocess.run([str(zensical), "build", "--clean"], cwd=work, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert pages(work / "site") == pages(hooked)
    # Zensical's escape also writes "/" as &#x2f;: compare the text a reader sees
    home = html.unescape((work / "site" / "index.html").read_text("utf-8"))
    # the theme overrides, rendered by another engine, read the values written into the config
    assert "Ủy ban nhân dân xã Mẫu · Số liệu tính đến ngày 30/04/2024" in home
    assert "Dữ liệu minh họa" in home
