"""Check rules of personnel (A7): staffing against the stages' plan, vacancies, skill gaps.

Registered in remit/analysis/checks/__init__.py. How needs, holders and "vacant since"
are read is explained in :mod:`remit.analysis.staffing`.
"""

from collections.abc import Iterator

from remit.analysis import staffing
from remit.domain import Organization
from remit.domain.common import gettext_noop as N_

from .engine import Context, Ref, Rule, Severity

AREA = "people"
Out = Iterator[tuple[str, dict, tuple[Ref, ...]]]


def _position(org: Organization, key: str) -> str:
    p = org.positions.get(key)
    return f"{p.title} ({key})" if p is not None else key


def _employee(org: Organization, key: str) -> str:
    e = org.employees.get(key)
    return f"{e.name} ({key})" if e is not None else key


def _skill(org: Organization, key: str) -> str:
    s = org.skills.get(key)
    return f"{s.name} ({key})" if s is not None else key


def staffing_late(org: Organization, ctx: Context) -> Out:
    for h in staffing.late_hires(org, ctx.today):
        stage = org.stages[h.stage]
        yield (
            N_(
                "{position} was needed {needed} times by {due} ({stage}); {filled} hold it, "
                "{days} days late."
            ),
            {
                "position": _position(org, h.position),
                "needed": h.needed,
                "due": h.due.isoformat(),
                "stage": stage.name,
                "filled": h.filled,
                "days": h.days_late,
            },
            (Ref("position", h.position), Ref("stage", h.stage)),
        )


def position_vacant(org: Organization, ctx: Context) -> Out:
    for v in staffing.vacancies(org, ctx.today):
        if v.since is None:
            continue  # never filled and never planned: no day to count from
        days = (ctx.today - v.since).days
        if days <= ctx.vacancy_grace_days:
            continue
        yield (
            N_("{position} has {vacant} of {headcount} posts vacant since {since} ({days} days)."),
            {
                "position": _position(org, v.position),
                "vacant": v.vacant,
                "headcount": v.headcount,
                "since": v.since.isoformat(),
                "days": days,
            },
            (Ref("position", v.position),),
        )


def skill_gap(org: Organization, ctx: Context) -> Out:
    for g in staffing.skill_gaps(org, ctx.today):
        params = {
            "employee": _employee(org, g.employee),
            "position": _position(org, g.position),
            "skill": _skill(org, g.skill),
            "required": g.required,
            "assessed": g.assessed,
        }
        refs = (Ref("employee", g.employee), Ref("position", g.position), Ref("skill", g.skill))
        if g.assessed is None:
            yield (
                N_(
                    "{employee} holds {position}, which requires {skill} at level {required}; "
                    "it has not been assessed."
                ),
                params,
                refs,
            )
        else:
            yield (
                N_(
                    "{employee} holds {position}, which requires {skill} at level {required}; "
                    "assessed at {assessed}."
                ),
                params,
                refs,
            )


RULES: tuple[Rule, ...] = (
    Rule(
        "staffing-late",
        AREA,
        Severity.WARNING,
        N_("Hire late for a development stage"),
        N_(
            "Hire or move someone into the position, or change the stage's staffing plan "
            "if the need has changed."
        ),
        staffing_late,
    ),
    Rule(
        "position-vacant",
        AREA,
        Severity.WARNING,
        N_("Post vacant too long"),
        N_(
            "Fill the post (open a recruitment), or lower the position's headcount if the "
            "post is no longer needed."
        ),
        position_vacant,
    ),
    Rule(
        "skill-gap",
        AREA,
        Severity.WARNING,
        N_("Holder lacks a skill the position requires"),
        N_("Plan training and assess the skill again, or record the assessment if it was done."),
        skill_gap,
    ),
)

# --- lifecycle rules (people_lifecycle.py) ---
# Part of the same area, written beside the employees' lifecycle; included when present.
try:
    from .people_lifecycle import RULES as _LIFECYCLE_RULES
except ModuleNotFoundError as exc:  # not written yet; any other import error is a bug
    if exc.name != f"{__package__}.people_lifecycle":
        raise
    _LIFECYCLE_RULES = ()
RULES = (*RULES, *_LIFECYCLE_RULES)
