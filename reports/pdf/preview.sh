#!/bin/sh
# Render a sample readiness report and its pages as PNG files to look at.
#   reports/pdf/preview.sh [sample] [outdir] [extra preview flags...]
# sample: strong, middling, beginner, big, scripts, local, cohort (default middling).
# Needs pdftoppm (Debian/Ubuntu: apt-get install -y poppler-utils).
set -eu
sample=${1:-middling}
out=${2:-/tmp/pathway-preview}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
command -v pdftoppm >/dev/null || { echo "preview.sh: pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }
mkdir -p "$out"
cd "$(dirname "$0")/../.."
go run ./reports/pdf/internal/preview -sample "$sample" -o "$out/$sample.pdf" "$@"
rm -f "$out/$sample"-*.png
pdftoppm -png -r "${DPI:-70}" "$out/$sample.pdf" "$out/$sample"
ls "$out/$sample"-*.png
