from django.core.management.base import BaseCommand

from remit import orgfile
from remit.orgfile.generate import generate

from ..common import format_for, write_output


class Command(BaseCommand):
    help = (
        "Write a deterministic synthetic organisation file for tests and benchmarks: "
        "S ~60 positions, M ~1,000, L ~10,000 (~400,000 responsibilities, ~50,000 employees)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", required=True, choices=["S", "M", "L"])
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="FILE",
            help="the file to write ('-': standard output); JSON when it ends in .json",
        )

    def handle(self, *args, size: str, seed: int, output: str, **options):
        snap = generate(size, seed)
        write_output(orgfile.dump(snap, format=format_for(output, None)), output, self.stdout)
