"""The rows the benchmarks produce and the report prints."""

from dataclasses import dataclass

NO_DB = "—"
YAML_FLOOR, JSON_FLOOR = "yaml", "json"


@dataclass(frozen=True)
class DataRow:
    """One data measurement (or one phase of it) of one size on one database."""

    measurement: str
    size: str
    database: str
    seconds: float | None  # None: the measurement failed (see note)
    cpu_seconds: float | None = None  # the measuring process's own CPU time
    peak_mb: float | None = None  # the measuring process's ru_maxrss
    grown_mb: float | None = None  # peak minus the resident memory when timing began
    floor: str = YAML_FLOOR  # the floor its ratio is taken against
    phase: bool = False  # a part of the row above
    load: float | None = None  # the machine's 1-minute load average when it began
    note: str = ""


@dataclass(frozen=True)
class PageRow:
    """One page under load on one size and database."""

    page: str
    size: str
    database: str
    tool: str
    alone_ms: float | None  # the median of requests one after another, no load
    cpu_ms: float | None  # the workers' CPU time per request, over those same requests
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    page_kb: float
    peak_mb: float | None  # the largest gunicorn worker's peak resident memory
    load: float | None = None  # the machine's 1-minute load average when it began
    note: str = ""
    failed: bool = False
