import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.*;
import java.util.*;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.ofdrw.font.FontName;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.layout.element.canvas.FontSetting;

/** Redraws a PDF's text (runs at their baselines) and ruling lines through ofdrw's canvas: an OFD with text objects. */
public class PdfToOfd {
    static final double MM = 25.4 / 72;
    record Run(String text, double x, double base, double size) {}
    record Seg(double x0, double y0, double x1, double y1) {}

    public static void main(String[] a) throws Exception {
        boolean perGlyph = Boolean.getBoolean("perGlyph");
        try (PDDocument pdf = PDDocument.load(Path.of(a[0]).toFile()); OFDDoc ofd = new OFDDoc(Path.of(a[1]))) {
            for (int p = 0; p < pdf.getNumberOfPages(); p++) {
                PDPage page = pdf.getPage(p);
                double h = page.getMediaBox().getHeight();
                List<Run> runs = new ArrayList<>();
                PDFTextStripper s = new PDFTextStripper() {
                    @Override protected void writeString(String text, List<TextPosition> ps) {
                        if (perGlyph) {
                            for (TextPosition t : ps) runs.add(new Run(t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(), t.getFontSizeInPt()));
                        } else if (!ps.isEmpty()) {
                            TextPosition t = ps.get(0);
                            StringBuilder b = new StringBuilder();
                            ps.forEach(x -> b.append(x.getUnicode()));
                            runs.add(new Run(b.toString(), t.getXDirAdj(), t.getYDirAdj(), t.getFontSizeInPt()));
                        }
                    }
                };
                s.setStartPage(p + 1); s.setEndPage(p + 1); s.getText(pdf);
                List<Seg> segs = new ArrayList<>();
                new PDFGraphicsStreamEngine(page) {
                    Point2D cur; List<Seg> path = new ArrayList<>();
                    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                        double x0 = Math.min(p0.getX(), p2.getX()), x1 = Math.max(p0.getX(), p2.getX());
                        double y0 = Math.min(p0.getY(), p2.getY()), y1 = Math.max(p0.getY(), p2.getY());
                        if (y1 - y0 < 2) path.add(new Seg(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2));
                        else if (x1 - x0 < 2) path.add(new Seg((x0 + x1) / 2, y0, (x0 + x1) / 2, y1));
                        else { path.add(new Seg(x0, y0, x1, y0)); path.add(new Seg(x0, y1, x1, y1)); path.add(new Seg(x0, y0, x0, y1)); path.add(new Seg(x1, y0, x1, y1)); }
                    }
                    public void drawImage(PDImage i) {}
                    public void clip(int r) {}
                    public void moveTo(float x, float y) { cur = new Point2D.Float(x, y); }
                    public void lineTo(float x, float y) { if (cur != null) path.add(new Seg(cur.getX(), cur.getY(), x, y)); cur = new Point2D.Float(x, y); }
                    public void curveTo(float a1, float b1, float a2, float b2, float x, float y) { cur = new Point2D.Float(x, y); }
                    public Point2D getCurrentPoint() { return cur; }
                    public void closePath() {}
                    public void endPath() { path.clear(); }
                    public void strokePath() { take(); }
                    public void fillPath(int r) { take(); }
                    public void fillAndStrokePath(int r) { take(); }
                    public void shadingFill(org.apache.pdfbox.cos.COSName n) {}
                    void take() {
                        for (Seg g : path) if (Math.abs(g.x0 - g.x1) < 0.5 || Math.abs(g.y0 - g.y1) < 0.5) segs.add(g);
                        path.clear();
                    }
                }.processPage(page);
                VirtualPage v = new VirtualPage(page.getMediaBox().getWidth() * MM, h * MM);
                Canvas c = new Canvas(page.getMediaBox().getWidth() * MM, h * MM);
                c.setPosition(Position.Absolute).setX(0d).setY(0d);
                c.setBorder(0d); c.setPadding(0d); c.setMargin(0d);
                c.setDrawer(ctx -> {
                    ctx.setLineWidth(0.2);
                    for (Seg g : segs) {
                        ctx.beginPath();
                        ctx.moveTo(g.x0 * MM, (h - g.y0) * MM);
                        ctx.lineTo(g.x1 * MM, (h - g.y1) * MM);
                        ctx.stroke();
                    }
                    for (Run r : runs) {
                        ctx.setFont(new FontSetting(r.size * MM, FontName.SimSun.font()));
                        ctx.fillText(r.text, r.x * MM, r.base * MM);
                    }
                });
                v.add(c);
                ofd.addVPage(v);
            }
        }
        System.out.println(a[0] + " -> " + a[1]);
    }
}
