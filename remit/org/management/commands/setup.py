"""remit setup: make a fresh installation usable and print how to log in."""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand

from remit.accounts import actions
from remit.accounts.models import Membership, Organization, User
from remit.org.actions.demo import LANGUAGES, demo_load, demo_path

ADMIN_EMAIL = "admin@example.com"


class Command(BaseCommand):
    help = (
        "On a fresh installation: create the first user, load the demo company (in English "
        "and Chinese) and make that user its owner; print the login. The password is kept "
        "in the data directory's first-login.txt. Existing data is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo",
            action="store_true",
            help="create an empty organisation 'my-company' instead of loading the demo",
        )

    def handle(self, *args, no_demo: bool, **options):
        login_file = settings.DATA_DIR / "first-login.txt"
        if not User.objects.exists():
            password = secrets.token_urlsafe(12)
            actions.user_create(email=ADMIN_EMAIL, password=password, name="Admin")
            login_file.write_text(f"{ADMIN_EMAIL}\n{password}\n")
            login_file.chmod(0o600)
        user = User.objects.filter(email=ADMIN_EMAIL).first()
        if user is not None and no_demo:
            if not Membership.objects.filter(user=user).exists():
                org = Organization.objects.filter(slug="my-company").first()
                if org is None:
                    actions.org_create(name="My Company", slug="my-company", owner=user)
                else:
                    actions.membership_add(org=org, user=user, role="owner", actor=None)
        elif user is not None:
            for lang, slug in LANGUAGES.items():
                if demo_path(lang).exists() and not Organization.objects.filter(slug=slug).exists():
                    org, _report = demo_load(lang=lang, owner=user)
                    self.stdout.write(f"Loaded the demo company as '{org.slug}'.")
        self._print_login(login_file, user)

    def _print_login(self, login_file, user):
        if user is None or not login_file.exists():
            self.stdout.write("Log in with your existing account.")
            return
        email, password = login_file.read_text().split()[:2]
        if not user.check_password(password):
            self.stdout.write(f"Log in as {email} with the password you chose.")
            return
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("  Remit is ready. Log in at http://127.0.0.1:8000/"))
        self.stdout.write(f"  e-mail:   {email}")
        self.stdout.write(f"  password: {password}")
        self.stdout.write("")
