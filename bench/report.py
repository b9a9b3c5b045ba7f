"""The report: Markdown tables of the measurements, each with its ratio to the floor."""

import datetime as dt
import os
import platform
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .results import DataRow, PageRow

# "L must import in minutes, not hours, and load as a snapshot in seconds."
IMPORT_LIMIT_S = 3600.0
SNAPSHOT_LIMIT_S = 60.0
VERDICT_SIZE = "L"


def table(header: list[str], rows: Iterable[list[str]], right: set[int]) -> str:
    """A Markdown table; columns whose index is in ``right`` are right-aligned."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|")
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def secs(s: float | None) -> str:
    if s is None:
        return "—"
    return f"{s:.3f}" if s < 10 else f"{s:.1f}" if s < 1000 else f"{s:.0f}"


def num(x: float | None, digits: int = 0) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def ratio(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×" if x < 100 else f"{x:,.0f}×"


# --- data -------------------------------------------------------------------------------


def _floors(rows: list[DataRow]) -> dict[tuple[str, str], float]:
    return {
        (r.size, r.floor): r.seconds
        for r in rows
        if r.measurement.startswith("FLOOR") and not r.phase and r.seconds
    }


def data_table(rows: list[DataRow]) -> str:
    floors = _floors(rows)
    body = []
    for r in rows:
        floor = floors.get((r.size, r.floor))
        rel = r.seconds / floor if r.seconds is not None and floor else None
        name = f"↳ {r.measurement}" if r.phase else r.measurement
        body.append([
            name, r.size, r.database, secs(r.seconds), secs(r.cpu_seconds),
            "" if r.phase else num(r.peak_mb), "" if r.phase else num(r.grown_mb),
            ratio(rel), "" if r.phase else num(r.load, 1), r.note,
        ])  # fmt: skip
    header = ["measurement", "size", "database", "seconds", "CPU s", "peak MB", "+MB",
              "÷ floor", "load", "note"]  # fmt: skip
    return table(header, body, right=set(range(3, 9)))


def sizes_lines(files_info: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    for size, i in files_info.items():
        lines.append(
            f"- **{size}**: {i['positions']:,} positions, {i['responsibilities']:,} "
            f"responsibilities, {i['employees']:,} employees; YAML {i['yaml_mb']:.1f} MB, "
            f"JSON {i['json_mb']:.1f} MB"
        )
    return lines


def verdicts(rows: list[DataRow]) -> list[str]:
    """Whether L imports in minutes (under an hour) and loads as a snapshot in seconds."""
    lines = []
    for r in rows:
        if r.size != VERDICT_SIZE or r.phase:
            continue
        if r.measurement.startswith("import"):
            ok = r.seconds is not None and r.seconds < IMPORT_LIMIT_S
            took = "failed" if r.seconds is None else f"{r.seconds / 60:.1f} min"
            lines.append(f"- L import on {r.database}: {took} — in minutes, not hours: "
                         f"**{'yes' if ok else 'NO'}**")  # fmt: skip
        elif r.measurement == "snapshot.load":
            ok = r.seconds is not None and r.seconds < SNAPSHOT_LIMIT_S
            took = "failed" if r.seconds is None else f"{r.seconds:.1f} s"
            lines.append(f"- L snapshot.load on {r.database}: {took} — in seconds (under a "
                         f"minute): **{'yes' if ok else 'NO'}**")  # fmt: skip
    return lines


# --- pages ------------------------------------------------------------------------------


def page_table(rows: list[PageRow]) -> str:
    floors = {(r.size, r.database): r for r in rows if r.page.startswith("FLOOR") and not r.failed}
    body = []
    for r in rows:
        f = floors.get((r.size, r.database))
        by_rps = f.rps / r.rps if f and r.rps else None
        by_p50 = r.p50_ms / f.p50_ms if f and f.p50_ms and r.requests else None
        by_cpu = r.cpu_ms / f.cpu_ms if f and f.cpu_ms and r.cpu_ms is not None else None
        ok = not r.failed
        body.append([
            r.page, r.size, r.database, num(r.alone_ms, 1), num(r.cpu_ms, 1),
            num(r.rps, 1) if ok else "—",
            num(r.p50_ms, 1) if ok else "—",
            num(r.p99_ms, 1) if ok else "—",
            num(r.requests), num(r.page_kb), num(r.peak_mb),
            ratio(by_rps), ratio(by_p50), ratio(by_cpu), num(r.load, 1), r.note,
        ])  # fmt: skip
    header = ["page", "size", "database", "alone ms", "CPU ms", "req/s", "p50 ms", "p99 ms",
              "requests", "KB", "worker peak MB", "floor req/s ÷ req/s", "p50 ÷ floor p50",
              "CPU ÷ floor CPU", "load", "note"]  # fmt: skip
    return table(header, body, right=set(range(3, 15)))


def fixture_lines(fixtures: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    lines = []
    for (size, db), f in fixtures.items():
        if f:
            lines.append(f"- {size} on {db}: position `{f['position']}` ({f['areas']} result "
                         f"areas, {f['targets']} targets, {f['duties']} responsibilities)")  # fmt: skip
    return lines


# --- the machine ---------------------------------------------------------------------------


def machine(
    pg_version: str | None, tool: str | None, started: dt.datetime, load_before: float
) -> list[str]:
    cpu = _cpu_model()
    mem = _mem_gb()
    minutes = (dt.datetime.now().astimezone() - started).total_seconds() / 60
    lines = [
        f"- run: {started:%Y-%m-%d %H:%M %Z}, {minutes:.0f} min; load average (1 min) "
        f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after (others may share the machine)",
        f"- machine: {os.cpu_count()} CPUs ({cpu}), {mem:.0f} GB RAM, {platform.system()} "
        f"{platform.release()}",
        f"- Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
        + (f", PostgreSQL {pg_version}" if pg_version else ""),
    ]
    if tool:
        lines.append(f"- load tool: {tool}")
    return lines


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _mem_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return 0.0
