"""A1 — the owner's value orientation: what the owner really wants, ranked, in their words."""

from dataclasses import dataclass

from .common import Labelled, gettext_noop


class Value(Labelled):
    WEALTH = "wealth", gettext_noop("Wealth")
    QUALITY_OF_LIFE = "quality_of_life", gettext_noop("Quality of life")
    FAMILY = "family", gettext_noop("Family")
    SELF_REALISATION = "self_realisation", gettext_noop("Self-realisation")
    STATUS = "status", gettext_noop("Social status / fame")
    OTHER = "other", gettext_noop("Other")


class Visibility(Labelled):
    """Who besides owners may read the values."""

    OWNERS = "owners", gettext_noop("Owners only")
    ADMINS = "admins", gettext_noop("Owners and admins")
    MANAGERS = "managers", gettext_noop("Owners, admins and managers")


@dataclass(frozen=True, slots=True)
class ValueChoice:
    value: Value
    rank: int  # 1 = what the owner wants most
    words: str = ""  # the owner's own words for this value
    label: str = ""  # the name of an "other" value


@dataclass(frozen=True, slots=True)
class ValueOrientation:
    statement: str = ""  # the owner's own words, overall
    visibility: Visibility = Visibility.OWNERS
    choices: tuple[ValueChoice, ...] = ()

    def choice(self, value: Value) -> ValueChoice | None:
        return next((c for c in self.choices if c.value == value), None)
