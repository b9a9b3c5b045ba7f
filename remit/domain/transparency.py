"""A5 — transparency: check-ins on plan items, problems, finance lines."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .common import Labelled, gettext_noop


class FinanceKind(Labelled):
    INCOME = "income", gettext_noop("Income")
    EXPENSE = "expense", gettext_noop("Expense")


class ProblemStatus(Labelled):
    OPEN = "open", gettext_noop("Open")
    IN_PROGRESS = "in_progress", gettext_noop("In progress")
    RESOLVED = "resolved", gettext_noop("Resolved")


@dataclass(frozen=True, slots=True)
class CheckIn:
    key: str
    plan_item: str  # plan item key
    date: dt.date
    progress: int  # percent, as reported
    author: str | None = None  # employee key
    note: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    key: str
    title: str
    raised_on: dt.date
    description: str = ""
    plan_item: str | None = None
    raised_by: str | None = None  # employee key
    owner: str | None = None  # position key
    status: ProblemStatus = ProblemStatus.OPEN
    resolution: str = ""
    resolved_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class FinanceLine:
    key: str
    period: dt.date  # first day of the month
    category: str
    kind: FinanceKind = FinanceKind.EXPENSE
    budget: Decimal = Decimal(0)
    actual: Decimal | None = None
    note: str = ""
