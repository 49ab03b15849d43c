# -*- coding: utf-8 -*-
"""Mail as Chinese mail clients send it: the survey pasted into an HTML body whose plain part only
says "调查表见正文" (Foxmail in GBK, webmail in UTF-8), and Outlook Express's raw 8-bit GBK headers.

python3 make_mail.py OUTDIR
"""
import base64
import hashlib
import os
import quopri
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def alternative(frm, subject, plain, html, charset):
    b = "----=_NextPart_000_0012_01D2A1B4"
    enc = lambda s: base64.encodebytes(s.encode(charset)).decode("ascii") if charset == "GBK" \
        else quopri.encodestring(s.encode(charset)).decode("ascii")
    cte = "base64" if charset == "GBK" else "quoted-printable"
    return ("From: %s\r\nTo: forms@formbox.test\r\nSubject: %s\r\nDate: Tue, 14 Mar 2017 09:12:00 +0800\r\n"
            "Message-ID: <%s@mail.example.cn>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n"
            "--%s\r\nContent-Type: text/plain; charset=\"%s\"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s\r\n"
            "--%s\r\nContent-Type: text/html; charset=\"%s\"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s\r\n--%s--\r\n") % (
        frm, subject, int(hashlib.md5(subject.encode()).hexdigest()[:8], 16), b, b, charset, cte, enc(plain), b, charset, cte, enc(html), b)


def main(out):
    src = os.path.join(HERE, "src")
    hx = open(os.path.join(src, "mail-body-hx.html"), encoding="utf-8").read()
    yt = open(os.path.join(src, "mail-body-yt.html"), encoding="utf-8").read()
    # Foxmail: GBK, base64, encoded-word subject
    subject = "=?GBK?B?%s?=" % base64.b64encode("科技创新2025调查表（海曦生物）".encode("GBK")).decode()
    frm = "=?GBK?B?%s?= <hejun@haixi-bio.cn>" % base64.b64encode("何俊".encode("GBK")).decode()
    open(os.path.join(out, "mail-body-hx.eml"), "wb").write(
        alternative(frm, subject, "调查表见正文。\r\n何俊", hx.replace("charset='utf-8'", "charset='gbk'"), "GBK")
        .encode("ascii"))
    # webmail: UTF-8, quoted-printable
    open(os.path.join(out, "mail-body-yt.eml"), "wb").write(
        alternative("jinchen@yongtai-auto.com", "=?UTF-8?B?%s?=" % base64.b64encode("调查表见正文".encode()).decode(),
                    "调查表见正文", yt, "UTF-8").encode("ascii"))


if __name__ == "__main__":
    main(sys.argv[1])
