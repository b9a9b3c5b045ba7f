"""Timing and memory of one measurement, inside the measuring process."""

import cProfile
import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MARKER = "BENCH-RESULT "


def rss_mb() -> float:
    """The resident memory of this process now, in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    """The peak resident memory of this process so far, in MB.

    VmHWM belongs to the process image: ``ru_maxrss`` survives exec on Linux, so in a
    freshly started child it may still count the parent's pages from before the exec.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Probe:
    """Times named phases (wall clock and this process's CPU); optionally profiles them.

    CPU seconds (user + system, this process only) move far less than wall seconds
    when other work shares the machine; they leave out what a database server does.
    """

    def __init__(self, profile_to: str | None = None) -> None:
        self.phases: list[tuple[str, float, float]] = []  # name, wall seconds, CPU seconds
        self.start_mb: float | None = None
        self.profiler = cProfile.Profile() if profile_to else None
        self.profile_to = profile_to

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        if self.start_mb is None:
            self.start_mb = rss_mb()
        if self.profiler:
            self.profiler.enable()
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.phases.append((name, time.perf_counter() - t0, time.process_time() - c0))
            if self.profiler:
                self.profiler.disable()

    def result(self, info: dict[str, Any]) -> dict[str, Any]:
        if self.profiler and self.profile_to:
            self.profiler.dump_stats(self.profile_to)
        return {
            "seconds": sum(s for _n, s, _c in self.phases),
            "cpu_seconds": sum(c for _n, _s, c in self.phases),
            "phases": self.phases,
            "start_mb": self.start_mb or 0.0,
            "peak_mb": peak_mb(),
            "info": info,
        }
