"""The measuring process: runs one task, times its phases, reports one JSON line.

    python -m bench.child TASK '{"size": "M", "seed": 1, ...}'

The parent starts one of these per measurement and per (size, database), so the
peak resident memory reported (``ru_maxrss``) belongs to this measurement alone.
Only the code inside ``probe.phase(...)`` is timed: interpreter start, Django setup
and reading input files are not.
"""

import json
import sys

from .probe import MARKER, Probe
from .tasks import TASKS, setup_django


def main(argv: list[str]) -> None:
    task_name, params = argv[0], json.loads(argv[1])
    task, needs_django = TASKS[task_name]
    if needs_django:
        setup_django()
    probe = Probe(params.get("profile"))
    info = task(params, probe)
    sys.stdout.write(MARKER + json.dumps(probe.result(info)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
