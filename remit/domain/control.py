"""A8 — control: risks, the controls that prevent them, runs, and contingency plans."""

import datetime as dt
from dataclasses import dataclass

from .cadence import Cadence
from .common import Labelled, gettext_noop


class RiskSource(Labelled):
    INTERNAL = "internal", gettext_noop("Internal")
    EXTERNAL = "external", gettext_noop("External")


class RiskCategory(Labelled):
    CREDIT = "credit", gettext_noop("Credit")
    INVENTORY = "inventory", gettext_noop("Inventory")
    FINANCIAL = "financial", gettext_noop("Financial")
    COMPLIANCE = "compliance", gettext_noop("Compliance")
    LEGAL = "legal", gettext_noop("Legal")
    SAFETY = "safety", gettext_noop("Safety")
    PROPERTY = "property", gettext_noop("Property")
    MARKET = "market", gettext_noop("Market")
    OPERATIONAL = "operational", gettext_noop("Operational")
    PERSONNEL = "personnel", gettext_noop("Personnel")
    OTHER = "other", gettext_noop("Other")


class RiskResponse(Labelled):
    PREVENT = "prevent", gettext_noop("Prevent")
    TREAT = "treat", gettext_noop("Treat")
    TRANSFER = "transfer", gettext_noop("Transfer")
    ACCEPT = "accept", gettext_noop("Accept")


class ControlKind(Labelled):
    CREDIT_CHECK = "credit_check", gettext_noop("Credit check")
    STOCK_COUNT = "stock_count", gettext_noop("Stock count")
    AUDIT = "audit", gettext_noop("Audit")
    SUPERVISION = "supervision", gettext_noop("Supervision")
    INSURANCE = "insurance", gettext_noop("Insurance")
    LEGAL_REVIEW = "legal_review", gettext_noop("Legal review")
    INSPECTION = "inspection", gettext_noop("Inspection")
    APPROVAL = "approval", gettext_noop("Approval")
    OTHER = "other", gettext_noop("Other")


class RunResult(Labelled):
    PASS = "pass", gettext_noop("Passed")
    ISSUES = "issues", gettext_noop("Issues found")
    FAIL = "fail", gettext_noop("Failed")


@dataclass(frozen=True, slots=True)
class Risk:
    key: str
    title: str
    source: RiskSource = RiskSource.INTERNAL
    category: RiskCategory = RiskCategory.OPERATIONAL
    likelihood: int = 3  # 1..5
    impact: int = 3  # 1..5
    response: RiskResponse = RiskResponse.PREVENT
    owner: str | None = None  # position key
    description: str = ""

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True, slots=True)
class ControlRun:
    key: str
    date: dt.date
    result: RunResult = RunResult.PASS
    by: str | None = None  # employee key
    findings: str = ""


@dataclass(frozen=True, slots=True)
class Control:
    key: str
    title: str
    kind: ControlKind = ControlKind.OTHER
    activity: str = ""  # what is done
    every: Cadence | None = None
    owner: str | None = None  # position key
    risks: tuple[str, ...] = ()  # risk keys it covers
    renewal_on: dt.date | None = None  # insurance policies, retainers
    runs: tuple[ControlRun, ...] = ()


@dataclass(frozen=True, slots=True)
class ContingencyPlan:
    key: str
    risk: str  # risk key
    title: str
    trigger: str = ""
    steps: tuple[str, ...] = ()
    owner: str | None = None  # position key
    last_drill: dt.date | None = None
    drill_every: Cadence | None = None
