"""python -m bench: run the benchmarks and print the report (Markdown) on standard output.

Progress goes to standard error. Everything is made in a temporary directory and a
throwaway PostgreSQL database per size, removed at the end whatever happens.
"""

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import data, pages, report
from .load import pick
from .results import DataRow, PageRow
from .sandbox import POSTGRES, ROOT, SQLITE, Sandbox, postgres_version

SIZES = ("S", "M", "L")
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432"


def parse(argv: list[str]) -> argparse.Namespace:
    cpus = os.cpu_count() or 2
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description="Remit's benchmarks: data (generate, parse, load, import, snapshot, "
        "export) and pages (the real server under load), each against a floor measured "
        "in the same run.",
    )
    p.add_argument("--sizes", default="S,M", type=_sizes,
                   help="comma-separated, of S, M, L (default S,M; L takes many minutes)")  # fmt: skip
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--only", choices=["data", "pages", "all"], default="all")
    p.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    p.add_argument("--pg-url", default=os.environ.get("PG_URL", DEFAULT_PG_URL),
                   help=f"PostgreSQL server, trust auth (default {DEFAULT_PG_URL})")  # fmt: skip
    p.add_argument("--workers", type=int, default=cpus, help=f"gunicorn workers (default {cpus})")
    p.add_argument("--concurrency", type=int, default=2 * cpus,
                   help=f"open connections during a page's load (default {2 * cpus})")  # fmt: skip
    p.add_argument("--duration", type=float, default=10.0, help="seconds of load per page")
    p.add_argument("--samples", type=int, default=5,
                   help="requests one after another per page before its load: the page's "
                   "time alone, and its warm-up (default 5)")  # fmt: skip
    p.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto",
                   help="load generator (auto: wrk when installed)")  # fmt: skip
    p.add_argument("--timeout", type=float, default=3 * 3600,
                   help="seconds any one measuring process may take (default 3 h)")  # fmt: skip
    p.add_argument("--profile", action="store_true",
                   help="write cProfile stats of each measurement to bench/out/profiles/ "
                   "(the profiler slows what it measures)")  # fmt: skip
    return p.parse_args(argv)


def _sizes(text: str) -> list[str]:
    sizes = [s.strip().upper() for s in text.split(",") if s.strip()]
    bad = [s for s in sizes if s not in SIZES]
    if bad or not sizes:
        raise argparse.ArgumentTypeError(f"sizes are S, M and L, not {', '.join(bad) or text!r}")
    return sorted(set(sizes), key=SIZES.index)


def log(message: str) -> None:
    sys.stderr.write(f"{time.strftime('%H:%M:%S')} {message}\n")
    sys.stderr.flush()


@dataclass
class Results:
    data: list[DataRow] = field(default_factory=list)
    pages: list[PageRow] = field(default_factory=list)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    fixtures: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    load_before: float = field(default_factory=lambda: os.getloadavg()[0])


def databases(args: argparse.Namespace) -> tuple[list[str], str | None]:
    """The databases to run on, and PostgreSQL's version when it is one of them."""
    wanted = [SQLITE, POSTGRES] if args.db == "both" else [args.db]
    if POSTGRES not in wanted:
        return wanted, None
    try:
        return wanted, postgres_version(args.pg_url)
    except Exception as exc:
        if args.db == POSTGRES:
            raise SystemExit(f"PostgreSQL is not reachable at {args.pg_url}: {exc}") from None
        log("#" * 72)
        log(f"# PostgreSQL is not reachable at {args.pg_url}: measuring SQLite only")
        log("#" * 72)
        return [SQLITE], None


def run_size(
    size: str, args: argparse.Namespace, dbs: list[str], work: Path, opts: pages.PageOptions | None
) -> Results:
    out = Results()
    profile_dir = ROOT / "bench" / "out" / "profiles" if args.profile else None
    if profile_dir:
        profile_dir.mkdir(parents=True, exist_ok=True)
    runner = data.Runner(work, args.timeout, log, profile_dir)
    files, gen_rows = data.generate(runner, size, args.seed)
    out.files[size] = files.info
    if args.only in ("data", "all"):
        out.data += gen_rows + data.file_measurements(runner, files)
    for db in dbs:
        box = Sandbox(size, db, work, args.pg_url, args.timeout, profile_dir).open()
        try:
            if args.only in ("data", "all"):
                out.data += data.database_measurements(box, files, log)
            if opts is not None:
                rows, fixture = pages.page_measurements(box, files, opts, log)
                out.pages += rows
                out.fixtures[(size, db)] = fixture
        finally:
            box.close()
    for path in (files.yaml, files.json):
        path.unlink(missing_ok=True)
    return out


def render(results: Results, args: argparse.Namespace, pg: str | None, tool: str | None) -> str:
    parts = ["# Remit benchmarks", ""]
    parts += [*report.machine(pg, tool, results.started, results.load_before), ""]
    parts += [f"Sizes (seed {args.seed}):", "", *report.sizes_lines(results.files), ""]
    if results.data:
        parts += ["## Data", "", report.data_table(results.data), ""]
        if verdicts := report.verdicts(results.data):
            parts += [*verdicts, ""]
    if results.pages:
        parts += [f"## Pages ({args.workers} gunicorn workers, {args.concurrency} connections, "
                  f"{args.duration:g} s per page)", ""]  # fmt: skip
        parts += [*report.fixture_lines(results.fixtures), ""]
        parts += [report.page_table(results.pages), ""]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    args = parse(sys.argv[1:] if argv is None else argv)
    dbs, pg = databases(args)
    opts = None
    if args.only in ("pages", "all"):
        tool, load = pick(args.tool)
        opts = pages.PageOptions(args.workers, args.concurrency, args.duration, args.samples,
                                 tool, load)  # fmt: skip
        log(f"load tool: {tool}" + ("" if tool == "wrk" else " (wrk is not installed)"))
    results = Results()
    work = Path(tempfile.mkdtemp(prefix="remit-bench-"))
    try:
        for size in args.sizes:
            r = run_size(size, args, dbs, work, opts)
            results.data += r.data
            results.pages += r.pages
            results.files |= r.files
            results.fixtures |= r.fixtures
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.write(render(results, args, pg, opts.tool if opts else None) + "\n")


if __name__ == "__main__":
    main()
