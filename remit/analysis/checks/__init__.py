"""The check engine: an explicit registry of rules that run on the domain snapshot.

``run(org, ctx)`` returns every finding; the same code checks an organisation
file (no database) and an organisation loaded from the database.
"""

from remit.domain import Organization

from . import duties, people, plan, resources, strategy
from .engine import SEVERITY_ORDER, Context, Finding, Ref, Rule, Severity

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (*duties.RULES, *strategy.RULES, *plan.RULES, *resources.RULES, *people.RULES)
}


def run(org: Organization, ctx: Context, *, codes: set[str] | None = None) -> list[Finding]:
    """Every finding of every rule (or of the rules named in ``codes``), most severe first."""
    findings: list[Finding] = []
    for code, rule in RULES.items():
        if codes is None or code in codes:
            findings.extend(rule.run(org, ctx))
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.area, f.code, f.entities))
    return findings


__all__ = ["RULES", "Context", "Finding", "Ref", "Rule", "Severity", "run"]
