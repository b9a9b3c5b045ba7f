"""Staffing (A7): what each development stage needs, what is filled, what it costs,
and where holders lack the skills their positions require.

Pure Python on the domain snapshot. How the plan is read:

* A staffing line says "this position needs N posts by this date". Its date is its
  ``needed_by``, else its stage's target date; a line with neither is *undated*: it
  counts in its stage's staffing and cost, not on the timeline.
* Within one stage, a position's lines add up (the organisation chart reads a
  stage the same way). A later stage's need for a position replaces the earlier
  stages' need for it, and a position a stage does not name keeps what the earlier
  stages planned: growth does not dismiss the founder. So a stage's *staffing* is
  its own lines plus what earlier stages planned for the positions it does not name.
* The planned headcount on a day is, for every position, the need of the latest
  stage (by order) with a line due by that day, summed over the lines of that stage
  due by then; the filled headcount is the number of assignments active that day
  (primary and acting alike) to the positions the plan names.
* A hire is late when a need is due and the position has fewer holders today.
* A post is vacant when its position (active) has fewer holders than its headcount.
  It has been vacant since the day its holders last fell below its headcount; when it
  never had that many, since it was first needed: its earliest staffing line's date or
  the earliest open recruitment opening for it, whichever is earlier (and not after
  today); else unknown.
"""

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from remit.domain import Organization
from remit.domain.common import Labelled
from remit.domain.common import gettext_noop as N_
from remit.domain.people import (
    Employee,
    EmployeeStatus,
    OpeningStatus,
    PositionStatus,
    Stage,
)

ONE_DAY = dt.timedelta(days=1)


# --- the plan ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Need:
    """One staffing line, with its stage and the date it is due."""

    stage: str
    line: str
    position: str
    headcount: int
    due: dt.date | None  # needed_by, else the stage's target date; None: undated


def stages_in_order(org: Organization) -> list[Stage]:
    """The development stages by order (then target date and key, for equal orders)."""
    return sorted(org.stages.values(), key=lambda s: (s.order, s.target_date or dt.date.max, s.key))


def _rank(org: Organization) -> dict[str, int]:
    return {s.key: i for i, s in enumerate(stages_in_order(org))}


def needs(org: Organization) -> list[Need]:
    """Every staffing line of every stage, stages in order, lines in their order."""
    return [
        Need(s.key, line.key, line.position, line.headcount, line.needed_by or s.target_date)
        for s in stages_in_order(org)
        for line in s.staffing
    ]


@dataclass(frozen=True, slots=True)
class StageNeed:
    """What a stage needs of one position, and where that need comes from."""

    position: str
    headcount: int
    due: dt.date | None  # the latest date of the lines that make it
    stage: str  # the stage whose lines make it (this one, or an earlier one: carried)
    lines: tuple[str, ...]
    carried: bool = False


def stage_staffing(org: Organization, stage_key: str) -> list[StageNeed]:
    """A stage's staffing: its own needs, then those it keeps from earlier stages."""
    rank = _rank(org)
    upto = rank[stage_key]
    by_position: dict[str, dict[str, list[Need]]] = defaultdict(lambda: defaultdict(list))
    for n in needs(org):
        if rank[n.stage] <= upto:
            by_position[n.position][n.stage].append(n)
    own: list[StageNeed] = []
    carried: list[StageNeed] = []
    for position, per_stage in by_position.items():
        latest = max(per_stage, key=lambda s: rank[s])
        lines = per_stage[latest]
        dates = [n.due for n in lines if n.due is not None]
        need = StageNeed(
            position=position,
            headcount=sum(n.headcount for n in lines),
            due=max(dates) if dates else None,
            stage=latest,
            lines=tuple(n.line for n in lines),
            carried=latest != stage_key,
        )
        (carried if need.carried else own).append(need)
    carried.sort(key=lambda n: (rank[n.stage], n.due or dt.date.max, n.position))
    return own + carried


def _planned_by_position(org: Organization) -> dict[str, list[tuple[dt.date, int, int]]]:
    """For each position: (due date, stage rank, headcount) of its dated lines."""
    rank = _rank(org)
    out: dict[str, list[tuple[dt.date, int, int]]] = defaultdict(list)
    for n in needs(org):
        if n.due is not None:
            out[n.position].append((n.due, rank[n.stage], n.headcount))
    return out


def _planned_for(lines: list[tuple[dt.date, int, int]], day: dt.date) -> tuple[int, int | None]:
    """(headcount, stage rank) planned on a day for one position's lines."""
    due = [(r, h) for d, r, h in lines if d <= day]
    if not due:
        return 0, None
    top = max(r for r, _h in due)
    return sum(h for r, h in due if r == top), top


def planned_on(org: Organization, day: dt.date) -> dict[str, int]:
    """The headcount the plan asks of each position on a day (positions with a need only)."""
    out = {}
    for position, lines in _planned_by_position(org).items():
        n = _planned_for(lines, day)[0]
        if n:
            out[position] = n
    return out


def filled_on(org: Organization, day: dt.date) -> dict[str, int]:
    """Active assignments on a day, by position."""
    out: dict[str, int] = defaultdict(int)
    for e in org.employees.values():
        for a in e.assignments:
            if a.active_on(day):
                out[a.position] += 1
    return dict(out)


# --- the timeline -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    day: dt.date
    planned: int
    filled: int | None  # None after today: not known yet


@dataclass(frozen=True, slots=True)
class StageMark:
    key: str
    name: str
    target_date: dt.date | None
    headcount: int  # the stage's whole staffing (its own needs and those it keeps)


@dataclass(frozen=True)
class Timeline:
    """Planned and filled headcount over time, as steps: each point holds until the next."""

    points: tuple[Point, ...]
    milestones: tuple[Point, ...]  # the days the plan changes, the stages' dates, today
    stages: tuple[StageMark, ...]
    today: dt.date
    start: dt.date
    end: dt.date
    planned_today: int
    filled_today: int
    undated: tuple[Need, ...]

    @property
    def empty(self) -> bool:
        return not self.points


def timeline(org: Organization, today: dt.date) -> Timeline:
    """Planned vs filled headcount from the first need or hire to the last need."""
    plan = _planned_by_position(org)
    undated = tuple(n for n in needs(org) if n.due is None)
    marks = tuple(
        StageMark(
            s.key, s.name, s.target_date, sum(n.headcount for n in stage_staffing(org, s.key))
        )
        for s in stages_in_order(org)
    )
    if not plan:
        return Timeline((), (), marks, today, today, today, 0, 0, undated)
    # Filled: +1 on an assignment's first day, -1 on the day after its last.
    changes: dict[dt.date, int] = defaultdict(int)
    for e in org.employees.values():
        for a in e.assignments:
            if a.position in plan:
                changes[a.start] += 1
                if a.end is not None and a.end < dt.date.max:
                    changes[a.end + ONE_DAY] -= 1
    plan_days = sorted({d for lines in plan.values() for d, _r, _h in lines})
    stage_days = [m.target_date for m in marks if m.target_date]
    start = min([*plan_days, *(d for d in changes if changes[d] > 0)])
    end = max([*plan_days, *stage_days, today])
    days = sorted({start, today, *plan_days, *(d for d in changes if start <= d <= end)})
    points: list[Point] = []
    filled = sum(v for d, v in changes.items() if d < start)
    planned_at: dict[dt.date, int] = {}
    plan_set = set(plan_days)
    running_plan = 0
    for d in days:
        filled += changes.get(d, 0)
        if d in plan_set or not points:
            running_plan = sum(_planned_for(lines, d)[0] for lines in plan.values())
        planned_at[d] = running_plan
        points.append(Point(d, running_plan, filled if d <= today else None))

    def at(day: dt.date) -> Point:
        i = bisect_right(days, day)
        p = points[i - 1] if i else Point(day, 0, 0)
        return Point(day, p.planned, p.filled if day <= today else None)

    milestone_days = sorted({*plan_days, *(d for d in stage_days if d >= start), today})
    milestones = tuple(at(d) for d in milestone_days)
    now = at(today)
    return Timeline(
        tuple(points),
        milestones,
        marks,
        today,
        start,
        end,
        now.planned,
        now.filled or 0,
        undated,
    )


# --- late hires, upcoming hires, vacancies -------------------------------------------------


@dataclass(frozen=True, slots=True)
class LateHire:
    position: str
    stage: str
    needed: int
    filled: int
    due: dt.date  # the latest date among the lines that make the need
    days_late: int

    @property
    def missing(self) -> int:
        return self.needed - self.filled


def late_hires(org: Organization, today: dt.date) -> list[LateHire]:
    """Needs that are due while their position has fewer holders today (archived ones aside)."""
    order = stages_in_order(org)
    filled = filled_on(org, today)
    out = []
    for position, lines in _planned_by_position(org).items():
        p = org.positions.get(position)
        if p is not None and p.status == PositionStatus.ARCHIVED:
            continue
        needed, rank = _planned_for(lines, today)
        have = filled.get(position, 0)
        if rank is None or have >= needed:
            continue
        due = max(d for d, r, _h in lines if r == rank and d <= today)
        out.append(LateHire(position, order[rank].key, needed, have, due, (today - due).days))
    out.sort(key=lambda h: (h.due, h.position))
    return out


@dataclass(frozen=True, slots=True)
class UpcomingHire:
    position: str
    stage: str
    needed: int
    filled: int  # holders today
    due: dt.date

    @property
    def to_hire(self) -> int:
        return self.needed - self.filled


def upcoming_hires(org: Organization, today: dt.date) -> list[UpcomingHire]:
    """Needs due after today that today's holders do not cover, soonest first."""
    order = stages_in_order(org)
    filled = filled_on(org, today)
    out = []
    for position, lines in _planned_by_position(org).items():
        p = org.positions.get(position)
        if p is not None and p.status == PositionStatus.ARCHIVED:
            continue
        for day in sorted({d for d, _r, _h in lines if d > today}):
            needed, rank = _planned_for(lines, day)
            have = filled.get(position, 0)
            if rank is not None and needed > have:
                out.append(UpcomingHire(position, order[rank].key, needed, have, day))
    out.sort(key=lambda h: (h.due, h.position))
    return out


@dataclass(frozen=True, slots=True)
class Vacancy:
    position: str
    headcount: int
    filled: int
    since: dt.date | None

    @property
    def vacant(self) -> int:
        return self.headcount - self.filled


def vacancies(org: Organization, today: dt.date) -> list[Vacancy]:
    """Active positions with fewer holders than their headcount, longest vacant first."""
    filled = filled_on(org, today)
    index = _VacancyIndex.of(org, today)
    out = []
    for p in org.positions.values():
        if p.status != PositionStatus.ACTIVE:
            continue
        have = filled.get(p.key, 0)
        if have < p.headcount:
            out.append(Vacancy(p.key, p.headcount, have, index.since(p.key, p.headcount)))
    out.sort(key=lambda v: (v.since or dt.date.max, v.position))
    return out


@dataclass
class _VacancyIndex:
    """What dating a vacancy needs, gathered in one pass over the organisation."""

    today: dt.date
    changes: dict[str, dict[dt.date, int]]  # position -> day -> holders gained (lost)
    first_known: dict[str, dt.date]  # position -> the earliest day it was known to be needed

    @classmethod
    def of(cls, org: Organization, today: dt.date) -> "_VacancyIndex":
        changes: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
        for e in org.employees.values():
            for a in e.assignments:
                if a.start <= today:
                    changes[a.position][a.start] += 1
                    if a.end is not None and a.end < today:
                        changes[a.position][a.end + ONE_DAY] -= 1
        first: dict[str, dt.date] = {}
        known = [(n.position, n.due) for n in needs(org) if n.due is not None]
        known += [
            (o.position, o.opened_on)
            for o in org.openings.values()
            if o.status == OpeningStatus.OPEN
        ]
        for position, day in known:
            # A need still ahead does not date a vacancy.
            if day <= today and (position not in first or day < first[position]):
                first[position] = day
        return cls(today, changes, first)

    def since(self, position: str, headcount: int) -> dt.date | None:
        count, reached, since = 0, False, None
        per_day = self.changes.get(position, {})
        for day in sorted(per_day):
            before = count
            count += per_day[day]
            if count >= headcount:
                reached, since = True, None
            elif reached and before >= headcount:
                since = day
        if count >= headcount:
            return None
        return since if since is not None else self.first_known.get(position)


def vacant_since(org: Organization, position: str, today: dt.date) -> dt.date | None:
    """The day the position's holders last fell below its headcount (see the module's notes)."""
    return _VacancyIndex.of(org, today).since(position, org.positions[position].headcount)


# --- what a stage costs -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CostLine:
    position: str
    headcount: int
    filled: int  # holders today
    monthly_each: Decimal | None  # the grade's monthly cost of one holder; None: unknown
    stage: str  # where the need comes from
    carried: bool

    @property
    def monthly(self) -> Decimal | None:
        return None if self.monthly_each is None else self.monthly_each * self.headcount

    @property
    def monthly_today(self) -> Decimal | None:
        return None if self.monthly_each is None else self.monthly_each * self.filled


@dataclass(frozen=True)
class StageCost:
    stage: str
    lines: tuple[CostLine, ...]
    currency: str

    @property
    def headcount(self) -> int:
        return sum(c.headcount for c in self.lines)

    @property
    def monthly(self) -> Decimal:
        return sum((c.monthly for c in self.lines if c.monthly is not None), Decimal(0))

    @property
    def yearly(self) -> Decimal:
        return self.monthly * 12

    @property
    def uncosted(self) -> int:
        """Planned posts whose position has no grade or whose grade has no monthly cost."""
        return sum(c.headcount for c in self.lines if c.monthly_each is None)


def monthly_cost_of(org: Organization, position: str) -> Decimal | None:
    """What one holder of the position costs per month (its grade's cost), if known."""
    p = org.positions.get(position)
    grade = org.grades.get(p.grade) if p is not None and p.grade else None
    return grade.monthly_cost if grade is not None else None


def stage_cost(org: Organization, stage_key: str, today: dt.date) -> StageCost:
    """What a stage's staffing costs: its grade-based monthly cost per position."""
    filled = filled_on(org, today)
    lines = tuple(
        CostLine(
            n.position,
            n.headcount,
            filled.get(n.position, 0),
            monthly_cost_of(org, n.position),
            n.stage,
            n.carried,
        )
        for n in stage_staffing(org, stage_key)
    )
    return StageCost(stage_key, lines, org.currency)


def stage_costs(org: Organization, today: dt.date) -> list[StageCost]:
    """Every stage's cost, stages in order."""
    return [stage_cost(org, s.key, today) for s in stages_in_order(org)]


# --- skills -------------------------------------------------------------------------------


class CellStatus(Labelled):
    MET = "met", N_("Meets the required level")
    BELOW = "below", N_("Below the required level")
    MISSING = "missing", N_("Not assessed")
    EXTRA = "extra", N_("Not required")
    NONE = "none", N_("Not required")


@dataclass(frozen=True, slots=True)
class Cell:
    required: int | None
    assessed: int | None
    status: CellStatus

    @property
    def gap(self) -> bool:
        return self.status in (CellStatus.BELOW, CellStatus.MISSING)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    position: str
    employee: str | None  # None: a vacant post (its required levels, no one to assess)
    cells: tuple[Cell, ...]
    vacant: int = 0  # for a vacant row: how many posts

    @property
    def gaps(self) -> int:
        return sum(1 for c in self.cells if c.gap)


@dataclass(frozen=True)
class SkillsMatrix:
    departments: tuple[str, ...]
    skills: tuple[str, ...]  # the columns: every skill the positions require
    rows: tuple[MatrixRow, ...]

    @property
    def gaps(self) -> int:
        return sum(r.gaps for r in self.rows)

    def gaps_by_skill(self) -> dict[str, int]:
        return {s: sum(1 for r in self.rows if r.cells[i].gap) for i, s in enumerate(self.skills)}


def _cell(required: int | None, assessed: int | None) -> Cell:
    if required is None:
        return Cell(None, assessed, CellStatus.NONE if assessed is None else CellStatus.EXTRA)
    if assessed is None:
        return Cell(required, None, CellStatus.MISSING)
    return Cell(required, assessed, CellStatus.MET if assessed >= required else CellStatus.BELOW)


def _live(e: Employee) -> bool:
    return e.status != EmployeeStatus.LEFT


def skills_matrix(
    org: Organization,
    departments: Iterable[str],
    today: dt.date,
    *,
    with_people: bool = True,
) -> SkillsMatrix:
    """Holders of the departments' positions × the skills those positions require.

    Without people (a role that may not read assessments), one row per position with
    its required levels only.
    """
    depts = tuple(departments)
    wanted = set(depts)
    positions = [
        p
        for p in org.positions.values()
        if p.department in wanted and p.status != PositionStatus.ARCHIVED
    ]
    positions.sort(key=lambda p: depts.index(p.department))  # stable: snapshot order within
    required = {s.skill for p in positions for s in p.skills}

    def skill_order(key: str) -> tuple:
        s = org.skills.get(key)
        return (s.category.casefold(), s.name.casefold(), key) if s else ("~", key, key)

    skills = tuple(sorted(required, key=skill_order))
    holders = org.holders_index(today) if with_people else {}
    rows: list[MatrixRow] = []
    for p in positions:
        need = {s.skill: s.level for s in p.skills}
        required_only = tuple(Cell(need.get(k), None, CellStatus.NONE) for k in skills)
        if not with_people:
            rows.append(MatrixRow(p.key, None, required_only))
            continue
        people = sorted(
            {e.key: e for e in holders.get(p.key, []) if _live(e)}.values(),
            key=lambda e: (e.name.casefold(), e.key),
        )
        for e in people:
            has = {s.skill: s.level for s in e.skills}
            cells = tuple(_cell(need.get(k), has.get(k)) for k in skills)
            rows.append(MatrixRow(p.key, e.key, cells))
        if p.headcount > len(people):
            rows.append(MatrixRow(p.key, None, required_only, vacant=p.headcount - len(people)))
    return SkillsMatrix(depts, skills, tuple(rows))


@dataclass(frozen=True, slots=True)
class SkillGap:
    employee: str
    position: str
    skill: str
    required: int
    assessed: int | None


def skill_gaps(org: Organization, today: dt.date) -> Iterator[SkillGap]:
    """Every skill a holder lacks, or has below the level, of a position they hold today."""
    for e in org.employees.values():
        if not _live(e):
            continue
        has = {s.skill: s.level for s in e.skills}
        held = dict.fromkeys(e.positions_on(today))
        for key in held:
            p = org.positions.get(key)
            if p is None or p.status == PositionStatus.ARCHIVED:
                continue
            for req in p.skills:
                level = has.get(req.skill)
                if level is None or level < req.level:
                    yield SkillGap(e.key, p.key, req.skill, req.level, level)
