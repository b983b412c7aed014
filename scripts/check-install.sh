#!/usr/bin/env bash
# Checks what scripts/install.sh put into PREFIX (default /usr/local), as a user would use
# it: the binary runs and needs nothing of the Swift toolchain, `man juryreport` shows its
# page, and bash completes format names and option values. Exits non-zero on the first
# thing that does not work. Usage: scripts/check-install.sh [PREFIX]
set -euo pipefail
prefix="${1:-/usr/local}"
tool="$prefix/bin/juryreport"
fail() { echo "check-install: $*" >&2; exit 1; }

version=$("$tool" --version) || fail "$tool does not run"
# No library from the toolchain, and none missing.
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
libraries=$(ldd "$tool")
if grep -q "not found" <<<"$libraries"; then fail "a library is missing: $libraries"; fi
if grep -qF "$toolchain" <<<"$libraries"; then fail "the binary loads from the toolchain ($toolchain): $libraries"; fi
# It runs with the toolchain off PATH.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
env -i PATH=/usr/bin:/bin HOME="$work" "$tool" export -f md,csv -o "$work/out" || fail "export failed without the toolchain on PATH"
test -s "$work/out/pro-motor-award-2020.md" || fail "export wrote no Markdown"

# The man page.
page=$(MANPATH="$prefix/share/man" man -P cat juryreport 2>/dev/null) || fail "man juryreport finds no page"
grep -q "export" <<<"$page" || fail "the man page does not describe export"

# Bash completion: the script loads, and completes formats and option values.
bash --norc --noprofile -c '
  source "$1/share/bash-completion/completions/juryreport"
  complete -p juryreport >/dev/null || exit 1
  complete_line() {
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
    local function=$(complete -p juryreport | sed -E "s/.*-F ([^ ]+).*/\1/")
    "$function" juryreport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  }
  formats=$(PATH="$1/bin:$PATH" complete_line juryreport export --format "")
  grep -qx markdown <<<"$formats" && grep -qx pdf <<<"$formats" || { echo "formats: $formats" >&2; exit 2; }
  options=$(PATH="$1/bin:$PATH" complete_line juryreport export --option "")
  grep -qx "papersize=a4" <<<"$options" || { echo "options: $options" >&2; exit 3; }
  commands=$(PATH="$1/bin:$PATH" complete_line juryreport "")
  grep -qx validate <<<"$commands" || { echo "subcommands: $commands" >&2; exit 4; }
' _ "$prefix" || fail "bash completion does not work (status $?)"
echo "check-install: $tool $version runs without the toolchain; man page and bash completion work" >&2
