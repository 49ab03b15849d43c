#!/usr/bin/env python3
"""Wraps LibreOffice's HTML of the sample Annex 2 the way Word saves a single-file web page (.mht):
a MIME message, multipart/related, the page in gb2312 quoted-printable, a picture beside it.
  soffice --headless --convert-to html annex2-seed.docx   (src/test/resources/extraction/annex2-seed.docx)
  python3 make-mht.py annex2-seed.html > annex2-seed-web-page.doc
"""
import quopri, sys, base64
html = open(sys.argv[1], encoding='utf-8').read().replace('charset=utf-8', 'charset=gb2312')
boundary = '----=_NextPart_01DA2F3C.8E5B6A10'
body = quopri.encodestring(html.encode('gb18030')).decode('ascii')
png = base64.b64encode(bytes.fromhex('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
                                     '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082')).decode()
out = f'''MIME-Version: 1.0
Content-Type: multipart/related; boundary="{boundary}"

此文档为"单个文件网页"，也称为 Web 档案文件。
'''.encode('gb18030').decode('latin-1') + f'''
--{boundary}
Content-Location: file:///C:/D0C1E2F3/annex2.htm
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset="gb2312"

{body}
--{boundary}
Content-Location: file:///C:/D0C1E2F3/annex2.files/image001.png
Content-Transfer-Encoding: base64
Content-Type: image/png

{png}

--{boundary}--
'''
sys.stdout.buffer.write(out.replace('\n', '\r\n').encode('latin-1'))
