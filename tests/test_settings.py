from django.conf import settings
from django.db import connection


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db):
    if connection.vendor != "sqlite":
        assert connection.vendor == "postgresql"
        return
    with connection.cursor() as cur:
        cur.execute("PRAGMA foreign_keys")
        assert cur.fetchone()[0] == 1
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_debug_is_off_by_default():
    assert settings.DEBUG is False


def test_healthz_answers_without_a_login(client, db):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.content == b"ok"
