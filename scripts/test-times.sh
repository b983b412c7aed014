#!/usr/bin/env bash
# Sums up the times a test run logged (JURYREPORT_TEST_TIMES=FILE swift test): per test
# target, its tests, the seconds its tests took added up, when its last test ended, and its
# slowest test. Usage: scripts/test-times.sh FILE
set -euo pipefail
file="$1"
[ -s "$file" ] || { echo "test-times: $file is empty (run swift test with JURYREPORT_TEST_TIMES=$file)" >&2; exit 1; }
awk -F'\t' '
  { count[$1]++; busy[$1] += $3; end = $2 + $3; if (end > last[$1]) last[$1] = end
    if ($3 > slowest[$1]) { slowest[$1] = $3; name[$1] = $4 } }
  END {
    printf "%-26s %6s %9s %9s  %s\n", "test target", "tests", "busy (s)", "ends (s)", "slowest test"
    for (target in count) printf "%-26s %6d %9.1f %9.1f  %.1f s: %s\n", target, count[target], busy[target], last[target], slowest[target], substr(name[target], 1, 70)
  }' "$file" | { read -r header; echo "$header"; sort -t$'\t' -k1,1; }
