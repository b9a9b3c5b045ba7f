"""remit library: load and search the responsibility library (O*NET task statements)."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from remit.org.actions.library import LibraryImportError, library_import_onet
from remit.org.queries import library as queries

from ..common import INVALID, UsageError

ATTRIBUTION = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license."
)


class Command(BaseCommand):
    help = (
        "The responsibility library. 'remit library import-onet DIR' loads (or refreshes) it "
        "from the O*NET database's text files in DIR (Occupation Data.txt, Task Statements.txt, "
        "Tasks to DWAs.txt, DWA Reference.txt); 'remit library search WORDS…' finds task "
        "statements containing every word. Exit 0 when done, 1 when the files are invalid "
        "(every problem is printed and nothing is written), 2 on usage errors."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser(
            "import-onet",
            help="load the O*NET text files of DIR into the library (idempotent, all or nothing)",
        )
        imp.add_argument("directory", metavar="DIR")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        find = sub.add_parser(
            "search", help="task statements containing every word, best matches first"
        )
        find.add_argument("words", nargs="*", metavar="WORDS")
        find.add_argument(
            "--occupation", default="", metavar="TEXT", help="an O*NET-SOC code or title words"
        )
        find.add_argument("--limit", type=int, default=20, metavar="N", help="default 20")
        find.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, action: str, format: str, **options):
        if action == "import-onet":
            return self._import(Path(options["directory"]), format)
        return self._search(options["words"], options["occupation"], options["limit"], format)

    def _import(self, directory: Path, format: str):
        if not directory.exists():
            raise UsageError(f"No such directory: {directory}")
        started = time.perf_counter()
        try:
            report = library_import_onet(directory=directory, actor_label="cli")
        except LibraryImportError as exc:
            if format == "json":
                self.stdout.write(
                    json.dumps({"valid": False, "problems": exc.problems, "total": exc.total})
                )
            else:
                self.stderr.write(
                    f"The O*NET files are invalid; nothing was written. {exc.total} problem(s):"
                )
                for p in exc.problems:
                    self.stderr.write(f"  {p}")
                if exc.total > len(exc.problems):
                    self.stderr.write(f"  … and {exc.total - len(exc.problems)} more")
            raise SystemExit(INVALID) from None
        report["seconds"] = round(time.perf_counter() - started, 2)
        if format == "json":
            self.stdout.write(json.dumps(report, indent=2))
            return
        o, t = report["occupations"], report["tasks"]
        self.stdout.write(
            "\n".join(
                [
                    f"Library: {report['occupations_total']} occupations, "
                    f"{report['tasks_total']} tasks ({report['core_tasks']} core), "
                    f"{report['activity_links']} task-activity links "
                    f"in {report['seconds']} s.",
                    f"  occupations  +{o['created']} ~{o['updated']} -{o['deleted']} "
                    f"={o['unchanged']}",
                    f"  tasks        +{t['created']} ~{t['updated']} -{t['deleted']} "
                    f"={t['unchanged']}",
                    ATTRIBUTION,
                ]
            )
        )

    def _search(self, words: list[str], occupation: str, limit: int, format: str):
        if limit < 1:
            raise UsageError("--limit must be at least 1.")
        if not words and not occupation.strip():
            raise UsageError("Give WORDS to search for, or --occupation.")
        found = queries.search(" ".join(words), occupation=occupation, per_page=limit)
        tasks = list(found.page.object_list)
        if format == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "count": found.page.paginator.count,
                        "tasks": [
                            {
                                "occupation_code": t.occupation.code,
                                "occupation": t.occupation.title,
                                "task_id": t.source_id,
                                "statement": t.statement,
                                "core": t.core,
                                "activities": t.activities.splitlines(),
                            }
                            for t in tasks
                        ],
                        "attribution": ATTRIBUTION,
                    },
                    indent=2,
                )
            )
            return
        if not queries.is_loaded():
            self.stderr.write("The library is empty: load it with 'remit library import-onet DIR'.")
        lines = [f"{found.page.paginator.count} task(s); showing {len(tasks)}."]
        for t in tasks:
            lines.append(f"{t.occupation.code}  {t.occupation.title}  [{t.source_id}]")
            lines.append(f"    {t.statement}")
        lines.append(ATTRIBUTION)
        self.stdout.write("\n".join(lines))
