"""The Content-Security-Policy of every page (generator/csp_hooks.py), as Chromium enforces it.

Each page of the sample site is visited once by the crawl (conftest.phone_report) with JavaScript on; the
page's own listener records every `securitypolicyviolation` event. None may occur: the theme's inline
scripts and the tables' style attributes are allowed by their hashes, everything else comes from the site.
"""

from __future__ import annotations


def test_every_page_has_a_policy_that_allows_only_the_site_itself(pages, phone_report):
    problems = {}
    for path in pages:
        csp = phone_report(path)["csp_meta"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if " " in d.strip())
        script = directives.get("script-src", "").split()
        style = directives.get("style-src", "").split()
        ok = (directives.get("default-src") == "'none'" and script[:1] == ["'self'"]
              and all(s.startswith("'sha256-") for s in script[1:]) and style[:1] == ["'self'"]
              and all(s.startswith("'sha256-") or s == "'unsafe-hashes'" for s in style[1:])
              and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "*" not in csp)
        if not ok:
            problems[path] = csp or "no policy"
    assert not problems, problems


def test_no_page_violates_its_policy(pages, phone_report):
    problems = {p: phone_report(p)["csp"] for p in pages if phone_report(p)["csp"]}
    assert not problems, "\n".join(f"/{p}: {v}" for p, v in problems.items())
