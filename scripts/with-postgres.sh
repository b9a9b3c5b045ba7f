#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a throwaway PostgreSQL database
# that is created first and dropped afterwards, whatever the command's outcome.
set -uo pipefail
base_url=$1; shift
db="remit_ci_$$_$RANDOM"
py=.venv/bin/python
if ! "$py" - "$base_url" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1] + "/postgres", connect_timeout=5).close()
except Exception as exc:
    print(f"PostgreSQL is not reachable at {sys.argv[1]}: {exc}", file=sys.stderr)
    sys.exit(1)
PY
then
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true and PostgreSQL is unavailable: failing the run." >&2
    exit 1
  fi
  echo "################################################################" >&2
  echo "# PostgreSQL unavailable: the PostgreSQL pass did NOT run.      #" >&2
  echo "################################################################" >&2
  exit 0
fi
"$py" - "$base_url" "$db" create <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1] + "/postgres", autocommit=True) as c:
    c.execute(f'CREATE DATABASE "{sys.argv[2]}"')
PY
DATABASE_URL="$base_url/$db" "$@"
status=$?
"$py" - "$base_url" "$db" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1] + "/postgres", autocommit=True) as c:
    for row in c.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", ("%" + sys.argv[2] + "%",)).fetchall():
        c.execute(f'DROP DATABASE IF EXISTS "{row[0]}" WITH (FORCE)')
PY
exit $status
