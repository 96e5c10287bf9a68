"""generator/csp_hooks.py: the Content-Security-Policy meta tag of every page (Chromium: tests/browser/test_csp.py)."""

import base64
import hashlib
import re
from pathlib import Path

import material

from generator import csp_hooks

THEME = [Path(material.__file__).parent / "templates"]


def _sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


THEME_SCRIPT = ('__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
                '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def _page(extra=""):
    return ('<html><head><meta charset="utf-8"><title>t</title><script>' + THEME_SCRIPT + '</script></head><body>'
            '<table><td style="text-align: right;">1</td></table>' + extra +
            '<script id="__config" type="application/json">{"a": 1}</script>'
            '<script src="assets/bundle.js"></script></body></html>')


def test_theme_scripts_and_table_styles_are_allowed_by_hash():
    out = csp_hooks.add_policy(_page(), csp_hooks.theme_scripts(THEME))
    meta = re.search(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">', out)
    assert meta, "the policy comes first in <head>, before any script"
    csp = meta.group(1)
    assert f"script-src 'self' {_sha(THEME_SCRIPT)};" in csp  # the JSON config is data, not a script
    assert f"style-src 'self' 'unsafe-hashes' {_sha('text-align: right;')};" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_a_script_the_theme_did_not_write_is_not_allowed_and_warned_about(caplog):
    extra = '<script>alert(1)</script><p style="background:url(x)">a</p><style>p{color:red}</style>'
    out = csp_hooks.add_policy(_page(extra), csp_hooks.theme_scripts(THEME), "x.md")
    assert _sha("alert(1)") not in out and _sha("background:url(x)") not in out and _sha("p{color:red}") not in out
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3 and all("x.md" in m for m in messages)


def test_the_built_tiny_site_has_a_policy_on_every_page(tmp_path):
    from conftest import mkdocs_build

    proc = mkdocs_build(Path(__file__).parent / "fixtures" / "tiny", tmp_path)
    assert proc.returncode == 0, proc.stderr
    pages = list(tmp_path.rglob("*.html"))
    assert pages and (tmp_path / "404.html") in pages
    for page in pages:
        head = page.read_text("utf-8").split("</head>")[0]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, page
        assert head.index("Content-Security-Policy") < head.index("<script"), page


def test_no_policy_under_mkdocs_serve_whose_live_reload_script_is_inline():
    class Cfg:
        class theme:
            dirs = THEME

    class Page:
        class file:
            src_uri = "index.md"

    try:
        csp_hooks.on_startup("serve", False)
        assert csp_hooks.on_post_page(_page(), Page, Cfg) == _page()
        csp_hooks.on_startup("build", False)
        assert "Content-Security-Policy" in csp_hooks.on_post_page(_page(), Page, Cfg)
    finally:
        csp_hooks.on_startup("build", False)
