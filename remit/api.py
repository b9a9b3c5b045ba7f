"""The JSON API at /api/v1/: one NinjaAPI, one router per area.

Authentication is a personal API token (``Authorization: Bearer remit_…``) or the
browser session (with CSRF protection). Every organisation-scoped operation
resolves its organisation from the URL and answers 404 to non-members.
"""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import APIKeyHeader, HttpBearer, django_auth

from remit.accounts.actions import token_authenticate
from remit.accounts.api import router as accounts_router
from remit.org.api import people_employees as people_employees_api
from remit.org.api import people_staffing as people_staffing_api
from remit.org.api import plan as plan_api
from remit.org.api import resources as resources_api
from remit.org.api import strategy as strategy_api
from remit.org.api import values as values_api
from remit.org.api.duties import router as duties_router
from remit.org.api.people import router as people_router


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str):
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class TokenHeaderAuth(APIKeyHeader):
    """The same token in an ``X-API-Token`` header, for tools that cannot set Bearer."""

    param_name = "X-API-Token"

    def authenticate(self, request: HttpRequest, key: str | None):
        user = token_authenticate(key) if key else None
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Remit API",
    version="1",
    description=(
        "Remit's JSON API. Authenticate with a personal API token "
        "(`Authorization: Bearer remit_…`, created under Account → API tokens). "
        "Organisation-scoped operations live under `/o/{org_slug}/`; an organisation "
        "you are not a member of answers 404. Lists are paginated (`page`, 50 per page)."
    ),
    urls_namespace="api",
    auth=[TokenAuth(), TokenHeaderAuth(), django_auth],
)
api.add_router("/", accounts_router)
api.add_router("/", people_router)
api.add_router("/", duties_router)
for _area_router in (
    values_api.router,
    strategy_api.router,
    plan_api.router,
    resources_api.router,
    people_staffing_api.router,
    people_employees_api.router,
):
    api.add_router("/", _area_router)


@api.exception_handler(NinjaValidationError)
def request_invalid(request: HttpRequest, exc: NinjaValidationError):
    """Malformed requests answer in the same shape as the actions' validation errors:
    {"detail": [{"field": …, "message": …}, …]} listing every problem."""
    detail = []
    for err in exc.errors:
        if "message" in err:  # already in Remit's shape (raised by an API operation)
            detail.append({"field": err.get("field"), "message": err["message"]})
            continue
        loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "payload", "query", "path")]
        detail.append({"field": ".".join(loc) or None, "message": err.get("msg", "")})
    return api.create_response(request, {"detail": detail}, status=422)
