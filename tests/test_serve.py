"""`remit serve` starts the production WSGI server and a worker; pages answer over HTTP."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.nodb


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_with_gunicorn_and_starts_a_worker(tmp_path):
    env = {
        **os.environ,
        "REMIT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    run = [sys.executable, "-m", "remit"]
    subprocess.run([*run, "migrate", "-v", "0"], env=env, check=True, timeout=120)
    subprocess.run(
        [*run, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, timeout=120
    )
    port = free_port()
    proc = subprocess.Popen(
        [*run, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/account/login/", timeout=2
                ) as r:
                    body = r.read().decode()
                    server = r.headers.get("Server", "")
                    break
            except OSError:
                time.sleep(0.2)
        assert body is not None, "the server did not answer"
        assert "Log in to Remit" in body
        assert "gunicorn" in server.lower()
        css = body.split('href="/static/')[1].split('"')[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/{css}", timeout=5) as r:
            assert r.status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    assert "Booting worker" in out or "Listening at" in out
    assert "db_worker" in out or "Starting worker" in out or "worker" in out.lower()
