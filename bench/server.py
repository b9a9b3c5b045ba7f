"""The real server under test: `remit serve` on a free port of 127.0.0.1.

Started in its own session so that it and its gunicorn workers can be stopped by
its process id; the workers' peak resident memory is read from /proc (and reset
between pages where the kernel allows it).
"""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from .sandbox import BIN, ROOT

HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds for the server to answer /healthz
STOP_TIMEOUT = 30.0
GUNICORN_TIMEOUT = 120.0  # `remit serve` kills a worker whose request takes longer
DRAIN_TIMEOUT = GUNICORN_TIMEOUT + 30
IDLE_SECONDS = 0.25  # every worker answers /healthz within this: the server is idle


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """`remit serve --no-worker` with ``workers`` gunicorn workers, as a context manager."""

    def __init__(self, env: dict[str, str], workers: int, log: Path) -> None:
        self.env = env
        self.workers = workers
        self.log = log
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> "Server":
        cmd = [str(BIN / "remit"), "serve", "--host", HOST, "--port", str(self.port)]
        cmd += ["--workers", str(self.workers), "--no-worker"]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self._wait_ready()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                raise RuntimeError(f"remit serve exited; see {self.log}")
            try:
                status, _size, _secs = self.get("/healthz", "")
            except OSError:
                status = 0
            if status == 200:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"remit serve did not answer within {START_TIMEOUT:.0f} s; see {self.log}"
        )

    def drain(self) -> bool:
        """Wait until every worker is free again (a load tool leaves requests in flight).

        As many /healthz requests at once as there are workers: when all answer fast,
        no worker is still busy. Bounded: gunicorn ends any request within its timeout.
        """
        deadline = time.monotonic() + DRAIN_TIMEOUT
        while time.monotonic() < deadline:
            with ThreadPoolExecutor(self.workers) as pool:
                times = list(pool.map(lambda _i: self._healthz_seconds(), range(self.workers)))
            if max(times) < IDLE_SECONDS:
                return True
        return False

    def _healthz_seconds(self) -> float:
        try:
            status, _size, seconds = self.get("/healthz", "")
        except OSError:
            return DRAIN_TIMEOUT
        return seconds if status == 200 else DRAIN_TIMEOUT

    def stop(self) -> None:
        """SIGTERM to the server (gunicorn stops its workers); SIGKILL to its group if it hangs."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: only this server
            self.proc.wait(STOP_TIMEOUT)

    def get(self, path: str, cookie: str) -> tuple[int, int, float]:
        """One GET: status, body bytes, seconds."""
        conn = http.client.HTTPConnection(HOST, self.port, timeout=GUNICORN_TIMEOUT)
        try:
            start = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = conn.getresponse()
            body = response.read()
            return response.status, len(body), time.perf_counter() - start
        finally:
            conn.close()

    # --- the workers' memory ---------------------------------------------------------------

    def worker_pids(self) -> list[int]:
        if self.proc is None:
            return []
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and _parent(entry) == self.proc.pid:
                pids.append(int(entry.name))
        return pids

    def cpu_seconds(self) -> float:
        """The CPU time (user + system) the workers have used so far."""
        return sum(_cpu_seconds(pid) for pid in self.worker_pids())

    def reset_peaks(self) -> None:
        """Reset the workers' peak resident memory (Linux: clear_refs 5); ignored if refused."""
        for pid in self.worker_pids():
            with contextlib.suppress(OSError):
                Path(f"/proc/{pid}/clear_refs").write_text("5")

    def peak_mb(self) -> float | None:
        """The largest worker's peak resident memory (VmHWM) in MB."""
        peaks = [_vm_hwm_kb(pid) for pid in self.worker_pids()]
        peaks = [p for p in peaks if p is not None]
        return max(peaks) / 1024 if peaks else None


def _parent(proc_dir: Path) -> int | None:
    try:
        stat = (proc_dir / "stat").read_text()
    except OSError:
        return None
    # The command name (in parentheses) may hold spaces: the ppid follows the last ')'.
    return int(stat.rsplit(")", 1)[1].split()[1])


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime: fields 14 and 15 of stat, the 12th and 13th after the name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _vm_hwm_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None
