"""A2 — strategic objectives: what, by when; and their measurements over time."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .cadence import Cadence
from .common import Labelled, gettext_noop
from .values import Value


class ObjectiveStatus(Labelled):
    ACTIVE = "active", gettext_noop("Active")
    ACHIEVED = "achieved", gettext_noop("Achieved")
    DROPPED = "dropped", gettext_noop("Dropped")


@dataclass(frozen=True, slots=True)
class Measurement:
    key: str
    date: dt.date
    value: Decimal
    note: str = ""


@dataclass(frozen=True, slots=True)
class Objective:
    key: str
    title: str
    description: str = ""
    metric: str = ""  # what is measured, e.g. "annual sales"
    unit: str = ""  # e.g. "EUR million", "%", "listing"
    baseline: Decimal | None = None
    target: Decimal | None = None
    deadline: dt.date | None = None
    owner: str | None = None  # position key
    serves: Value | None = None  # the owner's value it serves
    status: ObjectiveStatus = ObjectiveStatus.ACTIVE
    measure_every: Cadence | None = None
    measurements: tuple[Measurement, ...] = ()

    @property
    def increasing(self) -> bool:
        """True when success means going up (target above baseline)."""
        if self.baseline is None or self.target is None:
            return True
        return self.target >= self.baseline
