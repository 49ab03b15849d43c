#!/bin/sh
# Fixtures of the enterprise-file tests, made from the sample documents by real tools:
#  - other-sender-annex2.docx: sample e06's Annex 2 with another contact, as a second sender would
#    send it (python's zipfile rewrites the Word XML; LibreOffice opens the result as before);
#  - roster-odd.xlsx: roster-odd.csv converted by LibreOffice Calc (a title row, odd headers, bad rows).
set -e
cd "$(dirname "$0")"
python3 - <<'PY'
import zipfile
src = "../../../../sample-submissions/docs/e06-annex2.docx"
with zipfile.ZipFile(src) as z, zipfile.ZipFile("other-sender-annex2.docx", "w", zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == "word/document.xml":
            text = data.decode("utf-8")
            for old, new in [("陈思", "刘强"), ("18957468823", "13700001111"), ("chensi@yongxin-ic.com", "liuqiang@outsider.cn")]:
                assert old in text, old
                text = text.replace(old, new)
            data = text.encode("utf-8")
        out.writestr(item, data)
PY
soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --infilter=CSV:44,34,76 roster-odd.csv >/dev/null
