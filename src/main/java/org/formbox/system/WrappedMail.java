package org.formbox.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * A message too complex to store part by part ({@link MimeShape#tooComplex()}), as the embedded
 * server keeps it: a small message with the original's address and subject headers, a note, and
 * the original bytes, untouched, as one opaque attachment. The intake takes the original back out
 * ({@link #unwrap}), so the raw archive still holds exactly what the sender sent.
 */
public final class WrappedMail {

    /** The header that marks a wrapped message. */
    public static final String HEADER = "X-Formbox-Wrapped";

    private static final String[] KEPT = {"from:", "to:", "cc:", "subject:", "date:", "message-id:", "reply-to:", "sender:"};

    private WrappedMail() {
    }

    /** The wrapper of a raw message. */
    public static byte[] wrap(byte[] raw, MimeShape shape) {
        String boundary = "formbox-wrapped-" + UUID.randomUUID();
        StringBuilder m = new StringBuilder();
        for (String line : topHeaderLines(raw)) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String kept : KEPT) {
                if (lower.startsWith(kept)) {
                    m.append(line).append("\r\n");
                }
            }
        }
        m.append(HEADER).append(": depth=").append(shape.depth()).append("; parts=").append(shape.parts()).append("\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
                .append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(("此邮件结构异常（嵌套 " + shape.depth() + " 层，" + shape.parts()
                        + " 个部分），原件完整保存在附件 original.eml 中。").getBytes(StandardCharsets.UTF_8)))
                .append("\r\n--").append(boundary).append("\r\nContent-Type: application/octet-stream; name=\"original.eml\"\r\n")
                .append("Content-Disposition: attachment; filename=\"original.eml\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4 / 3 + 4096);
        out.writeBytes(m.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(Base64.getMimeEncoder().encode(raw));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The original of a wrapped message; any other message as it is. */
    public static byte[] unwrap(byte[] raw) {
        String marker = "\r\n--formbox-wrapped-";
        boolean wrapped = topHeaderLines(raw).stream().anyMatch(l -> l.regionMatches(true, 0, HEADER + ":", 0, HEADER.length() + 1));
        if (!wrapped) {
            return raw;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int second = text.indexOf(marker, text.indexOf(marker) + 1);
        int body = second < 0 ? -1 : text.indexOf("\r\n\r\n", second);
        int end = body < 0 ? -1 : text.indexOf(marker, body);
        if (end < 0) {
            return raw;
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(body + 4, end));
        } catch (IllegalArgumentException notOurs) {
            return raw;
        }
    }

    /** The unfolded header lines of the top-level header block. */
    private static java.util.List<String> topHeaderLines(byte[] raw) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int pos = 0;
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int length = end - pos - (end > pos && raw[end - 1] == '\r' ? 1 : 0);
            if (length == 0) {
                break;
            }
            String line = new String(raw, pos, length, StandardCharsets.ISO_8859_1);
            if ((line.startsWith(" ") || line.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\r\n" + line);
            } else {
                lines.add(line);
            }
            pos = end + 1;
        }
        return lines;
    }
}
