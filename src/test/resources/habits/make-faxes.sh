#!/bin/sh
# The fax set (habit "scans-photos", folder fax/): two more enterprises (fax_data.py), sent the ways
# a fax machine or a fax server sends a page. Made after the OCR of faxes was last changed and
# never used to adjust it: like the hold-out set, it is only scored.
#   fax-fine-jr.tif      200 dpi ("fine" mode), black and white (Group 4), specks, a 0.5° turn
#   fax-low-jr.tif       150 dpi, black and white, more specks and a lighter threshold, a -1.1° turn
#   fax-server-tf.pdf    150 dpi, the fax server's PDF of the Group 4 page (tiff2pdf), specks, a 0.7° turn
#   fax-fine-tf.tif      200 dpi, darker threshold (strokes run together), a -0.4° turn
# Noise seeds are fixed, so that the set is made again the same.
# Needs python3, LibreOffice (soffice), poppler-utils (pdftoppm), ImageMagick (convert), libtiff-tools (tiff2pdf).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conv() { soffice --headless --norestore -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }
out=fax
mkdir -p $out/expected
python3 - "$tmp" <<'PY'
import json, sys
sys.path.insert(0, ".")
import fax_data, make_docx
from habits_data import expected
tmp = sys.argv[1]
for x in ("jr", "tf"):
    make_docx.plain("%s/plain-%s.docx" % (tmp, x), x)
for name, x in (("fax-fine-jr", "jr"), ("fax-low-jr", "jr"), ("fax-server-tf", "tf"), ("fax-fine-tf", "tf")):
    json.dump(expected(x, "scans-photos"), open("fax/expected/%s.json" % name, "w"), ensure_ascii=False, indent=1)
PY
for x in jr tf; do conv --convert-to pdf --outdir "$tmp" "$tmp/plain-$x.docx"; done
fax() { # source.pdf dpi seed turn noise threshold out.tif
  pdftoppm -r "$2" -gray -png -singlefile "$1" "$tmp/page"
  convert "$tmp/page.png" -seed "$3" -rotate "$4" -background white -flatten -attenuate "$5" +noise Impulse \
    -threshold "$6" -monochrome -density "$2" -units PixelsPerInch -compress Group4 "$7"
}
fax "$tmp/plain-jr.pdf" 200 7 0.5 0.35 60% $out/fax-fine-jr.tif
fax "$tmp/plain-jr.pdf" 150 23 -1.1 0.45 57% $out/fax-low-jr.tif
fax "$tmp/plain-tf.pdf" 150 41 0.7 0.4 60% "$tmp/tf-150.tif"
tiff2pdf -o $out/fax-server-tf.pdf "$tmp/tf-150.tif"
fax "$tmp/plain-tf.pdf" 200 59 -0.4 0.35 66% $out/fax-fine-tf.tif
ls -l $out
