"""A9 — technical methods: lessons learned, SOPs distilled from them, training records."""

import datetime as dt
from dataclasses import dataclass

from .cadence import Cadence
from .common import Labelled, gettext_noop


class ProcedureStatus(Labelled):
    DRAFT = "draft", gettext_noop("Draft")
    ACTIVE = "active", gettext_noop("Active")
    RETIRED = "retired", gettext_noop("Retired")


@dataclass(frozen=True, slots=True)
class Lesson:
    key: str
    date: dt.date
    lesson: str
    context: str = ""
    author: str | None = None  # employee key


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    key: str
    text: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Procedure:
    key: str
    title: str
    purpose: str = ""
    scope: str = ""
    owner: str | None = None  # position key
    version: int = 1
    status: ProcedureStatus = ProcedureStatus.DRAFT
    review_every: Cadence | None = None
    last_reviewed: dt.date | None = None
    refresh_every: Cadence | None = None  # training refresher
    positions: tuple[str, ...] = ()  # positions whose holders must know it
    lessons: tuple[str, ...] = ()  # lesson keys it was distilled from
    steps: tuple[ProcedureStep, ...] = ()


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    key: str
    employee: str
    procedure: str
    date: dt.date
    score: int | None = None  # assessed score, 0..100
    passed: bool | None = None  # None: trained, not yet assessed
