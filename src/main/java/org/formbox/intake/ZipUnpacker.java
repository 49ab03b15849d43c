package org.formbox.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.formbox.forms.Unreadable;

/**
 * Opens zip archives sent as attachments, within limits of size, ratio, depth and entry count,
 * so that a zip bomb becomes a finding instead of a full heap. Entry names without the UTF-8
 * flag are read as UTF-8 when they are valid UTF-8, else as GBK (Windows in Chinese writes them so).
 */
final class ZipUnpacker {

    private final int maxEntries;
    private final long maxTotalBytes;
    private final long maxEntryBytes;
    private final int maxRatio;
    private final int maxDepth;

    ZipUnpacker() {
        this(200, 100L << 20, 30L << 20, 200, 3);
    }

    ZipUnpacker(int maxEntries, long maxTotalBytes, long maxEntryBytes, int maxRatio, int maxDepth) {
        this.maxEntries = maxEntries;
        this.maxTotalBytes = maxTotalBytes;
        this.maxEntryBytes = maxEntryBytes;
        this.maxRatio = maxRatio;
        this.maxDepth = maxDepth;
    }

    /** A plain zip archive, not a .docx, .xlsx or .odt, which are zips too. */
    boolean isArchive(String name, byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            return false;
        }
        try (ZipFile zip = open(bytes)) {
            return zip.getEntry("[Content_Types].xml") == null && zip.getEntry("mimetype") == null
                    && zip.getEntry("META-INF/manifest.xml") == null;
        } catch (IOException | RuntimeException e) {
            // unreadable as a zip: keep it as a file, the reader will say it is corrupt
            return name.toLowerCase(Locale.ROOT).endsWith(".zip");
        }
    }

    /** The archive itself (marked as a container, or with its problem) followed by its entries. */
    List<MailAttachment> unpack(String name, byte[] bytes, String origin) {
        Budget budget = new Budget();
        List<MailAttachment> entries = new ArrayList<>();
        Unreadable problem = null;
        try {
            unpackInto(entries, name, bytes, origin, 1, budget);
        } catch (LimitExceeded e) {
            problem = Unreadable.TOO_LARGE;
        } catch (IOException | RuntimeException e) {
            problem = Unreadable.CORRUPT;
        }
        List<MailAttachment> result = new ArrayList<>();
        result.add(new MailAttachment(name, "application/zip", bytes, origin, problem, problem == null));
        if (problem == null) {
            result.addAll(entries);
        }
        return result;
    }

    private void unpackInto(List<MailAttachment> out, String name, byte[] bytes, String origin, int depth,
                            Budget budget) throws IOException {
        if (depth > maxDepth) {
            throw new LimitExceeded();
        }
        String here = origin.isEmpty() ? name : origin + " / " + name;
        try (ZipFile zip = open(bytes)) {
            for (ZipArchiveEntry entry : Collections.list((Enumeration<ZipArchiveEntry>) zip.getEntries())) {
                if (entry.isDirectory() || ignorable(entryName(entry))) {
                    continue;
                }
                if (++budget.entries > maxEntries) {
                    throw new LimitExceeded();
                }
                String entryName = baseName(entryName(entry));
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    out.add(new MailAttachment(entryName, "application/octet-stream", new byte[0], here,
                            Unreadable.ENCRYPTED, false));
                    continue;
                }
                byte[] content = read(zip, entry, budget);
                if (isArchive(entryName, content)) {
                    out.add(new MailAttachment(entryName, "application/zip", content, here, null, true));
                    unpackInto(out, entryName, content, here, depth + 1, budget);
                } else {
                    out.add(new MailAttachment(entryName, "application/octet-stream", content, here, null, false));
                }
            }
        }
    }

    private byte[] read(ZipFile zip, ZipArchiveEntry entry, Budget budget) throws IOException {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            long total = 0;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                budget.bytes += n;
                // the declared sizes may lie: count what really comes out
                if (total > maxEntryBytes || budget.bytes > maxTotalBytes
                        || total > (1L << 20) && total / compressed > maxRatio) {
                    throw new LimitExceeded();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ZipFile open(byte[] bytes) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .setCharset(StandardCharsets.ISO_8859_1).setUseUnicodeExtraFields(true).get();
    }

    private static String entryName(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (entry.getGeneralPurposeBit().usesUTF8ForNames()) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        String utf8 = EncodedWords.strict(raw, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gbk = EncodedWords.strict(raw, Charset.forName("GB18030"));
        return gbk != null ? gbk : entry.getName();
    }

    private static boolean ignorable(String name) {
        return name.startsWith("__MACOSX/") || baseName(name).startsWith("._") || baseName(name).equals(".DS_Store")
                || baseName(name).equalsIgnoreCase("Thumbs.db");
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static final class Budget {
        int entries;
        long bytes;
    }

    private static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("archive exceeds the unpacking limits");
        }
    }
}
