"""The organisation snapshot: everything Remit knows about one company, by key.

Built from the database (``remit.org.snapshot``) or from an organisation file
(``remit.orgfile``); checks, diagrams, documents and reports run on it. Entities
refer to each other by key; the indexes below resolve those references once.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .control import ContingencyPlan, Control, Risk
from .duties import JobDescriptionVersion, Responsibility, ResultArea, Target
from .methods import Lesson, Procedure, TrainingRecord
from .people import Department, Employee, Grade, Handover, Opening, Position, Skill, Stage
from .plan import PlanItem
from .relations import Relation
from .resources import Acquisition, Resource, ResourceNeed
from .strategy import Objective
from .transparency import CheckIn, FinanceLine, Problem
from .values import ValueOrientation


@dataclass(frozen=True, slots=True)
class ResponsibilityRef:
    """A responsibility with the path that owns it."""

    position: Position
    area: ResultArea
    target: Target
    responsibility: Responsibility


@dataclass(frozen=True)
class Organization:
    name: str
    slug: str = ""
    language: str = "en"
    currency: str = "EUR"
    fiscal_year_start: int = 1
    values: ValueOrientation | None = None
    # A7 personnel (and the positions that carry B1–B4)
    departments: dict[str, Department] = field(default_factory=dict)
    grades: dict[str, Grade] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)
    stages: dict[str, Stage] = field(default_factory=dict)
    employees: dict[str, Employee] = field(default_factory=dict)
    openings: dict[str, Opening] = field(default_factory=dict)
    handovers: dict[str, Handover] = field(default_factory=dict)
    # A2–A5
    objectives: dict[str, Objective] = field(default_factory=dict)
    plan: dict[str, PlanItem] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    resource_needs: dict[str, ResourceNeed] = field(default_factory=dict)
    acquisitions: dict[str, Acquisition] = field(default_factory=dict)
    checkins: dict[str, CheckIn] = field(default_factory=dict)
    problems: dict[str, Problem] = field(default_factory=dict)
    finance: dict[str, FinanceLine] = field(default_factory=dict)
    # A6, A8, A9
    relations: dict[str, Relation] = field(default_factory=dict)
    risks: dict[str, Risk] = field(default_factory=dict)
    controls: dict[str, Control] = field(default_factory=dict)
    contingency_plans: dict[str, ContingencyPlan] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    training: dict[str, TrainingRecord] = field(default_factory=dict)
    # B: approved, frozen job descriptions
    job_descriptions: dict[str, JobDescriptionVersion] = field(default_factory=dict)

    # --- the four steps, flattened ---------------------------------------------------

    @cached_property
    def responsibility_refs(self) -> dict[str, ResponsibilityRef]:
        """Every responsibility by key, with its position, area and target."""
        out: dict[str, ResponsibilityRef] = {}
        for p in self.positions.values():
            for a in p.result_areas:
                for t in a.targets:
                    for r in t.responsibilities:
                        out[r.key] = ResponsibilityRef(p, a, t, r)
        return out

    def iter_responsibilities(
        self, position: Position
    ) -> Iterator[tuple[ResultArea, Target, Responsibility]]:
        for a in position.result_areas:
            for t in a.targets:
                for r in t.responsibilities:
                    yield a, t, r

    # --- structure ----------------------------------------------------------------------

    @cached_property
    def subordinates(self) -> dict[str | None, list[Position]]:
        """Positions by the key of the position they report to (None: the top)."""
        out: dict[str | None, list[Position]] = defaultdict(list)
        for p in self.positions.values():
            out[p.reports_to].append(p)
        return out

    @cached_property
    def positions_by_department(self) -> dict[str | None, list[Position]]:
        out: dict[str | None, list[Position]] = defaultdict(list)
        for p in self.positions.values():
            out[p.department].append(p)
        return out

    @cached_property
    def child_departments(self) -> dict[str | None, list[Department]]:
        out: dict[str | None, list[Department]] = defaultdict(list)
        for d in self.departments.values():
            out[d.parent].append(d)
        return out

    def department_subtree(self, key: str) -> list[str]:
        """The department and every department below it (keys), top first."""
        out, todo, seen = [], [key], set()
        while todo:
            k = todo.pop(0)
            if k in seen:
                continue
            seen.add(k)
            out.append(k)
            todo.extend(d.key for d in self.child_departments.get(k, []))
        return out

    def holders(self, position_key: str, on: dt.date) -> list[Employee]:
        """Employees holding the position on a day (primary or acting)."""
        return list(self.holders_index(on).get(position_key, []))

    def holders_index(self, on: dt.date) -> dict[str, list[Employee]]:
        """All holders of every position on a day, computed in one pass."""
        out: dict[str, list[Employee]] = defaultdict(list)
        for e in self.employees.values():
            for a in e.assignments:
                if a.active_on(on):
                    out[a.position].append(e)
        return out

    # --- what a position owns (the responsibility graph) ------------------------------

    @cached_property
    def owned_by(self) -> dict[str, dict[str, list[str]]]:
        """For each position key: the keys it is accountable for, by kind."""
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        pairs = [
            ("objective", self.objectives),
            ("plan_item", self.plan),
            ("resource", self.resources),
            ("acquisition", self.acquisitions),
            ("problem", self.problems),
            ("relation", self.relations),
            ("risk", self.risks),
            ("control", self.controls),
            ("contingency_plan", self.contingency_plans),
            ("procedure", self.procedures),
        ]
        for kind, items in pairs:
            for item in items.values():
                owner = getattr(item, "owner", None)
                if owner:
                    out[owner][kind].append(item.key)
        return out

    @cached_property
    def objective_carriers(self) -> dict[str, list[str]]:
        """For each objective: the positions whose targets or purpose carry it."""
        out: dict[str, list[str]] = defaultdict(list)
        for p in self.positions.values():
            carried = set(p.purpose.objectives)
            for a in p.result_areas:
                for t in a.targets:
                    if t.objective:
                        carried.add(t.objective)
            for key in carried:
                out[key].append(p.key)
        return out
