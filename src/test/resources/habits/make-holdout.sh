#!/bin/sh
# The hold-out set of scans and photos (habit "scans-photos", folder holdout/): other enterprises
# (holdout_data.py) and other damage than the tuning set, so that its accuracy says how OCR reads
# forms nobody adjusted it to. Not looked at while tuning the readers; only scored.
#   scan-noise-lq.jpg   printed and scanned at 300 dpi, grey, speckles, toner noise, blur, 0.7° turn
#   scan-stamp-dm.pdf   a colour scan (PDF of a JPEG page) with a red company stamp over the top rows
#   scan-skew-sk.jpg    laid 3.4° askew on the glass, 200 dpi
#   photo-template-dm.jpg  a phone photo of the printed form: perspective, turn, shading, JPEG loss
#   fax-sk.tif          a 150 dpi black-and-white fax (Group 4), specks and a lost line here and there
# Needs python3, LibreOffice (soffice), poppler-utils (pdftoppm), ImageMagick (convert), Noto CJK fonts.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conv() { soffice --headless --norestore -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }
out=holdout
mkdir -p $out/expected
python3 - "$tmp" <<'PY'
import json, sys
sys.path.insert(0, ".")
import holdout_data, make_docx
from habits_data import expected
tmp = sys.argv[1]
for x in ("lq", "dm", "sk"):
    make_docx.plain("%s/plain-%s.docx" % (tmp, x), x)
for name, x in (("scan-noise-lq", "lq"), ("scan-stamp-dm", "dm"), ("scan-skew-sk", "sk"),
                ("photo-template-dm", "dm"), ("fax-sk", "sk")):
    json.dump(expected(x, "scans-photos"), open("holdout/expected/%s.json" % name, "w"), ensure_ascii=False, indent=1)
PY
for x in lq dm sk; do conv --convert-to pdf --outdir "$tmp" "$tmp/plain-$x.docx"; done
font=$(fc-list ':lang=zh' file | grep -m1 -i 'SerifCJK-Bold\|SansCJK-Bold\|CJK' | cut -d: -f1)

# printed and scanned at 300 dpi: toner speckles, paper noise, a little blur, a small turn
pdftoppm -r 300 -gray -png -singlefile "$tmp/plain-lq.pdf" "$tmp/lq"
convert "$tmp/lq.png" -attenuate 0.6 +noise Impulse -rotate 0.7 -background white -flatten \
  -attenuate 0.5 +noise Gaussian -blur 0x0.8 -quality 75 $out/scan-noise-lq.jpg

# a colour scan with the company's red stamp pressed over the name and the first rows
pdftoppm -r 200 -png -singlefile "$tmp/plain-dm.pdf" "$tmp/dm"
convert "$tmp/dm.png" \
  \( -size 420x420 xc:none -fill none -stroke 'rgba(215,25,35,0.78)' -strokewidth 11 -draw 'circle 210,210 210,14' \
     -fill 'rgba(215,25,35,0.78)' -stroke none -draw 'polygon 210,150 226,196 274,196 235,224 250,270 210,242 170,270 185,224 146,196 194,196' \
     -font "$font" -pointsize 40 -draw "text 95,330 '东茂纺织'" -pointsize 30 -draw "text 120,110 '合同专用章'" \) \
  -geometry +620+190 -compose over -composite -rotate -0.5 -background white -flatten \
  -attenuate 0.3 +noise Gaussian -quality 80 "$tmp/dm-stamp.jpg"
python3 jpeg_pdf.py "$tmp/dm-stamp.jpg" 200 $out/scan-stamp-dm.pdf

# laid askew on the scanner glass
pdftoppm -r 200 -gray -png -singlefile "$tmp/plain-sk.pdf" "$tmp/sk"
convert "$tmp/sk.png" -rotate -3.4 -background white -flatten -attenuate 0.3 +noise Gaussian -blur 0x0.5 \
  -quality 80 $out/scan-skew-sk.jpg

# a phone photo of the printed form on a desk: perspective, 3° turn, light falling off, JPEG loss
pdftoppm -r 160 -png -singlefile "$tmp/plain-dm.pdf" "$tmp/dmp"
convert "$tmp/dmp.png" -bordercolor 'gray(92%)' -border 40 -virtual-pixel background -background 'gray(70%)' -distort Perspective \
  '0,0 30,45  1403,0 1370,10  0,1951 10,1930  1403,1951 1395,1951' -rotate -3 -background 'gray(70%)' -flatten \
  \( +clone -sparse-color Barycentric '0,0 gray(78%) %w,0 gray(100%) 0,%h gray(88%)' \) -compose multiply -composite \
  -attenuate 0.35 +noise Gaussian -blur 0x0.6 -quality 60 $out/photo-template-dm.jpg

# a fax: 150 dpi, black and white, specks
pdftoppm -r 150 -gray -png -singlefile "$tmp/plain-sk.pdf" "$tmp/skf"
convert "$tmp/skf.png" -rotate 0.9 -background white -flatten -attenuate 0.4 +noise Impulse -threshold 62% \
  -monochrome -compress Group4 $out/fax-sk.tif
ls -l $out
