"""The ``remit`` command: Django's management commands with Remit's settings preset.

``remit --help`` lists Remit's own commands first, then Django's.
"""

import os
import sys

REMIT_APPS = ("remit.accounts", "remit.org")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remit.settings")
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "remit"

    from django.core.management import ManagementUtility, get_commands

    class RemitUtility(ManagementUtility):
        def main_help_text(self, commands_only: bool = False) -> str:
            commands = get_commands()
            ours = sorted(n for n, app in commands.items() if app in REMIT_APPS)
            if commands_only:
                return "\n".join(sorted(commands))
            theirs = sorted(n for n in commands if n not in ours)
            lines = [
                "Usage: remit <command> [options]",
                "",
                "Remit: run a company by clear responsibilities.",
                "Type 'remit help <command>' for help on a specific command.",
                "",
                "Remit's commands:",
                *(f"    {n}" for n in ours),
                "",
                "Django's and its companions' commands:",
                *(f"    {n}" for n in theirs),
            ]
            return "\n".join(lines)

    RemitUtility(argv).execute()


if __name__ == "__main__":
    main()
