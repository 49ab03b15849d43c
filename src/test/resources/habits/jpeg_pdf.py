# -*- coding: utf-8 -*-
"""A PDF holding one JPEG page, as a scanner's scan-to-PDF writes it (ImageMagick's PDF writer is
off by policy here). Grey and colour JPEGs alike.

python3 jpeg_pdf.py PAGE.jpg DPI OUT.pdf
"""
import struct
import sys


def write(jpg_path, dpi, out_path):
    jpg = open(jpg_path, "rb").read()
    i, w, h, comps = 2, 0, 0, 1
    while i < len(jpg):
        marker, length = jpg[i + 1], struct.unpack(">H", jpg[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", jpg[i + 5:i + 9])
            comps = jpg[i + 9]
            break
        i += 2 + length
    space = b"/DeviceGray" if comps == 1 else b"/DeviceRGB"
    pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>" % (pw, ph),
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space, len(jpg)) + jpg + b"\nendstream",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for n, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(out_path, "wb").write(out)


if __name__ == "__main__":
    write(sys.argv[1], float(sys.argv[2]), sys.argv[3])
