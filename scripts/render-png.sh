#!/usr/bin/env bash
# OPTIONAL: renders an .xlsx to PNG pages for a visual check of the offline
# report (cells, formats, the native chart). Needs LibreOffice (soffice) and
# poppler-utils (pdftoppm); neither is a project dependency, and no test
# needs this script (the xlsx tests skip their LibreOffice check when soffice
# is absent).
#
# Usage: scripts/render-png.sh FILE.xlsx [OUTDIR]   (OUTDIR defaults to FILE's directory)
# Writes OUTDIR/FILE.pdf and OUTDIR/FILE-1.png, FILE-2.png, ... at 80 dpi.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 FILE.xlsx [OUTDIR]" >&2
  exit 2
fi
file=$1
outdir=${2:-$(dirname "$file")}
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool not found (install LibreOffice and poppler-utils to render previews)" >&2
    exit 1
  fi
done

mkdir -p "$outdir"
base=$(basename "$file" .xlsx)
soffice --headless --convert-to pdf --outdir "$outdir" "$file" >/dev/null
pdftoppm -png -r 80 "$outdir/$base.pdf" "$outdir/$base"
ls "$outdir/$base"*.png
