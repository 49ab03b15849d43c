#!/bin/sh
# Regenerates the habit fixtures: forms filled the way enterprises really fill them, each with what
# a person reads from it in docs/expected/*.json ("habit" names the habit its accuracy counts for).
# Needs python3, LibreOffice (soffice), poppler-utils (pdftoppm) and ImageMagick (convert).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conv() { soffice --headless --norestore -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }

# 1, 2: tick boxes (Unicode, w:sym, w14:checkbox) and content controls, written as Word stores them
python3 make_docx.py docs
# 1: the same tick boxes saved as Word 97 (.doc) by LibreOffice: symbol-font ticks become private-use
# characters (F0FE …) in a Wingdings run; they share the .docx files' expectations
for f in ticks-symbol-font-hx ticks-unicode-gz; do
  cp docs/$f.docx "$tmp/$f.docx"
  conv --convert-to doc:"MS Word 97" --outdir docs "$tmp/$f.docx"
done
# 3, 5: HTML sources of own layouts and mail bodies
python3 make_html.py .
# 3: PDF printed from the template (LibreOffice), from an own layout with and without a 单位 column,
# and from a table without ruling lines
cp docs/ticks-checkbox-yt.docx "$tmp/pdf-template-yt.docx"
conv --convert-to pdf --outdir docs "$tmp/pdf-template-yt.docx"
for f in pdf-own-layout-hx pdf-own-layout-unit-gz pdf-borderless-yt; do
  conv --convert-to pdf:writer_web_pdf_Export --outdir docs "src/$f.html"
done
python3 - <<'PY'
import json, sys
sys.path.insert(0, ".")
from habits_data import expected
json.dump(expected("yt", "pdf-tables"), open("docs/expected/pdf-template-yt.json", "w"), ensure_ascii=False, indent=1)
PY
if [ -x ./make-scans.sh ]; then ./make-scans.sh "$tmp"; fi
python3 make_mail.py docs
# 6: a workbook with formulas but no stored results
python3 make_xlsx.py docs
# the sheet with scratch cells saved again by LibreOffice Calc, as a person's office program writes it
mkdir -p "$tmp/calc" && mv docs/excel-scratch-hx.xlsx "$tmp/calc/in.xlsx"
conv --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/calc/out" "$tmp/calc/in.xlsx"
mv "$tmp/calc/out/in.xlsx" docs/excel-scratch-hx.xlsx
rm -rf __pycache__
ls -l docs
