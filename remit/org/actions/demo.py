"""The demo company: a realistic kitchen-equipment manufacturer-distributor, in two languages."""

from pathlib import Path

from django.db import transaction

from remit import orgfile
from remit.accounts import actions as account_actions
from remit.accounts.models import Membership, Organization, Role, User

from .duties import jd_freeze_unversioned
from .orgfile import ImportReport, org_create_for, orgfile_import

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
LANGUAGES = {"en": "demo", "zh-hans": "demo-zh-hans"}


def demo_path(lang: str) -> Path:
    return DEMO_DIR / f"demo-{lang}.yaml"


@transaction.atomic
def demo_load(*, lang: str = "en", owner: User | None = None) -> tuple[Organization, ImportReport]:
    """Load (or refresh) the demo company as organisation ``demo`` / ``demo-zh-hans``."""
    if lang not in LANGUAGES:
        raise ValueError(f"the demo company exists in {', '.join(LANGUAGES)}")
    snap = orgfile.load_path(demo_path(lang))
    slug = LANGUAGES[lang]
    org = Organization.objects.filter(slug=slug).first()
    if org is None:
        org = org_create_for(snap, slug=slug)
    report = orgfile_import(org=org, snapshot=snap, actor=None, prune=True, actor_label="demo")
    jd_freeze_unversioned(org=org, actor=None, approver_name=snap.name)
    if owner is not None and not Membership.objects.filter(org=org, user=owner).exists():
        account_actions.membership_add(org=org, user=owner, role=Role.OWNER, actor=None)
    return org, report
