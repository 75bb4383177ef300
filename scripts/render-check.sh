#!/usr/bin/env bash
# Renders a result workbook to PDF (LibreOffice headless) and PNG pages (pdftoppm) under test-output/render/,
# so a person can look at what a meeting would print.
# Usage: scripts/render-check.sh <book.xlsx> [out-dir]   Exit 3 when soffice or pdftoppm is missing.
set -euo pipefail
in="${1:?usage: render-check.sh <book.xlsx> [out-dir]}"
out="${2:-test-output/render}"
command -v soffice >/dev/null || { echo "soffice not found" >&2; exit 3; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found" >&2; exit 3; }
mkdir -p "$out"
name="$(basename "${in%.*}")"
# A private profile so parallel runs and a running LibreOffice do not collide.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --calc --convert-to pdf --outdir "$out" "$in" >/dev/null 2>&1
pdf="$out/$name.pdf"
[ -s "$pdf" ] || { echo "no PDF produced for $in" >&2; exit 1; }
rm -f "$out/$name"-*.png
pdftoppm -png -r 80 "$pdf" "$out/$name"
ls "$out/$name".pdf "$out/$name"-*.png
