"""remit jd: a position's job description (or all of them) as a document."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from remit.org import snapshot
from remit.org.exports import write_zip
from remit.org.queries.duties import jd_document
from remit.render.formats import FORMATS
from remit.render.jobdesc import assemble

from ..common import UsageError, get_org, write_output


class Command(BaseCommand):
    help = (
        "Write a position's job description as HTML, Markdown, DOCX or PDF "
        "(remit jd POSITION_KEY --org SLUG --format pdf -o FILE), or every current "
        "position's as one ZIP file (remit jd --all --org SLUG --format pdf -o FILE.zip)."
    )

    def add_arguments(self, parser):
        parser.add_argument("position", nargs="?", metavar="POSITION_KEY")
        parser.add_argument("--all", action="store_true", help="every current position, as a ZIP")
        parser.add_argument("--org", required=True, metavar="SLUG")
        parser.add_argument("--format", choices=list(FORMATS), default="pdf")
        parser.add_argument("--lang", choices=["en", "zh-hans"], help="default: the organisation's")
        parser.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="where to write ('-' or nothing: standard output, text formats only)",
        )

    def handle(self, *args, position, all, org, format, lang, output, **options):
        if bool(position) == bool(all):
            raise UsageError("Name one POSITION_KEY, or give --all.")
        organization = get_org(org)
        lang = lang or organization.language
        if all:
            if not output or output == "-":
                raise UsageError("--all writes a ZIP file: give -o FILE.zip.")
            n = write_zip(organization, Path(output), fmt=format, lang=lang)
            self.stdout.write(f"Wrote {n} job descriptions to {output}.")
            return
        snap = snapshot.load(organization)
        if position not in snap.positions:
            raise UsageError(f"No position with the key '{position}' in {org}.")
        jd = assemble(snap, position, on=timezone.localdate())
        content = jd_document(jd, format, org_name=organization.name, lang=lang)
        if output and output != "-":
            Path(output).write_bytes(content)
        elif format in ("pdf", "docx"):
            raise UsageError(f"{format.upper()} is binary: give -o FILE.")
        else:
            write_output(content.decode("utf-8"), None, self.stdout)
