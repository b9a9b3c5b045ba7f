"""A4 — resources: inventory, needs from the plan, and how each gap is filled."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .common import Labelled, gettext_noop


class ResourceCategory(Labelled):
    CAPITAL = "capital", gettext_noop("Capital")
    TECHNOLOGY = "technology", gettext_noop("Technology")
    CUSTOMER_RELATIONS = "customer_relations", gettext_noop("Customer relations")
    GOVERNMENT_RELATIONS = "government_relations", gettext_noop("Government relations")
    CUSTOMERS = "customers", gettext_noop("Customers")
    PEOPLE = "people", gettext_noop("People")
    FACILITIES = "facilities", gettext_noop("Facilities")
    OTHER = "other", gettext_noop("Other")


class AcquisitionMethod(Labelled):
    EXCHANGE = "exchange", gettext_noop("Exchange")
    ACCUMULATE = "accumulate", gettext_noop("Accumulate")
    PURCHASE = "purchase", gettext_noop("Purchase")
    BORROW = "borrow", gettext_noop("Borrow")
    CULTIVATE = "cultivate", gettext_noop("Cultivate early")
    COMPETE = "compete", gettext_noop("Compete for it")


class AcquisitionStatus(Labelled):
    PLANNED = "planned", gettext_noop("Planned")
    IN_PROGRESS = "in_progress", gettext_noop("In progress")
    DONE = "done", gettext_noop("Done")
    CANCELLED = "cancelled", gettext_noop("Cancelled")


@dataclass(frozen=True, slots=True)
class Resource:
    key: str
    name: str
    category: ResourceCategory = ResourceCategory.OTHER
    quantity: Decimal | None = None
    unit: str = ""
    value: Decimal | None = None  # monetary value, in the organisation's currency
    owner: str | None = None  # position key
    description: str = ""


@dataclass(frozen=True, slots=True)
class ResourceNeed:
    key: str
    plan_item: str  # plan item key
    resource: str | None = None  # resource key; or only a category
    category: ResourceCategory | None = None
    quantity: Decimal | None = None
    unit: str = ""
    needed_by: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Acquisition:
    key: str
    need: str  # resource need key
    method: AcquisitionMethod = AcquisitionMethod.PURCHASE
    quantity: Decimal | None = None
    owner: str | None = None  # position key
    due: dt.date | None = None
    cost: Decimal | None = None
    status: AcquisitionStatus = AcquisitionStatus.PLANNED
    note: str = ""
