#!/usr/bin/env bash
# Builds the library's documentation (the DocC catalog in Sources/JuryReportCore and every
# public module) with swift-docc-plugin, and fails on any warning. The archives go to
# .build-docs/plugins/Swift-DocC/outputs/. Usage: scripts/docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(JuryReportCore JuryReport MarkdownExporter CSVExporter XLSXExporter LaTeXExporter HTMLExporter JSONExporter JuryReportCLI)
log=$(mktemp)
swift package --scratch-path .build-docs generate-documentation "${targets[@]/#/--target=}" 2>&1 | tee "$log" >&2
if grep -qi "warning:" "$log"; then
  echo "docs: the documentation has warnings:" >&2
  grep -i "warning:" "$log" >&2
  exit 1
fi
echo "docs: ${#targets[@]} modules documented with no warning" >&2
