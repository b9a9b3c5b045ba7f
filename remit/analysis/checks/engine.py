"""The check engine's types: rules look at a snapshot and report findings."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from remit.domain import Organization


class Severity(StrEnum):
    ERROR = "error"  # the organisation is wrong or incomplete where it matters
    WARNING = "warning"  # probably wrong; look at it
    INFO = "info"  # worth knowing


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Ref:
    """An entity a finding names: its kind (``position``, ``objective`` …) and key."""

    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    area: str
    template: str  # English message with {placeholders}; translated by the caller
    # params: values for the placeholders; a tuple holds labels to translate and list
    params: dict[str, Any] = field(hash=False)
    refs: tuple[Ref, ...] = ()
    fix: str = ""

    @property
    def message(self) -> str:
        return self.render(lambda text: text)

    def render(self, translate) -> str:
        """The message in a language: the template and any listed labels translated."""
        params = {
            k: ", ".join(translate(x) for x in v) if isinstance(v, tuple) else v
            for k, v in self.params.items()
        }
        return translate(self.template).format(**params)

    @property
    def entities(self) -> list[str]:
        return [r.key for r in self.refs]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form scripts rely on."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "area": self.area,
            "message": self.message,
            "entities": self.entities,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class Context:
    """What rules need besides the snapshot. Defaults are Remit's documented limits."""

    today: dt.date
    similarity_threshold: float = 0.6  # purposes this alike are "not distinct"
    duplicate_threshold: float = 0.75  # responsibilities this alike are "the same"
    span_limit: int = 8  # direct reports a position should have at most
    min_areas: int = 3
    max_areas: int = 8
    at_risk_margin: float = 0.1  # forecast short of target by up to 10 % of the way: at risk
    vacancy_grace_days: int = 90  # a post may stay unfilled this long before it is a finding
    stale_measurement_days: int = 120  # an objective not measured for this long: a note


@dataclass(frozen=True)
class Rule:
    code: str
    area: str
    severity: Severity
    title: str  # what the rule looks for, in a few words
    fix: str  # how to fix a finding, in plain words
    check: Callable[[Organization, Context], Iterable[tuple[str, dict[str, Any], tuple[Ref, ...]]]]

    def run(self, org: Organization, ctx: Context) -> list[Finding]:
        return [
            Finding(self.code, self.severity, self.area, template, params, refs, self.fix)
            for template, params, refs in self.check(org, ctx)
        ]
