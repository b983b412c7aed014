#!/usr/bin/env bash
# Fuzzes with libFuzzer, SECONDS (default 60) for each target: loading, validating and
# exporting edition files, then reading filled score forms. Exits non-zero on a crash, a
# leak or a hang; the input that caused it is in .build-fuzz/artifacts/. Usage: scripts/fuzz.sh [SECONDS] [CONFIGURATION] [TARGET...]
# CONFIGURATION is release (the default: more runs a second) or debug (builds in a third of
# the time, for CI's short smoke run). TARGET is edition or form (default: both).
set -euo pipefail
seconds="${1:-60}"
configuration="${2:-release}"
targets=("${@:3}")
[ ${#targets[@]} -gt 0 ] || targets=(edition form)
cd "$(dirname "$0")/.."

# The fuzzer links the library product, so it needs libxlsxwriter.
dpkg -s libxlsxwriter-dev >/dev/null 2>&1 || ./scripts/setup.sh

# Its own scratch folder: every module is built with the sanitizers. ld.gold fails on this
# link, so lld (shipped with Swift) links it.
swift build -c "$configuration" --package-path Fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
  -Xcc -fsanitize=fuzzer-no-link,address
fuzzer="$(swift build -c "$configuration" --package-path Fuzz --scratch-path .build-fuzz --show-bin-path)/EditionFuzzer"

# The Swift backtracer confuses libFuzzer's crash handling. Leaks of third-party code that
# are not ours to fix are listed, each with why, in Fuzz/lsan.supp.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"

# Each target for SECONDS, its corpus kept in .build-fuzz/corpus-TARGET for the next run.
run() {
  local target="$1" corpus=".build-fuzz/corpus-$1"
  mkdir -p "$corpus" .build-fuzz/artifacts
  case "$target" in
    edition)
      # The fixture editions (first byte 0 for YAML, 1 for JSON) and the kept inputs.
      for file in Fixtures/editions/*.yaml; do { printf '\000'; cat "$file"; } > "$corpus/seed-$(basename "$file")"; done
      for file in Fixtures/editions/*.json; do { printf '\001'; cat "$file"; } > "$corpus/seed-$(basename "$file")"; done
      cp Fixtures/fuzz/*.bin "$corpus/" ;;
    form)
      # Forms as juryreport writes them and as openpyxl saves them, and the kept crashes.
      cp Fixtures/fuzz/forms/*.xlsx "$corpus/" ;;
  esac
  echo "fuzz: the $target target for $seconds s"
  JURYREPORT_FUZZ_TARGET="$target" "$fuzzer" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -detect_leaks=1 -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$target-"
}
for target in "${targets[@]}"; do run "$target"; done
