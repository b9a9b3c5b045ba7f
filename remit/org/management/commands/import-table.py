"""remit import-table KIND FILE --org SLUG: import positions, employees or an org chart."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from remit.org.actions.imports import table_import
from remit.orgfile import tables

from ..common import INVALID, UsageError, get_org


class Command(BaseCommand):
    help = (
        "Import a CSV or XLSX table into an organisation: positions (key, title, department, "
        "reports_to, grade, headcount), employees (key, name, email, position, start, "
        "department) or orgchart (post reference, job title, job/team function, unit, "
        "reports-to post, FTE, grade). Upsert by key, all or nothing. Columns are matched to "
        "fields with --map COLUMN=FIELD, or else by their names (the matches are printed). "
        "Exit 0 when imported, 1 when the file is invalid (every problem is printed with its "
        "row and field, and nothing is written), 2 on usage errors."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind",
            choices=sorted(tables.KINDS),
            metavar="KIND",
            help="positions, employees or orgchart",
        )
        parser.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organisation")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="COLUMN=FIELD",
            help="match a file column to a field (repeat it; FIELD empty ignores the column)",
        )
        parser.add_argument("--sheet", default="", help="XLSX: the worksheet (default: the first)")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change; write nothing"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, kind, file, org, map, sheet, dry_run, format, **options):
        organization = get_org(org)
        path = Path(file)
        if not path.is_file():
            raise UsageError(f"No such file: {file}")
        limits = tables.Limits(max_bytes=settings.REMIT_UPLOAD_MAX_BYTES)
        if path.stat().st_size > limits.max_bytes:
            return self._invalid(
                [
                    f"{path.name}: the file is {tables.human_size(path.stat().st_size)}; "
                    f"the limit is {tables.human_size(limits.max_bytes)} (UPLOAD_MAX_MB)."
                ],
                format,
            )
        try:
            table = tables.read_table(path.read_bytes(), path.name, limits=limits, sheet=sheet)
        except tables.TableError as exc:
            return self._invalid([f"{path.name}: {exc}"], format)
        kind_ = tables.KINDS[kind]
        if map:
            mapping = {}
            for item in map:
                column, sep, name = item.partition("=")
                if not sep:
                    raise UsageError(f"--map {item!r}: write it as COLUMN=FIELD.")
                mapping[column.strip()] = name.strip()
        else:
            mapping = tables.suggest_mapping(kind_, table.headers)
            if format == "text":
                self.stdout.write("Columns matched by name (use --map COLUMN=FIELD to change):")
                for column, name in mapping.items():
                    self.stdout.write(f"  {column} -> {name}")
                unmatched = [h for h in table.headers if h not in mapping]
                if unmatched:
                    self.stdout.write(f"  ignored: {', '.join(unmatched)}")
        try:
            report = table_import(
                org=organization,
                actor=None,
                kind=kind,
                rows=table,
                mapping=mapping,
                dry_run=dry_run,
                actor_label="cli",
            )
        except tables.TableProblems as exc:
            return self._invalid([str(p) for p in exc.problems], format)
        if format == "json":
            self.stdout.write(json.dumps({"mapping": mapping, **report.as_dict()}, indent=2))
            return
        verb = "Would change" if dry_run else "Imported"
        lines = [
            f"{verb} {organization.slug}: {report.changes} change(s) from {report.rows} row(s)"
        ]
        for name, created, updated, unchanged in report.entities():
            lines.append(f"  {name:<12} +{created} ~{updated} ={unchanged}")
        for note in report.notes[:50]:
            lines.append(f"  note: {note}")
        if len(report.notes) > 50:
            lines.append(f"  … and {len(report.notes) - 50} more notes")
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
