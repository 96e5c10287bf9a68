"""Working days from the holiday data (the module the design calls `calendar`).

Saturdays and Sundays are days off, public holidays and compensatory days off are read from
`data/ngay-nghi/`, and Saturdays worked in compensation count as working days. Adding a holiday
to the data re-computes every deadline it touches, because deadlines are never stored.
"""

from __future__ import annotations

import calendar as _cal
from bisect import bisect_left
from datetime import date, timedelta

_LAST = date.max.toordinal()


class WorkCalendar:
    """Working days, counted with a table of running totals built once per calendar.

    A busy commune has tens of thousands of petitions, each with a due date (15 working days) and a
    handling time in working days: counting day by day cost seconds. The table covers the days asked
    about with a year's margin on each side and grows when a question falls outside it; every answer
    is the same as counting day by day."""

    def __init__(self, days_off=(), days_worked=(), years=()):
        self.days_off = frozenset(days_off)
        self.days_worked = frozenset(days_worked)
        self.years = frozenset(years)  # years for which holiday data exists
        self._first = 0  # ordinal of the table's first day
        self._running: list[int] = []  # _running[i]: working days from _first up to, not including, _first + i

    def is_working_day(self, d: date) -> bool:
        if d in self.days_worked:
            return True
        return d.weekday() < 5 and d not in self.days_off

    def _cover(self, first: int, last: int) -> None:
        """Make the table answer for every day from ordinal `first` to ordinal `last`."""
        if self._running and self._first <= first and last <= self._first + len(self._running) - 2:
            return
        lo, hi = max(1, first - 366), min(_LAST, last + 366)
        if self._running:
            lo, hi = min(lo, self._first), max(hi, self._first + len(self._running) - 2)
        running, n = [0], 0
        for ordinal in range(lo, hi + 1):
            if self.is_working_day(date.fromordinal(ordinal)):
                n += 1
            running.append(n)
        self._first, self._running = lo, running

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after start (start itself is not counted)."""
        if n <= 0:
            return start
        s = start.toordinal()
        span = 2 * n + 30
        while True:
            self._cover(s, s + span)
            base = s + 1 - self._first
            j = bisect_left(self._running, self._running[base] + n, base)
            if j < len(self._running):
                return date.fromordinal(self._first + j - 1)
            if self._first + len(self._running) - 2 >= _LAST:
                raise OverflowError("date value out of range")  # as counting day by day would
            span *= 2

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after start up to and including end (0 when end <= start)."""
        if end <= start:
            return 0
        s, e = start.toordinal(), end.toordinal()
        self._cover(s, e)
        return self._running[e + 1 - self._first] - self._running[s + 1 - self._first]


RELEASE_DAY_DEFAULT = 5  # ngay_cong_bo_hang_thang in data/xa.yaml when it is not written


def release_date(period_end: date, day: int | None, is_working_day) -> date:
    """When the figures of a period ending on `period_end` are due out: day `day` (the site file's
    ngay_cong_bo_hang_thang, default 5) of the next month, moved to the next working day. The one rule for
    `publish`, the release calendar on /bao-cao/, the sample's history and the closing window of `check`."""
    y, m = (period_end.year + 1, 1) if period_end.month == 12 else (period_end.year, period_end.month + 1)
    d = date(y, m, min(day or RELEASE_DAY_DEFAULT, _cal.monthrange(y, m)[1]))
    while not is_working_day(d):
        d += timedelta(days=1)
    return d
