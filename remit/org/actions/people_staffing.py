"""Writes for A7 planning: development stages and their staffing lines, the skills
catalogue (and its CSV/XLSX import), the skills positions require and the skills
employees are assessed in."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, Organization, User
from remit.domain.common import KEY_PATTERN
from remit.domain.common import gettext_noop as N_
from remit.domain.people import PositionStatus
from remit.orgfile import tables
from remit.orgfile.tables import Problem, TableProblems

from ..models import Employee, EmployeeSkill, Position, PositionSkill, Skill, StaffingLine, Stage
from . import common

STAGE_FIELDS = ["key", "name", "order", "target_date", "description"]
LINE_FIELDS = ["position", "headcount", "needed_by"]
SKILL_FIELDS = ["key", "name", "category", "description"]
# Words the stage pages use in their addresses (people/stages/<word>/): never a stage's key.
RESERVED_STAGE_KEYS = frozenset({"new", "timeline", "costs"})


def _next_order(qs) -> int:
    top = qs.aggregate(m=Max("order"))["m"]
    return 0 if top is None else top + 1


def _set_fields(row, fields: Mapping[str, Any], allowed: list[str], what: str) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{what}() got an unknown field {name!r}")
        setattr(row, name, value.strip() if isinstance(value, str) else value)


# --- stages -----------------------------------------------------------------------------------


def _check_stage_key(key: str) -> None:
    if key.lower() in RESERVED_STAGE_KEYS:
        raise ValidationError(
            {"key": _("“%(key)s” is a word the pages use: choose another key.") % {"key": key}}
        )


@transaction.atomic
def stage_create(
    *,
    org: Organization,
    actor: User | None,
    name: str,
    key: str = "",
    order: int | None = None,
    target_date: dt.date | None = None,
    description: str = "",
) -> Stage:
    """A development stage; without an order it comes after the last one."""
    key = key or common.free_key(Stage, org, common.key_from_text(f"ST {name}", fallback="ST"))
    _check_stage_key(key)
    if order is None:
        order = _next_order(Stage.objects.filter(org=org)) or 1
    return common.create(
        Stage(
            org=org,
            key=key,
            name=name.strip(),
            order=order,
            target_date=target_date,
            description=description.strip(),
        ),
        actor=actor,
    )


@transaction.atomic
def stage_update(*, stage: Stage, actor: User | None, **fields) -> Stage:
    before = common.saved_state(stage, STAGE_FIELDS)
    _set_fields(stage, fields, STAGE_FIELDS, "stage_update")
    _check_stage_key(stage.key)
    if stage.order is None:
        stage.order = 0
    return common.update(stage, actor=actor, before=before)


@transaction.atomic
def stage_delete(*, stage: Stage, actor: User | None) -> None:
    """Delete a stage with its staffing plan (each line recorded too)."""
    for line in stage.staffing.select_related("position"):
        common.delete(line, actor=actor)
    common.delete(stage, actor=actor)


# --- staffing lines ---------------------------------------------------------------------------


def _check_line(org: Organization, position: Position | None, headcount: int | None) -> None:
    errors: dict[str, str] = {}
    if position is not None and position.status == PositionStatus.ARCHIVED:
        errors["position"] = _("“%(title)s” is archived: plan a live position.") % {
            "title": position.title
        }
    if headcount is None or headcount < 0:
        errors["headcount"] = _("Give the number of posts needed (0 or more).")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def staffing_line_create(
    *,
    stage: Stage,
    actor: User | None,
    position: Position,
    headcount: int,
    needed_by: dt.date | None = None,
    key: str = "",
) -> StaffingLine:
    """A line of a stage's staffing plan: the position, how many posts, needed by when."""
    org = stage.org
    common.require_same_org(org, position=position)
    _check_line(org, position, headcount)
    return common.create(
        StaffingLine(
            org=org,
            stage=stage,
            key=key or common.next_child_key(StaffingLine, org, stage.key),
            position=position,
            headcount=headcount,
            needed_by=needed_by,
            order=_next_order(stage.staffing.all()),
        ),
        actor=actor,
    )


@transaction.atomic
def staffing_line_update(*, line: StaffingLine, actor: User | None, **fields) -> StaffingLine:
    org = line.org
    common.require_same_org(org, position=fields.get("position"))
    before = common.saved_state(line, LINE_FIELDS)
    _set_fields(line, fields, LINE_FIELDS, "staffing_line_update")
    if "position" in fields and fields["position"].pk != before["position"]:
        _check_line(org, line.position, line.headcount)
    else:
        _check_line(org, None, line.headcount)
    return common.update(line, actor=actor, before=before)


@transaction.atomic
def staffing_line_delete(*, line: StaffingLine, actor: User | None) -> None:
    common.delete(line, actor=actor)


# --- the skills catalogue ---------------------------------------------------------------------


@transaction.atomic
def skill_create(
    *,
    org: Organization,
    actor: User | None,
    name: str,
    key: str = "",
    category: str = "",
    description: str = "",
) -> Skill:
    key = key or common.free_key(Skill, org, common.key_from_text(f"SK {name}", fallback="SK"))
    return common.create(
        Skill(
            org=org,
            key=key,
            name=name.strip(),
            category=category.strip(),
            description=description.strip(),
        ),
        actor=actor,
    )


@transaction.atomic
def skill_update(*, skill: Skill, actor: User | None, **fields) -> Skill:
    before = common.saved_state(skill, SKILL_FIELDS)
    _set_fields(skill, fields, SKILL_FIELDS, "skill_update")
    return common.update(skill, actor=actor, before=before)


@transaction.atomic
def skill_delete(*, skill: Skill, actor: User | None) -> None:
    """Delete a skill no position requires and no one is assessed in."""
    required = PositionSkill.objects.filter(org=skill.org, skill=skill).count()
    assessed = EmployeeSkill.objects.filter(org=skill.org, skill=skill).count()
    if required or assessed:
        raise ValidationError(
            _(
                "“%(name)s” is required by %(required)s position(s) and assessed for "
                "%(assessed)s employee(s): remove those first."
            )
            % {"name": skill.name, "required": required, "assessed": assessed}
        )
    common.delete(skill, actor=actor)


# --- required skills of a position, assessed skills of an employee ---------------------------


def _check_level(level: int | None) -> None:
    if level is None or not 1 <= level <= 5:
        raise ValidationError({"level": _("Give a level from 1 (basic) to 5 (expert).")})


@transaction.atomic
def position_skill_set(
    *, position: Position, actor: User | None, skill: Skill, level: int
) -> PositionSkill:
    """Require a skill of a position at a level (or change the level it requires)."""
    org = position.org
    common.require_same_org(org, skill=skill)
    _check_level(level)
    row = PositionSkill.objects.filter(org=org, position=position, skill=skill).first()
    if row is None:
        return common.create(
            PositionSkill(
                org=org,
                position=position,
                skill=skill,
                level=level,
                key=common.next_child_key(PositionSkill, org, position.key),
                order=_next_order(position.skill_requirements.all()),
            ),
            actor=actor,
        )
    before = common.saved_state(row, ["level"])
    row.level = level
    return common.update(row, actor=actor, before=before)


@transaction.atomic
def position_skill_delete(*, requirement: PositionSkill, actor: User | None) -> None:
    common.delete(requirement, actor=actor)


@transaction.atomic
def employee_skill_set(
    *,
    employee: Employee,
    actor: User | None,
    skill: Skill,
    level: int,
    assessed_on: dt.date | None = None,
) -> EmployeeSkill:
    """Record an employee's assessed level in a skill (a new assessment replaces the old)."""
    org = employee.org
    common.require_same_org(org, skill=skill)
    _check_level(level)
    row = EmployeeSkill.objects.filter(org=org, employee=employee, skill=skill).first()
    if row is None:
        return common.create(
            EmployeeSkill(
                org=org,
                employee=employee,
                skill=skill,
                level=level,
                assessed_on=assessed_on,
                key=common.next_child_key(EmployeeSkill, org, employee.key),
                order=_next_order(employee.skills.all()),
            ),
            actor=actor,
        )
    before = common.saved_state(row, ["level", "assessed_on"])
    row.level = level
    row.assessed_on = assessed_on
    return common.update(row, actor=actor, before=before)


@transaction.atomic
def employee_skill_delete(*, assessment: EmployeeSkill, actor: User | None) -> None:
    common.delete(assessment, actor=actor)


# --- importing the catalogue from a table ------------------------------------------------------

SKILLS_KIND = tables.Kind(
    "skills",
    N_("Skills"),
    (
        tables.Field(
            "key",
            N_("Key"),
            aliases=("key", "code", "skill key", "skill code", "id", "技能编号", "编号", "代码"),
            help=N_("Left empty, the skill is matched by its name, or a key is made from it."),
        ),
        tables.Field(
            "name",
            N_("Name"),
            required=True,
            aliases=("name", "skill", "skill name", "preferred label", "技能", "技能名称", "名称"),
        ),
        tables.Field(
            "category",
            N_("Category"),
            aliases=("category", "group", "area", "type", "类别", "分类"),
        ),
        tables.Field(
            "description",
            N_("Description"),
            aliases=("description", "definition", "details", "描述", "说明"),
        ),
    ),
    N_("One row per skill: key, name, category, description."),
)
LIMITS = {"name": 200, "category": 100, "key": 64}


@dataclass
class SkillsImportReport:
    dry_run: bool
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def _skill_rows(
    table: tables.Table, existing: dict[str, Skill]
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Every row checked: the values to write, and every problem with its row and field."""
    mapping = tables.suggest_mapping(SKILLS_KIND, table.headers)
    problems = tables.check_mapping(SKILLS_KIND, table, mapping)
    if problems:
        return [], problems
    index = {name: table.headers.index(col) for col, name in mapping.items()}
    by_name = {s.name.casefold(): s.key for s in existing.values()}
    seen_keys: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    taken = set(existing)
    out = []

    def problem(_row: int, _field: str, _template: str, **params) -> None:
        problems.append(Problem(table.name, _row, _field, _template, params))

    for r in table.rows:
        values = {
            name: (r.cells[i] if i < len(r.cells) else "").strip() for name, i in index.items()
        }
        for name, limit in LIMITS.items():
            if len(values.get(name, "")) > limit:
                problem(
                    r.number,
                    name,
                    N_("at most %(limit)s characters (this has %(n)s)"),
                    limit=limit,
                    n=len(values[name]),
                )
        name = values.get("name", "")
        if not name:
            problem(r.number, "name", N_("empty: every skill needs a name"))
        key = values.get("key", "")
        if key and not KEY_PATTERN.match(key):
            problem(
                r.number,
                "key",
                N_(
                    "“%(key)s” cannot be a key: use 1–64 letters, digits, '.', '_' or '-', "
                    "starting with a letter or digit"
                ),
                key=key,
            )
        if not key and name:
            key = by_name.get(name.casefold(), "")
            if not key:
                base = tables.key_from_text(f"SK {name}", fallback="SK")
                key, n = base, 2
                while key in taken:
                    key, n = f"{base[:56]}-{n}", n + 1
        if key in seen_keys:
            problem(
                r.number,
                "key",
                N_("“%(key)s” is also on row %(row)s: one row per skill"),
                key=key,
                row=seen_keys[key],
            )
        elif name and name.casefold() in seen_names and not values.get("key"):
            problem(
                r.number,
                "name",
                N_("“%(name)s” is also on row %(row)s: one row per skill"),
                name=name,
                row=seen_names[name.casefold()],
            )
        if key:
            seen_keys.setdefault(key, r.number)
            taken.add(key)
        if name:
            seen_names.setdefault(name.casefold(), r.number)
        out.append({**values, "row": r.number, "key": key})
    return out, problems


@transaction.atomic
def skills_import(
    *, org: Organization, actor: User | None, data: bytes, name: str, dry_run: bool = False
) -> SkillsImportReport:
    """Upsert skills from a CSV or XLSX table (by key, else by name); all or nothing.

    Raises :class:`~remit.orgfile.tables.TableError` for an unreadable file and
    :class:`~remit.orgfile.tables.TableProblems` listing every row's problems; then
    nothing is written.
    """
    table = tables.read_table(data, name)
    existing = {s.key: s for s in Skill.objects.filter(org=org)}
    rows, problems = _skill_rows(table, existing)
    if problems:
        raise TableProblems(sorted(problems, key=lambda p: (p.row or 0, p.field)))
    report = SkillsImportReport(dry_run=dry_run, rows=len(table.rows))
    events = []
    for row in rows:
        skill = existing.get(row["key"])
        values = {f: row[f] for f in ("name", "category", "description") if f in row}
        if skill is None:
            report.created.append(row["key"])
            if not dry_run:
                skill = Skill(org=org, key=row["key"], **values)
                skill.full_clean(validate_unique=False, validate_constraints=False)
                skill.save()
                events.append(
                    audit.event(
                        org=org,
                        actor=actor,
                        action=AuditAction.CREATE,
                        instance=skill,
                        after=audit.state(skill),
                        summary="Skills import",
                    )
                )
            continue
        before = audit.state(skill, SKILL_FIELDS)
        if all(getattr(skill, f) == v for f, v in values.items()):
            report.unchanged.append(skill.key)
            continue
        report.updated.append(skill.key)
        if not dry_run:
            for f, v in values.items():
                setattr(skill, f, v)
            skill.full_clean(validate_unique=False, validate_constraints=False)
            skill.save()
            events.append(
                audit.event(
                    org=org,
                    actor=actor,
                    action=AuditAction.UPDATE,
                    instance=skill,
                    before=before,
                    after=audit.state(skill, SKILL_FIELDS),
                    summary="Skills import",
                )
            )
    audit.record_many(events)
    return report
