"""Addresses inside one organisation: /o/<org_slug>/…"""

from django.urls import path

from remit.accounts.urls import org_urlpatterns as accounts_org_urlpatterns

from . import registers
from .views import (
    duties,
    health,
    home,
    imports,
    jobdesc,
    library,
    people,
    people_employees,
    people_staffing,
    plan,
    registers_areas,
    registers_people,
    resources,
    strategy,
    values,
)

app_name = "org"

# Each area's views module lists its own addresses; the shared file only includes them.
AREA_URLPATTERNS = [
    *registers_areas.urlpatterns,
    *values.urlpatterns,
    *strategy.urlpatterns,
    *plan.urlpatterns,
    *resources.urlpatterns,
    *people_staffing.urlpatterns,
    *people_employees.urlpatterns,
]

duties_urlpatterns = [
    path("duties/", duties.positions, name="duties"),
    path("duties/<str:key>/", duties.position, name="position"),
    path("duties/<str:key>/purpose/", duties.purpose_save, name="purpose_save"),
    path("duties/<str:key>/purpose-preview/", duties.purpose_preview, name="purpose_preview"),
    path("duties/<str:key>/areas/new/", duties.area_save, name="area_create"),
    path("duties/<str:key>/areas-order/", duties.areas_reorder, name="areas_reorder"),
    path("duties/<str:key>/areas/<str:area_key>/", duties.area_save, name="area_update"),
    path("duties/<str:key>/areas/<str:area_key>/delete/", duties.area_delete, name="area_delete"),
    path(
        "duties/<str:key>/areas/<str:area_key>/targets/new/",
        duties.target_save,
        name="target_create",
    ),
    path("duties/<str:key>/targets/<str:target_key>/", duties.target_save, name="target_update"),
    path(
        "duties/<str:key>/targets/<str:target_key>/delete/",
        duties.target_delete,
        name="target_delete",
    ),
    path("duties/<str:key>/targets/<str:target_key>/move/", duties.target_move, name="target_move"),
    path(
        "duties/<str:key>/targets/<str:target_key>/responsibilities/new/",
        duties.responsibility_save,
        name="responsibility_create",
    ),
    path("duties/<str:key>/suggest/", duties.responsibility_suggest, name="responsibility_suggest"),
    path(
        "duties/<str:key>/responsibilities/<str:resp_key>/",
        duties.responsibility_save,
        name="responsibility_update",
    ),
    path(
        "duties/<str:key>/responsibilities/<str:resp_key>/delete/",
        duties.responsibility_delete,
        name="responsibility_delete",
    ),
    path(
        "duties/<str:key>/responsibilities/<str:resp_key>/move/",
        duties.responsibility_move,
        name="responsibility_move",
    ),
]

jd_urlpatterns = [
    path("duties/<str:key>/jd/", jobdesc.jd, name="jd"),
    path("duties/<str:key>/jd/v<int:version>/", jobdesc.jd, name="jd_version"),
    path("duties/<str:key>/jd/print/", jobdesc.jd_print, name="jd_print"),
    path("duties/<str:key>/jd/v<int:version>/print/", jobdesc.jd_print, name="jd_version_print"),
    path("duties/<str:key>/jd/download/<str:fmt>/", jobdesc.jd_download, name="jd_download"),
    path(
        "duties/<str:key>/jd/v<int:version>/download/<str:fmt>/",
        jobdesc.jd_download,
        name="jd_version_download",
    ),
    path("duties/<str:key>/jd/compare/", jobdesc.jd_compare, name="jd_compare"),
    path("duties/<str:key>/jd/submit/", jobdesc.jd_submit, name="jd_submit"),
    path("duties/<str:key>/jd/approve/", jobdesc.jd_approve, name="jd_approve"),
    path("duties/<str:key>/jd/return/", jobdesc.jd_return, name="jd_return"),
    path("duties-export/", jobdesc.export_start, name="jd_export_start"),
    path("duties-export/<int:export_id>/", jobdesc.export_status, name="jd_export"),
    path(
        "duties-export/<int:export_id>/download/",
        jobdesc.export_download,
        name="jd_export_download",
    ),
]

people_urlpatterns = [
    path("people/", people.overview, name="people"),
    path("people/chart/", people.chart, name="chart"),
    path("people/departments/new/", people.department_edit, name="department_create"),
    path("people/departments/<str:key>/", people.department_edit, name="department_update"),
    path(
        "people/departments/<str:key>/delete/", people.department_delete, name="department_delete"
    ),
    path("people/positions/new/", people.position_edit, name="position_create"),
    path("people/positions/<str:key>/", people.position_edit, name="position_update"),
    path("people/positions/<str:key>/archive/", people.position_archive, name="position_archive"),
]

# --- The responsibility library and the table imports (library_urlpatterns,
# imports_urlpatterns): one block, included below. --------------------------------------
library_urlpatterns = [
    path("library/", library.library, name="library"),
    path("library/<str:occupation_code>/", library.occupation, name="library_occupation"),
]

imports_urlpatterns = [
    path("import/", imports.upload, name="import_upload"),
    path("import/<str:token>/", imports.mapping, name="import_map"),
    path("import/<str:token>/preview/", imports.preview, name="import_preview"),
    path("import/<str:token>/cancel/", imports.cancel, name="import_cancel"),
]
# --- end of the library and imports block -------------------------------------------------

register_urlpatterns = [p for r in registers_people.REGISTERS for p in registers.urlpatterns(r)]

BUILT = {"duties", "people"} | {p.name for p in AREA_URLPATTERNS}

urlpatterns = [
    path("", home.home, name="home"),
    *register_urlpatterns,
    path("health/", health.org_health, name="health"),
    path("duties/<str:key>/health/", health.position_health, name="position_health"),
    *duties_urlpatterns,
    *jd_urlpatterns,
    *people_urlpatterns,
    *library_urlpatterns,
    *imports_urlpatterns,
    *AREA_URLPATTERNS,
    # Areas whose screens are not built show a landing page under the area's name.
    *[p for p in home.area_urlpatterns() if p.name not in BUILT],
    *accounts_org_urlpatterns,
]
