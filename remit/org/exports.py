"""Every position's job description in one ZIP file: built by a background task (the web)
or directly (`remit jd --all`)."""

import zipfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from remit.accounts.models import Organization
from remit.domain.people import PositionStatus
from remit.render.jobdesc import assemble

from . import snapshot
from .models import JobDescriptionExport
from .queries.duties import jd_document, jd_filename


def export_path(export: JobDescriptionExport) -> Path:
    return (
        Path(settings.DATA_DIR) / "exports" / export.org.slug / f"job-descriptions-{export.pk}.zip"
    )


def write_zip(
    org: Organization,
    target: Path,
    *,
    fmt: str,
    lang: str,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> int:
    """Write the ZIP of all current positions' job descriptions; return how many."""
    snap = snapshot.load(org)  # one load for all: assembling is then pure
    today = timezone.localdate()
    keys = [p.key for p in snap.positions.values() if p.status != PositionStatus.ARCHIVED]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i, key in enumerate(keys, start=1):
            jd = assemble(snap, key, on=today)
            zf.writestr(jd_filename(jd, fmt), jd_document(jd, fmt, org_name=org.name, lang=lang))
            progress(i, len(keys))
    partial.replace(target)  # a half-written file is never offered for download
    return len(keys)


@task()
def export_job_descriptions(export_id: int) -> int:
    """The background task: build the ZIP, counting progress as it goes."""
    export = JobDescriptionExport.objects.select_related("org").get(pk=export_id)
    JobDescriptionExport.objects.filter(pk=export_id).update(status="running")

    def progress(done: int, total: int) -> None:
        JobDescriptionExport.objects.filter(pk=export_id).update(done=done, total=total)

    try:
        n = write_zip(
            export.org,
            export_path(export),
            fmt=export.format,
            lang=export.language,
            progress=progress,
        )
    except Exception as exc:
        JobDescriptionExport.objects.filter(pk=export_id).update(
            status="failed", error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    JobDescriptionExport.objects.filter(pk=export_id).update(
        status="done", done=F("total"), finished_at=timezone.now()
    )
    return n
