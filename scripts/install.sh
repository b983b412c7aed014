#!/usr/bin/env bash
# Builds juryreport and installs it into PREFIX (default /usr/local): the binary (the Swift
# runtime linked in, so it runs on a machine without the Swift toolchain), its man page and
# its bash, zsh and fish completions. Installs from Debian only what the tool needs to build
# and run: libxlsxwriter, and the TeX Live that --format pdf compiles with.
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail
prefix="${1:-/usr/local}"
cd "$(dirname "$0")/.."

packages=(
  libxlsxwriter-dev pkg-config
  texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-lang-european
  texlive-pictures texlive-luatex
)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "install: installing ${missing[*]}" >&2
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The man page, from the command's own help (swift-argument-parser's generate-manual), made
# by the debug build in .build, which `swift test` leaves up to date.
swift package generate-manual --configuration debug >&2
manual=".build/plugins/GenerateManual/outputs/juryreport/juryreport.1"
# The binary, the Swift runtime linked in (in the scratch folder scripts/bench.sh shares).
binary="$(./scripts/build-release.sh)"

put() { $sudo install -D -m "$1" "$2" "$3"; }
put 0755 "$binary" "$prefix/bin/juryreport"
put 0644 "$manual" "$prefix/share/man/man1/juryreport.1"
completions=$(mktemp -d)
"$binary" --generate-completion-script bash > "$completions/juryreport"
"$binary" --generate-completion-script zsh > "$completions/_juryreport"
"$binary" --generate-completion-script fish > "$completions/juryreport.fish"
put 0644 "$completions/juryreport" "$prefix/share/bash-completion/completions/juryreport"
put 0644 "$completions/_juryreport" "$prefix/share/zsh/site-functions/_juryreport"
put 0644 "$completions/juryreport.fish" "$prefix/share/fish/vendor_completions.d/juryreport.fish"
rm -rf "$completions"
echo "install: $prefix/bin/juryreport $("$prefix/bin/juryreport" --version), with its man page and completions" >&2
