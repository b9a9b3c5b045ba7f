"""Helpers shared by Remit's commands: exit codes, reading and writing files, tenancy."""

import sys
from pathlib import Path

from django.core.management.base import CommandError

from remit.accounts.models import Organization

# Exit codes scripts rely on.
OK, INVALID, USAGE = 0, 1, 2


class UsageError(CommandError):
    def __init__(self, message: str):
        super().__init__(message, returncode=USAGE)


def get_org(slug: str) -> Organization:
    org = Organization.objects.filter(slug=slug).first()
    if org is None:
        raise UsageError(f"No organisation with the short name '{slug}'.")
    return org


def write_output(text: str, target: str | None, stdout) -> None:
    """Write to a file, or to standard output for '-' or no target."""
    if target in (None, "-"):
        stdout.write(text, ending="" if text.endswith("\n") else "\n")
        return
    Path(target).write_text(text, encoding="utf-8")


def format_for(path: str | None, explicit: str | None, default: str = "yaml") -> str:
    if explicit:
        return explicit
    if path and path.lower().endswith(".json"):
        return "json"
    return default


def stderr_line(text: str) -> None:
    sys.stderr.write(text + "\n")
