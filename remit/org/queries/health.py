"""The organisation's findings: every check rule run on the snapshot.

A full check loads the whole organisation, so its findings are cached under the id of
the organisation's latest recorded change: any change (every write records one)
makes the next read recompute them; reads in between cost one small query.
"""

from django.core.cache import cache
from django.utils import timezone

from remit.accounts.models import AuditEvent, Organization
from remit.analysis import checks

from .. import snapshot


def change_version(org: Organization) -> int:
    """The id of the organisation's latest recorded change: a cache key for what it reads."""
    last = AuditEvent.objects.filter(org=org).order_by("-id").values_list("id", flat=True).first()
    return last or 0


def _key(org: Organization) -> str:
    return f"remit:findings:{org.pk}:{change_version(org)}:{timezone.localdate().isoformat()}"


def cached_findings(org: Organization) -> list[checks.Finding] | None:
    """The findings if they are computed and current, without computing them."""
    return cache.get(_key(org))


def findings(org: Organization) -> list[checks.Finding]:
    today = timezone.localdate()
    key = _key(org)
    found = cache.get(key)
    if found is None:
        found = checks.run(snapshot.load(org), checks.Context(today=today))
        cache.set(key, found, timeout=24 * 3600)
    return found


def findings_for_position(org: Organization, key: str) -> list[checks.Finding]:
    return [f for f in findings(org) if any(r.kind == "position" and r.key == key for r in f.refs)]
