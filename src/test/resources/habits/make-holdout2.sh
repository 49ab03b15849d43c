#!/bin/sh
# The second hold-out set of scans and photos (habit "scans-photos", folder holdout2/): three more
# enterprises (holdout2_data.py) and damage unlike that of the other sets, so that its accuracy says
# how the OCR reading does on forms and damage nobody adjusted it to. Only scored, never tuned on.
#   photo-angle-hw.jpg  a phone photo from a strong angle (the sheet a trapezoid), 2° turn, light
#                       falling off to one corner, a warm cast, JPEG quality 55
#   scan-stamp-zl.jpg   a 300 dpi colour scan, a red round company stamp (name round the rim) pressed
#                       over the last two rows (multiply), slight blur
#   scan-grey-bq.png    a 250 dpi grey scan (16 grey levels), 1.5° turn, light Gaussian noise
#   photo-dim-zl.jpg    a photo in dim light: less brightness and contrast, dark corners, sensor
#                       noise, mild perspective, JPEG quality 65
#   fax-fine-bq.tif     a 200 dpi black-and-white fax (Group 4), specks, -0.6° turn
#   scan-pdf-hw.pdf     a scanner's PDF of a 200 dpi colour JPEG page, 1° turn
# Noise seeds are fixed, so that the set is made again the same.
# Needs python3, LibreOffice (soffice), poppler-utils (pdftoppm), ImageMagick (convert), Noto CJK fonts.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
conv() { soffice --headless --norestore -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }
out=holdout2
mkdir -p $out/expected
python3 - "$tmp" <<'PY'
import json, sys
sys.path.insert(0, ".")
import holdout2_data, make_docx
from habits_data import expected
tmp = sys.argv[1]
for x in ("hw", "zl", "bq"):
    make_docx.plain("%s/plain-%s.docx" % (tmp, x), x)
for name, x in (("photo-angle-hw", "hw"), ("scan-stamp-zl", "zl"), ("scan-grey-bq", "bq"),
                ("photo-dim-zl", "zl"), ("fax-fine-bq", "bq"), ("scan-pdf-hw", "hw")):
    with open("holdout2/expected/%s.json" % name, "w", encoding="utf-8") as fh:
        json.dump(expected(x, "scans-photos"), fh, ensure_ascii=False, indent=1)
PY
for x in hw zl bq; do conv --convert-to pdf --outdir "$tmp" "$tmp/plain-$x.docx"; done
font=$(fc-list ':lang=zh' file | grep -m1 -i 'SerifCJK-Bold\|SansCJK-Bold\|CJK' | cut -d: -f1)

# 1. a phone photo of the sheet on a desk, taken from low and to the left: the top edge comes out
# shorter than the bottom one; a 2° turn, light falling off towards the top left, a warm cast
pdftoppm -r 170 -png -singlefile "$tmp/plain-hw.pdf" "$tmp/hwp"
convert "$tmp/hwp.png" -bordercolor 'rgb(120,104,88)' -border 50 -virtual-pixel background -background 'rgb(120,104,88)' \
  -distort Perspective '0,0 130,100  1505,0 1380,90  0,2087 80,1995  1505,2087 1425,2000' \
  -rotate 2 -background 'rgb(120,104,88)' -flatten \
  \( +clone -sparse-color Barycentric '0,0 gray(60%) %w,0 gray(90%) %w,%h gray(100%)' \) -compose multiply -composite \
  -channel B -evaluate multiply 0.9 +channel -blur 0x0.7 -seed 201 -attenuate 0.4 +noise Gaussian \
  -density 72 -units PixelsPerInch -quality 55 $out/photo-angle-hw.jpg

# 2. a colour scan at 300 dpi with the company's round stamp over the last two rows (the proposal
# and the contact): red ink multiplied over the print, the ink uneven, the stamp turned
pdftoppm -r 300 -png -singlefile "$tmp/plain-zl.pdf" "$tmp/zl"
python3 - "$tmp/stamp.txt" <<'PY'
# the stamp's drawing: the name set round the upper rim, a star, the kind of seal beneath it
import math, sys
name, r, c = "宁波泽联精密塑胶有限公司", 180, 240
cmds = []
n = len(name)
for i, ch in enumerate(name):
    a = math.radians(-215 + 250.0 * (i + 0.5) / n)          # from lower left over the top to lower right
    x, y = c + r * math.cos(a), c + r * math.sin(a)
    cmds.append("translate %.1f,%.1f rotate %.1f text -22,18 '%s'" % (x, y, math.degrees(a) + 90, ch))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(cmds))
PY
ink='rgb(212,36,44)'
set --
while IFS= read -r d; do set -- "$@" -draw "$d"; done < "$tmp/stamp.txt"
convert -size 480x480 xc:white -fill none -stroke "$ink" -strokewidth 12 -draw 'circle 240,240 240,14' \
  -stroke none -fill "$ink" -draw 'polygon 240,178 254,220 298,220 262,246 276,288 240,262 204,288 218,246 182,220 226,220' \
  -font "$font" -pointsize 44 "$@" -pointsize 34 -draw "text 155,355 '合同专用章'" \
  \( -size 480x480 xc:black -seed 202 +noise Random -colorspace gray -blur 0x4 -level 45%,75% \) \
  -compose screen -composite -compose over -background white -rotate -14 -gravity center -extent 520x520 -blur 0x0.6 "$tmp/stamp.png"
convert "$tmp/zl.png" "$tmp/stamp.png" -geometry +1160+2380 -compose multiply -composite \
  -blur 0x0.8 -seed 203 -attenuate 0.2 +noise Gaussian -density 300 -units PixelsPerInch -quality 72 $out/scan-stamp-zl.jpg

# 3. a grey scan at 250 dpi, laid 1.5° askew: paper a little grey, light noise from the sensor, kept
# in 16 grey levels as a scanner's small-file setting does
pdftoppm -r 250 -gray -png -singlefile "$tmp/plain-bq.pdf" "$tmp/bq"
convert "$tmp/bq.png" -rotate 1.5 -background white -flatten +level 3%,94% -seed 204 -attenuate 0.25 +noise Gaussian \
  -colorspace Gray -posterize 16 -density 250 -units PixelsPerInch -define png:exclude-chunks=date,time \
  $out/scan-grey-bq.png

# 4. a photo in a dim office: little light and contrast, dark corners, sensor noise, a mild
# perspective and a small turn
pdftoppm -r 170 -png -singlefile "$tmp/plain-zl.pdf" "$tmp/zlp"
convert "$tmp/zlp.png" -bordercolor 'rgb(92,90,86)' -border 40 -virtual-pixel background -background 'rgb(92,90,86)' \
  -distort Perspective '0,0 28,35  1485,0 1452,22  0,2067 14,2040  1485,2067 1478,2052' \
  -rotate -1.2 -background 'rgb(92,90,86)' -flatten "$tmp/zld.png"
size=$(identify -format '%wx%h' "$tmp/zld.png")
convert "$tmp/zld.png" -brightness-contrast -32x-30 \
  \( -size "$size" radial-gradient:'gray(100%)-gray(40%)' \) -compose multiply -composite \
  -seed 205 -attenuate 0.6 +noise Gaussian -blur 0x0.5 -density 72 -units PixelsPerInch -quality 65 $out/photo-dim-zl.jpg

# 5. a fax in fine mode: 200 dpi, black and white, specks, a -0.6° turn
pdftoppm -r 200 -gray -png -singlefile "$tmp/plain-bq.pdf" "$tmp/bqf"
convert "$tmp/bqf.png" -seed 206 -rotate -0.6 -background white -flatten -attenuate 0.35 +noise Impulse \
  -threshold 60% -monochrome -density 200 -units PixelsPerInch -compress Group4 $out/fax-fine-bq.tif

# 6. a scanner's scan-to-PDF: one 200 dpi colour JPEG page, laid 1° askew
pdftoppm -r 200 -png -singlefile "$tmp/plain-hw.pdf" "$tmp/hws"
convert "$tmp/hws.png" -rotate 1 -background white -flatten -seed 207 -attenuate 0.3 +noise Gaussian -blur 0x0.5 \
  -density 200 -units PixelsPerInch -quality 75 "$tmp/hws.jpg"
python3 jpeg_pdf.py "$tmp/hws.jpg" 200 $out/scan-pdf-hw.pdf
ls -l $out
