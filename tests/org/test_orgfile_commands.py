"""The organisation file through the command line: import, export, round trips, errors."""

import dataclasses
import io
import json

import pytest
from django.core.management import call_command

from remit import orgfile
from remit.accounts.models import AuditEvent, Organization
from remit.org import snapshot
from remit.org.models import Position

from .conftest import small_org


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # CommandError carries the exit code scripts see
        code = getattr(exc, "returncode", 1)
        err.write(str(exc))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def small_file(tmp_path):
    path = tmp_path / "company.yaml"
    path.write_text(orgfile.dump(small_org()), encoding="utf-8")
    return path


def test_import_creates_and_export_gives_the_file_back(db, small_file, tmp_path):
    code, out, _err = run("import", str(small_file), "--org", "hs", "--create")
    assert code == 0, out
    assert "Imported hs" in out
    out_path = tmp_path / "back.yaml"
    assert run("export", "--org", "hs", "-o", str(out_path))[0] == 0
    assert out_path.read_text() == small_file.read_text()


def test_round_trip_database_file_database_file_is_identical(db, small_file, tmp_path):
    run("import", str(small_file), "--org", "one", "--create")
    run("export", "--org", "one", "-o", str(tmp_path / "first.json"))
    run("import", str(tmp_path / "first.json"), "--org", "two", "--create")
    run("export", "--org", "two", "-o", str(tmp_path / "second.json"))
    first, second = (tmp_path / "first.json").read_text(), (tmp_path / "second.json").read_text()
    assert first == second
    assert json.loads(first)["positions"][1]["key"] == "FIN-MGR"


def test_import_is_idempotent(db, small_file):
    run("import", str(small_file), "--org", "hs", "--create")
    events = AuditEvent.objects.count()
    code, out, _ = run("import", str(small_file), "--org", "hs")
    assert code == 0
    assert "0 change(s)" in out
    assert AuditEvent.objects.count() == events


def test_dry_run_writes_nothing_not_even_a_new_organisation(db, small_file):
    code, out, _ = run(
        "import", str(small_file), "--org", "hs", "--create", "--dry-run", "--format", "json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] is True
    assert report["entities"]["position"]["created"] == 2
    assert not Organization.objects.filter(slug="hs").exists()


def test_invalid_file_exits_1_lists_every_problem_and_writes_nothing(db, small_file, tmp_path):
    text = small_file.read_text()
    text = text.replace("reports_to: CEO", "reports_to: NOBODY").replace("level: 4", "level: 9")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    run("import", str(small_file), "--org", "hs", "--create")
    before = list(Position.objects.values_list("key", "reports_to__key"))
    code, _out, err = run("import", str(bad), "--org", "hs")
    assert code == 1
    assert "positions[FIN-MGR].reports_to" in err
    assert "level" in err
    assert err.count("\n  ") >= 2  # both problems listed
    assert list(Position.objects.values_list("key", "reports_to__key")) == before


def test_usage_errors_exit_2(db, small_file):
    assert run("import", str(small_file), "--org", "missing")[0] == 2
    assert run("import", "/no/such/file.yaml", "--org", "x", "--create")[0] == 2
    assert run("export", "--org", "missing")[0] == 2


def test_prune_deletes_what_the_file_no_longer_has(db, small_file, tmp_path):
    run("import", str(small_file), "--org", "hs", "--create")
    snap = small_org()
    fewer = orgfile.dump(type(snap)(**{**snap.__dict__, "training": {}}))
    (tmp_path / "fewer.yaml").write_text(fewer)
    code, out, _ = run("import", str(tmp_path / "fewer.yaml"), "--org", "hs", "--prune")
    assert code == 0
    assert "training" in out
    assert snapshot.load(Organization.objects.get(slug="hs")).training == {}


def test_schema_command_prints_the_json_schema(db):
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert "positions" in schema["properties"]


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_demo_company_round_trips_identically(db, tmp_path, lang):
    """file -> database -> file -> database -> file: both exports are identical, and the
    first equals the shipped demo file read and written again (nothing lost or added)."""
    from remit.org.actions.demo import demo_path

    shipped = orgfile.load_path(demo_path(lang))
    assert run("import", str(demo_path(lang)), "--org", "rt-one", "--create")[0] == 0
    run("export", "--org", "rt-one", "-o", str(tmp_path / "one.yaml"))
    assert run("import", str(tmp_path / "one.yaml"), "--org", "rt-two", "--create")[0] == 0
    run("export", "--org", "rt-two", "-o", str(tmp_path / "two.yaml"))
    one, two = (tmp_path / "one.yaml").read_text(), (tmp_path / "two.yaml").read_text()
    assert one == two
    assert orgfile.load(one) == dataclasses.replace(shipped, slug="")  # exports leave out the slug


def test_a_large_import_refreshes_the_statistics_of_the_tables_it_wrote(
    db, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from remit.org.actions.demo import demo_load
    from remit.org.actions.orgfile import STATISTICS_AFTER

    # The callbacks run as the capture ends, inside the query capture.
    with (
        CaptureQueriesContext(connection) as ctx,
        django_capture_on_commit_callbacks(execute=True),
    ):
        _org, report = demo_load(lang="en")
    assert report.changes >= STATISTICS_AFTER
    analyzed = " ".join(q["sql"] for q in ctx.captured_queries if q["sql"].startswith("ANALYZE"))
    for table in ("org_responsibility", "org_position", "org_position_purpose_objectives"):
        assert f'"{table}"' in analyzed
    # A small change leaves the statistics to the database.
    with (
        CaptureQueriesContext(connection) as ctx,
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("demo", "--lang", "en", stdout=io.StringIO())
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("ANALYZE")]
