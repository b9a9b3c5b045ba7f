"""The workload generator: deterministic, sized, consistent, and flawed exactly where it says."""

import datetime as dt
import hashlib
import math
import os
import subprocess
import sys
from collections import Counter, defaultdict
from itertools import combinations

import pytest

from remit.domain.common import is_key
from remit.domain.organization import Organization
from remit.domain.people import EmployeeStatus, HandoverItemKind, PositionStatus
from remit.domain.plan import PlanItem
from remit.domain.relations import RelationStatus
from remit.orgfile.generate import (
    DUPLICATE_SHARE,
    NEAR_DUPLICATE_SIMILARITY,
    REFERENCE_DATE,
    SIZES,
    Truth,
    generate,
    generate_with_truth,
    similarity,
    statement_words,
)


@pytest.fixture(scope="module")
def small() -> tuple[Organization, Truth]:
    return generate_with_truth("S", 3)


@pytest.fixture(scope="module")
def medium() -> tuple[Organization, Truth]:
    return generate_with_truth("M", 5)


@pytest.fixture(params=["S", "M"])
def sized(request, small, medium) -> tuple[str, Organization, Truth]:
    org, truth = small if request.param == "S" else medium
    return request.param, org, truth


# --- determinism ---------------------------------------------------------------------


def test_same_seed_gives_an_equal_organisation(small):
    again, truth = generate_with_truth("S", 3)
    assert again == small[0]
    assert truth == small[1]


def test_another_seed_or_day_gives_another_organisation(small):
    assert generate("S", 4) != small[0]
    assert generate("S", 3, today=dt.date(2027, 3, 1)) != small[0]


def _digest_in_subprocess(hash_seed: str) -> str:
    code = (
        "import hashlib; from remit.orgfile.generate import generate_with_truth; "
        "print(hashlib.sha256(repr(generate_with_truth('S', 8)).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_output_does_not_depend_on_string_hashing():
    # Iterating a set of strings, or hashing them, would differ between these processes.
    digests = {_digest_in_subprocess(seed) for seed in ("1", "2")}
    here = hashlib.sha256(repr(generate_with_truth("S", 8)).encode()).hexdigest()
    assert digests == {here}


def test_unknown_size_is_refused():
    with pytest.raises(ValueError, match="unknown size"):
        generate("XL", 1)


# --- sizes ----------------------------------------------------------------------------


def _near(actual: int, expected: float) -> bool:
    return abs(actual - expected) <= 0.15 * expected


def test_counts_follow_the_size(sized):
    size, org, _ = sized
    n = SIZES[size]
    assert len(org.positions) == n
    assert _near(len(org.departments), n / 8)
    assert _near(len(org.responsibility_refs), 40 * n)
    assert _near(len(org.employees), 5 * n)
    assert _near(len(org.plan), 1.5 * n)
    assert len(org.objectives) == 5 + n // 200
    assert len(org.grades) == 8
    assert len(org.stages) == 3
    assert all(stage.staffing for stage in org.stages.values())
    assert len(org.skills) >= (30 if size == "S" else 200)
    months = Counter(line.category for line in org.finance.values())
    assert months and set(months.values()) == {12}
    for name in (
        "openings", "handovers", "resources", "resource_needs", "acquisitions", "checkins",
        "problems", "relations", "risks", "controls", "contingency_plans", "lessons",
        "procedures", "training",
    ):  # fmt: skip
        assert getattr(org, name), name
    assert org.values is not None and org.values.choices


def test_positions_have_four_steps(sized):
    _, org, truth = sized
    without = set(truth.positions_without_purpose)
    for p in org.positions.values():
        assert 3 <= len(p.result_areas) <= 6, p.key
        assert p.purpose.is_empty == (p.key in without), p.key
        for a in p.result_areas:
            assert 1 <= len(a.targets) <= 3, a.key
            for t in a.targets:
                assert t.metric and t.target and t.period, t.key
                assert t.responsibilities, t.key
        shares = [r.time_share for _, _, r in org.iter_responsibilities(p)]
        assert sum(shares) == 100, p.key
    vague = set(truth.vague)
    assert all(
        len(r.responsibility.statement.split()) >= 8
        for key, r in org.responsibility_refs.items()
        if key not in vague
    )


def test_statements_are_never_exact_duplicates(sized):
    _, org, _ = sized
    statements = [r.responsibility.statement for r in org.responsibility_refs.values()]
    assert len(set(statements)) == len(statements)


# --- references, keys, trees ----------------------------------------------------------


def _dangling(org: Organization) -> list[str]:
    """Every reference that does not resolve, as 'where -> key'."""
    bad: list[str] = []

    def check(where: str, key: str | None, collection) -> None:
        if key is not None and key not in collection:
            bad.append(f"{where} -> {key}")

    positions, employees, plan = org.positions, org.employees, org.plan
    for d in org.departments.values():
        check(d.key, d.parent, org.departments)
    for p in positions.values():
        check(p.key, p.department, org.departments)
        check(p.key, p.reports_to, positions)
        check(p.key, p.grade, org.grades)
        for s in p.skills:
            check(s.key, s.skill, org.skills)
        for o in p.purpose.objectives:
            check(p.key, o, org.objectives)
        for _a, t, r in org.iter_responsibilities(p):
            check(t.key, t.objective, org.objectives)
            for proc in r.procedures:
                check(r.key, proc, org.procedures)
    for stage in org.stages.values():
        for line in stage.staffing:
            check(line.key, line.position, positions)
    for e in employees.values():
        for a in e.assignments:
            check(a.key, a.position, positions)
        for s in e.skills:
            check(s.key, s.skill, org.skills)
        for ev in e.events:
            check(ev.key, ev.position, positions)
            check(ev.key, ev.to_position, positions)
            check(ev.key, ev.procedure, org.procedures)
    for o in org.openings.values():
        check(o.key, o.position, positions)
        check(o.key, o.hired, employees)
    refs = {
        HandoverItemKind.RESPONSIBILITY: org.responsibility_refs,
        HandoverItemKind.RELATION: org.relations,
        HandoverItemKind.RESOURCE: org.resources,
        HandoverItemKind.CONTROL: org.controls,
        HandoverItemKind.PROCEDURE: org.procedures,
        HandoverItemKind.PLAN_ITEM: plan,
        HandoverItemKind.PROBLEM: org.problems,
        HandoverItemKind.ACQUISITION: org.acquisitions,
        HandoverItemKind.OBJECTIVE: org.objectives,
    }
    for h in org.handovers.values():
        check(h.key, h.employee, employees)
        check(h.key, h.position, positions)
        for item in h.items:
            check(item.key, item.successor, employees)
            check(item.key, item.ref, refs[item.kind])
    for o in org.objectives.values():
        check(o.key, o.owner, positions)
    for it in plan.values():
        check(it.key, it.parent, plan)
        check(it.key, it.objective, org.objectives)
        check(it.key, it.owner, positions)
        check(it.key, it.assignee, employees)
        for d in it.depends_on:
            check(it.key, d, plan)
    for r in org.resources.values():
        check(r.key, r.owner, positions)
    for n in org.resource_needs.values():
        check(n.key, n.plan_item, plan)
        check(n.key, n.resource, org.resources)
    for a in org.acquisitions.values():
        check(a.key, a.need, org.resource_needs)
        check(a.key, a.owner, positions)
    for c in org.checkins.values():
        check(c.key, c.plan_item, plan)
        check(c.key, c.author, employees)
    for pr in org.problems.values():
        check(pr.key, pr.plan_item, plan)
        check(pr.key, pr.raised_by, employees)
        check(pr.key, pr.owner, positions)
    for rel in org.relations.values():
        check(rel.key, rel.owner, positions)
        for i in rel.interactions:
            check(i.key, i.by, employees)
    for risk in org.risks.values():
        check(risk.key, risk.owner, positions)
    for c in org.controls.values():
        check(c.key, c.owner, positions)
        for r in c.risks:
            check(c.key, r, org.risks)
        for run in c.runs:
            check(run.key, run.by, employees)
    for cp in org.contingency_plans.values():
        check(cp.key, cp.risk, org.risks)
        check(cp.key, cp.owner, positions)
    for lesson in org.lessons.values():
        check(lesson.key, lesson.author, employees)
    for proc in org.procedures.values():
        check(proc.key, proc.owner, positions)
        for p in proc.positions:
            check(proc.key, p, positions)
        for lesson in proc.lessons:
            check(proc.key, lesson, org.lessons)
    for tr in org.training.values():
        check(tr.key, tr.employee, employees)
        check(tr.key, tr.procedure, org.procedures)
    return bad


def test_every_reference_resolves(sized):
    _, org, _ = sized
    assert _dangling(org) == []


def _nested(org: Organization):
    """Every keyed child inside a top-level entity."""
    for p in org.positions.values():
        yield from p.skills
        for a in p.result_areas:
            yield a
            for t in a.targets:
                yield t
                yield from t.responsibilities
    for o in org.objectives.values():
        yield from o.measurements
    for rel in org.relations.values():
        yield from rel.contacts
        yield from rel.interactions
    for c in org.controls.values():
        yield from c.runs
    for proc in org.procedures.values():
        yield from proc.steps
    for stage in org.stages.values():
        yield from stage.staffing
    for e in org.employees.values():
        yield from e.assignments
        yield from e.skills
        yield from e.events
    for o in org.openings.values():
        yield from o.candidates
    for h in org.handovers.values():
        yield from h.items


def test_keys_are_valid_and_unique_per_type(sized):
    _, org, _ = sized
    for name in (
        "departments", "grades", "positions", "skills", "stages", "employees", "openings",
        "handovers", "objectives", "plan", "resources", "resource_needs", "acquisitions",
        "checkins", "problems", "finance", "relations", "risks", "controls",
        "contingency_plans", "lessons", "procedures", "training",
    ):  # fmt: skip
        for key, item in getattr(org, name).items():
            assert is_key(key) and item.key == key, (name, key)
    seen: dict[str, set[str]] = defaultdict(set)
    for child in _nested(org):
        kind = type(child).__name__
        assert is_key(child.key), (kind, child.key)
        assert child.key not in seen[kind], (kind, child.key)
        seen[kind].add(child.key)


def _is_tree(parent: dict[str, str | None]) -> bool:
    """One root, and every node reaches it without a cycle."""
    if sum(1 for p in parent.values() if p is None) != 1:
        return False
    done: set[str] = set()
    for start in parent:
        path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done:
            if node in path:
                return False
            path.add(node)
            node = parent[node]
        done |= path
    return True


def test_reports_to_and_departments_are_trees(sized):
    _, org, _ = sized
    assert _is_tree({k: p.reports_to for k, p in org.positions.items()})
    assert _is_tree({k: d.parent for k, d in org.departments.items()})
    assert [p.key for p in org.subordinates[None]] == ["CEO"]


def _has_cycle(plan: dict[str, PlanItem]) -> bool:
    edges = {k: [*it.depends_on, *([it.parent] if it.parent else [])] for k, it in plan.items()}
    indegree = Counter(d for deps in edges.values() for d in deps)
    todo = [k for k in plan if not indegree[k]]
    removed = 0
    while todo:
        k = todo.pop()
        removed += 1
        for d in edges[k]:
            indegree[d] -= 1
            if not indegree[d]:
                todo.append(d)
    return removed != len(plan)


def test_plan_is_a_tree_with_acyclic_dependencies(sized):
    _, org, _ = sized
    assert not _has_cycle(org.plan)
    kinds = {"goal": None, "stage": "goal", "project": "stage", "task": "project"}
    for it in org.plan.values():
        parent = org.plan[it.parent].kind.value if it.parent else None
        assert parent == kinds[it.kind.value], it.key
        if it.parent:
            p = org.plan[it.parent]
            assert p.start <= it.start and it.due <= p.due, it.key
    assert any(it.depends_on for it in org.plan.values())


def test_assignments_fill_the_headcount_with_some_vacancies(sized):
    _, org, _ = sized
    today = REFERENCE_DATE
    holders = Counter(
        a.position
        for e in org.employees.values()
        for a in e.assignments
        if a.primary and a.active_on(today) and e.status is not EmployeeStatus.LEFT
    )
    slots = filled = 0
    for p in org.positions.values():
        assert holders[p.key] <= p.headcount, p.key
        if p.status is PositionStatus.ACTIVE:
            slots += p.headcount
            filled += holders[p.key]
        else:
            assert not holders[p.key], p.key
    assert 0.85 <= filled / slots < 1.0
    assert any(e.status is EmployeeStatus.LEFT for e in org.employees.values())


def test_nothing_recorded_happens_after_today():
    today = dt.date(2027, 6, 15)
    org = generate("S", 2, today=today)
    past = [
        *(e.hired_on for e in org.employees.values()),
        *(a.start for e in org.employees.values() for a in e.assignments),
        *(c.date for c in org.checkins.values()),
        *(p.raised_on for p in org.problems.values()),
        *(i.date for r in org.relations.values() for i in r.interactions),
        *(run.date for c in org.controls.values() for run in c.runs),
        *(m.date for o in org.objectives.values() for m in o.measurements),
        *(t.date for t in org.training.values()),
        *(lesson.date for lesson in org.lessons.values()),
    ]
    assert max(past) <= today
    assert max(line.period for line in org.finance.values()) == dt.date(2027, 6, 1)


# --- planted flaws: exactly where the truth says ----------------------------------------


def test_weights_add_to_100_except_where_planted(sized):
    _, org, truth = sized
    unbalanced = {
        p.key for p in org.positions.values() if sum(a.weight for a in p.result_areas) != 100
    }
    assert unbalanced == set(truth.unbalanced_weights)
    assert all(a.weight % 5 == 0 for p in org.positions.values() for a in p.result_areas)


def _assert_planted_exactly(org: Organization, truth: Truth, today: dt.date) -> None:
    """Each planted flaw is where the truth says, and nowhere else."""
    assert {p.key for p in org.positions.values() if p.purpose.is_empty} == set(
        truth.positions_without_purpose
    )
    unbalanced = {
        p.key for p in org.positions.values() if sum(a.weight for a in p.result_areas) != 100
    }
    assert unbalanced == set(truth.unbalanced_weights)
    assert set(org.objectives) - set(org.objective_carriers) == set(truth.uncarried_objectives)
    overdue = {
        c.key
        for c in org.controls.values()
        if c.every and c.every.next_due(max(r.date for r in c.runs), today=today) < today
    }
    assert overdue == set(truth.overdue_controls)
    plan = org.plan
    conflicts = {(k, d) for k, it in plan.items() for d in it.depends_on if plan[d].due > it.start}
    assert conflicts == set(truth.plan_conflicts)
    late = {k for k, it in plan.items() if it.is_open and it.due < today}
    assert late == set(truth.overdue_plan_items)
    assert {k for k, it in plan.items() if not it.owner} == set(truth.unowned_plan_items)
    vague = [org.responsibility_refs[k] for k in truth.vague]
    assert len({r.position.key for r in vague}) == len(vague)
    assert all(r.responsibility.frequency is None for r in vague)


def test_other_planted_flaws_are_exactly_the_truth(sized):
    _, org, truth = sized
    _assert_planted_exactly(org, truth, REFERENCE_DATE)


def test_planted_counts_follow_the_documented_shares(sized):
    _, org, truth = sized
    n = len(org.positions)
    assert len(truth.vague) == min(40, max(3, n // 250))
    assert len(truth.positions_without_purpose) == max(2, n // 300)
    assert len(truth.unbalanced_weights) == max(2, n // 200)
    assert len(truth.uncarried_objectives) == max(1, len(org.objectives) // 20)
    assert len(truth.overdue_controls) == max(1, len(org.controls) // 40)
    k = max(1, len(org.plan) // 500)
    assert len(truth.plan_conflicts) == len(truth.overdue_plan_items) == k
    assert len(truth.unowned_plan_items) == k


@pytest.mark.parametrize("seed", range(10, 20))
def test_small_companies_of_other_seeds_hold_the_invariants(seed):
    org, truth = generate_with_truth("S", seed)
    assert _dangling(org) == []
    assert _is_tree({k: p.reports_to for k, p in org.positions.items()})
    assert _is_tree({k: d.parent for k, d in org.departments.items()})
    assert not _has_cycle(org.plan)
    _assert_planted_exactly(org, truth, REFERENCE_DATE)
    found = _near_pairs(_items(org), NEAR_DUPLICATE_SIMILARITY)
    assert found == {frozenset(pair) for pair in truth.duplicates}


def test_everything_else_is_within_its_cadence(sized):
    _, org, _ = sized
    today = REFERENCE_DATE
    for rel in org.relations.values():
        if rel.status is RelationStatus.ACTIVE and rel.contact_every:
            last = max(i.date for i in rel.interactions)
            assert rel.contact_every.next_due(last, today=today) >= today, rel.key
    for proc in org.procedures.values():
        if proc.last_reviewed and proc.review_every:
            assert proc.review_every.next_due(proc.last_reviewed, today=today) >= today, proc.key
    for cp in org.contingency_plans.values():
        assert cp.drill_every.next_due(cp.last_drill, today=today) >= today, cp.key


# --- near-duplicates ------------------------------------------------------------------


def _near_pairs(
    items: list[tuple[str, str, str]], threshold: float, probes: set[int] | None = None
) -> set[frozenset[str]]:
    """Pairs of items of different groups whose word sets are at least ``threshold`` similar.

    ``items`` are (key, group, text). Exact, by prefix filtering: with the words of every
    set in one global order (rarest first), two sets that similar share their overlap's
    first three words within their first ``len − ceil(threshold × len) + 3`` words. With
    ``probes`` (item indexes), only the pairs involving one of those items.
    """
    k = 3
    sets = [statement_words(text) for _, _, text in items]
    freq = Counter(w for s in sets for w in s)
    rank = {w: i for i, w in enumerate(sorted(freq, key=lambda w: (freq[w], w)))}

    def keys(s: frozenset[str]):
        words = sorted(rank[w] for w in s)
        return combinations(words[: len(words) - math.ceil(threshold * len(words)) + k], k)

    wanted = None if probes is None else {c for i in probes for c in keys(sets[i])}
    index: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for c in keys(s):
            if wanted is None or c in wanted:
                index[c].append(i)
    out: set[frozenset[str]] = set()
    for i in sorted(probes) if probes is not None else range(len(sets)):
        for c in keys(sets[i]):
            for j in index[c]:
                if j == i or items[i][1] == items[j][1]:
                    continue
                inter = len(sets[i] & sets[j])
                if inter >= threshold * (len(sets[i]) + len(sets[j]) - inter):
                    out.add(frozenset((items[i][0], items[j][0])))
    return out


def test_duplicates_are_near_copies_from_other_positions(sized):
    _, org, truth = sized
    refs = org.responsibility_refs
    share = len(truth.duplicates) / len(refs)
    assert DUPLICATE_SHARE - 0.003 <= share <= DUPLICATE_SHARE + 0.001, share
    copies = [c for _, c in truth.duplicates]
    originals = [o for o, _ in truth.duplicates]
    assert len(set(copies)) == len(copies) and len(set(originals)) == len(originals)
    assert not set(originals) & set(copies)
    for original, copy in truth.duplicates:
        a, b = refs[original], refs[copy]
        assert a.position.key != b.position.key
        assert a.responsibility.statement != b.responsibility.statement
        assert (
            similarity(a.responsibility.statement, b.responsibility.statement)
            >= NEAR_DUPLICATE_SIMILARITY
        )


def _items(org: Organization) -> list[tuple[str, str, str]]:
    return [
        (k, r.position.key, r.responsibility.statement) for k, r in org.responsibility_refs.items()
    ]


def test_only_planted_pairs_are_near_duplicates_small(small):
    org, truth = small
    found = _near_pairs(_items(org), NEAR_DUPLICATE_SIMILARITY)
    assert found == {frozenset(pair) for pair in truth.duplicates}


def test_only_planted_pairs_are_near_duplicates_medium_sample(medium):
    org, truth = medium
    items = _items(org)
    # Every 20th responsibility against all 40,000: exact for the pairs it touches.
    probes = set(range(0, len(items), 20))
    found = _near_pairs(items, NEAR_DUPLICATE_SIMILARITY, probes)
    planted = {frozenset(pair) for pair in truth.duplicates}
    touched = {pair for pair in planted if any(items[i][0] in pair for i in probes)}
    assert found == touched
    assert len(touched) > 50
