"""A6 — business relations: parties, contacts, and the archive of interactions."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .cadence import Cadence
from .common import Labelled, gettext_noop


class PartyKind(Labelled):
    CUSTOMER_UPSTREAM = "customer_upstream", gettext_noop("Customer (upstream)")
    CUSTOMER_DOWNSTREAM = "customer_downstream", gettext_noop("Customer (downstream)")
    SUPPLIER = "supplier", gettext_noop("Supplier")
    SERVICE_PROVIDER = "service_provider", gettext_noop("Service provider")
    SOCIAL_ORGANISATION = "social_organisation", gettext_noop("Social organisation")
    GOVERNMENT = "government", gettext_noop("Government")
    PARTNER = "partner", gettext_noop("Partner")
    OTHER = "other", gettext_noop("Other")


class Level(Labelled):
    A = "A", gettext_noop("A — key")
    B = "B", gettext_noop("B — important")
    C = "C", gettext_noop("C — routine")


class RelationStatus(Labelled):
    ACTIVE = "active", gettext_noop("Active")
    DORMANT = "dormant", gettext_noop("Dormant")
    ENDED = "ended", gettext_noop("Ended")


class InteractionKind(Labelled):
    MEETING = "meeting", gettext_noop("Meeting")
    CALL = "call", gettext_noop("Call")
    VISIT = "visit", gettext_noop("Visit")
    EMAIL = "email", gettext_noop("Email")
    EVENT = "event", gettext_noop("Event")
    GIFT = "gift", gettext_noop("Gift")
    OTHER = "other", gettext_noop("Other")


@dataclass(frozen=True, slots=True)
class Contact:
    key: str
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Interaction:
    key: str
    date: dt.date
    kind: InteractionKind = InteractionKind.MEETING
    summary: str = ""
    cost: Decimal | None = None
    by: str | None = None  # employee key


@dataclass(frozen=True, slots=True)
class Relation:
    key: str
    name: str
    kind: PartyKind
    level: Level = Level.B
    contact_every: Cadence | None = None  # maintenance frequency
    annual_budget: Decimal | None = None
    owner: str | None = None  # position key
    mechanism: str = ""  # service mechanism: how the relation is maintained
    status: RelationStatus = RelationStatus.ACTIVE
    description: str = ""
    contacts: tuple[Contact, ...] = ()
    interactions: tuple[Interaction, ...] = ()
