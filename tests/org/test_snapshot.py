"""The database <-> snapshot bridge: import a snapshot, load it back, equal; idempotent."""

import dataclasses

import pytest

from remit.accounts.models import AuditEvent
from remit.domain import Organization
from remit.domain import people as p
from remit.org import snapshot
from remit.org.actions.orgfile import ImportProblems, orgfile_import
from remit.org.mapping import DB_ONLY_FIELDS, SPECS, mapped_domain_fields
from remit.org.models import Position, Responsibility


def _import(org, snap, **kw):
    return orgfile_import(org=org, snapshot=snap, actor=None, **kw)


def _comparable(o: Organization, slug: str) -> Organization:
    return dataclasses.replace(o, slug=slug)


def test_every_domain_field_is_mapped():
    for spec in SPECS:
        names = {f.name for f in dataclasses.fields(spec.domain)}
        assert mapped_domain_fields(spec) == names, spec.name


def test_every_model_field_is_mapped():
    from remit.org.mapping import columns

    for spec in SPECS:
        mapped = set(columns(spec)) | {"org_id", "order"}
        mapped |= {link.model for link in spec.multi}
        mapped |= {link.model for _a, _c, _p, links in spec.embedded for link in links}
        model_fields = {f.attname for f in spec.model._meta.concrete_fields}
        model_fields |= {f.name for f in spec.model._meta.many_to_many}
        assert model_fields - mapped - DB_ONLY_FIELDS == set(), spec.name


def test_import_then_load_gives_the_same_snapshot(org, small):
    report = _import(org, small)
    assert report.created["position"] == 2
    assert report.created["responsibility"] == 1
    loaded = snapshot.load(org)
    assert loaded == _comparable(small, org.slug)


def test_importing_twice_changes_nothing(org, small):
    _import(org, small)
    before = AuditEvent.objects.count()
    report = _import(org, small)
    assert report.changes == 0
    assert AuditEvent.objects.count() == before


def test_a_change_is_an_update_with_before_and_after(org, small):
    _import(org, small)
    pos = small.positions["FIN-MGR"]
    changed = dataclasses.replace(
        small,
        positions={
            **small.positions,
            "FIN-MGR": dataclasses.replace(
                pos, title="Planning & finance manager", reports_to=None
            ),
        },
    )
    report = _import(org, changed)
    assert report.updated["position"] == 1
    assert report.changes == 1
    ev = AuditEvent.objects.get(org=org, action="update", entity_key="FIN-MGR")
    assert ev.changes == {
        "title": ["Finance manager", "Planning & finance manager"],
        "reports_to": ["CEO", None],
    }
    assert snapshot.load(org) == _comparable(changed, org.slug)


def test_without_prune_rows_missing_from_the_file_stay_with_prune_they_go(org, small):
    _import(org, small)
    fewer = dataclasses.replace(small, employees={"E1": small.employees["E1"]})
    assert _import(org, fewer).deleted["employee"] == 0
    assert "E2" in snapshot.load(org).employees
    report = _import(org, fewer, prune=True)
    assert report.deleted["employee"] == 1
    assert "E2" not in snapshot.load(org).employees


def test_dry_run_reports_and_writes_nothing(org, small):
    report = _import(org, small, dry_run=True)
    assert report.created["position"] == 2
    assert not Position.objects.filter(org=org).exists()
    assert not AuditEvent.objects.filter(org=org, entity_type="position").exists()


def test_values_too_long_for_the_database_are_reported_with_paths_and_nothing_written(org, small):
    long_title = "x" * 250
    bad = dataclasses.replace(
        small,
        positions={
            **small.positions,
            "CEO": dataclasses.replace(small.positions["CEO"], title=long_title),
        },
    )
    with pytest.raises(ImportProblems) as exc:
        _import(org, bad)
    assert [str(x) for x in exc.value.problems] == [
        "positions[CEO].title: at most 200 characters (this has 250)"
    ]
    assert not Position.objects.exists()


def test_many_to_many_changes_are_synced(org, small):
    _import(org, small)
    resp_free = dataclasses.replace(
        small,
        procedures={
            **small.procedures,
            "SOP-BUD": dataclasses.replace(small.procedures["SOP-BUD"], positions=()),
        },
    )
    _import(org, resp_free)
    assert snapshot.load(org).procedures["SOP-BUD"].positions == ()
    assert Responsibility.objects.get(org=org).procedures.count() == 1


def test_snapshot_costs_a_fixed_number_of_queries(org, small, django_assert_num_queries):
    _import(org, small)
    with django_assert_num_queries(snapshot.query_count()):
        snapshot.load(org)


def test_rows_of_another_org_are_untouched(org, small, make_org):
    other = make_org("Other", slug="other")
    _import(other, small)
    _import(org, small)
    _import(org, dataclasses.replace(small, employees={}), prune=True)
    assert len(snapshot.load(other).employees) == 2
    assert p.Employee  # the domain module is the source of the snapshot's types
