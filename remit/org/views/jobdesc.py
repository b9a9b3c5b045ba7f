"""Job descriptions: assembled from the graph, shown, printed, downloaded, approved and
compared. (Part of the job responsibilities area.)"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required, require
from remit.accounts.permissions import Capability
from remit.render.fishbone import fishbone_svg
from remit.render.formats import FORMATS, position_for_fishbone
from remit.render.jd_diff import diff, render_diff_html_fragment
from remit.render.jd_html import render_html, render_html_fragment
from remit.render.jobdesc import JobDescription

from ..actions import duties as actions
from ..exports import export_path
from ..models import JobDescriptionExport
from ..queries import duties as queries
from ..queries.access import can_edit_position


def _area(request: HttpRequest) -> None:
    request.area = "duties"


def _jd_for(position, version: str | int | None) -> tuple[JobDescription, str]:
    """The current draft, or a frozen version (by number), with its label."""
    if version in (None, "", "draft"):
        return queries.job_description(position), _("current draft")
    row = queries.get_version(position, int(version))
    return JobDescription.from_dict(row.content), _("version %(n)s") % {"n": row.version}


def _version_arg(value: str | None) -> str | int | None:
    if value in (None, "", "draft"):
        return None
    if not str(value).isdigit():
        raise Http404
    return int(value)


@org_member_required
def jd(request: HttpRequest, key: str, version: int | None = None) -> HttpResponse:
    _area(request)
    position = queries.get_position(request.membership, key)
    jd, label = _jd_for(position, version)
    lang = translation.get_language()
    fishbone = fishbone_svg(position_for_fishbone(jd), t=translation.gettext)
    body = render_html_fragment(
        jd,
        t=translation.gettext,
        lang=lang,
        fishbone_svg=fishbone,
        org_name=request.org.name,
        version_label=label,
    )
    return render(
        request,
        "org/duties/jd.html",
        {
            "position": position,
            "body": body,
            "version": version,
            "label": label,
            "versions": queries.versions(position),
            "formats": FORMATS.values(),
            "can_edit": can_edit_position(request.membership, position),
            "can_approve": can_edit_position(request.membership, position, Capability.APPROVE),
        },
    )


@org_member_required
def jd_print(request: HttpRequest, key: str, version: int | None = None) -> HttpResponse:
    """The printable document on its own (A4 styles in its head, allowed by the page's nonce)."""
    position = queries.get_position(request.membership, key)
    jd, label = _jd_for(position, version)
    fishbone = fishbone_svg(position_for_fishbone(jd), t=translation.gettext)
    html = render_html(
        jd,
        t=translation.gettext,
        lang=translation.get_language(),
        fishbone_svg=fishbone,
        org_name=request.org.name,
        version_label=label,
    )
    nonce = request._csp_nonce  # the CSP middleware's nonce for this response
    return HttpResponse(html.replace("<style>", f'<style nonce="{nonce}">', 1))


@org_member_required
def jd_download(
    request: HttpRequest, key: str, fmt: str, version: int | None = None
) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    position = queries.get_position(request.membership, key)
    jd, label = _jd_for(position, version)
    content = queries.jd_document(
        jd, fmt, org_name=request.org.name, lang=translation.get_language(), version_label=label
    )
    name = queries.jd_filename(jd, fmt, f"v{version}" if version else "")
    response = HttpResponse(content, content_type=FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@org_member_required
def jd_compare(request: HttpRequest, key: str) -> HttpResponse:
    """Two versions side by side (default: the last approved against the current draft)."""
    _area(request)
    position = queries.get_position(request.membership, key)
    versions = queries.versions(position)
    a = (
        _version_arg(request.GET.get("a"))
        if request.GET.get("a")
        else (versions[0].version if versions else None)
    )
    b = _version_arg(request.GET.get("b"))
    old, old_label = _jd_for(position, a)
    new, new_label = _jd_for(position, b)
    fragment = render_diff_html_fragment(
        diff(old, new), t=translation.gettext, old_label=old_label, new_label=new_label
    )
    return render(
        request,
        "org/duties/jd_compare.html",
        {
            "position": position,
            "fragment": fragment,
            "versions": versions,
            "a": a,
            "b": b,
        },
    )


def _approval(request, key, capability):
    position = queries.get_position(request.membership, key)
    if not can_edit_position(request.membership, position, capability):
        raise PermissionDenied
    return position


@org_member_required
@require_POST
def jd_submit(request: HttpRequest, key: str) -> HttpResponse:
    position = _approval(request, key, Capability.EDIT)
    try:
        actions.jd_submit(position=position, actor=request.user)
        messages.success(request, _("The job description was submitted for approval."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("org:jd", request.org.slug, key)


@org_member_required
@require_POST
def jd_approve(request: HttpRequest, key: str) -> HttpResponse:
    position = _approval(request, key, Capability.APPROVE)
    try:
        version = actions.jd_approve(
            position=position,
            actor=request.user,
            note=request.POST.get("note", ""),
            content=queries.job_description(position).to_dict(),
        )
        messages.success(request, _("Approved as version %(n)s.") % {"n": version.version})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("org:jd", request.org.slug, key)


@org_member_required
@require_POST
def jd_return(request: HttpRequest, key: str) -> HttpResponse:
    position = _approval(request, key, Capability.APPROVE)
    try:
        actions.jd_return(position=position, actor=request.user, note=request.POST.get("note", ""))
        messages.success(request, _("The job description was sent back to draft."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("org:jd", request.org.slug, key)


@org_member_required
def export_start(request: HttpRequest) -> HttpResponse:
    _area(request)
    require(request.membership, Capability.READ)
    if request.method == "POST":
        fmt = request.POST.get("format", "pdf")
        if fmt not in FORMATS:
            raise Http404
        export = actions.jd_export_start(
            org=request.org, actor=request.user, fmt=fmt, lang=translation.get_language()
        )
        return redirect("org:jd_export", request.org.slug, export.pk)
    recent = JobDescriptionExport.objects.filter(
        org=request.org, requested_by=request.user
    ).order_by("-created_at")[:5]
    return render(
        request, "org/duties/export.html", {"formats": FORMATS.values(), "recent": recent}
    )


@org_member_required
def export_status(request: HttpRequest, export_id: int) -> HttpResponse:
    """The progress page; htmx polls it and swaps the progress bar until the file is ready."""
    _area(request)
    export = get_object_or_404(
        JobDescriptionExport, pk=export_id, org=request.org, requested_by=request.user
    )
    template = "org/duties/export.html#progress" if request.htmx else "org/duties/export.html"
    return render(request, template, {"export": export, "formats": FORMATS.values()})


@org_member_required
def export_download(request: HttpRequest, export_id: int) -> HttpResponse:
    export = get_object_or_404(
        JobDescriptionExport,
        pk=export_id,
        org=request.org,
        requested_by=request.user,
        status="done",
    )
    path = export_path(export)
    if not path.exists():
        raise Http404
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"{request.org.slug}-job-descriptions-{export.format}.zip",
    )
