package org.formbox.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Outlook's wrappers written as Outlook writes them, for tests: a TNEF {@code winmail.dat}
 * ([MS-OXTNEF]: signature, key, message attributes, then per file attAttachRendData, attAttachTitle,
 * attAttachData and attAttachment with PR_ATTACH_LONG_FILENAME in Unicode) and a {@code .msg}
 * ([MS-OXMSG]: an OLE2 file, one {@code __attach_version1.0_#N} storage per file).
 */
public final class OutlookFiles {

    private OutlookFiles() {
    }

    /** A winmail.dat carrying these files (name → content), in order. */
    public static byte[] winmailDat(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(le32(0x223E9F78));
        out.write(le16(0x0001)); // legacy key
        attribute(out, 1, 0x9006, 0x0008, le32(0x00010000)); // attTnefVersion
        attribute(out, 1, 0x9007, 0x0006, concat(le32(936), le32(0))); // attOemCodepage: GBK, as Outlook in Chinese writes it
        attribute(out, 1, 0x8008, 0x0007, "IPM.Note\0".getBytes(StandardCharsets.US_ASCII)); // attMessageClass
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            attribute(out, 2, 0x9002, 0x0006, new byte[14]); // attAttachRendData: a file attachment
            attribute(out, 2, 0x8010, 0x0001, "ATTACH~1.DOC\0".getBytes(StandardCharsets.US_ASCII)); // attAttachTitle, 8.3
            attribute(out, 2, 0x800F, 0x0006, f.getValue()); // attAttachData
            byte[] name = (f.getKey() + "\0").getBytes(StandardCharsets.UTF_16LE);
            ByteArrayOutputStream props = new ByteArrayOutputStream();
            props.write(le32(1));
            props.write(le16(0x001F)); // PT_UNICODE
            props.write(le16(0x3707)); // PR_ATTACH_LONG_FILENAME
            props.write(le32(1));
            props.write(le32(name.length));
            props.write(name);
            props.write(new byte[(4 - name.length % 4) % 4]);
            attribute(out, 2, 0x9005, 0x0006, props.toByteArray()); // attAttachment
        }
        return out.toByteArray();
    }

    /** An Outlook item with this subject, carrying these files. */
    public static byte[] msg(String subject, Map<String, byte[]> files) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            root.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(new byte[32]));
            root.createDocument("__substg1.0_0037001F", new java.io.ByteArrayInputStream(subject.getBytes(StandardCharsets.UTF_16LE)));
            int i = 0;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                DirectoryEntry attach = root.createDirectory(String.format("__attach_version1.0_#%08X", i++));
                attach.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(new byte[8]));
                attach.createDocument("__substg1.0_3707001F", new java.io.ByteArrayInputStream(f.getKey().getBytes(StandardCharsets.UTF_16LE)));
                attach.createDocument("__substg1.0_37010102", new java.io.ByteArrayInputStream(f.getValue()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void attribute(ByteArrayOutputStream out, int level, int id, int type, byte[] data) throws IOException {
        out.write(level);
        out.write(le16(id));
        out.write(le16(type));
        out.write(le32(data.length));
        out.write(data);
        int sum = 0;
        for (byte b : data) {
            sum = (sum + (b & 0xFF)) & 0xFFFF;
        }
        out.write(le16(sum));
    }

    private static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
