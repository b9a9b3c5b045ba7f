"""The data benchmarks: generate, parse (the floor), load, import, snapshot, export.

Each measurement is a fresh ``bench.child`` process; the rows' ratios are taken
against the floor of the same size measured in the same run: parsing the same
file with PyYAML's C safe loader alone (or ``json.loads`` for the JSON file).
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .results import JSON_FLOOR, NO_DB, YAML_FLOOR, DataRow
from .sandbox import ChildFailed, ChildResult, Sandbox, base_env, child

Log = Callable[[str], None]


@dataclass(frozen=True)
class Files:
    """The generated organisation of one size, as YAML and JSON, and what it holds."""

    size: str
    yaml: Path
    json: Path
    info: dict[str, Any]


@dataclass(frozen=True)
class Runner:
    """Runs measurements without a database (generate, floors, orgfile.load)."""

    workdir: Path
    timeout: float
    log: Log
    profile_dir: Path | None = None

    def env(self) -> dict[str, str]:
        data = self.workdir / "data-files"
        data.mkdir(exist_ok=True)
        return base_env(data, f"sqlite:///{data / 'unused.sqlite3'}")

    def run(self, task: str, size: str, params: dict[str, Any]) -> ChildResult:
        profile = self.profile_dir / f"{task}-{size}.prof" if self.profile_dir else None
        return child(task, params, self.env(), self.timeout, profile)


def generate(runner: Runner, size: str, seed: int) -> tuple[Files, list[DataRow]]:
    """Write the organisation files; the rows say how long that took."""
    yaml_path = runner.workdir / f"org-{size}.yaml"
    json_path = runner.workdir / f"org-{size}.json"
    params = {"size": size, "seed": seed, "yaml": str(yaml_path), "json": str(json_path)}
    runner.log(f"[{size}] generating the organisation (seed {seed}) …")
    load = os.getloadavg()[0]
    result = runner.run("generate", size, params)
    info = result.info
    note = f"YAML {info['yaml_mb']:.1f} MB, JSON {info['json_mb']:.1f} MB"
    _logged(runner.log, size, NO_DB, "generate + dump", result)
    rows = _rows("generate + dump", size, NO_DB, result, YAML_FLOOR, load, note)
    return Files(size, yaml_path, json_path, info), rows


FILE_MEASUREMENTS = (
    ("FLOOR yaml.load (CSafeLoader)", "floor-yaml", YAML_FLOOR),
    ("FLOOR json.loads", "floor-json", JSON_FLOOR),
    ("orgfile.load YAML", "load-yaml", YAML_FLOOR),
    ("orgfile.load JSON", "load-json", JSON_FLOOR),
)


def file_measurements(runner: Runner, files: Files) -> list[DataRow]:
    """The floors and the organisation file's own load (parse + validation), no database."""
    params = {"yaml": str(files.yaml), "json": str(files.json)}
    rows: list[DataRow] = []
    for name, task, floor in FILE_MEASUREMENTS:
        rows += _measure(
            runner.log,
            name,
            files.size,
            NO_DB,
            floor,
            lambda t=task: runner.run(t, files.size, params),
        )
    return rows


def database_measurements(sandbox: Sandbox, files: Files, log: Log) -> list[DataRow]:
    """Import the file into the sandbox's database, then read it back and export it."""
    size, db = files.size, sandbox.db
    params = {"yaml": str(files.yaml), "out": str(sandbox.data_dir / "export.yaml")}
    log(f"[{size} {db}] migrating …")
    try:
        sandbox.migrate()
    except ChildFailed as exc:
        return [_failed("migrate", size, db, exc)]
    rows = _measure(log, "import (remit import --create)", size, db, YAML_FLOOR,
                    lambda: sandbox.child("import", params))  # fmt: skip
    if rows[0].seconds is None:
        return rows
    sandbox.imported = True
    rows += _measure(
        log, "snapshot.load", size, db, YAML_FLOOR, lambda: sandbox.child("snapshot", params)
    )
    rows += _measure(log, "export (snapshot.load + dump)", size, db, YAML_FLOOR,
                     lambda: sandbox.child("export", params))  # fmt: skip
    return rows


def _measure(
    log: Log, name: str, size: str, db: str, floor: str, run: Callable[[], ChildResult]
) -> list[DataRow]:
    load = os.getloadavg()[0]
    log(f"[{size} {db}] {name} … (load average {load:.2f})")
    try:
        result = run()
    except ChildFailed as exc:
        log(f"[{size} {db}] {name} FAILED: {exc}")
        return [_failed(name, size, db, exc)]
    _logged(log, size, db, name, result)
    return _rows(name, size, db, result, floor, load, _note(result.info))


def _note(info: dict[str, Any]) -> str:
    parts = []
    if "db_mb" in info:
        parts.append(f"database {info['db_mb']:.0f} MB")
    if "file_mb" in info:
        same = "identical to" if info["round_trip"] else "DIFFERS from"
        parts.append(f"file {info['file_mb']:.1f} MB, {same} the generated one")
    return "; ".join(parts)


def _rows(
    name: str, size: str, db: str, r: ChildResult, floor: str, load: float, note: str = ""
) -> list[DataRow]:
    """The measurement's row, then one row per phase when it has several."""
    grown = max(0.0, r.peak_mb - r.start_mb)
    rows = [DataRow(name, size, db, r.seconds, r.cpu_seconds, r.peak_mb, grown, floor,
                    load=load, note=note)]  # fmt: skip
    if len(r.phases) > 1:
        rows += [DataRow(ph, size, db, s, cpu, floor=floor, phase=True) for ph, s, cpu in r.phases]
    return rows


def _failed(name: str, size: str, db: str, exc: Exception) -> DataRow:
    first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    return DataRow(name, size, db, None, note=f"failed: {first[:120]}")


def _logged(log: Log, size: str, db: str, name: str, r: ChildResult) -> None:
    log(f"[{size} {db}] {name}: {r.seconds:.2f} s (CPU {r.cpu_seconds:.2f} s), "
        f"peak {r.peak_mb:.0f} MB")  # fmt: skip
