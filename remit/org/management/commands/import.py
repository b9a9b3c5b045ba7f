"""remit import FILE --org SLUG: upsert an organisation file into the database."""

import json

from django.core.management.base import BaseCommand
from django.db import transaction

from remit import orgfile
from remit.accounts.models import Organization
from remit.org.actions.orgfile import ImportProblems, org_create_for, orgfile_import

from ..common import INVALID, UsageError


class Command(BaseCommand):
    help = (
        "Import an organisation file (YAML or JSON) into an organisation: upsert by key, "
        "all or nothing. Exit 0 when imported, 1 when the file is invalid (every problem "
        "is printed and nothing is written), 2 on usage errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organisation")
        parser.add_argument(
            "--create", action="store_true", help="create the organisation if missing"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change; write nothing"
        )
        parser.add_argument(
            "--prune", action="store_true", help="delete what the file no longer has"
        )
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="report format"
        )

    def handle(
        self,
        *args,
        file: str,
        org: str,
        create: bool,
        dry_run: bool,
        prune: bool,
        format: str,
        **options,
    ):
        try:
            snap = orgfile.load_path(file)
        except FileNotFoundError:
            raise UsageError(f"No such file: {file}") from None
        except orgfile.OrgFileError as exc:
            return self._invalid([str(p) for p in exc.problems], format)
        target = Organization.objects.filter(slug=org).first()
        if target is None and not create:
            raise UsageError(
                f"No organisation with the short name '{org}' (add --create to create it)."
            )
        try:
            # One transaction: a new organisation is not left behind by a failed or dry run.
            with transaction.atomic():
                if target is None:
                    target = org_create_for(snap, slug=org)
                report = orgfile_import(
                    org=target,
                    snapshot=snap,
                    actor=None,
                    prune=prune,
                    dry_run=dry_run,
                    actor_label="cli",
                )
                if dry_run:
                    transaction.set_rollback(True)
        except ImportProblems as exc:
            return self._invalid([f"{file}: {p}" for p in exc.problems], format)
        if format == "json":
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
            return
        verb = "Would change" if dry_run else "Imported"
        lines = [f"{verb} {target.slug}: {report.changes} change(s)"]
        for name, c in report.as_dict()["entities"].items():
            if c["created"] or c["updated"] or c["deleted"]:
                lines.append(f"  {name:<18} +{c['created']} ~{c['updated']} -{c['deleted']}")
        self.stdout.write("\n".join(lines))

    def _invalid(self, problems: list[str], format: str):
        if format == "json":
            self.stdout.write(json.dumps({"valid": False, "problems": problems}, indent=2))
        else:
            self.stderr.write(
                f"The file is invalid; nothing was written. {len(problems)} problem(s):"
            )
            for p in problems:
                self.stderr.write(f"  {p}")
        raise SystemExit(INVALID)
