"""How each domain dataclass corresponds to a database model.

One table, read in two directions: ``snapshot.py`` turns rows into the domain
snapshot, ``actions/orgfile.py`` turns a snapshot (from an organisation file)
into rows. A test checks that every field of every dataclass is mapped, so the
database, the snapshot and the file cannot drift apart.
"""

import dataclasses
import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from django.db import models

from remit.domain import control as dc
from remit.domain import duties as dd
from remit.domain import methods as dm
from remit.domain import people as dp
from remit.domain import plan as dpl
from remit.domain import relations as dr
from remit.domain import resources as dres
from remit.domain import strategy as ds
from remit.domain import transparency as dt_
from remit.domain import values as dv
from remit.domain.cadence import Cadence
from remit.domain.common import norm_decimal

from . import models as m


@dataclass(frozen=True)
class Link:
    """A reference: the domain field holding a key (or keys) and the model field holding ids."""

    domain: str
    model: str
    target: str  # the name of the Spec it points to


@dataclass(frozen=True)
class Spec:
    name: str
    model: type[models.Model]
    domain: type
    collection: str | None = None  # Organization attribute, for top-level entities
    parent: str | None = None  # the parent Spec's name, for nested children
    parent_field: str = ""  # the model's FK to the parent row
    children_attr: str = ""  # the parent dataclass attribute holding the children
    fields: tuple[str, ...] = ()  # plain fields, same name in domain and model
    renamed: tuple[tuple[str, str], ...] = ()  # plain fields: (domain, model)
    links: tuple[Link, ...] = ()  # foreign keys
    multi: tuple[Link, ...] = ()  # many-to-many
    ordered: bool = False  # children keep their order in an `order` column
    key_from: str = ""  # the key is this domain field (value choices)
    embedded: tuple[tuple[str, type, tuple[tuple[str, str], ...], tuple[Link, ...]], ...] = ()
    # (domain attr, dataclass, ((sub field, model field) …), multi links of the sub-dataclass)


def L(domain: str, target: str, model: str = "") -> Link:
    return Link(domain, model or domain, target)


SPECS: tuple[Spec, ...] = (
    # A1
    Spec(
        "values",
        m.ValueOrientation,
        dv.ValueOrientation,
        collection="values",
        fields=("statement", "visibility"),
    ),
    Spec(
        "value_choice",
        m.ValueChoice,
        dv.ValueChoice,
        parent="values",
        parent_field="orientation",
        children_attr="choices",
        fields=("value", "rank", "words", "label"),
        ordered=True,
        key_from="value",
    ),
    # A7 structure
    Spec(
        "department",
        m.Department,
        dp.Department,
        collection="departments",
        fields=("name", "function"),
        links=(L("parent", "department"),),
    ),
    Spec("grade", m.Grade, dp.Grade, collection="grades", fields=("name", "monthly_cost")),
    Spec(
        "skill", m.Skill, dp.Skill, collection="skills", fields=("name", "category", "description")
    ),
    Spec(
        "position",
        m.Position,
        dp.Position,
        collection="positions",
        fields=("title", "headcount", "status", "confidentiality_required", "jd_status"),
        links=(L("department", "department"), L("reports_to", "position"), L("grade", "grade")),
        embedded=(
            (
                "purpose",
                dd.Purpose,
                (
                    ("basis", "purpose_basis"),
                    ("content", "purpose_content"),
                    ("performance", "purpose_performance"),
                ),
                (Link("objectives", "purpose_objectives", "objective"),),
            ),
        ),
    ),
    Spec(
        "position_skill",
        m.PositionSkill,
        dp.PositionSkill,
        parent="position",
        parent_field="position",
        children_attr="skills",
        fields=("level",),
        links=(L("skill", "skill"),),
        ordered=True,
    ),
    # B2–B4
    Spec(
        "result_area",
        m.ResultArea,
        dd.ResultArea,
        parent="position",
        parent_field="position",
        children_attr="result_areas",
        fields=("title", "weight", "description"),
        ordered=True,
    ),
    Spec(
        "target",
        m.Target,
        dd.Target,
        parent="result_area",
        parent_field="result_area",
        children_attr="targets",
        fields=("statement", "metric", "target", "period", "deadline"),
        links=(L("objective", "objective"),),
        ordered=True,
    ),
    Spec(
        "responsibility",
        m.Responsibility,
        dd.Responsibility,
        parent="target",
        parent_field="target",
        children_attr="responsibilities",
        fields=("statement", "frequency", "time_share", "authority"),
        multi=(L("procedures", "procedure"),),
        ordered=True,
    ),
    Spec(
        "job_description",
        m.JobDescriptionVersion,
        dd.JobDescriptionVersion,
        collection="job_descriptions",
        fields=("version", "approved_on", "approved_by", "note", "content"),
        links=(L("position", "position"),),
    ),
    # A7 stages and people
    Spec(
        "stage",
        m.Stage,
        dp.Stage,
        collection="stages",
        fields=("name", "order", "target_date", "description"),
    ),
    Spec(
        "staffing_line",
        m.StaffingLine,
        dp.StaffingLine,
        parent="stage",
        parent_field="stage",
        children_attr="staffing",
        fields=("headcount", "needed_by"),
        links=(L("position", "position"),),
        ordered=True,
    ),
    Spec(
        "employee",
        m.Employee,
        dp.Employee,
        collection="employees",
        fields=("name", "email", "phone", "user_email", "hired_on", "left_on", "status"),
    ),
    Spec(
        "assignment",
        m.Assignment,
        dp.Assignment,
        parent="employee",
        parent_field="employee",
        children_attr="assignments",
        fields=("start", "end", "primary"),
        links=(L("position", "position"),),
        ordered=True,
    ),
    Spec(
        "employee_skill",
        m.EmployeeSkill,
        dp.EmployeeSkill,
        parent="employee",
        parent_field="employee",
        children_attr="skills",
        fields=("level", "assessed_on"),
        links=(L("skill", "skill"),),
        ordered=True,
    ),
    Spec(
        "personnel_event",
        m.PersonnelEvent,
        dp.PersonnelEvent,
        parent="employee",
        parent_field="employee",
        children_attr="events",
        fields=("kind", "date", "expires_on", "note"),
        links=(
            L("position", "position"),
            L("to_position", "position"),
            L("procedure", "procedure"),
        ),
        ordered=True,
    ),
    Spec(
        "opening",
        m.Opening,
        dp.Opening,
        collection="openings",
        fields=("opened_on", "needed_by", "status"),
        links=(L("position", "position"), L("hired", "employee")),
    ),
    Spec(
        "candidate",
        m.Candidate,
        dp.Candidate,
        parent="opening",
        parent_field="opening",
        children_attr="candidates",
        fields=("name", "stage", "email", "note"),
        ordered=True,
    ),
    Spec(
        "handover",
        m.Handover,
        dp.Handover,
        collection="handovers",
        fields=("reason", "created_on", "due_on"),
        links=(L("employee", "employee"), L("position", "position")),
    ),
    Spec(
        "handover_item",
        m.HandoverItem,
        dp.HandoverItem,
        parent="handover",
        parent_field="handover",
        children_attr="items",
        fields=("kind", "ref", "description", "done"),
        links=(L("successor", "employee"),),
        ordered=True,
    ),
    # A2
    Spec(
        "objective",
        m.Objective,
        ds.Objective,
        collection="objectives",
        fields=(
            "title",
            "description",
            "metric",
            "unit",
            "baseline",
            "target",
            "deadline",
            "serves",
            "status",
            "measure_every",
        ),
        links=(L("owner", "position"),),
    ),
    Spec(
        "measurement",
        m.Measurement,
        ds.Measurement,
        parent="objective",
        parent_field="objective",
        children_attr="measurements",
        fields=("date", "value", "note"),
        ordered=True,
    ),
    # A3
    Spec(
        "plan_item",
        m.PlanItem,
        dpl.PlanItem,
        collection="plan",
        fields=(
            "title",
            "kind",
            "description",
            "start",
            "due",
            "duration_days",
            "importance",
            "urgency",
            "status",
            "progress",
            "advance",
            "lead_time_days",
        ),
        links=(
            L("parent", "plan_item"),
            L("objective", "objective"),
            L("owner", "position"),
            L("assignee", "employee"),
        ),
        multi=(L("depends_on", "plan_item"),),
    ),
    # A4
    Spec(
        "resource",
        m.Resource,
        dres.Resource,
        collection="resources",
        fields=("name", "category", "quantity", "unit", "value", "description"),
        links=(L("owner", "position"),),
    ),
    Spec(
        "resource_need",
        m.ResourceNeed,
        dres.ResourceNeed,
        collection="resource_needs",
        fields=("category", "quantity", "unit", "needed_by", "note"),
        links=(L("plan_item", "plan_item"), L("resource", "resource")),
    ),
    Spec(
        "acquisition",
        m.Acquisition,
        dres.Acquisition,
        collection="acquisitions",
        fields=("method", "quantity", "due", "cost", "status", "note"),
        links=(L("need", "resource_need"), L("owner", "position")),
    ),
    # A5
    Spec(
        "checkin",
        m.CheckIn,
        dt_.CheckIn,
        collection="checkins",
        fields=("date", "progress", "note"),
        links=(L("plan_item", "plan_item"), L("author", "employee")),
    ),
    Spec(
        "problem",
        m.Problem,
        dt_.Problem,
        collection="problems",
        fields=("title", "raised_on", "description", "status", "resolution", "resolved_on"),
        links=(L("plan_item", "plan_item"), L("raised_by", "employee"), L("owner", "position")),
    ),
    Spec(
        "finance_line",
        m.FinanceLine,
        dt_.FinanceLine,
        collection="finance",
        fields=("period", "category", "kind", "budget", "actual", "note"),
    ),
    # A6
    Spec(
        "relation",
        m.Relation,
        dr.Relation,
        collection="relations",
        fields=(
            "name",
            "kind",
            "level",
            "contact_every",
            "annual_budget",
            "mechanism",
            "status",
            "description",
        ),
        links=(L("owner", "position"),),
    ),
    Spec(
        "contact",
        m.Contact,
        dr.Contact,
        parent="relation",
        parent_field="relation",
        children_attr="contacts",
        fields=("name", "role", "email", "phone", "note"),
        ordered=True,
    ),
    Spec(
        "interaction",
        m.Interaction,
        dr.Interaction,
        parent="relation",
        parent_field="relation",
        children_attr="interactions",
        fields=("date", "kind", "summary", "cost"),
        links=(L("by", "employee"),),
        ordered=True,
    ),
    # A8
    Spec(
        "risk",
        m.Risk,
        dc.Risk,
        collection="risks",
        fields=("title", "source", "category", "likelihood", "impact", "response", "description"),
        links=(L("owner", "position"),),
    ),
    Spec(
        "control",
        m.Control,
        dc.Control,
        collection="controls",
        fields=("title", "kind", "activity", "every", "renewal_on"),
        links=(L("owner", "position"),),
        multi=(L("risks", "risk"),),
    ),
    Spec(
        "control_run",
        m.ControlRun,
        dc.ControlRun,
        parent="control",
        parent_field="control",
        children_attr="runs",
        fields=("date", "result", "findings"),
        links=(L("by", "employee"),),
        ordered=True,
    ),
    Spec(
        "contingency_plan",
        m.ContingencyPlan,
        dc.ContingencyPlan,
        collection="contingency_plans",
        fields=("title", "trigger", "steps", "last_drill", "drill_every"),
        links=(L("risk", "risk"), L("owner", "position")),
    ),
    # A9
    Spec(
        "lesson",
        m.Lesson,
        dm.Lesson,
        collection="lessons",
        fields=("date", "lesson", "context"),
        links=(L("author", "employee"),),
    ),
    Spec(
        "procedure",
        m.Procedure,
        dm.Procedure,
        collection="procedures",
        fields=(
            "title",
            "purpose",
            "scope",
            "version",
            "status",
            "review_every",
            "last_reviewed",
            "refresh_every",
        ),
        links=(L("owner", "position"),),
        multi=(L("positions", "position"), L("lessons", "lesson")),
    ),
    Spec(
        "procedure_step",
        m.ProcedureStep,
        dm.ProcedureStep,
        parent="procedure",
        parent_field="procedure",
        children_attr="steps",
        fields=("text", "note"),
        ordered=True,
    ),
    Spec(
        "training",
        m.TrainingRecord,
        dm.TrainingRecord,
        collection="training",
        fields=("date", "score", "passed"),
        links=(L("employee", "employee"), L("procedure", "procedure")),
    ),
)

SPEC = {s.name: s for s in SPECS}
CHILDREN: dict[str, list[Spec]] = {}
for _s in SPECS:
    if _s.parent:
        CHILDREN.setdefault(_s.parent, []).append(_s)

# Fields that exist only in the database and never travel through files.
DB_ONLY_FIELDS = {"approved_by_user_id"}


# --- value conversion between the domain and the database ---------------------------


def _unwrap(tp: Any) -> Any:
    """``X | None`` -> ``X``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


@cache
def field_types(domain: type) -> dict[str, Any]:
    return {k: _unwrap(v) for k, v in typing.get_type_hints(domain).items()}


def to_db(value: Any, tp: Any) -> Any:
    """A domain value as the database stores it (enums and cadences as text, '' for none)."""
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return value.value if value is not None else ""
    if tp is Cadence:
        return str(value) if value is not None else ""
    if typing.get_origin(tp) is tuple:
        return list(value)
    return value


def from_db(value: Any, tp: Any) -> Any:
    """A database value as the domain holds it."""
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value) if value not in (None, "") else None
    if tp is Cadence:
        return Cadence.parse(value) if value else None
    if tp is Decimal:
        return norm_decimal(value) if value is not None else None
    if typing.get_origin(tp) is tuple:
        return tuple(value or ())
    if tp is dt.date and isinstance(value, dt.datetime):
        return value.date()
    return value


def default_of(domain: type, name: str) -> Any:
    for f in dataclasses.fields(domain):
        if f.name == name:
            if f.default is not dataclasses.MISSING:
                return f.default
            if f.default_factory is not dataclasses.MISSING:
                return f.default_factory()
    return None


def plain_fields(spec: Spec) -> list[tuple[str, str]]:
    """(domain name, model name) of every plain field of a spec."""
    return [(f, f) for f in spec.fields] + list(spec.renamed)


def embedded_fields(spec: Spec) -> list[tuple[str, str, str, type]]:
    """(domain attr, sub field, model field, sub dataclass) of embedded records."""
    return [
        (attr, sub, model_field, cls)
        for attr, cls, pairs, _links in spec.embedded
        for sub, model_field in pairs
    ]


def embedded_links(spec: Spec) -> list[tuple[str, Link]]:
    return [(attr, link) for attr, _cls, _pairs, links in spec.embedded for link in links]


def has_key(spec: Spec) -> bool:
    """Whether the dataclass has a ``key`` (value choices are keyed by their value,
    the single value orientation by a fixed key)."""
    return not spec.key_from and spec.collection != "values"


def mapped_domain_fields(spec: Spec) -> set[str]:
    """The dataclass fields the spec accounts for (a test compares them with the dataclass)."""
    names = {d for d, _m in plain_fields(spec)}
    names |= {link.domain for link in spec.links + spec.multi}
    names |= {attr for attr, *_ in spec.embedded}
    names |= {c.children_attr for c in CHILDREN.get(spec.name, [])}
    if has_key(spec):
        names.add("key")
    return names


def depth(spec: Spec) -> int:
    """How deep a spec is nested: 0 for top-level entities."""
    n = 0
    while spec.parent:
        spec = SPEC[spec.parent]
        n += 1
    return n


def columns(spec: Spec) -> list[str]:
    """The columns read for a spec, in a fixed order: id, key, [parent id], plain, links, embedded."""
    meta = spec.model._meta
    cols = ["id", "key"]
    if spec.parent:
        cols.append(meta.get_field(spec.parent_field).attname)
    cols += [mf for _d, mf in plain_fields(spec)]
    cols += [meta.get_field(link.model).attname for link in spec.links]
    cols += [mf for _a, _s, mf, _c in embedded_fields(spec)]
    return cols
