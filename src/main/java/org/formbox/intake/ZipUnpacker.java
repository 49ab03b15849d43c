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
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.formbox.forms.Unreadable;

/**
 * Opens zip and 7z archives sent as attachments, within limits of size, ratio, depth and entry count,
 * so that a zip bomb becomes a finding instead of a full heap. Entry names without the UTF-8
 * flag are read as UTF-8 when they are valid UTF-8, else as GBK (Windows in Chinese writes them so).
 */
final class ZipUnpacker {

    /** Memory a 7z decoder may take for its dictionary; what comes out is bounded like a zip's. */
    private static final int MAX_7Z_DICTIONARY_KIB = 64 * 1024;

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

    /** A plain zip, 7z or RAR archive, not a .docx, .xlsx, .odt or .ofd, which are zips too. */
    boolean isArchive(String name, byte[] bytes) {
        if (sevenZ(bytes) || rar(bytes)) {
            return true;
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            return false;
        }
        try (ZipFile zip = open(bytes)) {
            return zip.getEntry("[Content_Types].xml") == null && zip.getEntry("mimetype") == null
                    && zip.getEntry("META-INF/manifest.xml") == null && zip.getEntry("OFD.xml") == null;
        } catch (IOException | RuntimeException e) {
            // unreadable as a zip: keep it as a file, the reader will say it is corrupt
            return name.toLowerCase(Locale.ROOT).endsWith(".zip");
        }
    }

    /** The archive itself (marked as a container, or with its problem) followed by its entries. */
    List<MailAttachment> unpack(String name, byte[] bytes, String origin) {
        if (rar(bytes)) {
            // no open-source RAR reader fits (junrar's licence is not open source): ask for a zip
            return List.of(new MailAttachment(name, "application/vnd.rar", bytes, origin, Unreadable.RAR, false));
        }
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
        if (sevenZ(bytes)) {
            unpack7z(out, bytes, here, depth, budget);
            return;
        }
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

    /** A 7z archive, with the limits of a zip: entries, sizes, ratio against the archive, depth. */
    private void unpack7z(List<MailAttachment> out, byte[] bytes, String here, int depth, Budget budget)
            throws IOException {
        try (SevenZFile archive = SevenZFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .setMaxMemoryLimitKiB(MAX_7Z_DICTIONARY_KIB).get()) {
            SevenZArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory() || ignorable(entry.getName())) {
                    continue;
                }
                if (++budget.entries > maxEntries) {
                    throw new LimitExceeded();
                }
                String entryName = baseName(entry.getName());
                byte[] content = read(archive.getInputStream(entry), Math.max(1, bytes.length), budget);
                if (isArchive(entryName, content) && !rar(content)) {
                    out.add(new MailAttachment(entryName, "application/x-7z-compressed", content, here, null, true));
                    unpackInto(out, entryName, content, here, depth + 1, budget);
                } else if (rar(content)) {
                    out.add(new MailAttachment(entryName, "application/vnd.rar", content, here, Unreadable.RAR, false));
                } else {
                    out.add(new MailAttachment(entryName, "application/octet-stream", content, here, null, false));
                }
            }
        } catch (org.apache.commons.compress.PasswordRequiredException e) {
            throw new IOException("encrypted 7z", e);
        }
    }

    static boolean sevenZ(byte[] b) {
        return b.length > 6 && (b[0] & 0xFF) == 0x37 && (b[1] & 0xFF) == 0x7A && (b[2] & 0xFF) == 0xBC
                && (b[3] & 0xFF) == 0xAF && (b[4] & 0xFF) == 0x27 && (b[5] & 0xFF) == 0x1C;
    }

    static boolean rar(byte[] b) {
        return b.length > 6 && b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!' && b[4] == 0x1A && b[5] == 0x07;
    }

    private byte[] read(ZipFile zip, ZipArchiveEntry entry, Budget budget) throws IOException {
        return read(zip.getInputStream(entry), Math.max(entry.getCompressedSize(), 1), budget);
    }

    private byte[] read(InputStream source, long compressed, Budget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try (InputStream in = source) {
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
