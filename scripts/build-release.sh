#!/usr/bin/env bash
# Builds the juryreport binary for release, the Swift standard library and Foundation linked
# statically (it runs on a machine without the toolchain), in the scratch folder that
# scripts/install.sh and scripts/bench.sh share, and prints the binary's path. The product
# alone: the tests' support target imports Swift Testing, which has no static build.
# Needs libxlsxwriter (scripts/install.sh or scripts/setup.sh installs it).
# Usage: scripts/build-release.sh [--flags]; --flags prints the build's options, one a line,
# and builds nothing: the SwiftPM tests build the example packages with them in the same
# folder, so those reuse this build's modules.
set -euo pipefail
cd "$(dirname "$0")/.."
# Linked as a position-dependent executable: no relative relocations to apply (and pages
# to copy) at every start: about 3 ms of the bundled edition's 35 ms export.
flags=(-c release --static-swift-stdlib --scratch-path .build-bench -Xswiftc -Xclang-linker -Xswiftc -no-pie)
if [ "${1:-}" = --flags ]; then printf '%s\n' "${flags[@]}"; exit 0; fi
swift build "${flags[@]}" --product juryreport >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/juryreport"
