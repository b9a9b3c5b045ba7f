#!/usr/bin/env bash
# Print the newest Python interpreter >= 3.12 that actually runs.
# Version managers such as pyenv put shims on PATH that exist but refuse to run
# a version that is not selected, so every candidate is tried, not just found.
set -u
candidates=(python3.14 python3.13 python3.12)
for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]* /usr/local/bin /usr/bin; do
  for name in python3.14 python3.13 python3.12; do
    [ -x "$dir/bin/$name" ] && candidates+=("$dir/bin/$name")
    [ -x "$dir/$name" ] && candidates+=("$dir/$name")
  done
done
best=""; best_ver=0
for c in "${candidates[@]}"; do
  ver=$("$c" -c 'import sys; print(sys.version_info[0]*100+sys.version_info[1])' 2>/dev/null) || continue
  if [ "$ver" -ge 312 ] && [ "$ver" -gt "$best_ver" ]; then
    best=$(command -v "$c" 2>/dev/null || echo "$c"); best_ver=$ver
    # a shim resolves to itself; keep the real interpreter path
    best=$("$c" -c 'import sys; print(sys.executable)')
  fi
done
if [ -z "$best" ]; then
  echo "Remit needs Python 3.12 or newer (python3.13 or python3.12); none was found on this machine." >&2
  exit 1
fi
echo "$best"
