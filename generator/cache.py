"""An on-disk cache of work that depends only on bytes: parsed data files and drawn charts.

Keys are content hashes (of the input bytes and of the code that turns them into the output), so an
entry is never stale: a changed file or a changed module simply has a different key. The cache is
safe to delete at any time and never changes what is built; it only skips work already done.

- where: `.cache/generator/` in the repository (git-ignored), or the folder named by GENERATOR_CACHE_DIR
- off:   GENERATOR_CACHE=0
- entries carry a header (format, key, sha256 of the payload) and are read only when all three match
  and the file belongs to the current user; anything else is ignored and the work is done again
- written atomically (a temporary file, then os.replace), so a crash or a parallel build never leaves
  half an entry; a read-only or full disk only means nothing is cached
Payloads are plain bytes chosen by the caller (marshal of str/int/bool/tuple/list, or SVG text); nothing
here unpickles or runs code from the cache.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / ".cache" / "generator"
FORMAT = b"generator-cache 1\n"


def enabled() -> bool:
    return os.environ.get("GENERATOR_CACHE", "").strip().lower() not in ("0", "no", "false", "off")


def directory() -> Path:
    return Path(os.environ.get("GENERATOR_CACHE_DIR") or DEFAULT_DIR)


def digest(*parts: bytes | str) -> str:
    """sha256 over length-prefixed parts (so that ('ab', 'c') and ('a', 'bc') differ)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def source_hash(*modules) -> str:
    """A hash of the source files of `modules`: part of a key, so that changing the code invalidates."""
    parts = [f"{sys.version_info[0]}.{sys.version_info[1]}"]
    for mod in modules:
        parts.append(Path(mod.__file__).read_bytes())
    return digest(*parts)


def _path(namespace: str, key: str) -> Path:
    return directory() / namespace / key[:2] / f"{key}.bin"


def get(namespace: str, key: str) -> bytes | None:
    """The payload stored under `key`, or None when there is none (or it cannot be trusted)."""
    if not enabled():
        return None
    path = _path(namespace, key)
    try:
        with open(path, "rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None
            blob = fh.read()
    except OSError:
        return None
    head = FORMAT + key.encode("ascii") + b"\n"
    if not blob.startswith(head) or len(blob) < len(head) + 65:
        return None
    check, payload = blob[len(head): len(head) + 64], blob[len(head) + 65:]
    if blob[len(head) + 64: len(head) + 65] != b"\n" or hashlib.sha256(payload).hexdigest().encode("ascii") != check:
        return None
    return payload


def put(namespace: str, key: str, payload: bytes) -> None:
    """Store `payload` under `key`; silently does nothing when the cache is off or cannot be written."""
    if not enabled():
        return
    path = _path(namespace, key)
    blob = FORMAT + key.encode("ascii") + b"\n" + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".bin")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _describe(value) -> str:
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return repr(value)


def jinja_bytecode_cache():
    """A Jinja2 bytecode cache stored here (compiled templates of the theme), or None when the cache is off.

    Jinja2 checks the template's source checksum and its own bytecode version before using an entry;
    the key adds the Jinja2 version and every environment option that changes the compiled code."""
    if not enabled():
        return None
    import jinja2
    from jinja2.bccache import BytecodeCache

    class _Cache(BytecodeCache):
        def _key(self, bucket) -> str:
            env = bucket.environment
            options = [getattr(env, name, None) for name in (
                "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                "is_async", "autoescape", "finalize")]
            options.append(sorted(env.extensions))
            return digest("jinja-bytecode-1", jinja2.__version__, sys.version, bucket.key, bucket.checksum,
                          *(_describe(o) for o in options))

        def load_bytecode(self, bucket) -> None:
            payload = get("jinja", self._key(bucket))
            if payload is not None:
                bucket.bytecode_from_string(payload)

        def dump_bytecode(self, bucket) -> None:
            put("jinja", self._key(bucket), bucket.bytecode_to_string())

    return _Cache()
