"""The `remit` command as users and scripts run it: a real subprocess."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.nodb


def remit(*args: str, env: dict | None = None, tmp_path=None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    # The browser tests allow async-unsafe ORM calls in their own process only.
    full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if tmp_path is not None:
        full_env["REMIT_DATA_DIR"] = str(tmp_path)
        full_env["DATABASE_URL"] = f"sqlite:///{tmp_path}/db.sqlite3"
    return subprocess.run(
        [sys.executable, "-m", "remit", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def test_help_lists_remits_own_commands_first(tmp_path):
    out = remit("--help", tmp_path=tmp_path).stdout
    ours = out.index("Remit's commands:")
    theirs = out.index("Django's and its companions' commands:")
    assert ours < theirs
    own_block = out[ours:theirs]
    for name in ("serve", "worker", "setup"):
        assert f"    {name}\n" in own_block
    assert "    migrate\n" not in own_block
    assert "    migrate\n" in out[theirs:]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        "SECRET_KEY": "x" * 20 + "a-production-secret-with-enough-entropy-0123456789",
        "DEBUG": "false",
        "SITE_URL": "https://remit.example.com",
        "ALLOWED_HOSTS": "remit.example.com",
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "31536000",
        "BEHIND_PROXY": "true",
        "SECURE_HSTS_PRELOAD": "true",
        "EMAIL_BACKEND": "smtp",
        "EMAIL_HOST": "smtp.example.com",
    }
    result = remit("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_generated_once_and_kept(tmp_path):
    env = {"SECRET_KEY": ""}
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = remit("shell", "-c", code, env=env, tmp_path=tmp_path).stdout.strip()
    second = remit("shell", "-c", code, env=env, tmp_path=tmp_path).stdout.strip()
    assert len(first) >= 50
    assert first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_setup_creates_a_first_login_and_prints_it(tmp_path):
    assert remit("migrate", "-v", "0", tmp_path=tmp_path).returncode == 0
    first = remit("setup", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "admin@example.com" in first.stdout
    password = (tmp_path / "first-login.txt").read_text().split()[1]
    assert password in first.stdout
    again = remit("setup", tmp_path=tmp_path)
    assert password in again.stdout  # idempotent: same user, same password shown
