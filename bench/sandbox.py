"""Where a measurement runs: a temporary data directory and a throwaway database.

One ``Sandbox`` per (size, database): its own ``REMIT_DATA_DIR`` and
``DATABASE_URL`` (a SQLite file in the data directory, or a PostgreSQL database
created for the run and dropped afterwards). Every measurement is a fresh
``python -m bench.child`` process in that environment.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .probe import MARKER

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SQLITE, POSTGRES = "sqlite", "postgres"


class ChildFailed(Exception):
    """A measuring process (or a preparing command) exited badly; the message ends its output."""


@dataclass(frozen=True)
class ChildResult:
    seconds: float
    cpu_seconds: float
    phases: list[tuple[str, float, float]]  # name, wall seconds, CPU seconds
    start_mb: float
    peak_mb: float
    info: dict[str, Any]


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run(cmd: list[str], env: dict[str, str], timeout: float) -> str:
    """Run a command to completion (bounded by ``timeout``); its standard output."""
    try:
        done = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise ChildFailed(f"{' '.join(cmd[:4])}: no result within {timeout:.0f} s") from None
    if done.returncode != 0:
        raise ChildFailed(f"{' '.join(cmd[:4])} exited {done.returncode}:\n{_tail(done.stderr)}")
    return done.stdout


def base_env(data_dir: Path, database_url: str) -> dict[str, str]:
    """The environment of every process in a sandbox: production settings, its own data."""
    env = dict(os.environ)
    for name in (
        "SECRET_KEY",
        "WEB_CONCURRENCY",
        "REMIT_HOST",
        "REMIT_PORT",
        "STATICFILES_BACKEND",
    ):
        env.pop(name, None)
    env |= {
        "REMIT_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "remit.settings",
        "DEBUG": "false",
        "WHITENOISE_USE_FINDERS": "false",
        "PYTHONPATH": str(ROOT),
    }
    return env


class Postgres:
    """A throwaway database on the server at ``url`` (trust auth), dropped on ``drop()``."""

    def __init__(self, url: str, name: str) -> None:
        self.url = url.rstrip("/")
        self.name = name

    def _admin(self) -> Any:
        import psycopg

        return psycopg.connect(f"{self.url}/postgres", autocommit=True, connect_timeout=10)

    def create(self) -> str:
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return f"{self.url}/{self.name}"

    def drop(self) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def postgres_version(url: str) -> str:
    """The server's version; raises when it does not answer."""
    with Postgres(url, "")._admin() as conn:
        return conn.execute("SHOW server_version").fetchone()[0].split()[0]


@dataclass
class Sandbox:
    """One size on one database: a data directory, a database, and what was done in it."""

    size: str
    db: str
    root: Path
    pg_url: str
    timeout: float
    profile_dir: Path | None = None
    imported: bool = False
    migrated: bool = False
    env: dict[str, str] = field(default_factory=dict)
    _postgres: Postgres | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / f"data-{self.size}-{self.db}"

    def open(self) -> "Sandbox":
        data_dir = self.data_dir
        data_dir.mkdir(parents=True)
        if self.db == POSTGRES:
            self._postgres = Postgres(self.pg_url, f"remit_bench_{os.getpid()}_{self.size.lower()}")
            url = self._postgres.create()
        else:
            url = f"sqlite:///{data_dir / 'remit.sqlite3'}"
        self.env = base_env(data_dir, url)
        return self

    def close(self) -> None:
        if self._postgres is not None:
            self._postgres.drop()
            self._postgres = None
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def remit(self, *args: str) -> str:
        """Run a `remit` command in this sandbox (preparation: not measured)."""
        return run([str(BIN / "remit"), *args], self.env, self.timeout)

    def migrate(self) -> None:
        if not self.migrated:
            self.remit("migrate", "--noinput", "-v", "0")
            self.migrated = True

    def child(self, task: str, params: dict[str, Any]) -> ChildResult:
        return child(task, params, self.env, self.timeout, self._profile(task))

    def _profile(self, task: str) -> Path | None:
        if self.profile_dir is None:
            return None
        return self.profile_dir / f"{task}-{self.size}-{self.db}.prof"


def child(
    task: str,
    params: dict[str, Any],
    env: dict[str, str],
    timeout: float,
    profile: Path | None = None,
) -> ChildResult:
    """Run one measurement in a fresh process and read its result line."""
    if profile is not None:
        params = params | {"profile": str(profile)}
    cmd = [sys.executable, "-m", "bench.child", task, json.dumps(params)]
    out = run(cmd, env, timeout)
    for line in reversed(out.splitlines()):
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            data["phases"] = [tuple(ph) for ph in data["phases"]]
            return ChildResult(**data)
    raise ChildFailed(f"bench.child {task}: no result line in its output:\n{_tail(out)}")
