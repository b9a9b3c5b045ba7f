"""B1–B4 — a position's job responsibilities in four steps.

purpose (basis + content + performance) -> key result areas (weighted) ->
responsibility targets (measurable results) -> job responsibilities (activities).
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .common import Labelled, gettext_noop


class Period(Labelled):
    """How often a target's result is measured."""

    WEEKLY = "weekly", gettext_noop("Weekly")
    MONTHLY = "monthly", gettext_noop("Monthly")
    QUARTERLY = "quarterly", gettext_noop("Quarterly")
    YEARLY = "yearly", gettext_noop("Yearly")


class Frequency(Labelled):
    """How often a responsibility's activity is carried out."""

    DAILY = "daily", gettext_noop("Daily")
    WEEKLY = "weekly", gettext_noop("Weekly")
    MONTHLY = "monthly", gettext_noop("Monthly")
    QUARTERLY = "quarterly", gettext_noop("Quarterly")
    YEARLY = "yearly", gettext_noop("Yearly")
    AS_NEEDED = "as_needed", gettext_noop("As needed")
    ONGOING = "ongoing", gettext_noop("Ongoing")


class Authority(Labelled):
    EXECUTES = "executes", gettext_noop("Executes")
    APPROVES = "approves", gettext_noop("Approves")
    ADVISES = "advises", gettext_noop("Advises")
    INFORMED = "informed", gettext_noop("Is informed")


class JDStatus(Labelled):
    DRAFT = "draft", gettext_noop("Draft")
    SUBMITTED = "submitted", gettext_noop("Submitted")
    APPROVED = "approved", gettext_noop("Approved")


_TRAILING = " .,;:，。；：、"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def compose_sentence(parts: tuple[str, ...] | list[str]) -> str:
    """A purpose's parts as one sentence: 'basis, content, performance.'

    The parts join with the punctuation of their script: ', ' and '.' for Latin text,
    '，' and '。' for Chinese.
    """
    texts = [x.strip().rstrip(_TRAILING).strip() for x in parts]
    texts = [x for x in texts if x]
    if not texts:
        return ""
    cjk = bool(_CJK.search("".join(texts)))
    return ("，" if cjk else ", ").join(texts) + ("。" if cjk else ".")


@dataclass(frozen=True, slots=True)
class Purpose:
    """B1: work basis + work content + work performance, composed into one sentence."""

    basis: str = ""  # under what guidance / on what basis
    content: str = ""  # the core responsibilities
    performance: str = ""  # the result the work achieves
    objectives: tuple[str, ...] = ()  # objective keys the purpose derives from

    @property
    def is_empty(self) -> bool:
        return not (self.basis or self.content or self.performance)

    @property
    def sentence(self) -> str:
        """The three parts composed into one sentence."""
        return compose_sentence((self.basis, self.content, self.performance))


@dataclass(frozen=True, slots=True)
class Responsibility:
    """B4: an activity that reaches a target: action verb + object + standard."""

    key: str
    statement: str
    frequency: Frequency | None = None
    time_share: Decimal | None = None  # percent of working time
    authority: Authority = Authority.EXECUTES
    procedures: tuple[str, ...] = ()  # SOP keys that say how


@dataclass(frozen=True, slots=True)
class Target:
    """B3: a result the position must achieve in a result area."""

    key: str
    statement: str
    metric: str = ""
    target: str = ""  # the value to reach, as written: "≥ 98 %", "within 5 working days"
    period: Period | None = None
    deadline: dt.date | None = None
    objective: str | None = None  # objective key it serves
    responsibilities: tuple[Responsibility, ...] = ()


@dataclass(frozen=True, slots=True)
class ResultArea:
    """B2: a key result area decomposing the purpose, weighted (weights add to 100)."""

    key: str
    title: str
    weight: Decimal | None = None  # percent
    description: str = ""
    targets: tuple[Target, ...] = ()


@dataclass(frozen=True, slots=True)
class JobDescriptionVersion:
    """An approved job description, frozen: the assembled content as plain data."""

    key: str
    position: str
    version: int
    approved_on: dt.date
    approved_by: str = ""  # the approver's name or e-mail
    note: str = ""
    content: dict = field(default_factory=dict, hash=False, compare=True)
