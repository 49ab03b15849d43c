#!/bin/sh
# Regenerates docs/, expected/ and every *.eml of this folder from samples_data.py.
# Needs python3 (stdlib only) and LibreOffice (soffice, Writer and Calc).
set -eu
cd "$(dirname "$0")"
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
# a private LibreOffice profile, so a running soffice does not swallow the conversion
LO="soffice --headless --norestore -env:UserInstallation=file://$BUILD/profile"

python3 samples.py html "$BUILD"
mkdir -p "$BUILD/docx" "$BUILD/out"

# 1. every Writer form: HTML -> .docx (Word 2007+)
$LO --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$BUILD/docx" "$BUILD"/w/*.html >/dev/null
# 2. the Calc form: HTML -> .xlsx
$LO --infilter="calc_HTML_WebQuery" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$BUILD/out" "$BUILD"/c/*.html >/dev/null

# 3. second conversions from the .docx, as a sender would "save as"
for ext in doc pdf odt; do
  files=$(awk -v e="$ext" -v d="$BUILD/docx" '$2 == e { printf "%s/%s.docx ", d, $1 }' "$BUILD/plan.txt")
  [ -n "$files" ] || continue
  case $ext in
    doc) filter='doc:MS Word 97' ;;
    pdf) filter='pdf:writer_pdf_Export' ;;
    odt) filter='odt:writer8' ;;
  esac
  # shellcheck disable=SC2086
  $LO --convert-to "$filter" --outdir "$BUILD/out" $files >/dev/null
done
awk '$2 == "docx" { print $1 }' "$BUILD/plan.txt" | while read -r n; do cp "$BUILD/docx/$n.docx" "$BUILD/out/"; done

# every planned file must exist and be non-empty
while read -r n ext; do
  [ -s "$BUILD/out/$n.$ext" ] || { echo "conversion failed: $n.$ext" >&2; exit 1; }
done < "$BUILD/plan.txt"

# 4. docs/, expected/ and the messages
python3 samples.py mail "$BUILD"
echo "done: $(ls ./*.eml | wc -l) messages, $(ls docs | wc -l) documents, $(ls expected | wc -l) expected files"
