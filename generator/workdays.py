"""Working days from the holiday data (the module the design calls `calendar`).

Saturdays and Sundays are days off, public holidays and compensatory days off are read from
`data/ngay-nghi/`, and Saturdays worked in compensation count as working days. Adding a holiday
to the data re-computes every deadline it touches, because deadlines are never stored.
"""

from __future__ import annotations

from datetime import date, timedelta


class WorkCalendar:
    def __init__(self, days_off=(), days_worked=(), years=()):
        self.days_off = frozenset(days_off)
        self.days_worked = frozenset(days_worked)
        self.years = frozenset(years)  # years for which holiday data exists

    def is_working_day(self, d: date) -> bool:
        if d in self.days_worked:
            return True
        return d.weekday() < 5 and d not in self.days_off

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after start (start itself is not counted)."""
        d = start
        left = n
        while left > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                left -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after start up to and including end (0 when end <= start)."""
        if end <= start:
            return 0
        count = 0
        d = start
        while d < end:
            d += timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count
