"""MkDocs hooks: register the generator's artifacts as generated (virtual) files.

`mkdocs build --strict` and `mkdocs serve` work directly; `serve` also watches the data folder.
Nothing generated is written into content/. The data folder is data/ unless GENERATOR_DATA_DIR
names another one (the CLI's --data).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(_ROOT))

from generator import cache, pipeline  # noqa: E402
from generator.problems import format_text  # noqa: E402

# The generator's result for the data as it was at the start of the current build. Computed in
# on_config, which MkDocs runs at the start of every build (each rebuild of `mkdocs serve` too), and
# reused by the per-file and per-page hooks: looking at the data folder once per page made a site with
# hundreds of pages and files spend more time checking the folder than building. Unchanged data between
# two builds of `serve` (a template edit, say) reuses the result as it is.
_cache: dict = {}


def _data_key(data_dir: Path):
    return (str(data_dir), tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                                 for p in sorted(data_dir.rglob("*")) if p.is_file()))


def _refresh():
    data_dir = pipeline.data_dir_from_env().resolve()
    key = _data_key(data_dir)
    if _cache.get("key") != key:
        _cache.clear()
        result = pipeline.build(data_dir)
        _cache.update(key=key, result=result, sources={a.path: a.source for a in result.artifacts})
    return _cache["result"]


def _result():
    return _cache["result"] if "result" in _cache else _refresh()


def on_config(config):
    result = _refresh()
    if not result.ok:
        raise PluginError("Dữ liệu có lỗi, chưa tạo trang nào:\n" + format_text(result.problems, result.files_total))
    # the same values `generator docs` writes into its mkdocs.yml (pipeline.site_config)
    for key, value in pipeline.site_config(result).items():
        if key == "extra":
            config.extra.update(value)
        else:
            config[key] = value
    # the build date comes from the data, never the clock: same data, same bytes
    os.environ["SOURCE_DATE_EPOCH"] = pipeline.source_date_epoch(result.as_of)
    return config


def on_files(files, config):
    result = _result()
    for art in result.artifacts:
        f = File.generated(config, art.path, content=art.content)
        files.append(f)
    return files


def on_env(env, config, files):
    """The theme's templates compiled once, not at every build (generator/cache.py; off with GENERATOR_CACHE=0)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = cache.jinja_bytecode_cache()
    return env


def on_page_context(context, page, config, nav):
    """A generated page's "edit" link points at the data it came from."""
    result = _result()
    sources = _cache["sources"]
    if page.file.src_uri in sources:
        source = sources[page.file.src_uri]
        repo = result.dataset.site.kho_ma_nguon
        if repo and source:
            kind = "edit" if source.endswith(".yaml") else "tree"
            page.edit_url = f"{repo.rstrip('/')}/{kind}/main/data/{source}"
        else:
            page.edit_url = None
    return context


def on_serve(server, config, builder):
    server.watch(str(pipeline.data_dir_from_env().resolve()))
    server.watch(str(_ROOT / "generator"))
    return server
