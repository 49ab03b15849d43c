package org.formbox.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Files that Outlook wraps: {@code winmail.dat} (TNEF, what Outlook sends in its rich-text format,
 * the files inside and nothing the mail client can open) and a {@code .msg} file (a mail saved or
 * dragged from Outlook and attached to another). Both are opened with POI (HMEF and HSMF) and their
 * files taken out like a zip's entries; a container that cannot be opened stays a file to read.
 */
final class OutlookContainers {

    /** The TNEF signature 0x223E9F78, little-endian. */
    private static final byte[] TNEF = {0x78, (byte) 0x9F, 0x3E, 0x22};
    static final String TNEF_TYPE = "application/ms-tnef";
    static final String MSG_TYPE = "application/vnd.ms-outlook";
    /** Files of one container taken out at most. */
    static final int MAX_FILES = 100;

    private OutlookContainers() {
    }

    static boolean isTnef(byte[] bytes) {
        return bytes.length > 6 && bytes[0] == TNEF[0] && bytes[1] == TNEF[1] && bytes[2] == TNEF[2] && bytes[3] == TNEF[3];
    }

    /** An Outlook item: an OLE2 file whose root holds MAPI property streams. */
    static boolean isMsg(byte[] bytes) {
        if (bytes.length < 8 || (bytes[0] & 0xFF) != 0xD0 || (bytes[1] & 0xFF) != 0xCF || (bytes[2] & 0xFF) != 0x11) {
            return false;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("__properties_version1.0")
                    || fs.getRoot().getEntryNames().stream().anyMatch(n -> n.startsWith("__substg1.0_"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One file taken out of a container. */
    record File(String name, byte[] content) {
    }

    /** The files in a winmail.dat. */
    static List<File> tnef(byte[] bytes) throws IOException {
        HMEFMessage message;
        try {
            message = new HMEFMessage(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new IOException("unreadable TNEF", e);
        }
        List<File> files = new ArrayList<>();
        int n = 0;
        for (Attachment a : message.getAttachments()) {
            if (files.size() >= MAX_FILES) {
                break;
            }
            n++;
            byte[] content = a.getContents();
            if (content == null) {
                continue;
            }
            String name = first(safe(a::getLongFilename), safe(a::getFilename));
            files.add(new File(name == null ? "winmail附件" + n + ".bin" : baseName(name), content));
        }
        return files;
    }

    /** The files attached to an Outlook item. */
    static List<File> msg(byte[] bytes) throws IOException {
        MAPIMessage message;
        try {
            message = new MAPIMessage(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new IOException("unreadable Outlook item", e);
        }
        List<File> files = new ArrayList<>();
        int n = 0;
        for (AttachmentChunks a : message.getAttachmentFiles()) {
            if (files.size() >= MAX_FILES) {
                break;
            }
            n++;
            if (a.getAttachData() == null || a.getAttachData().getValue() == null) {
                continue; // an embedded Outlook item or an OLE object: not a file sent
            }
            String name = first(text(a.getAttachLongFileName()), text(a.getAttachFileName()), text(a.getAttachDisplayName()));
            files.add(new File(name == null ? "邮件附件" + n + ".bin" : baseName(name), a.getAttachData().getValue()));
        }
        return files;
    }

    private static String text(StringChunk chunk) {
        return chunk == null ? null : chunk.getValue();
    }

    private interface Getter {
        String get();
    }

    private static String safe(Getter g) {
        try {
            return g.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String first(String... names) {
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                return n.strip().replace("\u0000", "");
            }
        }
        return null;
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
