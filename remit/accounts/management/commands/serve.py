"""remit serve: the production WSGI server (gunicorn) plus one background worker."""

import os
import signal
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve Remit with gunicorn on 127.0.0.1:8000 (by default) and start a background "
        "worker beside it. Run `remit migrate` and `remit collectstatic` first (make run does)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("REMIT_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("REMIT_PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "3")),
            help="gunicorn worker processes (default: WEB_CONCURRENCY or 3)",
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="do not start a background worker"
        )

    def handle(self, *args, host: str, port: int, workers: int, no_worker: bool, **options):
        from gunicorn.app.base import BaseApplication

        from remit.wsgi import application

        class Server(BaseApplication):
            def load_config(self):
                self.cfg.set("bind", f"{host}:{port}")
                self.cfg.set("workers", workers)
                self.cfg.set("accesslog", "-")
                self.cfg.set("timeout", 120)
                self.cfg.set("graceful_timeout", 20)

            def load(self):
                return application

        worker = None
        if not no_worker:
            worker = subprocess.Popen([sys.executable, "-m", "remit", "worker"])
        self.stdout.write(f"Remit is serving on http://{host}:{port}/ (Ctrl+C to stop)")
        try:
            Server().run()
        finally:
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    worker.kill()
