#!/usr/bin/env bash
# Benchmarks juryreport against the tools of its field and prints medians, peak memory and
# ratios: see README "Performance". Usage: scripts/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
# pandoc is the yardstick of the small-edition target, gcc builds the C reference.
for package in pandoc gcc; do
  dpkg -s "$package" >/dev/null 2>&1 || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -q "$package"; }
done

# A release build with the Swift runtime linked statically: it starts in half the time.
# The product alone, as scripts/install.sh builds it (the same scratch folder serves both).
tool="$(./scripts/build-release.sh)"
mkdir -p .build-bench/work
gcc -O2 -o .build-bench/work/xlsx_reference Benchmarks/xlsx_reference.c $(pkg-config --cflags --libs xlsxwriter)

python3 Benchmarks/bench.py "$tool" .build-bench/work/xlsx_reference .build-bench/work "$@"
