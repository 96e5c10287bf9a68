"""What the browser tests and the measuring script look at, shared by both.

Everything here drives Debian's Chromium through Playwright; nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARTIFACTS = ROOT / "test-artifacts"
# Debian's Chromium; CHROMIUM_PATH names another build. Where it is missing (a GitHub-hosted Ubuntu runner,
# which has no Debian chromium package) an installed Google Chrome will do.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    (p for p in ("/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/chromium-browser") if os.path.exists(p)),
    "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"

PHONE = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
         "locale": "vi-VN"}
MIN_TEXT_PX = 16
MIN_TAP_PX = 44
HOME_BUDGET = 150 * 1024     # bytes transferred (gzip), the home page with everything it loads
PAGE_BUDGET = 200 * 1024     # every other page

# WCAG 2.0, 2.1 and 2.2 A and AA rules
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path ('' for the home page), and the 404 page."""
    found = []
    for p in sorted(site.rglob("index.html")):
        rel = p.parent.relative_to(site).as_posix()
        found.append("" if rel == "." else rel + "/")
    if (site / "404.html").is_file():
        found.append("404.html")
    return found


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def npm_available() -> bool:
    return shutil.which("npm") is not None


# ---------------------------------------------------------------------------------------------
# In-page probes (JavaScript run with page.evaluate)

VISIBLE_JS = """
const visible = (el) => {
  if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  // off-canvas (the closed navigation drawer, the closed search) is not shown to anyone
  const sx = window.scrollX;
  if (r.right + sx <= 0 || r.left + sx >= document.documentElement.clientWidth) return false;
  for (let a = el; a; a = a.parentElement) {
    const cs = getComputedStyle(a);
    if (a !== el && cs.overflow !== 'visible' && cs.overflowX !== 'visible') {
      const ar = a.getBoundingClientRect();
      if (ar.width < 1 || ar.height < 1) return false;
    }
  }
  return true;
};
"""

SMALL_TEXT_JS = """
(min) => {""" + VISIBLE_JS + """
  const out = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const t = w.currentNode;
    if (!t.textContent.trim()) continue;
    const el = t.parentElement;
    if (!el || el.closest('script,style,noscript,svg')) continue;
    if (!visible(el)) continue;
    const fs = parseFloat(getComputedStyle(el).fontSize);
    if (fs < min) out.push({text: t.textContent.trim().slice(0, 40), px: fs, el: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')});
  }
  return out;
}
"""

# Targets: every link, button and form control a finger can reach. A link inside a sentence
# (its block has other text) is the inline exception of WCAG 2.5.8: its line must still be
# at least 24 px high; everything else must be at least 44 x 44 CSS px.
TAP_TARGETS_JS = """
(min) => {""" + VISIBLE_JS + """
  const out = [];
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]';
  for (const el of document.querySelectorAll(sel)) {
    if (!visible(el)) continue;
    if (el.closest('.md-search')) continue;  // checked with the search open, see the search tests
    const r = el.getBoundingClientRect();
    const block = el.parentElement.closest('p, li, td, th, dd, figcaption, h1, h2, h3, h4, h5, h6, div');
    const own = (el.textContent || '').replace(/\\s+/g, ' ').trim();
    const around = block ? block.textContent.replace(/\\s+/g, ' ').trim() : own;
    const inline = getComputedStyle(el).display === 'inline' && around.length > own.length;
    if (inline) {
      if (parseFloat(getComputedStyle(el).lineHeight) < 24 && r.height < 24)
        out.push({kind: 'inline', text: own.slice(0, 40), w: Math.round(r.width), h: Math.round(r.height)});
      continue;
    }
    if (r.width < min - 0.5 || r.height < min - 0.5)
      out.push({kind: el.tagName.toLowerCase(), cls: String(el.className), text: (own || el.getAttribute('aria-label') || el.title || '').slice(0, 40), w: Math.round(r.width), h: Math.round(r.height)});
  }
  return out;
}
"""

# Every cell of every content table must lie inside the screen: nothing a resident needs is reached by
# swiping sideways, neither the page nor a table scrolling inside itself. A header row kept only for screen
# readers (clipped to 1 px, the card layout of extra.css) is not shown, so not measured.
CELLS_OFFSCREEN_JS = """
() => {""" + VISIBLE_JS + """
  const cw = document.documentElement.clientWidth;
  const out = [];
  for (const cell of document.querySelectorAll('.md-content table td, .md-content table th')) {
    const head = cell.closest('thead');
    if (head && head.getBoundingClientRect().width <= 2) continue;
    if (!cell.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = cell.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    if (r.left < -0.5 || r.right > cw + 0.5)
      out.push({text: cell.innerText.replace(/\\s+/g, ' ').trim().slice(0, 30), left: Math.round(r.left), right: Math.round(r.right), screen: cw});
  }
  return out;
}
"""

HEADINGS_JS = """
() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => !h.closest('.md-sidebar, .md-nav, .md-search, .md-footer') && h.getClientRects().length)
  .map(h => [Number(h.tagName[1]), h.textContent.trim()])
"""

LINKS_JS = """
() => [...document.querySelectorAll('a[href]')].filter(a => a.getClientRects().length).map(a => {
  let name = a.getAttribute('aria-label') || '';
  if (!name) name = (a.innerText || a.textContent || '').replace(/\\s+/g, ' ').trim();
  if (!name) name = a.title || [...a.querySelectorAll('img[alt]')].map(i => i.alt).join(' ');
  return {name: name.trim(), href: a.getAttribute('href'), cls: String(a.className)};
})
"""

# words that say nothing about where a link goes, on their own
GENERIC_LINK_TEXT = {"xem", "xem thêm", "tại đây", "ở đây", "đây", "bấm vào đây", "nhấn vào đây", "link", "liên kết",
                     "chi tiết", "thêm", "click here", "here", "more", "read more"}


AXE_RUN_JS = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(0, 3).join(' '))}));
}"""


def axe_source() -> str:
    """axe-core's script, run with page.evaluate: the site's Content-Security-Policy (rightly) refuses an
    inline <script> tag, which is what page.add_script_tag would add."""
    return AXE_JS.read_text("utf-8") + "\n;0"


# every Content-Security-Policy violation on the page, with what was blocked
CSP_JS = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''} (${e.sourceFile}:${e.lineNumber})`));"""


def run_axe(page) -> list[dict]:
    """axe-core on a page driven by Playwright's sync API."""
    page.evaluate(axe_source())
    return page.evaluate(AXE_RUN_JS, AXE_TAGS)


# ---------------------------------------------------------------------------------------------
# The crawl: every page, once with JavaScript at phone size (checks, axe, bytes on the wire) and once
# without JavaScript. Pages are visited a few at a time with Playwright's async API in a thread of its
# own, so that the suite stays within a few minutes however many report pages the data makes.

NOJS_JS = """
() => {
  const main = document.querySelector('main, .md-content');
  const tables = [...document.querySelectorAll('.md-content table')];
  const imgs = [...document.querySelectorAll('.md-content img')];
  return {
    text: main ? main.innerText.trim().length : 0,
    h1: document.querySelector('h1') ? document.querySelector('h1').innerText.trim() : '',
    tables: tables.length,
    // a table in a tab that is not selected is hidden until its tab is chosen (CSS only: works without JavaScript)
    hiddenTables: tables.filter(t => (!t.getClientRects().length || getComputedStyle(t).visibility === 'hidden')
                                     && !t.closest('.tabbed-block')).length,
    tabSets: document.querySelectorAll('.md-content .tabbed-set').length,
    hiddenTabLabels: [...document.querySelectorAll('.md-content .tabbed-labels > label')].filter(l => !l.getClientRects().length).length,
    imgs: imgs.length,
    brokenImgs: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src')),
    scroll: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
  };
}
"""


# The theme's search worker answers its set-up message with READY (type 1) once the index is built: from
# then on the page loads nothing more. Waiting for that is faster than waiting for an idle network.
SEARCH_READY_JS = """
(() => {
  const Native = window.Worker;
  if (!Native) return;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    worker.addEventListener('message', e => { if (e.data && e.data.type === 1) window.__searchReady = true; });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
"""
SETTLED_JS = """() => window.__searchReady === true && [...document.images].every(i => i.complete)"""


async def _visit_js(browser, base_url: str, path: str, with_axe: bool) -> dict:
    ctx = await browser.new_context(**PHONE)
    rep = {"console": [], "page_errors": [], "failed": [], "bad_status": [], "foreign": [], "finished": []}

    def request(r):  # this machine reaches no other site anyway: a request elsewhere also fails
        if not (r.url.startswith(base_url) or r.url.startswith(("data:", "blob:"))):
            rep["foreign"].append(r.url)

    await ctx.add_init_script(SEARCH_READY_JS)
    await ctx.add_init_script(CSP_JS)
    page = await ctx.new_page()
    page.on("console", lambda m: m.type == "error" and rep["console"].append(m.text))
    page.on("pageerror", lambda e: rep["page_errors"].append(str(e)))
    page.on("requestfailed", lambda r: rep["failed"].append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and rep["bad_status"].append(f"{r.status} {r.url}"))
    page.on("requestfinished", lambda r: "finished" in rep and rep["finished"].append(r))
    page.on("request", request)
    response = await page.goto(base_url + path, wait_until="load")
    rep["status"] = response.status if response else None
    # every chart loads, as for a reader who scrolls to the end; then wait for the search index too. The theme's
    # script starts at the reader's first touch (overrides/assets/javascripts/tai-sau.js): touch the page, so that
    # the weight below counts everything a reader who uses the page downloads
    await page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
    await page.dispatch_event("body", "pointerdown")
    await page.wait_for_function(SETTLED_JS, timeout=30_000)
    rep["lang"] = await page.evaluate("document.documentElement.lang")
    rep["scroll"] = await page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                                        " document.body.scrollWidth]")
    rep["small_text"] = await page.evaluate(SMALL_TEXT_JS, MIN_TEXT_PX)
    rep["small_targets"] = await page.evaluate(TAP_TARGETS_JS, MIN_TAP_PX)
    rep["headings"] = await page.evaluate(HEADINGS_JS)
    rep["cells_offscreen"] = await page.evaluate(CELLS_OFFSCREEN_JS)
    rep["links"] = await page.evaluate(LINKS_JS)
    rep["title"] = await page.title()
    rep["csp"] = await page.evaluate("window.__csp")
    rep["csp_meta"] = await page.evaluate(
        "document.querySelector('head > meta[http-equiv=\"Content-Security-Policy\"]')?.content || ''")
    requests = []
    for r in list(rep["finished"]):
        sizes = await r.sizes()
        response = await r.response()
        # Chromium does not always report the body size of a worker's own script: the server's
        # Content-Length (the gzip bytes it sent) is the floor
        length = int((response.headers.get("content-length") or 0) if response else 0)
        requests.append({"url": r.url[len(base_url) - 1:] if r.url.startswith(base_url) else r.url,
                         "bytes": max(sizes["responseBodySize"], length) + sizes["responseHeadersSize"]})
    rep["requests"] = requests
    rep["weight"] = sum(x["bytes"] for x in requests)
    del rep["finished"]  # Playwright objects: not kept past the visit
    if with_axe:
        await page.evaluate(axe_source())
        rep["axe"] = await page.evaluate(AXE_RUN_JS, AXE_TAGS)
    await ctx.close()
    return rep


async def _visit_nojs(browser, base_url: str, path: str) -> dict:
    ctx = await browser.new_context(java_script_enabled=False, **PHONE)
    page = await ctx.new_page()
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    await page.goto(base_url + path, wait_until="load")
    # without JavaScript page.evaluate still runs (it is the test's script, not the page's)
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    await page.wait_for_load_state("networkidle")
    await page.evaluate("window.scrollTo(0, 0)")
    rep = await page.evaluate(NOJS_JS)
    rep["cells_offscreen"] = await page.evaluate(CELLS_OFFSCREEN_JS)
    rep["failed"] = failed
    await ctx.close()
    return rep


def crawl(base_url: str, paths: list[str], with_axe: bool = True, with_nojs: bool = True, concurrency: int = 3) -> dict:
    """Visit every path; returns {path: {"js": report, "nojs": report}}. Runs in its own thread and event loop."""
    import asyncio
    import threading

    from playwright.async_api import async_playwright

    results: dict = {}
    error: list = []

    async def main():
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            sem = asyncio.Semaphore(concurrency)

            async def one(path):
                async with sem:
                    entry = {"js": await _visit_js(browser, base_url, path, with_axe)}
                    if with_nojs:
                        entry["nojs"] = await _visit_nojs(browser, base_url, path)
                    results[path] = entry

            await asyncio.gather(*(one(p) for p in paths))
            await browser.close()

    def run():
        try:
            asyncio.run(main())
        except BaseException as e:  # re-raised in the caller's thread
            error.append(e)

    t = threading.Thread(target=run, name="crawl")
    t.start()
    t.join()
    if error:
        raise error[0]
    return results


def kib(n: int) -> str:
    return f"{n / 1024:.1f}".replace(".", ",") + " KB"


def figures_json(site: Path) -> dict:
    return json.loads((site / "so-lieu" / "figures.json").read_text("utf-8"))


MONTH = re.compile(r"^\d{4}-\d{2}$")
