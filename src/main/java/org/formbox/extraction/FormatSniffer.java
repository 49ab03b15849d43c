package org.formbox.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.formbox.forms.Unreadable;

/**
 * Decides the format from the bytes, never from the file name: ZIP containers by their content
 * types, OLE2 files by their streams (a Kingsoft .wps has a {@code WordDocument} stream and reads
 * as .doc; an encrypted .docx is OLE2 with an {@code EncryptedPackage}), then magic numbers.
 */
final class FormatSniffer {

    /** The outcome: a format to read, or why not. */
    record Sniffed(Format format, Unreadable problem) {
        static Sniffed of(Format f) {
            return new Sniffed(f, null);
        }

        static Sniffed not(Unreadable why) {
            return new Sniffed(null, why);
        }
    }

    private static final int MAX_CONTENT_TYPES = 1 << 20;

    /** Magic-number detection only; built once, it is thread-safe. */
    private final Detector magic = MimeTypes.getDefaultMimeTypes();

    Sniffed sniff(byte[] content) {
        if (content.length < 4) {
            return Sniffed.not(Unreadable.UNSUPPORTED);
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return zip(content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            return ole2(content);
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF) || startsWith(content, 0x89, 0x50, 0x4E, 0x47)
                || startsWith(content, 0x49, 0x49, 0x2A, 0x00) || startsWith(content, 0x4D, 0x4D, 0x00, 0x2A)
                || startsWith(content, 0x42, 0x4D) || startsWith(content, 0x47, 0x49, 0x46, 0x38)) {
            return Sniffed.of(Format.IMAGE);
        }
        if (phoneFormat(content)) {
            return Sniffed.not(Unreadable.PHOTO_FORMAT);
        }
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.contains("%PDF-")) {
            return Sniffed.of(Format.PDF);
        }
        if (WebArchive.is(head)) {
            return Sniffed.of(Format.MHT);
        }
        if (head.stripLeading().startsWith("{\\rtf")) {
            return Sniffed.of(Format.RTF);
        }
        return byMagic(content);
    }

    private static Sniffed zip(byte[] content) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            if (zip.getEntry("word/vbaProject.bin") != null || zip.getEntry("xl/vbaProject.bin") != null) {
                return Sniffed.not(Unreadable.MACRO);
            }
            String types = entryText(zip, "[Content_Types].xml");
            if (types != null) {
                if (types.contains("macroEnabled")) {
                    return Sniffed.not(Unreadable.MACRO);
                }
                if (types.contains("wordprocessingml.document.main") || types.contains("wordprocessingml.template.main")) {
                    return Sniffed.of(Format.DOCX);
                }
                if (types.contains("spreadsheetml.sheet.main") || types.contains("spreadsheetml.template.main")) {
                    return Sniffed.of(Format.XLSX);
                }
                return Sniffed.not(Unreadable.UNSUPPORTED);
            }
            if (OfdContent.is(zip)) {
                return Sniffed.of(Format.OFD);
            }
            String mimetype = entryText(zip, "mimetype");
            if (mimetype != null && mimetype.startsWith("application/vnd.oasis.opendocument.")) {
                return Sniffed.of(Format.ODF);
            }
            return Sniffed.not(Unreadable.UNSUPPORTED);
        } catch (IOException | RuntimeException e) {
            return Sniffed.not(Unreadable.CORRUPT);
        }
    }

    private static String entryText(ZipFile zip, String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
        }
    }

    private static Sniffed ole2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return Sniffed.not(Unreadable.ENCRYPTED);
            }
            if (root.hasEntry("WordDocument")) {
                return root.hasEntry("Macros") ? Sniffed.not(Unreadable.MACRO) : Sniffed.of(Format.DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return root.hasEntry("_VBA_PROJECT_CUR") ? Sniffed.not(Unreadable.MACRO) : Sniffed.of(Format.XLS);
            }
            return Sniffed.not(Unreadable.UNSUPPORTED);
        } catch (IOException | RuntimeException e) {
            return Sniffed.not(Unreadable.CORRUPT);
        }
    }

    private Sniffed byMagic(byte[] content) {
        try {
            MediaType type = magic.detect(new ByteArrayInputStream(content), new Metadata());
            String t = type.getBaseType().toString();
            if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
                return Sniffed.of(Format.HTML);
            }
            if (t.startsWith("text/")) {
                return Sniffed.of(Format.TEXT);
            }
            return Sniffed.not(Unreadable.UNSUPPORTED);
        } catch (IOException e) {
            return Sniffed.not(Unreadable.UNSUPPORTED);
        }
    }

    /** HEIF brands (iPhone photos are {@code heic}), AVIF, and WebP (RIFF .... WEBP). */
    private static final java.util.Set<String> PHOTO_BRANDS = java.util.Set.of(
            "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis");

    /** A photo format of phones and the web that the image readers here cannot open. */
    static boolean phoneFormat(byte[] content) {
        if (content.length >= 12 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p') {
            return PHOTO_BRANDS.contains(new String(content, 8, 4, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT));
        }
        return content.length >= 12 && startsWith(content, 'R', 'I', 'F', 'F')
                && new String(content, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
    }

    private static boolean startsWith(byte[] content, int... magic) {
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
