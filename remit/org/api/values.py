"""API operations for the owner's values (A1): read (owners, and admins or managers when
shared with them) and replace (owners)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from remit.domain.values import Value, Visibility

from ..actions import values as actions
from ..queries import values as queries
from . import OrgSlug, forbidden, membership, perform

router = Router(tags=["values"])


class ValueChoiceOut(Schema):
    value: Value
    name: str = Field(description="The value's name: its label, or the owner's name for “other”.")
    rank: int = Field(description="1 is what the owner wants most.")
    words: str = Field(description="The owner's own words for this value.")
    objectives: list[str] = Field(description="The keys of the active objectives that serve it.")


class ValuesOut(Schema):
    statement: str = Field(description="What the owner really wants, in the owner's words.")
    visibility: Visibility = Field(description="Who besides owners may read the values.")
    choices: list[ValueChoiceOut] = Field(description="The ranked values, first-ranked first.")
    unserved: list[Value] = Field(description="Ranked values no active objective serves.")
    objectives_serving_none: list[str] = Field(
        description="Keys of active objectives that serve none of the ranked values."
    )


class ValueChoiceIn(Schema):
    value: Value
    rank: int = Field(description="1 is what the owner wants most; ranks must differ.")
    words: str = ""
    label: str = Field("", description="The name of an “other” value (required for it).")


class ValuesIn(Schema):
    statement: str = ""
    visibility: Visibility = Visibility.OWNERS
    choices: list[ValueChoiceIn] = Field([], description="Every ranked value; replaces the old.")


def _out(m) -> ValuesOut:
    row = queries.orientation(m)
    page = queries.values_page(m, row)
    return ValuesOut(
        statement=row.statement if row else "",
        visibility=row.visibility if row else Visibility.OWNERS,
        choices=[
            ValueChoiceOut(
                value=line.choice.value,
                name=line.choice.label or _(Value(line.choice.value).label),
                rank=line.choice.rank,
                words=line.choice.words,
                objectives=[o.key for o in line.objectives if o.status == "active"],
            )
            for line in page.lines
        ],
        unserved=[line.choice.value for line in page.unserved],
        objectives_serving_none=[o.key for o in page.serving_none + page.serving_unranked],
    )


@router.get(
    "/o/{org_slug}/values",
    response=ValuesOut,
    summary="Read the owner's values",
    description=(
        "The owner's words, the ranked values with the objectives serving each, the values "
        "no objective serves and the objectives serving none. Owners always; admins and "
        "managers only when the owner shared the values with them (403 otherwise)."
    ),
)
def values_get(request: HttpRequest, org_slug: OrgSlug):
    """The owner's value orientation."""
    m = membership(request, org_slug)
    if not queries.can_read_values(m):
        forbidden(_("Only owners, and those they share them with, read the owner's values."))
    return _out(m)


@router.put(
    "/o/{org_slug}/values",
    response=ValuesOut,
    summary="Replace the owner's values",
    description=(
        "Owners only. The statement, who may read it, and every ranked value (the list "
        "replaces the old one; ranks are renumbered 1, 2, 3 … in the order given)."
    ),
)
def values_put(request: HttpRequest, org_slug: OrgSlug, payload: ValuesIn):
    """Save the owner's value orientation."""
    m = membership(request, org_slug)
    if not queries.can_edit_values(m):
        forbidden(_("Only owners change the owner's values."))
    perform(
        actions.values_update,
        org=m.org,
        actor=request.user,
        statement=payload.statement,
        visibility=payload.visibility,
        choices=[actions.ChoiceIn(**c.model_dump()) for c in payload.choices],
    )
    return _out(m)
