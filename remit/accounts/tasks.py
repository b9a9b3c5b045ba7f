"""Background work of the accounts app."""

from django.core.mail import send_mail
from django.tasks import task


@task()
def send_email(*, subject: str, body: str, to: list[str]) -> int:
    """Send one plain-text e-mail through the configured backend."""
    return send_mail(subject, body, None, to)
