#!/usr/bin/env bash
# PDFs as a "PDF printer" makes them: the document printed to PostScript (poppler's pdftocairo) and the
# PostScript distilled by Ghostscript (ps2pdf), the route of the virtual printers offices install.
# The fonts come out as Type 1 subsets (f-0-1 …) with no ToUnicode map: the pages
# show the text, but no character can be taken from them.
#   src/test/resources/extraction/pdf-printer/make-printed.sh     (needs poppler-utils, ghostscript, libreoffice)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docs="$here/../../../../../sample-submissions/docs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
soffice --headless --convert-to pdf --outdir "$work" "$docs/e04-annex1.docx" >/dev/null
pdftocairo -ps "$work/e04-annex1.pdf" "$work/annex1.ps"
pdftocairo -ps "$docs/e04-annex2.pdf" "$work/annex2.ps"
ps2pdf "$work/annex1.ps" "$here/annex1-printed.pdf"
ps2pdf "$work/annex2.ps" "$here/annex2-printed.pdf"
ls -l "$here"/*.pdf
