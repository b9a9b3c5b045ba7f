"""The owner's value orientation (A1): a private page, shared with admins or managers
only when the owner chooses to."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from remit.accounts.access import org_member_required

from ..actions import values as actions
from ..forms.values import ValuesForm
from ..queries import values as queries


@org_member_required
def values(request: HttpRequest) -> HttpResponse:
    request.area = "values"
    row = queries.require_values_read(request.membership)
    return render(
        request,
        "org/values/values.html",
        {
            "page": queries.values_page(request.membership, row),
            "can_edit": queries.can_edit_values(request.membership),
        },
    )


@org_member_required
def values_edit(request: HttpRequest) -> HttpResponse:
    request.area = "values"
    if not queries.can_edit_values(request.membership):
        raise PermissionDenied
    row = queries.orientation(request.membership)
    if request.method == "POST":
        form = ValuesForm(request.POST)
        if form.is_valid():
            try:
                actions.values_update(
                    org=request.org,
                    actor=request.user,
                    statement=form.cleaned_data["statement"],
                    visibility=form.cleaned_data["visibility"],
                    choices=form.choices(),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Your values were saved."))
                return redirect("org:values", request.org.slug)
    else:
        form = ValuesForm(initial=ValuesForm.initial_from(row, queries.value_choices(row)))
    return render(
        request,
        "org/values/edit.html",
        {"form": form, "row": row},
    )


urlpatterns = [
    path("values/", values, name="values"),
    path("values/edit/", values_edit, name="values_edit"),
]
