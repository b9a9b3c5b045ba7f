"""Load generators: wrk when installed, else a small one of threads and http.client.

Both send GET requests with the session cookie to one URL on 127.0.0.1 at a fixed
concurrency for a fixed number of seconds, then stop by themselves, and report
completed requests, requests per second, the 50th and 99th latency percentiles and
the failures (refused or broken connections, timeouts, answers other than 2xx/3xx).
"""

import http.client
import json
import math
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
WRK_MARKER = "BENCH-WRK "
REQUEST_TIMEOUT = 60  # seconds one request may take before it counts as failed


@dataclass(frozen=True)
class LoadResult:
    tool: str
    requests: int  # completed without error
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


Load = Callable[[str, str, int, float], LoadResult]


def wrk(url: str, cookie: str, concurrency: int, duration: float) -> LoadResult:
    """Run wrk (threads: at most 2, one per connection at least) and read its JSON line."""
    cmd = [
        "wrk",
        f"--threads={min(2, concurrency)}",
        f"--connections={concurrency}",
        f"--duration={max(1, round(duration))}s",
        f"--timeout={REQUEST_TIMEOUT}s",
        f"--header=Cookie: {cookie}",
        f"--script={WRK_SCRIPT}",
        url,
    ]
    out = subprocess.run(
        cmd, capture_output=True, text=True, timeout=duration + REQUEST_TIMEOUT + 30, check=True
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith(WRK_MARKER))
    d = json.loads(line[len(WRK_MARKER) :])
    errors = d["socket_errors"] + d["status_errors"] + d["timeouts"]
    return LoadResult(
        tool="wrk",
        requests=max(0, d["requests"] - d["status_errors"]),
        seconds=d["duration_us"] / 1e6,
        p50_ms=d["p50_us"] / 1000,
        p99_ms=d["p99_us"] / 1000,
        errors=errors,
    )


def python(url: str, cookie: str, concurrency: int, duration: float) -> LoadResult:
    """``concurrency`` threads, each one connection, requesting until the time is up."""
    parts = urlsplit(url)
    host, port, path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path or "/"
    deadline = time.perf_counter() + duration
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency

    def client(i: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT)
        try:
            while (start := time.perf_counter()) < deadline:
                if _get(conn, path, cookie):
                    latencies[i].append(time.perf_counter() - start)
                else:
                    errors[i] += 1
        finally:
            conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + REQUEST_TIMEOUT + 5)
    elapsed = time.perf_counter() - began
    done = sorted(x for per in latencies for x in per)
    return LoadResult(
        tool="python",
        requests=len(done),
        seconds=elapsed,
        p50_ms=_percentile(done, 50) * 1000,
        p99_ms=_percentile(done, 99) * 1000,
        errors=sum(errors),
    )


def _get(conn: http.client.HTTPConnection, path: str, cookie: str) -> bool:
    """One request on a kept connection (reopened when the server closed it)."""
    try:
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):
        conn.close()
        return False
    return response.status < 400


def _percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def pick(name: str) -> tuple[str, Load]:
    """The load tool: ``auto`` takes wrk when it is on the PATH, else the built-in one."""
    if name == "wrk" or (name == "auto" and shutil.which("wrk")):
        if not shutil.which("wrk"):
            raise SystemExit("wrk is not installed (apt-get install wrk, or --tool python)")
        return "wrk", wrk
    return "python", python
