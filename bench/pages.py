"""The page benchmarks: the real server under load, each page against /healthz.

Per (size, database): migrate, import the generated organisation (unless the data
benchmarks already did in this sandbox), collectstatic, create a user who owns the
organisation with a session made directly, start `remit serve`, then for each
URL: check it answers 200, time a few requests one after another (which also warms
it up), load it for a fixed time at a fixed concurrency, and wait until the server
has finished what the load left in flight. The floor is `/healthz`, measured on
the same server in the same run.
"""

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data import Files
from .load import REQUEST_TIMEOUT, Load, LoadResult
from .results import PageRow
from .sandbox import ChildFailed, Sandbox
from .server import DRAIN_TIMEOUT, Server

Log = Callable[[str], None]
ALONE_MIN_SECONDS = 1.0  # enough requests for the workers' CPU time (10 ms ticks) to count
FLOOR = "FLOOR /healthz"
# The floor again at the end: when it moved, so did the machine (other work on it).
PAGES = (
    (FLOOR, "/healthz"),
    ("position page", "/o/{slug}/duties/{key}/"),
    ("job description", "/o/{slug}/duties/{key}/jd/"),
    ("organisation chart", "/o/{slug}/people/chart/"),
    ("positions list", "/o/{slug}/duties/"),
    ("/healthz again (drift check)", "/healthz"),
)


@dataclass(frozen=True)
class PageOptions:
    workers: int
    concurrency: int
    duration: float
    samples: int
    tool: str
    load: Load


def page_measurements(
    sandbox: Sandbox, files: Files, opts: PageOptions, log: Log
) -> tuple[list[PageRow], dict[str, Any]]:
    """The rows for every page, and the fixture (which position was loaded)."""
    size, db = files.size, sandbox.db
    try:
        fixture = _prepare(sandbox, files, log)
    except ChildFailed as exc:
        log(f"[{size} {db}] pages: preparation FAILED: {exc}")
        return [_failed(FLOOR, sandbox, opts, f"preparation failed: {_last(exc)}")], {}
    cookie = fixture["cookie"]
    log_path = sandbox.data_dir / "serve.log"
    rows: list[PageRow] = []
    log(f"[{size} {db}] remit serve --workers {opts.workers}; {opts.tool}, "
        f"{opts.concurrency} connections, {opts.duration:g} s per page")  # fmt: skip
    with Server(sandbox.env, opts.workers, log_path) as server:
        for name, pattern in PAGES:
            path = pattern.format(slug=fixture["slug"], key=fixture["position"])
            rows.append(_page(server, sandbox, name, path, cookie, opts, log))
    return rows, fixture


def _prepare(sandbox: Sandbox, files: Files, log: Log) -> dict[str, Any]:
    size, db = files.size, sandbox.db
    sandbox.migrate()
    if not sandbox.imported:
        log(f"[{size} {db}] importing the organisation for the pages …")
        sandbox.child("import", {"yaml": str(files.yaml)})
        sandbox.imported = True
    log(f"[{size} {db}] collectstatic, user and session …")
    sandbox.remit("collectstatic", "--noinput", "-v", "0")
    return sandbox.child("pages-setup", {}).info


def _page(
    server: Server, sandbox: Sandbox, name: str, path: str, cookie: str, opts: PageOptions, log: Log
) -> PageRow:
    """Check the page, time it alone (which warms it up), then load it and let the server drain."""
    where = f"[{sandbox.size} {sandbox.db}] {name}"
    load = os.getloadavg()[0]
    server.reset_peaks()
    try:
        status, size_bytes, first = server.get(path, cookie)
    except OSError as exc:
        log(f"{where} {path}: no answer ({exc}); not loaded")
        return _failed(name, sandbox, opts, f"{path}: no answer within {REQUEST_TIMEOUT} s")
    if status != 200:
        log(f"{where} {path}: HTTP {status}; not loaded")
        return _failed(name, sandbox, opts, f"{path} answered HTTP {status}")
    alone = _alone(server, path, cookie, opts)
    log(f"{where} {path}: {size_bytes / 1024:.0f} KB, first request {first * 1000:.0f} ms, "
        f"alone {_ms(alone.wall)} (CPU {_ms(alone.cpu)}); loading …")  # fmt: skip
    result = opts.load(server.base + path, cookie, opts.concurrency, opts.duration)
    log(f"{where}: {result.rps:.1f} req/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, {result.errors} errors")  # fmt: skip
    peak = server.peak_mb()
    if not server.drain():
        log(f"{where}: the server was still busy {DRAIN_TIMEOUT:.0f} s after the load")
    return _row(name, sandbox, result, alone, size_bytes, peak, load)


@dataclass(frozen=True)
class Alone:
    """Requests one after another: the median wall time and the workers' CPU per request."""

    wall: float | None
    cpu: float | None


def _alone(server: Server, path: str, cookie: str, opts: PageOptions) -> Alone:
    """At least ``opts.samples`` requests and one second (at most ``opts.duration``)."""
    times: list[float] = []
    started, cpu_before = time.monotonic(), server.cpu_seconds()
    while time.monotonic() - started < opts.duration:
        enough = len(times) >= opts.samples and time.monotonic() - started >= ALONE_MIN_SECONDS
        if enough:
            break
        try:
            status, _size, seconds = server.get(path, cookie)
        except OSError:
            break
        if status != 200:
            break
        times.append(seconds)
    if not times:
        return Alone(None, None)
    cpu = max(0.0, server.cpu_seconds() - cpu_before) / len(times)
    return Alone(statistics.median(times), cpu)


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.1f} ms"


def _row(
    name: str, sandbox: Sandbox, r: LoadResult, alone: Alone, size_bytes: int,
    peak: float | None, load: float,
) -> PageRow:  # fmt: skip
    notes = [] if r.requests else ["no request completed within the run"]
    if r.errors:
        notes.append(f"{r.errors} failed requests")
    return PageRow(
        page=name,
        size=sandbox.size,
        database=sandbox.db,
        tool=r.tool,
        alone_ms=None if alone.wall is None else alone.wall * 1000,
        cpu_ms=None if alone.cpu is None else alone.cpu * 1000,
        requests=r.requests,
        rps=r.rps,
        p50_ms=r.p50_ms,
        p99_ms=r.p99_ms,
        errors=r.errors,
        page_kb=size_bytes / 1024,
        peak_mb=peak,
        load=load,
        note="; ".join(notes),
        failed=not r.requests,
    )


def _failed(name: str, sandbox: Sandbox, opts: PageOptions, note: str) -> PageRow:
    return PageRow(name, sandbox.size, sandbox.db, opts.tool, None, None, 0, 0.0, 0.0, 0.0, 0,
                   0.0, None, os.getloadavg()[0], note=note, failed=True)  # fmt: skip


def _last(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[-1][:120] if lines else type(exc).__name__
