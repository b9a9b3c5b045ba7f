"""The organisation's JSON API: one router per area, and what their operations share.

Every operation names its organisation in the path (``/o/{org_slug}/…``), typed
:data:`OrgSlug`: reading the path resolves the caller's membership, so a non-member
gets 404 before anything else is read (a malformed body included). Writes check the
permission matrix (403 with a message), turn the keys a payload names into rows (422
naming the field and the key) and call the area's actions, whose ``ValidationError``
becomes a 422 answer listing every problem with its field; nothing is written then.
"""

from collections.abc import Callable
from typing import Annotated, Any, NoReturn

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.errors import ValidationError as Unprocessable
from pydantic import AfterValidator, ValidationInfo

from remit.accounts.api import api_membership
from remit.accounts.models import Membership, Organization
from remit.accounts.permissions import Capability, Grant, grant, has

from ..models.base import OrgModel
from ..queries.access import can_edit_position

PAGE_SIZE = 50


def _resolve_membership(slug: str, info: ValidationInfo) -> str:
    request = info.context["request"]
    request.membership = api_membership(request, slug)
    return slug


OrgSlug = Annotated[str, AfterValidator(_resolve_membership)]
"""An organisation's slug in a path; reading it resolves the caller's membership (404 if none)."""


def membership(request: HttpRequest, org_slug: str) -> Membership:
    """The caller's membership in the organisation of the URL (resolved once per request)."""
    m = getattr(request, "membership", None)
    if m is None or m.org.slug != org_slug:
        m = request.membership = api_membership(request, org_slug)
    return m


# --- access -------------------------------------------------------------------------------


def forbidden(message: str = "") -> NoReturn:
    raise HttpError(403, message or _("Your role does not allow this change."))


def require_edit(m: Membership) -> None:
    """403 unless the role may edit everything (owners and admins)."""
    if not has(m, Capability.EDIT):
        forbidden()


def require_grant(m: Membership, capability: Capability = Capability.EDIT) -> None:
    """403 unless the role has the capability at all (a manager's scope is checked on the row)."""
    if grant(m, capability) is Grant.NO:
        forbidden()


def require_position(m: Membership, position, capability: Capability = Capability.EDIT) -> None:
    """403 unless the member may change the position (managers: their department subtree)."""
    if not can_edit_position(m, position, capability):
        forbidden(_("Your role does not allow changing “%(key)s”.") % {"key": position.key})


# --- writes ---------------------------------------------------------------------------------


def _problems(exc: ValidationError, names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Every message of a ValidationError with the API field it concerns (None: the whole request)."""
    names = names or {}
    by_field = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    out = []
    for field, messages in by_field.items():
        name = names.get(field, field)
        for message in messages:
            out.append({"field": None if name == NON_FIELD_ERRORS else name, "message": message})
    return out


def perform[T](action: Callable[..., T], /, *, names: dict[str, str] | None = None, **kwargs) -> T:
    """Call an action; its ValidationError becomes a 422 answer listing each problem."""
    try:
        return action(**kwargs)
    except ValidationError as exc:
        raise Unprocessable(_problems(exc, names)) from None


def rows_by_key(org: Organization, data: dict[str, Any], **models: type[OrgModel]) -> dict:
    """Replace the keys a payload names (``"department": "FIN"``, lists too) by the rows.

    Only the fields present in ``data`` are looked up (a PATCH leaves the others alone);
    ``None`` stays ``None``. Every unknown key is reported, all together, as one 422.
    """
    errors = []
    for field, model in models.items():
        if field not in data or data[field] is None:
            continue
        value = data[field]
        keys = list(dict.fromkeys(value)) if isinstance(value, list) else [value]
        found = {r.key: r for r in model.objects.filter(org=org, key__in=keys)}
        for key in keys:
            if key not in found:
                errors.append(
                    {
                        "field": field,
                        "message": _("No %(what)s has the key “%(key)s”.")
                        % {"what": model._meta.verbose_name, "key": key},
                    }
                )
        data[field] = (
            [found[k] for k in keys if k in found] if isinstance(value, list) else found.get(value)
        )
    if errors:
        raise Unprocessable(errors)
    return data
