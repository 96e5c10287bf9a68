"""Staying fast as records grow, without changing a single figure.

- the petition figures, computed once per period from sorted dates, equal a direct count over every
  petition for every period (the way they were computed before);
- working days from the table of running totals equal counting day by day;
- the synthetic data sets of the benchmark (bench/synth.py) pass every check;
- the number of pages grows with the periods, not with the records.
No time is measured here (bench/bench.py does that).
"""

import random
import sys
from datetime import date, timedelta
from fractions import Fraction

import pytest

from conftest import ROOT

from generator import charts, indicators, pipeline
from generator.numfmt import percent, round_half_up
from generator.workdays import WorkCalendar

sys.path.insert(0, str(ROOT / "bench"))
from synth import make_dataset  # noqa: E402


def direct_petition_figures(ds) -> dict:
    """Every petition figure of every period by looking at every petition: slow and obviously right."""
    dues = {p.ma: indicators.petition_due(p, ds.calendar) for p in ds.petitions}
    as_of = indicators.as_of_date(ds)
    out = {}
    for period in indicators.periods_for(ds.months):
        end = min(period.end, as_of)  # the snapshot: only events dated on or before it count
        inside = lambda d: d is not None and period.start <= d <= end  # noqa: E731
        known = lambda d: d is not None and d <= end  # noqa: E731
        received = [p for p in ds.petitions if inside(p.ngay_nhan)]
        resolved = [p for p in ds.petitions if inside(p.ngay_giai_quyet)]
        still_open = [p for p in ds.petitions if p.ngay_nhan <= end and not (p.ngay_giai_quyet and p.ngay_giai_quyet <= end)]
        on_time = [p for p in resolved if p.ngay_giai_quyet <= dues[p.ma]]
        pending_overdue = [p for p in still_open if dues[p.ma] < end]
        overdue = [p for p in resolved if p.ngay_giai_quyet > dues[p.ma]] + pending_overdue
        days = sorted(ds.calendar.working_days_between(p.ngay_nhan, p.ngay_giai_quyet) for p in resolved)
        k = period.key
        out[("pakn.tiep_nhan", k)] = len(received)
        out[("pakn.da_giai_quyet", k)] = len(resolved)
        out[("pakn.dang_xu_ly", k)] = len(still_open)
        out[("pakn.qua_han", k)] = len(overdue)
        out[("pakn.dang_qua_han", k)] = len(pending_overdue)
        out[("pakn.ty_le_dung_han", k)] = (percent(len(on_time), len(resolved)), len(on_time), len(resolved))
        if days:
            n = len(days)
            median = Fraction(days[n // 2]) if n % 2 else Fraction(days[n // 2 - 1] + days[n // 2], 2)
            out[("pakn.so_ngay_trung_vi", k)] = round_half_up(median, 1)
            out[("pakn.so_ngay_trung_binh", k)] = round_half_up(Fraction(sum(days), n), 1)
        else:
            out[("pakn.so_ngay_trung_vi", k)] = out[("pakn.so_ngay_trung_binh", k)] = None
        bad = [p for p in received
               if (p.danh_gia in indicators.UNSATISFIED and known(p.ngay_thong_bao or p.ngay_giai_quyet)) or p.tai_dien
               or (known(p.ngay_giai_quyet) and p.ngay_giai_quyet > dues[p.ma])
               or (not known(p.ngay_giai_quyet) and dues[p.ma] < end)]
        out[("pakn.ty_le_hai_long", k)] = (percent(len(received) - len(bad), len(received)), len(received) - len(bad), len(received))
        notified = len([p for p in resolved if known(p.ngay_thong_bao)])
        out[("pakn.ty_le_thong_bao", k)] = (percent(notified, len(resolved)), notified, len(resolved))
        out[("pakn.tai_dien", k)] = len([p for p in received if p.tai_dien])
    return out


def computed_petition_figures(ds) -> dict:
    figures, _ = indicators.compute(ds)
    out = {}
    for f in figures:
        if f.id.startswith("pakn."):
            out[(f.id, f.period)] = (f.value, f.numerator, f.denominator) if f.unit == "%" else f.value
    return out


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """Two years at the sample's volume, plus 3,000 petitions over three years (many open, many overdue)."""
    base = tmp_path_factory.mktemp("synth")
    make_dataset(base / "a", scale=1, years=2)
    make_dataset(base / "b", scale=1, years=3, petitions_total=3000)
    return base


@pytest.mark.parametrize("which", ["sample", "tiny", "a", "b"])
def test_petition_figures_equal_a_direct_count(which, synthetic):
    data = {"sample": ROOT / "data", "tiny": ROOT / "tests" / "fixtures" / "tiny"}.get(which) or synthetic / which
    result = pipeline.check(data, frozen=False)
    assert result.dataset is not None, result.problems[:5]
    assert computed_petition_figures(result.dataset) == direct_petition_figures(result.dataset)


def test_working_days_equal_counting_day_by_day():
    rng = random.Random(7)
    off = {date(2023, 1, 1) + timedelta(days=rng.randrange(1100)) for _ in range(80)}
    worked = {date(2023, 1, 7) + timedelta(days=7 * rng.randrange(150)) for _ in range(12)}

    def by_day_between(cal, start, end):
        n, d = 0, start
        while d < end:
            d += timedelta(days=1)
            n += cal.is_working_day(d)
        return n

    def by_day_add(cal, start, n):
        d = start
        while n > 0:
            d += timedelta(days=1)
            n -= cal.is_working_day(d)
        return d

    cal = WorkCalendar(off, worked, {2023, 2024, 2025})
    for _ in range(1000):  # dates well before and after the holiday data too: the table grows
        a = date(2019, 1, 1) + timedelta(days=rng.randrange(4000))
        b = a + timedelta(days=rng.randrange(-40, 400))
        n = rng.randrange(-3, 80)
        assert cal.working_days_between(a, b) == by_day_between(cal, a, b), (a, b)
        assert cal.add_working_days(a, n) == by_day_add(cal, a, n), (a, n)
    # a typo such as year 0024 or 9999 still gives an answer, as counting day by day would
    for a, b in ((date(1, 1, 1), date(1, 2, 1)), (date(9999, 11, 1), date(9999, 12, 31))):
        assert cal.working_days_between(a, b) == by_day_between(cal, a, b)
        assert cal.add_working_days(a, 10) == by_day_add(cal, a, 10)
    with pytest.raises(OverflowError):
        cal.add_working_days(date(9999, 12, 28), 10)


def test_synthetic_sets_pass_every_check(synthetic):
    for name in ("a", "b"):
        result = pipeline.check(synthetic / name)
        assert result.ok, result.problems[:5]
    ds = pipeline.check(synthetic / "b").dataset
    assert len(ds.petitions) == 3000 and len(ds.months) == 36
    assert len({p.ma for p in ds.petitions}) == 3000
    assert any(p.ngay_giai_quyet is None for p in ds.petitions)


def test_synthetic_data_is_deterministic(tmp_path):
    make_dataset(tmp_path / "x", scale=2, years=1)
    make_dataset(tmp_path / "y", scale=2, years=1)
    files = sorted(p.relative_to(tmp_path / "x") for p in (tmp_path / "x").rglob("*.yaml"))
    assert files == sorted(p.relative_to(tmp_path / "y") for p in (tmp_path / "y").rglob("*.yaml"))
    assert all((tmp_path / "x" / f).read_bytes() == (tmp_path / "y" / f).read_bytes() for f in files)


def test_page_count_grows_with_periods_not_records(tmp_path, monkeypatch):
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(tmp_path / "cache"))
    # the charts are the same five files whatever the data; not drawing them keeps the test short
    monkeypatch.setattr(charts, "draw_all", lambda ds, figures: {name: b"" for name, _, _ in charts.chart_specs(ds, figures)})
    paths = {}
    for name, scale, years in (("small", 1, 1), ("five-fold", 5, 1), ("two-years", 1, 2)):
        make_dataset(tmp_path / name, scale=scale, years=years)
        result = pipeline.build(tmp_path / name)
        assert result.ok, result.problems[:5]
        paths[name] = {a.path for a in result.artifacts}
    assert paths["small"] == paths["five-fold"]
    pages = {name: len([p for p in ps if p.endswith(".md")]) for name, ps in paths.items()}
    # one report per month, quarter and year, a bulletin and a notice-board sheet per month, and one page of the
    # petition archive per month
    assert pages["two-years"] - pages["small"] == (12 + 4 + 1) + 12 * 2 + 12
