"""What a measuring process (``bench.child``) can run, one function per measurement.

Each task takes the parameters the parent passed and a ``Probe``; it times only
what it measures (``probe.phase``) and returns facts for the report (sizes, counts).
Django is set up only for the tasks that need the database.
"""

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .probe import Probe

Params = dict[str, Any]
Task = Callable[[Params, Probe], dict[str, Any]]
SLUG = "bench"
EMAIL = "bench@example.com"


def setup_django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remit.settings")
    django.setup()


def _mb(n: int) -> float:
    return n / 2**20


# --- without a database ---------------------------------------------------------------


def generate(p: Params, probe: Probe) -> dict[str, Any]:
    """Build the organisation and write it as YAML and JSON (the portable file: no slug)."""
    from remit import orgfile
    from remit.orgfile.generate import generate as build

    with probe.phase("generate"):
        org = dataclasses.replace(build(p["size"], p["seed"]), slug="")
    with probe.phase("orgfile.dump YAML"):
        text = orgfile.dump(org)
    with probe.phase("orgfile.dump JSON"):
        js = orgfile.dump(org, format="json")
    Path(p["yaml"]).write_text(text, encoding="utf-8")
    Path(p["json"]).write_text(js, encoding="utf-8")
    return {
        "yaml_mb": _mb(len(text.encode())),
        "json_mb": _mb(len(js.encode())),
        "positions": len(org.positions),
        "responsibilities": _responsibilities(org),
        "employees": len(org.employees),
    }


def _responsibilities(org: Any) -> int:
    return sum(
        len(t.responsibilities)
        for pos in org.positions.values()
        for area in pos.result_areas
        for t in area.targets
    )


def floor_yaml(p: Params, probe: Probe) -> dict[str, Any]:
    text = Path(p["yaml"]).read_text(encoding="utf-8")
    with probe.phase("yaml.load CSafeLoader"):
        yaml.load(text, Loader=yaml.CSafeLoader)  # the C safe loader: no objects
    return {}


def floor_json(p: Params, probe: Probe) -> dict[str, Any]:
    text = Path(p["json"]).read_text(encoding="utf-8")
    with probe.phase("json.loads"):
        json.loads(text)
    return {}


def load_yaml(p: Params, probe: Probe) -> dict[str, Any]:
    return _load(Path(p["yaml"]), "yaml", probe)


def load_json(p: Params, probe: Probe) -> dict[str, Any]:
    return _load(Path(p["json"]), "json", probe)


def _load(path: Path, fmt: str, probe: Probe) -> dict[str, Any]:
    from remit import orgfile

    text = path.read_text(encoding="utf-8")
    with probe.phase(f"orgfile.load {fmt.upper()}"):
        org = orgfile.load(text, format=fmt)
    return {"positions": len(org.positions)}


# --- with the database (after migrate) ---------------------------------------------------


def import_(p: Params, probe: Probe) -> dict[str, Any]:
    """What `remit import FILE --org bench --create` does, in two timed phases."""
    from django.db import connection, transaction

    from remit import orgfile
    from remit.org.actions.orgfile import org_create_for, orgfile_import

    connection.ensure_connection()
    with probe.phase("orgfile.load_path"):
        snap = orgfile.load_path(p["yaml"])
    with probe.phase("orgfile_import (write)"), transaction.atomic():
        org = org_create_for(snap, slug=SLUG)
        report = orgfile_import(org=org, snapshot=snap, actor=None, actor_label="cli")
    return {"changes": report.changes, "db_mb": _database_mb()}


def _database_mb() -> float:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_database_size(current_database())")
            return _mb(cur.fetchone()[0])
    name = Path(settings.DATABASES["default"]["NAME"])
    files = [name, name.with_name(name.name + "-wal")]
    return _mb(sum(f.stat().st_size for f in files if f.exists()))


def _org() -> Any:
    from django.db import connection

    from remit.accounts.models import Organization

    org = Organization.objects.get(slug=SLUG)
    connection.ensure_connection()
    return org


def snapshot(p: Params, probe: Probe) -> dict[str, Any]:
    from remit.org import snapshot as snapshots

    org = _org()
    with probe.phase("snapshot.load"):
        snap = snapshots.load(org)
    return {"positions": len(snap.positions)}


def export(p: Params, probe: Probe) -> dict[str, Any]:
    """What `remit export --org bench -o FILE` does; checks the file round-trips exactly."""
    from remit import orgfile
    from remit.org import snapshot as snapshots

    org = _org()
    with probe.phase("snapshot.load"):
        snap = dataclasses.replace(snapshots.load(org), slug="")
    with probe.phase("orgfile.dump YAML"):
        text = orgfile.dump(snap)
    Path(p["out"]).write_text(text, encoding="utf-8")
    same = Path(p["yaml"]).read_text(encoding="utf-8") == text
    return {"file_mb": _mb(len(text.encode())), "round_trip": same}


# --- the pages' fixture -------------------------------------------------------------------


def pages_setup(p: Params, probe: Probe) -> dict[str, Any]:
    """A user who owns the imported organisation, a logged-in session, and the position to load."""
    from remit.accounts.actions import membership_add, user_create
    from remit.accounts.models import Role, User
    from remit.org import snapshot as snapshots

    org = _org()
    user = User.objects.filter(email=EMAIL).first()
    if user is None:
        user = user_create(email=EMAIL, password=None, name="Bench")
        membership_add(org=org, user=user, role=Role.OWNER, actor=None)
    with probe.phase("snapshot.load"):
        snap = snapshots.load(org)
    key, counts = _full_position(snap)
    return {"cookie": _session_cookie(user), "slug": SLUG, "position": key, **counts}


def _session_cookie(user: Any) -> str:
    """A session for ``user`` created directly (no login form), as the browser would hold it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _full_position(snap: Any) -> tuple[str, dict[str, int]]:
    """The first position (by key) with all four steps: purpose, areas, targets, duties."""
    for key in sorted(snap.positions):
        pos = snap.positions[key]
        areas = pos.result_areas
        targets = [t for a in areas for t in a.targets]
        complete = (
            not pos.purpose.is_empty
            and pos.reports_to
            and areas
            and all(a.targets for a in areas)
            and all(t.responsibilities for t in targets)
        )
        if complete:
            duties = sum(len(t.responsibilities) for t in targets)
            return key, {"areas": len(areas), "targets": len(targets), "duties": duties}
    raise LookupError("no position has all four steps")


TASKS: dict[str, tuple[Task, bool]] = {
    "generate": (generate, False),
    "floor-yaml": (floor_yaml, False),
    "floor-json": (floor_json, False),
    "load-yaml": (load_yaml, False),
    "load-json": (load_json, False),
    "import": (import_, True),
    "snapshot": (snapshot, True),
    "export": (export, True),
    "pages-setup": (pages_setup, True),
}
