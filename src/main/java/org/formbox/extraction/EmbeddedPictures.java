package org.formbox.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.hssf.usermodel.HSSFPictureData;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Picture;

/**
 * The pictures a Word, Excel, OpenDocument or OFD file carries that may be the form itself: the
 * stamped and signed form scanned or photographed and pasted into a document, which is then sent as
 * the .docx; a scanner's OFD, one picture a page. Only pictures of at least {@link #MIN_PIXELS} (a logo or a signature is smaller), in their
 * order in the file (image1, image2 … as Word numbers them), at most {@link ScanContent#MAX_PAGES}.
 */
final class EmbeddedPictures {

    /** Smaller pictures are not a page of a form: a 600 × 800 pixel photo is about the least that reads. */
    static final int MIN_PIXELS = 480_000;
    private static final long MAX_PICTURE_BYTES = 30L << 20;
    private static final long MAX_TOTAL_BYTES = 60L << 20;
    private static final Pattern NUMBER = Pattern.compile("(\\d+)(?=\\.[A-Za-z]+$)");

    private EmbeddedPictures() {
    }

    /** Whether files of this format can carry pictures this class takes out. */
    static boolean carried(Format format) {
        return switch (format) {
            case DOCX, XLSX, ODF, DOC, XLS, OFD -> true;
            default -> false;
        };
    }

    /** The pictures large enough to be a page of a form; none when the file cannot be opened again. */
    static List<byte[]> of(Format format, byte[] content) {
        try {
            List<byte[]> all = switch (format) {
                case DOCX -> zipped(content, "word/media/");
                case XLSX -> zipped(content, "xl/media/");
                case ODF -> zipped(content, "Pictures/");
                case OFD -> zipped(content, ""); // the resources' folder is the package's to name (Res/ mostly)
                case DOC -> word97(content);
                case XLS -> excel97(content);
                default -> List.of();
            };
            List<byte[]> large = new ArrayList<>();
            for (byte[] picture : all) {
                if (large.size() < ScanContent.MAX_PAGES && pixels(picture) >= MIN_PIXELS) {
                    large.add(picture);
                }
            }
            return large;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<byte[]> zipped(byte[] content, String folder) throws IOException {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        List<byte[]> out = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (!e.isDirectory() && e.getName().startsWith(folder) && !e.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    entries.add(e);
                }
            }
            entries.sort(Comparator.comparingLong((ZipArchiveEntry e) -> number(e.getName())).thenComparing(ZipArchiveEntry::getName));
            long total = 0;
            for (ZipArchiveEntry e : entries) {
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readNBytes((int) MAX_PICTURE_BYTES + 1);
                    total += bytes.length;
                    if (bytes.length > MAX_PICTURE_BYTES || total > MAX_TOTAL_BYTES) {
                        break;
                    }
                    out.add(bytes);
                }
            }
        }
        return out;
    }

    private static long number(String name) {
        Matcher m = NUMBER.matcher(name.toLowerCase(Locale.ROOT));
        return m.find() && m.group(1).length() < 10 ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    private static List<byte[]> word97(byte[] content) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(content))) {
            for (Picture p : doc.getPicturesTable().getAllPictures()) {
                out.add(p.getContent());
            }
        }
        return out;
    }

    private static List<byte[]> excel97(byte[] content) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(content))) {
            for (HSSFPictureData p : workbook.getAllPictures()) {
                out.add(p.getData());
            }
        }
        return out;
    }

    /** Width × height from the picture's header, without decoding it; 0 for what ImageIO cannot read. */
    static long pixels(byte[] picture) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
            if (in == null) {
                return 0;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
