import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# "today" for the staff commands (publish, the Actions form): the tiny fixture's April 2024, never the wall clock,
# so that a publication without --date falls on the calendar's day; tests of other days set HOM_NAY themselves
os.environ["HOM_NAY"] = "2024-04-05"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture(scope="session")
def update_golden(request):
    return request.config.getoption("--update-golden")


def mkdocs_build(data_dir: Path, out: Path) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict` of the site for `data_dir`, as CI and staff run it."""
    env = dict(os.environ, GENERATOR_DATA_DIR=str(data_dir), NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
