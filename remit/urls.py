from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from remit.accounts import views as accounts_views
from remit.api import api


def healthz(request):
    """Liveness for load balancers, and the benchmarks' floor: the cheapest possible page."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", accounts_views.home, name="home"),
    path("account/", include("remit.accounts.urls")),
    path("orgs/new/", accounts_views.org_create, name="org_create"),
    path("invite/<str:token>/", accounts_views.invite_accept, name="invite_accept"),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("o/<slug:org_slug>/", include("remit.org.urls")),
    path("api/v1/", api.urls),
    path("favicon.ico", lambda request: redirect(static("img/remit.svg"), permanent=True)),
]
