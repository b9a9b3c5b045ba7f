"""Import positions, employees or an organisation chart from a CSV or XLSX file.

Four steps, plain forms (no JavaScript needed): upload (kind and file; the size
is checked before the file is read) -> match the file's columns to fields ->
preview (what would be created and changed, every problem by row and field;
nothing written) -> confirm (written, all or nothing). The file waits between
the steps in the server's data directory under a random name; only owners and
admins may import.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required, require
from remit.accounts.permissions import Capability
from remit.forms import StyledForm
from remit.orgfile import tables

from ..actions import imports as actions

ACCEPT = ".csv,.txt,.tsv,.xlsx,.xlsm"


def _owners_and_admins(request: HttpRequest) -> None:
    """Imports write many rows at once: owners and admins only (EDIT granted outright)."""
    request.area = "duties"
    require(request.membership, Capability.EDIT)


def _limits() -> tables.Limits:
    return tables.Limits(max_bytes=settings.REMIT_UPLOAD_MAX_BYTES)


def translated(problem: tables.Problem) -> str:
    """A problem's message in the user's language (the pure layer writes English)."""
    message = _(problem.template)
    return message % problem.params if problem.params else message


def _error_text(exc: tables.TableError) -> str:
    message = _(exc.template)
    return message % exc.params if exc.params else message


class UploadForm(StyledForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("What the file holds"),
        choices=[(k.name, gettext_lazy(k.label)) for k in tables.KINDS.values()],
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "CSV (UTF-8 or Windows encoding; comma, semicolon or tab) or Excel .xlsx, "
            "at most %(size)s. The first row names the columns."
        ) % {"size": tables.human_size(settings.REMIT_UPLOAD_MAX_BYTES)}

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > settings.REMIT_UPLOAD_MAX_BYTES:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {
                    "size": tables.human_size(f.size),
                    "limit": tables.human_size(settings.REMIT_UPLOAD_MAX_BYTES),
                }
            )
        return f


class MappingForm(StyledForm):
    """One choice per file column: the field it fills, or nothing."""

    def __init__(self, *args, kind: tables.Kind, table: tables.Table, initial_map: dict, **kw):
        super().__init__(*args, **kw)
        self.kind, self.table = kind, table
        choices = [("", _("— ignore —"))] + [
            (f.name, _(f.label) + (" *" if f.required else "")) for f in kind.fields
        ]
        for i, header in enumerate(table.headers):
            self.fields[f"col{i}"] = forms.ChoiceField(
                label=header,
                choices=choices,
                required=False,
                initial=initial_map.get(header, ""),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def rows(self):
        """(column, its select, the first few values) for the template's table."""
        for i, header in enumerate(self.table.headers):
            samples = [r.cells[i] for r in self.table.rows[:50] if i < len(r.cells) and r.cells[i]]
            yield header, self[f"col{i}"], samples[:3]

    def mapping(self) -> dict[str, str]:
        return {
            header: self.cleaned_data.get(f"col{i}") or ""
            for i, header in enumerate(self.table.headers)
            if self.cleaned_data.get(f"col{i}")
        }

    def clean(self):
        data = super().clean()
        for p in tables.check_mapping(self.kind, self.table, self.mapping()):
            label = _(self.kind.field(p.field).label) if p.field in self.kind.field_names else ""
            self.add_error(None, f"{label}: {translated(p)}" if label else translated(p))
        return data


def _upload_or_404(request: HttpRequest, token: str) -> actions.Upload:
    upload = actions.upload_get(request.org, token)
    if upload is None:
        raise Http404
    return upload


def _table(upload: actions.Upload) -> tables.Table:
    return tables.read_table(upload.data, upload.name, limits=_limits())


@org_member_required
def upload(request: HttpRequest) -> HttpResponse:
    _owners_and_admins(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        token = actions.upload_save(
            org=request.org,
            actor=request.user,
            kind=form.cleaned_data["kind"],
            name=f.name,
            chunks=f.chunks(),
        )
        try:
            _table(actions.upload_get(request.org, token))
        except tables.TableError as exc:
            actions.upload_delete(request.org, token)
            form.add_error("file", _error_text(exc))
        else:
            return redirect("org:import_map", request.org.slug, token)
    return render(
        request,
        "org/imports/upload.html",
        {"form": form, "kinds": tables.KINDS.values()},
        status=422 if form.errors else 200,
    )


@org_member_required
def mapping(request: HttpRequest, token: str) -> HttpResponse:
    _owners_and_admins(request)
    up = _upload_or_404(request, token)
    kind = tables.KINDS[up.kind]
    try:
        table = _table(up)
    except tables.TableError as exc:  # the limits changed since the upload
        actions.upload_delete(request.org, token)
        messages.error(request, _error_text(exc))
        return redirect("org:import_upload", request.org.slug)
    suggested = tables.suggest_mapping(kind, table.headers)
    form = MappingForm(
        request.POST or None,
        kind=kind,
        table=table,
        initial_map=up.mapping if up.mapping is not None else suggested,
    )
    if request.method == "POST" and form.is_valid():
        actions.upload_set_mapping(request.org, token, form.mapping())
        return redirect("org:import_preview", request.org.slug, token)
    return render(
        request,
        "org/imports/mapping.html",
        {"upload": up, "kind": kind, "table": table, "form": form, "suggested": suggested},
        status=422 if form.errors else 200,
    )


@org_member_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    """GET: what the import would do (nothing written). POST: do it."""
    _owners_and_admins(request)
    up = _upload_or_404(request, token)
    if up.mapping is None:
        return redirect("org:import_map", request.org.slug, token)
    kind = tables.KINDS[up.kind]
    confirm = request.method == "POST"
    problems: list[tables.Problem] = []
    report = None
    try:
        report = actions.table_import(
            org=request.org,
            actor=request.user,
            kind=up.kind,
            rows=_table(up),
            mapping=up.mapping,
            dry_run=not confirm,
        )
    except tables.TableError as exc:
        problems = [tables.Problem(up.name, None, "", exc.template, exc.params)]
    except tables.TableProblems as exc:
        problems = exc.problems
    if confirm and report is not None:
        actions.upload_delete(request.org, token)
        messages.success(
            request,
            _("Imported “%(name)s”: %(n)s change(s) from %(rows)s row(s).")
            % {"name": up.name, "n": report.changes, "rows": report.rows},
        )
        return redirect("org:duties", request.org.slug)
    return render(
        request,
        "org/imports/preview.html",
        _preview_context(up, kind, report, problems),
        status=422 if problems else 200,
    )


def _preview_context(up, kind, report, problems) -> dict:
    """The preview's rows: counts, problems and notes with their fields' labels, translated."""
    labels = {f.name: _(f.label) for f in kind.fields}
    notes = report.notes if report else []
    return {
        "upload": up,
        "kind": kind,
        "report": report,
        "entities": _entities(report) if report else [],
        "problems": [(p, labels.get(p.field, p.field), translated(p)) for p in problems],
        "notes": [(p, labels.get(p.field, p.field), translated(p)) for p in notes[:200]],
        "more_notes": max(0, len(notes) - 200),
        "mapping": [(c, labels.get(f, f)) for c, f in up.mapping.items()],
    }


ENTITY_LABELS = {
    "position": gettext_lazy("Positions"),
    "department": gettext_lazy("Departments"),
    "grade": gettext_lazy("Grades"),
    "employee": gettext_lazy("Employees"),
    "assignment": gettext_lazy("Assignments to positions"),
}


def _entities(report: actions.ImportReport) -> list[tuple[str, int, int, int]]:
    return [(ENTITY_LABELS.get(n, n), c, u, k) for n, c, u, k in report.entities()]


@org_member_required
@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    _owners_and_admins(request)
    _upload_or_404(request, token)
    actions.upload_delete(request.org, token)
    messages.info(request, _("The import was cancelled and the file deleted."))
    return redirect("org:import_upload", request.org.slug)
