#!/usr/bin/env bash
# Debian packages the tests use: Chromium + CJK fonts (browser tests, screenshots), LibreOffice Calc and
# poppler (render check: .xlsx → PDF → PNG; corpus workbooks round-tripped through Calc), openpyxl and
# XlsxWriter (corpus workbooks, and test/fixtures/features, written as other programs write them).
# Idempotent; skips what is installed.
set -euo pipefail
want=(chromium fonts-noto-cjk libreoffice-calc poppler-utils python3-openpyxl python3-xlsxwriter)
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${want[*]}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${missing[*]} (run as root: apt-get install -y --no-install-recommends ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
