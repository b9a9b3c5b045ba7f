"""A position's job description, assembled from the organisation graph.

Nothing in a job description is typed twice: its identity, purpose (B1), key result
areas (B2), targets (B3) and responsibilities (B4), skills, relations, controls, SOPs
and staffing all come from the snapshot. The result is plain data — frozen dataclasses
that ``to_dict()`` turns into JSON-ready dicts and ``JobDescription.from_dict()`` reads
back exactly — so an approved version can be frozen (``JobDescriptionVersion.content``)
and rendered, compared or exported later without the organisation it came from.

Enum values are kept as :class:`Coded` pairs (code and English label) so that renderers
translate the label and programs compare the code. Absent data stays empty: nothing is
invented to fill a gap.
"""

import datetime as dt
import types
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Self, Union, get_args, get_origin, get_type_hints

from remit.domain import Organization
from remit.domain.common import Labelled, norm_decimal
from remit.domain.duties import compose_sentence
from remit.domain.methods import ProcedureStatus
from remit.domain.people import Assignment, PositionStatus
from remit.domain.relations import RelationStatus

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Coded:
    """An enum value: its stable code and its English label (translated when rendered)."""

    code: str
    label: str

    @classmethod
    def of(cls, member: Labelled) -> Self:
        """The code and label of an enum member."""
        return cls(member.value, member.label)


@dataclass(frozen=True, slots=True)
class Ref:
    """Another entity by key, with its title or name ('' when the key points nowhere)."""

    key: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    acting: bool = False  # holds the position beside a main one


@dataclass(frozen=True, slots=True)
class JDIdentity:
    key: str
    title: str
    status: Coded
    jd_status: Coded
    department: Ref | None = None
    grade: Ref | None = None
    reports_to: Ref | None = None
    direct_reports: tuple[Ref, ...] = ()
    headcount: int = 1
    holders: tuple[Holder, ...] = ()
    vacancies: int = 0
    confidentiality_required: bool = False


@dataclass(frozen=True, slots=True)
class JDPurpose:
    basis: str = ""
    content: str = ""
    performance: str = ""
    sentence: str = ""  # the three parts composed: "basis, content, performance."
    objectives: tuple[Ref, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.sentence


@dataclass(frozen=True, slots=True)
class JDResponsibility:
    key: str
    statement: str
    authority: Coded
    frequency: Coded | None = None
    time_share: Decimal | None = None  # percent of working time
    procedures: tuple[Ref, ...] = ()  # the SOPs that say how


@dataclass(frozen=True, slots=True)
class JDTarget:
    key: str
    statement: str
    metric: str = ""
    target: str = ""  # the value to reach, as written
    period: Coded | None = None
    deadline: dt.date | None = None
    objective: Ref | None = None
    responsibilities: tuple[JDResponsibility, ...] = ()


@dataclass(frozen=True, slots=True)
class JDArea:
    key: str
    title: str
    weight: Decimal | None = None  # percent
    description: str = ""
    targets: tuple[JDTarget, ...] = ()

    @property
    def responsibilities(self) -> tuple[JDResponsibility, ...]:
        return tuple(r for t in self.targets for r in t.responsibilities)

    @property
    def time_share(self) -> Decimal | None:
        """The share of time of the area's responsibilities (None when none is given)."""
        return _sum(r.time_share for r in self.responsibilities)


@dataclass(frozen=True, slots=True)
class JDTotals:
    weight: Decimal | None = None  # sum of the areas' weights; None: no weight given
    time_share: Decimal | None = None  # sum of the responsibilities' shares of time
    areas: int = 0
    targets: int = 0
    responsibilities: int = 0


@dataclass(frozen=True, slots=True)
class JDSkill:
    key: str
    name: str
    level: int  # 1..5 required
    category: str = ""


@dataclass(frozen=True, slots=True)
class JDRelation:
    key: str
    name: str
    kind: Coded
    level: Coded
    contact_every: str = ""  # the cadence's text form: "monthly", "every 2 weeks"


@dataclass(frozen=True, slots=True)
class JDControl:
    key: str
    title: str
    kind: Coded
    activity: str = ""
    every: str = ""  # the cadence's text form


@dataclass(frozen=True, slots=True)
class JDProcedure:
    key: str
    title: str
    version: int
    status: Coded


@dataclass(frozen=True, slots=True)
class JDStaffing:
    stage_key: str
    stage: str
    order: int
    headcount: int
    needed_by: dt.date | None = None


@dataclass(frozen=True, slots=True)
class JobDescription:
    """Everything the graph knows about one position, as plain data."""

    as_of: dt.date  # the day holders and vacancies were read
    identity: JDIdentity
    purpose: JDPurpose = JDPurpose()
    department_function: str = ""
    areas: tuple[JDArea, ...] = ()
    totals: JDTotals = JDTotals()
    skills: tuple[JDSkill, ...] = ()
    relations: tuple[JDRelation, ...] = ()
    controls: tuple[JDControl, ...] = ()
    procedures: tuple[JDProcedure, ...] = ()
    staffing: tuple[JDStaffing, ...] = ()
    schema: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form: dates as ISO strings, decimals as strings, tuples as lists."""
        return _dump(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Read back what :meth:`to_dict` wrote."""
        return _load(cls, data)


# --- assembly ------------------------------------------------------------------------


def assemble(org: Organization, position_key: str, *, on: dt.date) -> JobDescription:
    """The job description of a position, with holders and vacancies as on day ``on``."""
    try:
        p = org.positions[position_key]
    except KeyError:
        raise KeyError(f"no position {position_key!r}") from None

    def position_ref(key: str) -> Ref:
        other = org.positions.get(key)
        return Ref(key, other.title if other else "")

    def objective_ref(key: str) -> Ref:
        o = org.objectives.get(key)
        return Ref(key, o.title if o else "")

    def procedure_ref(key: str) -> Ref:
        sop = org.procedures.get(key)
        return Ref(key, sop.title if sop else "")

    dept = org.departments.get(p.department) if p.department else None
    grade = org.grades.get(p.grade) if p.grade else None
    holders = [
        Holder(e.name, acting=not any(a.primary for a in e.assignments if _holds(a, p.key, on)))
        # an employee with two overlapping assignments to the post is one holder
        for e in {e.key: e for e in org.holders(p.key, on)}.values()
    ]
    # Acting holders cover a post without filling it: only primary holders count.
    filled = sum(1 for h in holders if not h.acting)
    identity = JDIdentity(
        key=p.key,
        title=p.title,
        status=Coded.of(p.status),
        jd_status=Coded.of(p.jd_status),
        department=Ref(dept.key, dept.name) if dept else _dangling(p.department),
        grade=Ref(grade.key, grade.name) if grade else _dangling(p.grade),
        reports_to=position_ref(p.reports_to) if p.reports_to else None,
        direct_reports=tuple(
            Ref(s.key, s.title)
            for s in org.subordinates.get(p.key, [])
            if s.status != PositionStatus.ARCHIVED
        ),
        headcount=p.headcount,
        holders=tuple(holders),
        vacancies=max(0, p.headcount - filled),
        confidentiality_required=p.confidentiality_required,
    )

    parts = (p.purpose.basis.strip(), p.purpose.content.strip(), p.purpose.performance.strip())
    purpose = JDPurpose(
        basis=parts[0],
        content=parts[1],
        performance=parts[2],
        sentence=compose_sentence(parts),
        objectives=tuple(objective_ref(k) for k in p.purpose.objectives),
    )

    areas = tuple(
        JDArea(
            key=a.key,
            title=a.title,
            weight=_dec(a.weight),
            description=a.description.strip(),
            targets=tuple(
                JDTarget(
                    key=t.key,
                    statement=t.statement,
                    metric=t.metric,
                    target=t.target,
                    period=Coded.of(t.period) if t.period else None,
                    deadline=t.deadline,
                    objective=objective_ref(t.objective) if t.objective else None,
                    responsibilities=tuple(
                        JDResponsibility(
                            key=r.key,
                            statement=r.statement,
                            authority=Coded.of(r.authority),
                            frequency=Coded.of(r.frequency) if r.frequency else None,
                            time_share=_dec(r.time_share),
                            procedures=tuple(procedure_ref(k) for k in r.procedures),
                        )
                        for r in t.responsibilities
                    ),
                )
                for t in a.targets
            ),
        )
        for a in p.result_areas
    )
    responsibilities = [r for a in areas for r in a.responsibilities]
    totals = JDTotals(
        weight=_sum(a.weight for a in areas),
        time_share=_sum(r.time_share for r in responsibilities),
        areas=len(areas),
        targets=sum(len(a.targets) for a in areas),
        responsibilities=len(responsibilities),
    )

    skills = tuple(
        JDSkill(
            key=ps.skill,
            name=org.skills[ps.skill].name if ps.skill in org.skills else ps.skill,
            level=ps.level,
            category=org.skills[ps.skill].category if ps.skill in org.skills else "",
        )
        for ps in p.skills
    )
    relations = tuple(
        JDRelation(
            key=r.key,
            name=r.name,
            kind=Coded.of(r.kind),
            level=Coded.of(r.level),
            contact_every=str(r.contact_every) if r.contact_every else "",
        )
        for r in org.relations.values()
        if r.owner == p.key and r.status != RelationStatus.ENDED
    )
    controls = tuple(
        JDControl(
            key=c.key,
            title=c.title,
            kind=Coded.of(c.kind),
            activity=c.activity.strip(),
            every=str(c.every) if c.every else "",
        )
        for c in org.controls.values()
        if c.owner == p.key
    )
    # SOPs named by the responsibilities always show (the responsibilities point at
    # them); SOPs listing the position show while they are not retired.
    referenced = {ref.key for r in responsibilities for ref in r.procedures}
    procedures = tuple(
        JDProcedure(s.key, s.title, s.version, Coded.of(s.status))
        for s in sorted(org.procedures.values(), key=lambda s: s.key)
        if s.key in referenced or (p.key in s.positions and s.status != ProcedureStatus.RETIRED)
    )
    staffing = tuple(
        JDStaffing(stage.key, stage.name, stage.order, line.headcount, line.needed_by)
        for stage in sorted(org.stages.values(), key=lambda s: (s.order, s.key))
        for line in stage.staffing
        if line.position == p.key
    )
    return JobDescription(
        as_of=on,
        identity=identity,
        purpose=purpose,
        department_function=dept.function.strip() if dept else "",
        areas=areas,
        totals=totals,
        skills=skills,
        relations=relations,
        controls=controls,
        procedures=procedures,
        staffing=staffing,
    )


def _holds(assignment: Assignment, position_key: str, on: dt.date) -> bool:
    return assignment.position == position_key and assignment.active_on(on)


def _dangling(key: str | None) -> Ref | None:
    """A reference whose target is missing keeps its key, with no made-up name."""
    return Ref(key) if key else None


def _dec(value: Decimal | None) -> Decimal | None:
    return None if value is None else norm_decimal(value)


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return norm_decimal(sum(present, Decimal(0))) if present else None


# --- plain-data conversion -----------------------------------------------------------


def _dump(value: Any) -> Any:
    if is_dataclass(value):
        return {f.name: _dump(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _load(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in get_args(tp) if a is not type(None)]
        return _load(inner, value)
    if origin is tuple:
        return tuple(_load(get_args(tp)[0], v) for v in value)
    if is_dataclass(tp):
        hints = _hints(tp)
        return tp(
            **{f.name: _load(hints[f.name], value[f.name]) for f in fields(tp) if f.name in value}
        )
    if tp is Decimal:
        return Decimal(value)
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    return value
