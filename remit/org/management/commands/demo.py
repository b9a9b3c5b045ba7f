from django.core.management.base import BaseCommand

from remit.org.actions.demo import LANGUAGES, demo_load


class Command(BaseCommand):
    help = (
        "Load the demo company (a ~60-person kitchen-equipment manufacturer-distributor) as "
        "organisation 'demo' (or 'demo-zh-hans'); running it again restores it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=list(LANGUAGES), default="en")

    def handle(self, *args, lang: str, **options):
        org, report = demo_load(lang=lang)
        self.stdout.write(f"Demo company loaded as '{org.slug}' ({report.changes} change(s)).")
