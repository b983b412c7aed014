#!/usr/bin/env bash
# Builds the library's documentation (the DocC catalog in Sources/JuryReportCore and every
# public module) with swift-docc-plugin, and fails on any warning. The archives go to
# .build/plugins/Swift-DocC/outputs/: the documentation is made from the modules of the
# package's own debug build (.build), which `swift test` leaves up to date, so it adds no
# build of its own. Usage: scripts/docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(JuryReportCore JuryReportFiles JuryReport MarkdownExporter CSVExporter XLSXExporter LaTeXExporter HTMLExporter JSONExporter DocxExporter JuryReportProcess JuryReportJudging JuryReportCLI)
log=$(mktemp)
swift package generate-documentation "${targets[@]/#/--target=}" 2>&1 | tee "$log" >&2
# A dependency's own manifest may leave a file unhandled (ZIPFoundation's privacy manifest):
# SwiftPM warns of it on every build, and it is not this package's to fix.
warnings=$(grep -i "warning:" "$log" | grep -v "warning: 'zipfoundation': found [0-9]* file(s) which are unhandled" || true)
if [ -n "$warnings" ]; then
  echo "docs: the documentation has warnings:" >&2
  echo "$warnings" >&2
  exit 1
fi
echo "docs: ${#targets[@]} modules documented with no warning" >&2
