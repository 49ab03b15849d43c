#!/bin/sh
# Regenerates the reader fixtures from the sources in src/ with LibreOffice (a real office program).
# Usage: sh make-fixtures.sh   (needs soffice, python3 and fonts-noto-cjk)
set -eu
cd "$(dirname "$0")"
out=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conv() { soffice --headless --norestore -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }

cp src/annex2-seed.html src/annex2-moved.html src/annex1-proposal.html src/annex1-cover.html "$tmp/"
for f in annex2-seed annex2-moved annex1-proposal annex1-cover; do
  conv --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$tmp/$f.html"
done
# the other formats are made from the .docx, as a sender's Word would save them
conv --convert-to doc:"MS Word 97" --outdir "$tmp" "$out/annex2-seed.docx"
cp "$tmp/annex2-seed.doc" "$out/annex2-seed.doc"
# Kingsoft WPS writes the Word 97 format under a .wps name
cp "$tmp/annex2-seed.doc" "$out/annex2-seed.wps"
conv --convert-to pdf --outdir "$out" "$out/annex2-seed.docx"
conv --convert-to odt --outdir "$out" "$out/annex2-seed.docx"
conv --convert-to rtf --outdir "$out" "$out/annex2-seed.docx"
conv --convert-to doc:"MS Word 97" --outdir "$out" "$out/annex1-cover.docx"
conv --convert-to pdf --outdir "$out" "$out/annex1-proposal.docx"
conv --convert-to odt --outdir "$out" "$out/annex1-proposal.docx"

# spreadsheets: CSV (UTF-8) imported by Calc, saved as .xlsx and .xls
cp src/annex2-right.csv src/annex2-below.csv "$tmp/"
conv --infilter=CSV:44,34,76,1 --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$tmp/annex2-right.csv"
conv --infilter=CSV:44,34,76,1 --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$tmp/annex2-below.csv"
conv --infilter=CSV:44,34,76,1 --convert-to xls:"MS Excel 97" --outdir "$out" "$tmp/annex2-right.csv"

# a scan: a PDF holding only a picture of a page
python3 - "$tmp/scan.png" <<'PY'
import struct, sys, zlib
w, h = 200, 280
rows = b"".join(b"\x00" + bytes((0 if 40 < y < 50 and 20 < x < 180 else 255) for x in range(w)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
printf '<html><body><img src="scan.png" width="600" height="840"></body></html>' > "$tmp/scan.html"
conv --convert-to pdf:writer_web_pdf_Export --outdir "$tmp" "$tmp/scan.html"
cp "$tmp/scan.pdf" "$out/scanned.pdf"
ls -l "$out" | grep -v '^d'
