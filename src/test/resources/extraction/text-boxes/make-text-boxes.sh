#!/usr/bin/env bash
# The text-box fixtures of TextBoxTests, written by LibreOffice (needs libreoffice-writer):
#  - annex1-text-boxes.docx: sample e05-annex1.docx with the texts of its two 已有工作基础 sections each
#    moved into a text frame (flat ODT edited, then saved as .docx: a drawing with its VML fallback);
#  - annex2-pdf-converted.docx: sample e04-annex2.pdf opened with LibreOffice's PDF import and saved as
#    .docx, a page laid out in ~200 positioned text boxes, as PDF-to-Word converters make it.
#   src/test/resources/extraction/text-boxes/make-text-boxes.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docs="$here/../../../../../sample-submissions/docs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$docs/e05-annex1.docx" "$docs/e04-annex2.pdf" "$work/"
cd "$work"
soffice --headless --convert-to fodt e05-annex1.docx >/dev/null
python3 - <<'PY'
import re
x = open('e05-annex1.fodt', encoding='utf-8').read()
paragraphs = list(re.finditer(r'<text:(p|h)\b[^>]*>(.*?)</text:\1>', x, re.S))
texts = [re.sub(r'<[^>]+>', '', m.group(2)) for m in paragraphs]
# the paragraph after each of the two headings of （四）
targets = [texts.index(h) + 1 for h in ('1、已有研究基础', '2、已有工作条件与技术优势')]
for i in reversed(targets):
    m = paragraphs[i]
    frame = ('<text:p text:style-name="Standard"><draw:frame draw:name="Box%d" text:anchor-type="paragraph" '
             'svg:width="15.5cm" svg:height="3.2cm" draw:z-index="%d"><draw:text-box>%s</draw:text-box>'
             '</draw:frame></text:p>') % (i, i, m.group(0))
    x = x[:m.start()] + frame + x[m.end():]
open('annex1-text-boxes.fodt', 'w', encoding='utf-8').write(x)
PY
soffice --headless --convert-to docx:"MS Word 2007 XML" annex1-text-boxes.fodt >/dev/null
soffice --headless --infilter="writer_pdf_import" --convert-to docx:"MS Word 2007 XML" e04-annex2.pdf >/dev/null
cp annex1-text-boxes.docx "$here/"
cp e04-annex2.docx "$here/annex2-pdf-converted.docx"
ls -la "$here"
