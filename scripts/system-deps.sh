#!/usr/bin/env bash
# Install the Debian packages Remit needs beside its Python packages.
#   run:  Pango (WeasyPrint's PDF engine) and CJK fonts so Chinese renders in PDFs
#   test: the above plus Chromium (browser tests) and poppler-utils (PDF pages to PNG)
# Only missing packages are installed; nothing happens when all are present.
set -euo pipefail
purpose=${1:-run}
pkgs=(libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk fonts-dejavu-core)
if [ "$purpose" = test ]; then
  pkgs+=(chromium poppler-utils gettext)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Remit needs these system packages (or their equivalents): ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
