package org.formbox.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How deep the multiparts of a raw message nest and how many parts it has, found by one pass over
 * its lines without parsing it. Parsers (the mail library's, and GreenMail's, which builds the IMAP
 * body structure of every part when a message is stored) spend time and stack on every level: a
 * message nested 10,000 levels deep took GreenMail minutes to store and to copy. This is the cheap
 * look that comes before them.
 *
 * @param depth the deepest multipart nesting
 * @param parts the number of body parts
 */
public record MimeShape(int depth, int parts) {

    /** Deeper nesting than this is no mail client's doing. */
    public static final int MAX_DEPTH = 50;
    /** More parts than this are not stored part by part. */
    public static final int MAX_PARTS = 2_000;

    private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);

    /** Whether a parser should not be given the message part by part. */
    public boolean tooComplex() {
        return depth > MAX_DEPTH || parts > MAX_PARTS;
    }

    /** The shape of a raw message. */
    public static MimeShape of(byte[] raw) {
        List<String> open = new ArrayList<>();
        int depth = 0;
        int parts = 0;
        boolean inHeaders = true;
        StringBuilder header = new StringBuilder();
        String pending = null;
        int pos = 0;
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int length = end - pos - (end > pos && raw[end - 1] == '\r' ? 1 : 0);
            if (inHeaders) {
                if (length == 0) {
                    pending = boundaryOf(header, pending);
                    header.setLength(0);
                    if (pending != null) {
                        open.add(pending);
                        depth = Math.max(depth, open.size());
                        pending = null;
                    }
                    inHeaders = false;
                } else if (raw[pos] == ' ' || raw[pos] == '\t') {
                    header.append(' ').append(ascii(raw, pos, Math.min(length, 2000)));
                } else {
                    pending = boundaryOf(header, pending);
                    header.setLength(0);
                    header.append(ascii(raw, pos, Math.min(length, 2000)));
                }
            } else if (length > 2 && raw[pos] == '-' && raw[pos + 1] == '-' && !open.isEmpty()) {
                String line = ascii(raw, pos + 2, Math.min(length - 2, 200)).stripTrailing();
                for (int i = open.size() - 1; i >= Math.max(0, open.size() - 64); i--) {
                    String b = open.get(i);
                    if (line.equals(b + "--")) {
                        open.subList(i, open.size()).clear();
                        break;
                    }
                    if (line.equals(b)) {
                        open.subList(i + 1, open.size()).clear();
                        parts++;
                        inHeaders = true;
                        break;
                    }
                }
            }
            pos = end + 1;
        }
        return new MimeShape(depth, parts);
    }

    /** The boundary a finished header line declares, if it is a multipart Content-Type. */
    private static String boundaryOf(StringBuilder header, String pending) {
        if (header.length() < 13 || !header.substring(0, 13).toLowerCase(Locale.ROOT).equals("content-type:")) {
            return pending;
        }
        String value = header.substring(13);
        if (!value.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return pending;
        }
        Matcher m = BOUNDARY.matcher(value);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : pending;
    }

    private static String ascii(byte[] raw, int from, int length) {
        return new String(raw, from, Math.max(0, length), StandardCharsets.ISO_8859_1);
    }
}
