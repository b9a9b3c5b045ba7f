import json

from django.core.management.base import BaseCommand

from remit import orgfile


class Command(BaseCommand):
    help = "Print the JSON Schema of the organisation file (YAML or JSON)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(orgfile.schema(), indent=2, ensure_ascii=False))
