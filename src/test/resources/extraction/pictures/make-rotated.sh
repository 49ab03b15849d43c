#!/usr/bin/env bash
# A phone photo stored as phones store a portrait shot: the sensor's landscape pixels with EXIF
# Orientation 6 ("turn 90° clockwise to show"). jpegtran (libjpeg-turbo-progs) turns the habit
# fixture's upright photo losslessly, exiftool (libimage-exiftool-perl) writes the tag.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
photo="$here/../../habits/docs/photo-own-layout-yt.jpg"
jpegtran -trim -rotate 270 "$photo" > "$here/photo-exif-orientation-6.jpg"
exiftool -q -overwrite_original -n -Orientation=6 -Make=Xiaomi -Model="Redmi K60" "$here/photo-exif-orientation-6.jpg"
# the same photo upright, as the phone shows it (both turns lossless: the same pixels)
jpegtran -trim -rotate 90 "$here/photo-exif-orientation-6.jpg" > "$here/photo-upright.jpg"
exiftool -q -overwrite_original -n -Orientation= "$here/photo-upright.jpg" || true
# the same photo lying on its side without any EXIF orientation (the phone held turned, a page fed
# sideways): the content turned 270° clockwise
jpegtran -trim -rotate 270 "$here/photo-upright.jpg" > "$here/photo-sideways.jpg"
# a scan fed into the scanner upside down (its last row of blocks is not whole: not turned exactly there)
jpegtran -rotate 180 "$here/../../habits/docs/scan-template-hx.jpg" > "$here/scan-upside-down.jpg"
