"""remit health: check an organisation (file or database) against Remit's rules."""

import datetime as dt
import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from remit import orgfile
from remit.analysis import checks
from remit.org import snapshot

from ..common import INVALID, USAGE, UsageError, get_org


class Command(BaseCommand):
    help = (
        "Check an organisation file (FILE, no database needed) or an organisation in the "
        "database (--org SLUG) against Remit's rules. Exit 0 when no finding is an error, "
        "1 when some is, 2 on usage errors or an invalid file. --format json prints a list "
        "of findings with code, severity, area, message, entities and fix."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", metavar="FILE")
        parser.add_argument("--org", metavar="SLUG")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="check as of this day (default: today)",
        )

    def handle(self, *args, file, org, format, today, **options):
        if bool(file) == bool(org):
            raise UsageError("Give either FILE or --org SLUG (not both).")
        if file:
            try:
                snap = orgfile.load_path(file)
            except FileNotFoundError:
                raise UsageError(f"No such file: {file}") from None
            except orgfile.OrgFileError as exc:
                self.stderr.write(f"The file is invalid ({len(exc.problems)} problem(s)):")
                for p in exc.problems:
                    self.stderr.write(f"  {p}")
                raise SystemExit(USAGE) from None
        else:
            snap = snapshot.load(get_org(org))
        findings = checks.run(snap, checks.Context(today=today or timezone.localdate()))
        if format == "json":
            self.stdout.write(
                json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False)
            )
        else:
            self._text(findings)
        if any(f.severity == checks.Severity.ERROR for f in findings):
            raise SystemExit(INVALID)

    def _text(self, findings):
        if not findings:
            self.stdout.write("No findings.")
            return
        for f in findings:
            self.stdout.write(f"{f.severity.upper():<7} {f.code}: {f.message}")
            self.stdout.write(f"        fix: {f.fix}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in checks.Severity}
        self.stdout.write(
            f"\n{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)."
        )
