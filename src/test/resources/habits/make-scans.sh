#!/bin/sh
# Printed-and-scanned pages and phone photos of filled forms (habit "scans-photos"): LibreOffice
# prints the form to PDF, pdftoppm rasterises it, ImageMagick tilts it, adds noise and blur, and for
# the photo a perspective, uneven light and JPEG loss. Called by make-habits.sh with a scratch folder.
set -eu
cd "$(dirname "$0")"
tmp=${1:-$(mktemp -d)}
conv() { soffice --headless --norestore -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }
python3 - "$tmp" <<'PY'
import json, sys
sys.path.insert(0, ".")
import make_docx, make_html
from habits_data import FORM, expected
tmp = sys.argv[1]
make_docx.plain(tmp + "/plain-hx.docx", "hx")
make_docx.plain(tmp + "/plain-gz.docx", "gz")
open(tmp + "/own-yt.html", "w", encoding="utf-8").write(make_html.own_layout(FORM["yt"], unit_column=True, size=7))
for name, x in (("scan-template-hx", "hx"), ("scan-template-gz", "gz"), ("photo-own-layout-yt", "yt"),
                ("fax-template-hx", "hx")):
    e = expected(x, "scans-photos")
    if name.startswith("photo"):
        # the photo shows the first page of the form, rows 1 to 28: only what it shows counts
        for k in [k for k in e if k.startswith("financials.") or k.startswith("contact_") or k == "proposed_projects"]:
            del e[k]
    json.dump(e, open("docs/expected/%s.json" % name, "w"), ensure_ascii=False, indent=1)
PY
conv --convert-to pdf --outdir "$tmp" "$tmp/plain-hx.docx"
conv --convert-to pdf --outdir "$tmp" "$tmp/plain-gz.docx"
conv --convert-to pdf:writer_web_pdf_Export --outdir "$tmp" "$tmp/own-yt.html"
# the web export starts with an empty page: photograph the one with the form
page=$(for i in 1 2 3; do [ -n "$(pdftotext -f $i -l $i "$tmp/own-yt.pdf" - 2>/dev/null | tr -d "[:space:]")" ] && echo $i && break; done)
# a scanner at 200 dpi, the sheet laid 1.8° askew: a JPEG as a scanner's mail function sends it
pdftoppm -r 200 -gray -png -f 1 -l 1 "$tmp/plain-hx.pdf" "$tmp/hx"
convert "$tmp/hx-1.png" -rotate 1.8 -background white -flatten -attenuate 0.4 +noise Gaussian -blur 0x0.6 \
  -quality 70 docs/scan-template-hx.jpg
# the same as a PDF holding only the page image, tilted the other way
pdftoppm -r 200 -gray -png -f 1 -l 1 "$tmp/plain-gz.pdf" "$tmp/gz"
convert "$tmp/gz-1.png" -rotate -1.2 -background white -flatten -attenuate 0.3 +noise Gaussian -blur 0x0.5 \
  -colorspace Gray -type Grayscale -quality 70 "$tmp/gz.jpg"
python3 - "$tmp/gz.jpg" docs/scan-template-gz.pdf <<'PY'
# a PDF holding one JPEG page, as a scanner writes it (ImageMagick's PDF writer is off by policy)
import struct, sys
jpg = open(sys.argv[1], "rb").read()
i, w, h = 2, 0, 0
while i < len(jpg):
    marker, length = jpg[i + 1], struct.unpack(">H", jpg[i + 2:i + 4])[0]
    if marker in (0xC0, 0xC1, 0xC2):
        h, w = struct.unpack(">HH", jpg[i + 5:i + 9])
        space = b"/DeviceGray" if jpg[i + 9] == 1 else b"/DeviceRGB"
        break
    i += 2 + length
pw, ph = w * 72.0 / 200, h * 72.0 / 200
content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>" % (pw, ph),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, len(jpg)) + jpg + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
out, offsets = b"%PDF-1.4\n", []
for n, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % n + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[2], "wb").write(out)
PY
# a phone photo: slight perspective, 2.5° turn, light falling off to one side, strong JPEG loss
pdftoppm -r 170 -png -f "$page" -l "$page" -singlefile "$tmp/own-yt.pdf" "$tmp/yt"
convert "$tmp/yt.png" -virtual-pixel white -distort Perspective \
  '0,0 12,20  1405,0 1390,4  0,1987 0,1975  1405,1987 1400,1987' -rotate 2.5 -background white -flatten \
  \( +clone -sparse-color Barycentric '0,0 gray(100%) %w,%h gray(82%)' \) -compose multiply -composite \
  -attenuate 0.3 +noise Gaussian -quality 62 docs/photo-own-layout-yt.jpg
# a fax: 150 dpi, black and white (Group 4 TIFF), specks of line noise
pdftoppm -r 150 -gray -png -singlefile "$tmp/plain-hx.pdf" "$tmp/hxf"
convert "$tmp/hxf.png" -rotate -0.6 -background white -flatten -attenuate 0.35 +noise Impulse -threshold 60% \
  -monochrome -compress Group4 docs/fax-template-hx.tif
