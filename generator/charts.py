"""Figures → SVG bytes with matplotlib. Never writes files (the content cache aside, see below).

Byte-stable: fixed SVG hash salt, no date in the metadata, text kept as text (small files,
readable by screen readers and search), Vietnamese labels and number formats.

Each chart is cached by a hash of exactly the series it draws (and this module's source, the number
formats' source and the matplotlib and Babel versions): a chart whose data did not change is not drawn
again, and matplotlib is not even imported when no chart needs drawing. The cache never changes a
byte of the output; GENERATOR_CACHE=0 turns it off (generator/cache.py).
"""

from __future__ import annotations

import io
import sys
from importlib import metadata

from . import cache, numfmt
from .indicators import index, periods_for
from .numfmt import fmt_dec, fmt_int

matplotlib = None
plt = None


def _load_matplotlib():
    """Import matplotlib on the first chart that is actually drawn (about half a second)."""
    global matplotlib, plt
    if plt is None:
        import matplotlib as mpl

        mpl.use("Agg")
        import matplotlib.pyplot as pyplot
        import matplotlib.ticker  # noqa: F401

        matplotlib, plt = mpl, pyplot
    return plt

# colours with at least 3:1 contrast on white; a hatch pattern as a second cue
BLUE = "#1f4e79"
GREEN = "#2e6b30"
RED = "#b3261e"
GREY = "#5f6368"
ORANGE = "#a04b00"

RC = {
    "svg.hashsalt": "truong-xuan-minh-bach",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "figure.dpi": 72,
}


def month_label(m: str) -> str:
    return f"{int(m[5:])}/{m[2:4]}"


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _pct_axis(ax):
    ax.set_ylim(0, 105)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _p: f"{int(v)}%"))
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)


def _count_axis(ax):
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _p: fmt_int(int(v))))
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)


def line_rate(months, values, title, color=BLUE):
    """A monthly rate as a line with each point labelled; gaps where there is no value."""
    plt = _load_matplotlib()
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(8, 3.4))
        xs = list(range(len(months)))
        ys = [float(v) if v is not None else float("nan") for v in values]
        ax.plot(xs, ys, color=color, linewidth=2, marker="o", markersize=5)
        for x, v in zip(xs, values):
            if v is not None:
                ax.annotate(fmt_dec(v, 1), (x, float(v)), textcoords="offset points", xytext=(0, 7),
                            ha="center", fontsize=8, color="#222222")
        ax.set_xticks(xs, [month_label(m) for m in months], fontsize=9)
        _pct_axis(ax)
        ax.set_title(title, loc="left")
        return _svg(fig)


def stacked_bars(months, series, title):
    """series: [(label, values, colour, hatch)] stacked per month, with totals on top."""
    plt = _load_matplotlib()
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(8, 3.6))
        xs = list(range(len(months)))
        bottom = [0] * len(months)
        for label, values, color, hatch in series:
            ax.bar(xs, values, bottom=bottom, color=color, hatch=hatch, edgecolor="white", linewidth=0.5, label=label)
            bottom = [b + v for b, v in zip(bottom, values)]
        for x, total in zip(xs, bottom):
            ax.annotate(fmt_int(total), (x, total), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=8)
        ax.set_xticks(xs, [month_label(m) for m in months], fontsize=9)
        _count_axis(ax)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=len(series), frameon=False, fontsize=9)
        return _svg(fig)


def paired_bars(months, a, b, labels, title):
    plt = _load_matplotlib()
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(8, 3.4))
        xs = list(range(len(months)))
        w = 0.4
        ax.bar([x - w / 2 for x in xs], a, width=w, color=BLUE, label=labels[0])
        ax.bar([x + w / 2 for x in xs], b, width=w, color=GREEN, hatch="//", edgecolor="white", label=labels[1])
        for x, v in zip(xs, a):
            ax.annotate(str(v), (x - w / 2, v), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7)
        for x, v in zip(xs, b):
            ax.annotate(str(v), (x + w / 2, v), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7)
        ax.set_xticks(xs, [month_label(m) for m in months], fontsize=9)
        _count_axis(ax)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=2, frameon=False, fontsize=9)
        return _svg(fig)


def hbars_percent(labels, values, title):
    """Horizontal bars 0–100% with the value written at the end of each bar."""
    plt = _load_matplotlib()
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(8, 0.55 * len(labels) + 0.9))
        ys = list(range(len(labels)))[::-1]
        ax.barh(ys, [100] * len(labels), color="#eeeeee")
        ax.barh(ys, [float(v) for v in values], color=BLUE)
        for y, v in zip(ys, values):
            ax.text(min(float(v) + 1.5, 101), y, fmt_dec(v, 0) + "%", va="center", fontsize=10)
        ax.set_yticks(ys, labels, fontsize=10)
        ax.set_xlim(0, 112)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        ax.set_title(title, loc="left")
        return _svg(fig)


def _monthly(idx, fid, months):
    return [idx[(fid, m)].value if (fid, m) in idx else None for m in months]


_VERSION: list = []


def code_version() -> str:
    """What else, besides its series, decides a chart's bytes: this code and the libraries that draw and format."""
    if not _VERSION:
        versions = [metadata.version(dist) for dist in ("matplotlib", "babel")]
        _VERSION.append(cache.digest("charts-svg-1", cache.source_hash(sys.modules[__name__], numfmt), *versions))
    return _VERSION[0]


def chart_specs(ds, figures) -> list[tuple[str, object, tuple]]:
    """(name, drawing function, its arguments) for every chart of the site: all a chart depends on."""
    from .indicators import step_percent_at, as_of_date

    idx = index(figures)
    # months with petitions figures: a month without its file is left out ("chưa có số liệu"), never drawn as 0
    months = [p.key for p in periods_for(ds.months) if p.kind == "month" and ("pakn.tiep_nhan", p.key) in idx]
    tmonths = [pm.thang for pm in ds.procedures]
    smonths = [s.thang for s in ds.surveys]
    end = as_of_date(ds)
    steps = ds.plan.buoc
    return [
        ("tthc-ty-le-dung-han", line_rate,
         (tmonths, _monthly(idx, "tthc.ty_le_dung_han", tmonths), "Tỷ lệ hồ sơ giải quyết đúng hạn theo tháng (%)")),
        ("tthc-ket-qua", stacked_bars, (
            tmonths,
            [
                ("Trước hạn", [v or 0 for v in _monthly(idx, "tthc.som_han", tmonths)], GREEN, ""),
                ("Đúng hạn", [v or 0 for v in _monthly(idx, "tthc.dung_han", tmonths)], BLUE, "//"),
                ("Quá hạn", [v or 0 for v in _monthly(idx, "tthc.giai_quyet_tre_han", tmonths)], RED, "xx"),
            ],
            "Hồ sơ đã giải quyết theo tháng",
        )),
        ("pakn-theo-thang", paired_bars, (
            months,
            [v or 0 for v in _monthly(idx, "pakn.tiep_nhan", months)],
            [v or 0 for v in _monthly(idx, "pakn.da_giai_quyet", months)],
            ("Tiếp nhận", "Đã giải quyết"),
            "Phản ánh, kiến nghị theo tháng",
        )),
        ("hai-long-theo-thang", line_rate,
         (smonths, _monthly(idx, "hai_long.ty_le", smonths), "Tỷ lệ hài lòng chung theo tháng (%)", GREEN)),
        ("ke-hoach-cac-buoc", hbars_percent,
         ([f"Bước {st.so}" for st in steps], [step_percent_at(st, end) for st in steps], "Phần trăm hoàn thành từng bước")),
    ]


def chart_key(fn, args) -> str:
    """The cache key of one chart: the code version, the drawing function and exactly the series it draws."""
    return cache.digest(code_version(), fn.__name__, repr(args))


def draw_all(ds, figures) -> dict[str, bytes]:
    """Every chart of the site, by name; drawn only when not already in the cache."""
    out = {}
    for name, fn, args in chart_specs(ds, figures):
        key = chart_key(fn, args)
        svg = cache.get("charts", key)
        if svg is None:
            svg = fn(*args)
            cache.put("charts", key, svg)
        out[name] = svg
    return out
