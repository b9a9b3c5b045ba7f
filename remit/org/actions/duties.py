"""Writes for the four steps: purpose, key result areas, targets, responsibilities;
and the job description's approval, which freezes a version."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, User
from remit.domain.duties import JDStatus
from remit.render.formats import FORMATS

from ..models import (
    JobDescriptionExport,
    JobDescriptionVersion,
    Objective,
    Position,
    Procedure,
    Responsibility,
    ResultArea,
    Target,
)
from . import common

AREA_FIELDS = ["title", "weight", "description"]
TARGET_FIELDS = ["statement", "metric", "target", "period", "deadline", "objective"]
RESPONSIBILITY_FIELDS = ["statement", "frequency", "time_share", "authority"]


def _touch(position: Position, actor: User | None) -> None:
    """Any change to the four steps sends an approved job description back to draft."""
    if position.jd_status != JDStatus.DRAFT:
        before = {"jd_status": position.jd_status}
        position.jd_status = JDStatus.DRAFT
        position.save(update_fields=["jd_status"])
        audit.record(
            org=position.org,
            actor=actor,
            action=AuditAction.UPDATE,
            instance=position,
            before=before,
            after={"jd_status": JDStatus.DRAFT.value},
            summary="Back to draft after a change",
        )


def _next_order(qs) -> int:
    top = qs.aggregate(m=Max("order"))["m"]
    return 0 if top is None else top + 1


# --- B1 purpose -----------------------------------------------------------------------


@transaction.atomic
def purpose_update(
    *,
    position: Position,
    actor: User | None,
    basis: str,
    content: str,
    performance: str,
    objectives: list[Objective] | None = None,
) -> Position:
    org = position.org
    common.require_same_org(org, objectives=objectives or [])
    fields = ["purpose_basis", "purpose_content", "purpose_performance"]
    before = audit.state(position, fields)
    before["purpose_objectives"] = sorted(position.purpose_objectives.values_list("key", flat=True))
    position.purpose_basis = basis.strip()
    position.purpose_content = content.strip()
    position.purpose_performance = performance.strip()
    position.save(update_fields=fields)
    if objectives is not None:
        position.purpose_objectives.set(objectives)
    after = audit.state(position, fields)
    after["purpose_objectives"] = (
        sorted(o.key for o in objectives)
        if objectives is not None
        else before["purpose_objectives"]
    )
    if audit.record(
        org=org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=position,
        before=before,
        after=after,
        summary="Purpose",
    ):
        _touch(position, actor)
    return position


# --- B2 key result areas --------------------------------------------------------------


@transaction.atomic
def result_area_create(
    *,
    position: Position,
    actor: User | None,
    title: str,
    weight: Decimal | None = None,
    description: str = "",
) -> ResultArea:
    org = position.org
    area = common.create(
        ResultArea(
            org=org,
            position=position,
            key=common.next_child_key(ResultArea, org, position.key),
            title=title.strip(),
            weight=weight,
            description=description.strip(),
            order=_next_order(position.result_areas.all()),
        ),
        actor=actor,
    )
    _touch(position, actor)
    return area


@transaction.atomic
def result_area_update(*, area: ResultArea, actor: User | None, **fields) -> ResultArea:
    before = common.saved_state(area, AREA_FIELDS)
    for name, value in fields.items():
        if name not in AREA_FIELDS:
            raise TypeError(f"result_area_update() got an unknown field {name!r}")
        setattr(area, name, value.strip() if isinstance(value, str) else value)
    common.update(area, actor=actor, before=before)
    _touch(area.position, actor)
    return area


@transaction.atomic
def result_area_delete(*, area: ResultArea, actor: User | None) -> None:
    position = area.position
    common.delete(area, actor=actor)
    _touch(position, actor)


@transaction.atomic
def result_areas_reorder(*, position: Position, actor: User | None, keys: list[str]) -> None:
    common.reorder(list(position.result_areas.all()), keys, actor=actor)
    _touch(position, actor)


# --- B3 targets ------------------------------------------------------------------------


@transaction.atomic
def target_create(
    *,
    area: ResultArea,
    actor: User | None,
    statement: str,
    metric: str = "",
    target: str = "",
    period: str = "",
    deadline=None,
    objective: Objective | None = None,
) -> Target:
    org = area.org
    common.require_same_org(org, objective=objective)
    row = common.create(
        Target(
            org=org,
            result_area=area,
            key=common.next_child_key(Target, org, area.key),
            statement=statement.strip(),
            metric=metric.strip(),
            target=target.strip(),
            period=period or "",
            deadline=deadline,
            objective=objective,
            order=_next_order(area.targets.all()),
        ),
        actor=actor,
    )
    _touch(area.position, actor)
    return row


@transaction.atomic
def target_update(*, target: Target, actor: User | None, **fields) -> Target:
    common.require_same_org(target.org, objective=fields.get("objective"))
    before = common.saved_state(target, TARGET_FIELDS)
    for name, value in fields.items():
        if name not in TARGET_FIELDS:
            raise TypeError(f"target_update() got an unknown field {name!r}")
        setattr(target, name, value.strip() if isinstance(value, str) else value)
    common.update(target, actor=actor, before=before)
    _touch(target.result_area.position, actor)
    return target


@transaction.atomic
def target_delete(*, target: Target, actor: User | None) -> None:
    position = target.result_area.position
    common.delete(target, actor=actor)
    _touch(position, actor)


@transaction.atomic
def targets_reorder(*, area: ResultArea, actor: User | None, keys: list[str]) -> None:
    common.reorder(list(area.targets.all()), keys, actor=actor)
    _touch(area.position, actor)


# --- B4 responsibilities ------------------------------------------------------------------


@transaction.atomic
def responsibility_create(
    *,
    target: Target,
    actor: User | None,
    statement: str,
    frequency: str = "",
    time_share: Decimal | None = None,
    authority: str = "executes",
    procedures: list[Procedure] | None = None,
) -> Responsibility:
    org = target.org
    common.require_same_org(org, procedures=procedures or [])
    row = common.create(
        Responsibility(
            org=org,
            target=target,
            key=common.next_child_key(Responsibility, org, target.key),
            statement=statement.strip(),
            frequency=frequency or "",
            time_share=time_share,
            authority=authority,
            order=_next_order(target.responsibilities.all()),
        ),
        actor=actor,
    )
    if procedures:
        row.procedures.set(procedures)
    _touch(target.result_area.position, actor)
    return row


@transaction.atomic
def responsibility_update(
    *,
    responsibility: Responsibility,
    actor: User | None,
    procedures: list[Procedure] | None = None,
    **fields,
) -> Responsibility:
    org = responsibility.org
    common.require_same_org(org, procedures=procedures or [])
    before = common.saved_state(responsibility, RESPONSIBILITY_FIELDS)
    for name, value in fields.items():
        if name not in RESPONSIBILITY_FIELDS:
            raise TypeError(f"responsibility_update() got an unknown field {name!r}")
        setattr(responsibility, name, value.strip() if isinstance(value, str) else value)
    responsibility.full_clean(validate_unique=False)
    responsibility.save()
    after = audit.state(responsibility, RESPONSIBILITY_FIELDS)
    if procedures is not None:
        before["procedures"] = sorted(responsibility.procedures.values_list("key", flat=True))
        responsibility.procedures.set(procedures)
        after["procedures"] = sorted(p.key for p in procedures)
    if audit.record(
        org=org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=responsibility,
        before=before,
        after=after,
    ):
        _touch(responsibility.target.result_area.position, actor)
    return responsibility


@transaction.atomic
def responsibility_delete(*, responsibility: Responsibility, actor: User | None) -> None:
    position = responsibility.target.result_area.position
    common.delete(responsibility, actor=actor)
    _touch(position, actor)


@transaction.atomic
def responsibilities_reorder(*, target: Target, actor: User | None, keys: list[str]) -> None:
    common.reorder(list(target.responsibilities.all()), keys, actor=actor)
    _touch(target.result_area.position, actor)


# --- approval ---------------------------------------------------------------------------------


def _set_status(position: Position, status: JDStatus, actor: User | None, summary: str) -> None:
    before = {"jd_status": position.jd_status}
    position.jd_status = status
    position.save(update_fields=["jd_status"])
    audit.record(
        org=position.org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=position,
        before=before,
        after={"jd_status": status.value},
        summary=summary,
    )


@transaction.atomic
def jd_submit(*, position: Position, actor: User | None) -> Position:
    """Ask for approval of the current draft."""
    if position.jd_status != JDStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for approval."))
    _set_status(position, JDStatus.SUBMITTED, actor, "Submitted for approval")
    return position


@transaction.atomic
def jd_return(*, position: Position, actor: User | None, note: str = "") -> Position:
    """Send a submitted job description back to draft."""
    if position.jd_status != JDStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted job description can be sent back."))
    _set_status(
        position, JDStatus.DRAFT, actor, f"Sent back: {note}"[:300] if note else "Sent back"
    )
    return position


@transaction.atomic
def jd_approve(
    *,
    position: Position,
    actor: User | None,
    content: dict,
    note: str = "",
    approver_name: str = "",
) -> JobDescriptionVersion:
    """Approve the submitted job description: freeze ``content`` as the next version."""
    if position.jd_status != JDStatus.SUBMITTED:
        raise ValidationError(_("Submit the job description before approving it."))
    last = position.jd_versions.aggregate(m=Max("version"))["m"] or 0
    version = common.create(
        JobDescriptionVersion(
            org=position.org,
            position=position,
            key=f"{position.key}-v{last + 1}",
            version=last + 1,
            approved_on=timezone.localdate(),
            approved_by=approver_name or (actor.display_name if actor else ""),
            approved_by_user=actor,
            note=note.strip(),
            content=content,
        ),
        actor=actor,
    )
    _set_status(position, JDStatus.APPROVED, actor, f"Approved as version {last + 1}")
    return version


@transaction.atomic
def jd_export_start(*, org, actor: User | None, fmt: str, lang: str) -> JobDescriptionExport:
    """Queue the export of every job description as one ZIP file."""
    from ..exports import export_job_descriptions  # the task imports the queries

    if fmt not in FORMATS:
        raise ValidationError(_("Unknown format."))
    export = JobDescriptionExport.objects.create(
        org=org, requested_by=actor, format=fmt, language=lang
    )
    transaction.on_commit(lambda: export_job_descriptions.enqueue(export.pk))
    return export


@transaction.atomic
def jd_freeze_unversioned(*, org, actor: User | None, approver_name: str) -> int:
    """Give every approved job description without a frozen version its version 1.

    An organisation file can mark positions approved (the demo does); their first
    version is frozen from the graph as it stands, as if approved today.
    """
    from remit.render.jobdesc import assemble

    from .. import snapshot

    positions = list(
        Position.objects.filter(org=org, jd_status=JDStatus.APPROVED, jd_versions__isnull=True)
    )
    if not positions:
        return 0
    snap = snapshot.load(org)
    today = timezone.localdate()
    for position in positions:
        common.create(
            JobDescriptionVersion(
                org=org,
                position=position,
                key=f"{position.key}-v1",
                version=1,
                approved_on=today,
                approved_by=approver_name,
                approved_by_user=actor,
                content=assemble(snap, position.key, on=today).to_dict(),
            ),
            actor=actor,
        )
    return len(positions)
