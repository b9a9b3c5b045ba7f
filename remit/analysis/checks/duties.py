"""Rules for the four steps of job responsibilities (B1–B4) and the structure around them."""

from collections.abc import Iterator
from decimal import Decimal

from remit.analysis.overlap import similar_pairs, tokens
from remit.domain import Organization
from remit.domain.common import gettext_noop as N_
from remit.domain.people import Position, PositionStatus

from ._words import has_action_verb, is_vague
from .engine import Context, Ref, Rule, Severity

AREA = "duties"
Out = Iterator[tuple[str, dict, tuple[Ref, ...]]]


def _live(org: Organization) -> list[Position]:
    """Positions that count: active and planned (archived ones are history)."""
    return [p for p in org.positions.values() if p.status != PositionStatus.ARCHIVED]


def _name(p: Position) -> str:
    return f"{p.title} ({p.key})"


def purpose_missing(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        if p.purpose.is_empty:
            yield (
                N_("{position} has no purpose."),
                {"position": _name(p)},
                (Ref("position", p.key),),
            )


def purpose_incomplete(org: Organization, ctx: Context) -> Out:
    labels = {
        "basis": N_("work basis"),
        "content": N_("work content"),
        "performance": N_("work performance"),
    }
    for p in _live(org):
        if p.purpose.is_empty:
            continue
        missing = [labels[k] for k in labels if not getattr(p.purpose, k).strip()]
        if missing:
            yield (
                N_("The purpose of {position} lacks its {parts}."),
                {"position": _name(p), "parts": ", ".join(missing)},
                (Ref("position", p.key),),
            )


def purpose_not_distinct(org: Organization, ctx: Context) -> Out:
    live = [p for p in _live(org) if not p.purpose.is_empty]
    # The work basis is often the same company-wide guidance; compare what the post does.
    texts = [tokens(f"{p.purpose.content} {p.purpose.performance}") for p in live]
    for pair in similar_pairs(texts, ctx.similarity_threshold):
        a, b = live[pair.i], live[pair.j]
        yield (
            N_("The purposes of {a} and {b} are {similarity} % alike."),
            {"a": _name(a), "b": _name(b), "similarity": round(pair.similarity * 100)},
            (Ref("position", a.key), Ref("position", b.key)),
        )


def areas_count(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        n = len(p.result_areas)
        if n == 0:
            continue  # reported by areas-missing
        if n < ctx.min_areas or n > ctx.max_areas:
            yield (
                N_("{position} has {count} key result areas; {low} to {high} cover a post well."),
                {"position": _name(p), "count": n, "low": ctx.min_areas, "high": ctx.max_areas},
                (Ref("position", p.key),),
            )


def areas_missing(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        if not p.result_areas and not p.purpose.is_empty:
            yield (
                N_("{position} has a purpose but no key result areas."),
                {"position": _name(p)},
                (Ref("position", p.key),),
            )


def weights(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        if not p.result_areas:
            continue
        total = sum((a.weight or Decimal(0)) for a in p.result_areas)
        unweighted = [a.title for a in p.result_areas if a.weight is None]
        if total != 100 or unweighted:
            yield (
                N_("The weights of {position}'s key result areas add up to {total} %, not 100 %."),
                {"position": _name(p), "total": f"{total.normalize():f}"},
                (Ref("position", p.key),),
            )


def area_without_targets(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        for a in p.result_areas:
            if not a.targets:
                yield (
                    N_("The key result area “{area}” of {position} has no targets."),
                    {"area": a.title, "position": _name(p)},
                    (Ref("position", p.key), Ref("result_area", a.key)),
                )


def target_not_measurable(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        for a in p.result_areas:
            for t in a.targets:
                missing = []
                if not t.metric.strip():
                    missing.append(N_("a metric"))
                if not t.target.strip():
                    missing.append(N_("a target value"))
                if t.period is None and t.deadline is None:
                    missing.append(N_("a period or deadline"))
                if missing:
                    yield (
                        N_(
                            "The target “{target}” of {position} is not measurable: it lacks {what}."
                        ),
                        {"target": t.statement, "position": _name(p), "what": ", ".join(missing)},
                        (Ref("position", p.key), Ref("target", t.key)),
                    )


def target_without_responsibilities(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        for a in p.result_areas:
            for t in a.targets:
                if not t.responsibilities:
                    yield (
                        N_("No responsibility of {position} reaches the target “{target}”."),
                        {"target": t.statement, "position": _name(p)},
                        (Ref("position", p.key), Ref("target", t.key)),
                    )


def responsibility_vague(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        for _a, _t, r in org.iter_responsibilities(p):
            if is_vague(r.statement):
                yield (
                    N_("“{statement}” ({position}) is vague: nobody can tell when it is done."),
                    {"statement": r.statement, "position": _name(p)},
                    (Ref("position", p.key), Ref("responsibility", r.key)),
                )
            elif not has_action_verb(r.statement):
                yield (
                    N_("“{statement}” ({position}) does not start with an action verb."),
                    {"statement": r.statement, "position": _name(p)},
                    (Ref("position", p.key), Ref("responsibility", r.key)),
                )


def time_over_100(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        total = sum((r.time_share or Decimal(0)) for _a, _t, r in org.iter_responsibilities(p))
        if total > 100:
            yield (
                # xgettext:no-python-format
                N_("The responsibilities of {position} take {total} % of the time."),
                {"position": _name(p), "total": f"{total.normalize():f}"},
                (Ref("position", p.key),),
            )


def responsibility_duplicated(org: Organization, ctx: Context) -> Out:
    refs = [
        ref
        for ref in org.responsibility_refs.values()
        if ref.position.status != PositionStatus.ARCHIVED
    ]
    texts = [tokens(ref.responsibility.statement) for ref in refs]
    groups = [ref.position.key for ref in refs]
    for pair in similar_pairs(texts, ctx.duplicate_threshold, groups=groups):
        a, b = refs[pair.i], refs[pair.j]
        yield (
            N_("{a} and {b} both own “{statement}” ({similarity} % alike)."),
            {
                "a": _name(a.position),
                "b": _name(b.position),
                "statement": a.responsibility.statement,
                "similarity": round(pair.similarity * 100),
            },
            (
                Ref("position", a.position.key),
                Ref("position", b.position.key),
                Ref("responsibility", a.responsibility.key),
                Ref("responsibility", b.responsibility.key),
            ),
        )


def serves_nothing(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        serves_objective = bool(p.purpose.objectives) or any(
            t.objective for a in p.result_areas for t in a.targets
        )
        dept = org.departments.get(p.department) if p.department else None
        serves_function = dept is not None and bool(dept.function.strip())
        if not serves_objective and not serves_function:
            yield (
                N_("{position} serves no objective and no department function."),
                {"position": _name(p)},
                (Ref("position", p.key),),
            )


def without_manager(org: Organization, ctx: Context) -> Out:
    roots = [p for p in _live(org) if not p.reports_to]
    if len(roots) <= 1:
        return
    size: dict[str, int] = {}

    def subtree(key: str, seen: frozenset = frozenset()) -> int:
        if key in size:
            return size[key]
        if key in seen:
            return 0
        n = 1 + sum(subtree(c.key, seen | {key}) for c in org.subordinates.get(key, []))
        size[key] = n
        return n

    top = max(roots, key=lambda p: (subtree(p.key), p.key == roots[0].key))
    for p in roots:
        if p is not top:
            yield (
                N_("{position} reports to no position (only {top} should be at the top)."),
                {"position": _name(p), "top": _name(top)},
                (Ref("position", p.key),),
            )


def span_of_control(org: Organization, ctx: Context) -> Out:
    for p in _live(org):
        reports = [
            s for s in org.subordinates.get(p.key, []) if s.status != PositionStatus.ARCHIVED
        ]
        people = sum(s.headcount for s in reports)
        if people > ctx.span_limit:
            yield (
                N_("{position} has {count} direct reports; more than {limit} is hard to lead."),
                {"position": _name(p), "count": people, "limit": ctx.span_limit},
                (Ref("position", p.key),),
            )


RULES = (
    Rule(
        "purpose-missing",
        AREA,
        Severity.ERROR,
        N_("Position without a purpose"),
        N_("Write the purpose in its three parts: work basis, work content, work performance."),
        purpose_missing,
    ),
    Rule(
        "purpose-incomplete",
        AREA,
        Severity.WARNING,
        N_("Purpose missing one of its three parts"),
        N_("Complete the missing part of the purpose."),
        purpose_incomplete,
    ),
    Rule(
        "purpose-not-distinct",
        AREA,
        Severity.WARNING,
        N_("Purposes too alike"),
        N_("Say what this post does that no other post does; merge the posts if they are one."),
        purpose_not_distinct,
    ),
    Rule(
        "areas-missing",
        AREA,
        Severity.ERROR,
        N_("Position without key result areas"),
        N_("Decompose the purpose into 3 to 8 key result areas."),
        areas_missing,
    ),
    Rule(
        "areas-count",
        AREA,
        Severity.WARNING,
        N_("Too few or too many key result areas"),
        N_("Merge or split areas so the post has 3 to 8."),
        areas_count,
    ),
    Rule(
        "weights-not-100",
        AREA,
        Severity.ERROR,
        N_("Area weights do not add up to 100 %"),
        N_("Give every area a weight so that they add up to 100 %."),
        weights,
    ),
    Rule(
        "area-without-targets",
        AREA,
        Severity.ERROR,
        N_("Key result area without targets"),
        N_("Add the results this area must achieve."),
        area_without_targets,
    ),
    Rule(
        "target-not-measurable",
        AREA,
        Severity.WARNING,
        N_("Target not measurable"),
        N_("Give the target a metric, a value and a period or deadline."),
        target_not_measurable,
    ),
    Rule(
        "target-without-responsibilities",
        AREA,
        Severity.ERROR,
        N_("Target without responsibilities"),
        N_("Add the activities that reach this target."),
        target_without_responsibilities,
    ),
    Rule(
        "responsibility-vague",
        AREA,
        Severity.WARNING,
        N_("Vague responsibility"),
        N_(
            "Write it as action verb + object + standard, e.g. “Reconcile supplier statements "
            "monthly and clear differences within 5 working days”."
        ),
        responsibility_vague,
    ),
    Rule(
        "time-over-100",
        AREA,
        Severity.ERROR,
        N_("Time shares over 100 %"),
        N_("Reduce the shares of time so they add up to 100 % at most."),
        time_over_100,
    ),
    Rule(
        "responsibility-duplicated",
        AREA,
        Severity.WARNING,
        N_("The same responsibility owned by two positions"),
        N_("Give the responsibility to one position; the other may advise or be informed."),
        responsibility_duplicated,
    ),
    Rule(
        "position-serves-nothing",
        AREA,
        Severity.WARNING,
        N_("Position serving no objective or department function"),
        N_("Link the purpose or a target to an objective, or state the department's function."),
        serves_nothing,
    ),
    Rule(
        "position-without-manager",
        AREA,
        Severity.ERROR,
        N_("Position that reports to no one"),
        N_("Set the position it reports to."),
        without_manager,
    ),
    Rule(
        "span-of-control",
        AREA,
        Severity.WARNING,
        N_("Span of control too wide"),
        N_("Add a level of supervision or move some posts."),
        span_of_control,
    ),
)
