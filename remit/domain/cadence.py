"""Cadence: recurring work, every N days, weeks, months or years, anchored on a date.

Used by relations (contact frequency), controls (how often they run), procedure
reviews, training refreshers, contingency drills and measurements.

The text form is the organisation file's and the database's: ``monthly``,
``quarterly``, ``every 2 weeks``, optionally followed by ``from 2026-01-15``.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class CadenceUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


ALIASES: dict[str, tuple[int, CadenceUnit]] = {
    "daily": (1, CadenceUnit.DAY),
    "weekly": (1, CadenceUnit.WEEK),
    "fortnightly": (2, CadenceUnit.WEEK),
    "monthly": (1, CadenceUnit.MONTH),
    "quarterly": (3, CadenceUnit.MONTH),
    "half-yearly": (6, CadenceUnit.MONTH),
    "yearly": (1, CadenceUnit.YEAR),
}
_ALIAS_OF = {v: k for k, v in ALIASES.items()}
_PATTERN = re.compile(
    r"^\s*(?:(?P<alias>[a-z-]+)|every\s+(?P<n>\d+)\s+(?P<unit>day|week|month|year)s?)"
    r"(?:\s+from\s+(?P<anchor>\d{4}-\d{2}-\d{2}))?\s*$"
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class Cadence:
    every: int
    unit: CadenceUnit
    anchor: dt.date | None = None

    def __post_init__(self) -> None:
        if self.every < 1:
            raise ValueError("a cadence repeats at least every 1 unit")

    @classmethod
    def parse(cls, text: str) -> "Cadence":
        """Parse ``monthly``, ``every 3 months``, ``weekly from 2026-01-05`` …"""
        m = _PATTERN.match(text.lower())
        if not m:
            raise ValueError(
                f"{text!r} is not a cadence: write e.g. 'monthly', 'quarterly', "
                "'every 2 weeks' or 'every 6 months from 2026-01-15'"
            )
        if m["alias"]:
            if m["alias"] not in ALIASES:
                raise ValueError(f"unknown cadence {m['alias']!r}: use one of {', '.join(ALIASES)}")
            every, unit = ALIASES[m["alias"]]
        else:
            every, unit = int(m["n"]), CadenceUnit(m["unit"])
        anchor = dt.date.fromisoformat(m["anchor"]) if m["anchor"] else None
        return cls(every, unit, anchor)

    def __str__(self) -> str:
        alias = _ALIAS_OF.get((self.every, self.unit))
        text = alias or f"every {self.every} {self.unit}{'s' if self.every != 1 else ''}"
        return f"{text} from {self.anchor.isoformat()}" if self.anchor else text

    def step(self, day: dt.date, times: int = 1) -> dt.date:
        """``day`` moved forward by ``times`` periods."""
        n = self.every * times
        match self.unit:
            case CadenceUnit.DAY:
                return day + dt.timedelta(days=n)
            case CadenceUnit.WEEK:
                return day + dt.timedelta(weeks=n)
            case CadenceUnit.MONTH:
                return add_months(day, n)
            case CadenceUnit.YEAR:
                return add_months(day, 12 * n)
        raise AssertionError(self.unit)

    def approx_days(self) -> float:
        """The period's length in days, for comparisons (a month counts 30.44 days)."""
        per = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}[self.unit]
        return self.every * per

    def next_due(self, last: dt.date | None, *, today: dt.date) -> dt.date:
        """When the work is next due: one period after it was last done.

        Never done: the first occurrence of the anchor on or after it, else today.
        """
        if last is not None:
            return self.step(last)
        if self.anchor is None:
            return today
        return self.anchor

    def occurrences(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Every date of the cadence from its anchor (or ``start``) up to ``end``, on or after ``start``."""
        first = self.anchor or start
        out: list[dt.date] = []
        i = 0
        while True:
            day = self.step(first, i)
            if day > end:
                return out
            if day >= start:
                out.append(day)
            i += 1
