#!/usr/bin/env bash
# Makes the OFD fixtures of this folder from the tests' PDFs with ofdrw 2.3.6 (an OFD writer that is not
# this project's): make-ofd/PdfToOfd.java takes each PDF's text runs (or characters, -DperGlyph=true) at
# their baselines and its ruling lines with PDFBox, and draws them again through ofdrw's canvas, which
# writes text objects with TextCode/DeltaX and path objects. outlines-only.ofd is ofdrw's own
# PDFConverter's output for pdf-template-yt.pdf, which draws every character as an outline;
# scan-template-hx.ofd its ImageConverter's, a scan on a page as a scanner's OFD holds it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
res="$here/../.."
work="$(mktemp -d)"
mvn -B -q -f "$here/make-ofd/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
cp="$(cat "$work/cp.txt")"
javac -d "$work" -cp "$cp" "$here/make-ofd/PdfToOfd.java"
run() { java -cp "$work:$cp" "$@" 2>/dev/null | grep -- '->'; }
run PdfToOfd "$res/extraction/annex2-seed.pdf" "$here/annex2-seed.ofd"
run PdfToOfd "$res/extraction/annex1-proposal.pdf" "$here/annex1-proposal.ofd"
run PdfToOfd "$res/habits/docs/pdf-own-layout-hx.pdf" "$here/pdf-own-layout-hx.ofd"
run -DperGlyph=true PdfToOfd "$res/habits/docs/pdf-template-yt.pdf" "$here/pdf-template-yt-glyphs.ofd"
cat > "$work/Outlines.java" <<'JAVA'
public class Outlines {
    public static void main(String[] a) throws Exception {
        try (var c = new org.ofdrw.converter.ofdconverter.PDFConverter(java.nio.file.Path.of(a[1]))) {
            c.convert(java.nio.file.Path.of(a[0]));
        }
        System.out.println(a[0] + " -> " + a[1]);
    }
}
JAVA
javac -d "$work" -cp "$cp" "$work/Outlines.java"
run Outlines "$res/habits/docs/pdf-template-yt.pdf" "$here/outlines-only.ofd"
cat > "$work/Scan.java" <<'JAVA'
public class Scan {
    public static void main(String[] a) throws Exception {
        try (var c = new org.ofdrw.converter.ofdconverter.ImageConverter(java.nio.file.Path.of(a[1]))) {
            c.convert(java.nio.file.Path.of(a[0]));
        }
        System.out.println(a[0] + " -> " + a[1]);
    }
}
JAVA
javac -d "$work" -cp "$cp" "$work/Scan.java"
run Scan "$res/habits/docs/scan-template-hx.jpg" "$here/scan-template-hx.ofd"
rm -rf "$work"
