import dataclasses

from django.core.management.base import BaseCommand

from remit import orgfile
from remit.org import snapshot

from ..common import format_for, get_org, write_output


class Command(BaseCommand):
    help = "Export an organisation as one organisation file (YAML by default, or JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organisation")
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="write here ('-': standard output)"
        )
        parser.add_argument(
            "--format", choices=["yaml", "json"], help="default: from FILE's suffix, else yaml"
        )

    def handle(self, *args, org: str, output: str | None, format: str | None, **options):
        # The slug addresses the organisation in this installation; a file is portable
        # (import names its target with --org), so exports leave it out.
        snap = dataclasses.replace(snapshot.load(get_org(org)), slug="")
        write_output(orgfile.dump(snap, format=format_for(output, format)), output, self.stdout)
