"""The format's specification, derived from the domain dataclasses.

Field names, order, types and defaults come from introspection
(``dataclasses.fields`` + ``typing.get_type_hints``), so the file can never drift
from the domain. What types cannot say is declared in the explicit tables below:
which collection a key points to, integer ranges, the month-only date.
Loading, dumping and the JSON Schema all read this one specification.
"""

import dataclasses
import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from remit.domain.cadence import Cadence
from remit.domain.control import ContingencyPlan, Control, ControlRun, Risk
from remit.domain.duties import (
    JobDescriptionVersion,
    Purpose,
    Responsibility,
    Target,
)
from remit.domain.methods import Lesson, Procedure, TrainingRecord
from remit.domain.organization import Organization
from remit.domain.people import (
    Assignment,
    Department,
    EmployeeSkill,
    Handover,
    HandoverItem,
    HandoverItemKind,
    Opening,
    PersonnelEvent,
    Position,
    PositionSkill,
    StaffingLine,
)
from remit.domain.plan import PlanItem
from remit.domain.relations import Interaction, Relation
from remit.domain.resources import Acquisition, Resource, ResourceNeed
from remit.domain.strategy import Objective
from remit.domain.transparency import CheckIn, FinanceLine, Problem
from remit.domain.values import ValueChoice, ValueOrientation

FORMAT_VERSION = 1
LANGUAGES = ("en", "zh-hans")

# The pseudo-collection of every responsibility of every position (handover items
# may hand one over); all other reference targets are top-level collections.
RESPONSIBILITIES = "responsibilities"

# --- what types cannot say: the explicit tables -------------------------------------

# (dataclass, field) -> the collection whose keys the field holds.
REFERENCES: dict[tuple[type, str], str] = {
    (Department, "parent"): "departments",
    (Position, "department"): "departments",
    (Position, "reports_to"): "positions",
    (Position, "grade"): "grades",
    (Purpose, "objectives"): "objectives",
    (Target, "objective"): "objectives",
    (Responsibility, "procedures"): "procedures",
    (PositionSkill, "skill"): "skills",
    (StaffingLine, "position"): "positions",
    (Assignment, "position"): "positions",
    (EmployeeSkill, "skill"): "skills",
    (PersonnelEvent, "position"): "positions",
    (PersonnelEvent, "to_position"): "positions",
    (PersonnelEvent, "procedure"): "procedures",
    (Opening, "position"): "positions",
    (Opening, "hired"): "employees",
    (Handover, "employee"): "employees",
    (Handover, "position"): "positions",
    (HandoverItem, "successor"): "employees",
    (Objective, "owner"): "positions",
    (PlanItem, "parent"): "plan",
    (PlanItem, "depends_on"): "plan",
    (PlanItem, "objective"): "objectives",
    (PlanItem, "owner"): "positions",
    (PlanItem, "assignee"): "employees",
    (Resource, "owner"): "positions",
    (ResourceNeed, "plan_item"): "plan",
    (ResourceNeed, "resource"): "resources",
    (Acquisition, "need"): "resource_needs",
    (Acquisition, "owner"): "positions",
    (CheckIn, "plan_item"): "plan",
    (CheckIn, "author"): "employees",
    (Problem, "plan_item"): "plan",
    (Problem, "raised_by"): "employees",
    (Problem, "owner"): "positions",
    (Relation, "owner"): "positions",
    (Interaction, "by"): "employees",
    (Risk, "owner"): "positions",
    (Control, "owner"): "positions",
    (Control, "risks"): "risks",
    (ControlRun, "by"): "employees",
    (ContingencyPlan, "risk"): "risks",
    (ContingencyPlan, "owner"): "positions",
    (Lesson, "author"): "employees",
    (Procedure, "owner"): "positions",
    (Procedure, "positions"): "positions",
    (Procedure, "lessons"): "lessons",
    (TrainingRecord, "employee"): "employees",
    (TrainingRecord, "procedure"): "procedures",
    (JobDescriptionVersion, "position"): "positions",
}

# A reference whose collection another field chooses: HandoverItem.ref by its kind.
# None: not checked (``other``).
HANDOVER_REF_FIELD = (HandoverItem, "ref", "kind")
HANDOVER_REFS: dict[HandoverItemKind, str | None] = {
    HandoverItemKind.RESPONSIBILITY: RESPONSIBILITIES,
    HandoverItemKind.RELATION: "relations",
    HandoverItemKind.RESOURCE: "resources",
    HandoverItemKind.CONTROL: "controls",
    HandoverItemKind.PROCEDURE: "procedures",
    HandoverItemKind.PLAN_ITEM: "plan",
    HandoverItemKind.PROBLEM: "problems",
    HandoverItemKind.ACQUISITION: "acquisitions",
    HandoverItemKind.OBJECTIVE: "objectives",
    HandoverItemKind.OTHER: None,
}

# Integer ranges the domain states in its comments: (low, high), None = open.
RANGES: dict[tuple[type, str], tuple[int | None, int | None]] = {
    (Organization, "fiscal_year_start"): (1, 12),
    (ValueChoice, "rank"): (1, None),
    (PlanItem, "importance"): (1, 5),
    (PlanItem, "urgency"): (1, 5),
    (PlanItem, "progress"): (0, 100),
    (CheckIn, "progress"): (0, 100),
    (Risk, "likelihood"): (1, 5),
    (Risk, "impact"): (1, 5),
    (PositionSkill, "level"): (1, 5),
    (EmployeeSkill, "level"): (1, 5),
    (TrainingRecord, "score"): (0, 100),
}

# Dates that mean a whole month, written ``YYYY-MM`` (the first day of the month).
MONTHS: set[tuple[type, str]] = {(FinanceLine, "period")}

# Children lists whose items must differ in one field (the database keys them by it).
UNIQUE_BY: dict[type, str] = {ValueChoice: "value"}

# Text fields of the organisation itself with a fixed shape: (pattern, what is expected).
PATTERNS: dict[tuple[type, str], tuple[str, str]] = {
    (Organization, "slug"): (
        r"^[-a-zA-Z0-9_]+$",
        "a short name of letters, digits, '-' and '_' (it becomes part of web addresses)",
    ),
    (Organization, "currency"): (
        r"^[A-Z]{3}$",
        "a three-letter currency code in capitals, such as EUR, USD or CNY",
    ),
}
CHOICES: dict[tuple[type, str], tuple[str, ...]] = {(Organization, "language"): LANGUAGES}

# How people call an entity, when splitting its class name is not right.
LABELS: dict[type, str] = {
    CheckIn: "check-in",
    JobDescriptionVersion: "job description",
    PlanItem: "plan item",
}


# --- the specification --------------------------------------------------------------


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DECIMAL = "decimal"
    DATE = "date"
    MONTH = "month"
    ENUM = "enum"  # a domain enum, written by its value (code)
    CHOICE = "choice"  # text from a fixed list (the organisation's language)
    CADENCE = "cadence"
    KEYS = "keys"  # a list of keys of one collection
    TEXTS = "texts"  # a list of texts
    CHILDREN = "children"  # a list of nested entities
    RECORD = "record"  # one nested mapping (a position's purpose, the values)
    MAPPING = "mapping"  # arbitrary plain data, kept as is


MISSING: Any = dataclasses.MISSING


@dataclass(frozen=True, eq=False)
class FieldSpec:
    """One field of an entity as the file holds it."""

    name: str
    kind: Kind
    default: Any  # the dataclass default; MISSING when the field is required
    nullable: bool  # the domain type admits None
    choices: tuple[str, ...] = ()  # allowed values of ENUM and CHOICE fields
    members: dict[str, Any] | None = None  # ENUM/CHOICE: value -> member
    entity: "EntitySpec | None" = None  # CHILDREN and RECORD
    ref: str | None = None  # the collection a TEXT or KEYS field points to
    bounds: tuple[int | None, int | None] | None = None
    pattern: tuple[re.Pattern[str], str] | None = None

    @property
    def required(self) -> bool:
        return self.default is MISSING

    @property
    def empty_is_absent(self) -> bool:
        """Whether '' means "left out" (everything but plain text, where '' is a value)."""
        return self.kind is not Kind.TEXT or self.nullable


@dataclass(eq=False)
class EntitySpec:
    """A dataclass as the file holds it: a mapping of its fields, in dataclass order."""

    cls: type
    label: str  # what people call it: "result area"
    doc: str
    fields: dict[str, FieldSpec]
    keyed: bool  # has a stable key
    nested: bool = False  # a child of another entity: its key may be left out
    unique_by: str | None = None

    @property
    def required(self) -> tuple[str, ...]:
        """Required fields besides the key (which has its own rules)."""
        return tuple(n for n, f in self.fields.items() if f.required and n != "key")


def label_of(cls: type) -> str:
    """'ResultArea' -> 'result area'."""
    return LABELS.get(cls) or re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def _doc_of(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    # A dataclass without a docstring gets its signature as __doc__: not a description.
    return "" if doc.startswith(f"{cls.__name__}(") else " ".join(doc.split())


def _default_of(f: dataclasses.Field) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"the organisation file cannot hold the union {tp!r}")
        return args[0], True
    return tp, False


def _field_spec(owner: type, f: dataclasses.Field, tp: Any, registry: dict) -> FieldSpec:
    tp, nullable = _unwrap_optional(tp)
    where = (owner, f.name)
    ref = REFERENCES.get(where)
    common = {"name": f.name, "default": _default_of(f), "nullable": nullable, "ref": ref}
    item = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else None
    if tp is str and where in CHOICES:
        choices = CHOICES[where]
        return FieldSpec(
            kind=Kind.CHOICE, choices=choices, members={c: c for c in choices}, **common
        )
    if tp is str:
        pattern = PATTERNS.get(where)
        compiled = (re.compile(pattern[0]), pattern[1]) if pattern else None
        return FieldSpec(kind=Kind.TEXT, pattern=compiled, **common)
    if tp is bool:  # before int: bool is an int
        return FieldSpec(kind=Kind.BOOL, **common)
    if tp is int:
        return FieldSpec(kind=Kind.INT, bounds=RANGES.get(where), **common)
    if tp is Decimal:
        return FieldSpec(kind=Kind.DECIMAL, **common)
    if tp is dt.date:
        return FieldSpec(kind=Kind.MONTH if where in MONTHS else Kind.DATE, **common)
    if tp is Cadence:
        return FieldSpec(kind=Kind.CADENCE, **common)
    if isinstance(tp, type) and issubclass(tp, Enum):
        members = {m.value: m for m in tp}
        return FieldSpec(kind=Kind.ENUM, choices=tuple(members), members=members, **common)
    if item is str:
        return FieldSpec(kind=Kind.KEYS if ref else Kind.TEXTS, **common)
    if item is not None and dataclasses.is_dataclass(item):
        child = entity_spec(item, registry, nested=True)
        return FieldSpec(kind=Kind.CHILDREN, entity=child, **common)
    if dataclasses.is_dataclass(tp):
        return FieldSpec(kind=Kind.RECORD, entity=entity_spec(tp, registry, nested=True), **common)
    if tp is dict or typing.get_origin(tp) is dict:
        return FieldSpec(kind=Kind.MAPPING, **common)
    raise TypeError(f"{owner.__name__}.{f.name}: the organisation file cannot hold {tp!r}")


def entity_spec(cls: type, registry: dict[type, EntitySpec], *, nested: bool = False) -> EntitySpec:
    """The spec of a dataclass (built once per class)."""
    if cls in registry:
        return registry[cls]
    hints = typing.get_type_hints(cls)
    spec = EntitySpec(cls=cls, label=label_of(cls), doc=_doc_of(cls), fields={}, keyed=False)
    registry[cls] = spec  # before the fields: a class may nest itself
    for f in dataclasses.fields(cls):
        spec.fields[f.name] = _field_spec(cls, f, hints[f.name], registry)
    spec.keyed = "key" in spec.fields
    spec.nested = nested and spec.keyed
    spec.unique_by = UNIQUE_BY.get(cls)
    return spec


def _organization_specs(
    registry: dict[type, EntitySpec],
) -> tuple[EntitySpec, EntitySpec, dict[str, EntitySpec]]:
    """The ``organization`` section, the ``values`` section and the collections."""
    hints = typing.get_type_hints(Organization)
    meta = EntitySpec(
        cls=Organization,
        label="organisation",
        doc="The organisation's name and settings.",
        fields={},
        keyed=False,
    )
    values: EntitySpec | None = None
    collections: dict[str, EntitySpec] = {}
    for f in dataclasses.fields(Organization):
        tp = hints[f.name]
        if typing.get_origin(tp) is dict:
            collections[f.name] = entity_spec(typing.get_args(tp)[1], registry)
        elif _unwrap_optional(tp)[0] is ValueOrientation:
            values = entity_spec(ValueOrientation, registry, nested=True)
        else:
            meta.fields[f.name] = _field_spec(Organization, f, tp, registry)
    assert values is not None, "Organization.values is missing"
    return meta, values, collections


def _check_tables(registry: dict[type, EntitySpec]) -> None:
    """Fail at import when a table names a field the domain no longer has."""
    for cls, name in [*REFERENCES, *RANGES, *MONTHS, *PATTERNS, *CHOICES]:
        spec = ORGANIZATION if cls is Organization else registry.get(cls)
        if spec is None or name not in spec.fields:
            raise TypeError(f"orgfile tables name {cls.__name__}.{name}, which does not exist")
    for (cls, name), coll in REFERENCES.items():
        if coll not in COLLECTIONS or registry[cls].fields[name].kind not in (Kind.TEXT, Kind.KEYS):
            raise TypeError(f"{cls.__name__}.{name} cannot refer to {coll!r}")
    for coll in HANDOVER_REFS.values():
        if coll is not None and coll != RESPONSIBILITIES and coll not in COLLECTIONS:
            raise TypeError(f"handover items cannot refer to {coll!r}")
    if set(HANDOVER_REFS) != set(HandoverItemKind):
        raise TypeError("HANDOVER_REFS must name every HandoverItemKind")


REGISTRY: dict[type, EntitySpec] = {}
ORGANIZATION, VALUES, COLLECTIONS = _organization_specs(REGISTRY)
SECTIONS: tuple[str, ...] = ("remit", "organization", "values", *COLLECTIONS)
_check_tables(REGISTRY)

# What a reference to a collection is called in messages: "no position with key 'X'".
TARGET_LABELS: dict[str, str] = {name: spec.label for name, spec in COLLECTIONS.items()}
TARGET_LABELS[RESPONSIBILITIES] = label_of(Responsibility)
