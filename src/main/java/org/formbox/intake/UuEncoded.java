package org.formbox.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.util.UUDecoderStream;

/**
 * Files uuencoded into a plain-text body, as older clients and some office systems send them
 * (Outlook Express and Foxmail's "uuencode" option, scripts that mail with {@code uuencode | mail}):
 * {@code begin 644 附件2.doc}, lines of encoded data, {@code end}; and the base64 form of
 * {@code uuencode -m} ({@code begin-base64 644 name} … {@code ====}). The lines are decoded with the mail
 * library's own uudecoder; the name, written in the body's bytes, is read in the body's charset. What
 * is left of the body is the text around the blocks.
 */
final class UuEncoded {

    /** Blocks after this many in one body are left as text. */
    static final int MAX_FILES = 100;

    private static final Pattern BEGIN = Pattern.compile("^begin(-base64)? +[0-7]{3,4} +(\\S.*?)\\s*$");

    private UuEncoded() {
    }

    /** A file found in the body. */
    record File(String name, byte[] bytes) {
    }

    /**
     * The body's text without its blocks, and the files they held.
     *
     * @param text  the body's text, the block lines left out
     * @param files the files, in the body's order; empty when it holds none
     */
    record Split(String text, List<File> files) {
    }

    /**
     * Splits a plain-text body into its text and the files uuencoded in it.
     *
     * @param body    the body's bytes, transfer encoding undone
     * @param charset the body's charset, or null when it names none (its 8-bit bytes are then guessed)
     */
    static Split split(byte[] body, Charset charset) {
        List<File> files = new ArrayList<>();
        if (!mayHold(body)) {
            return new Split(decode(body, charset), files);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream(body.length);
        boolean[] unterminated = new boolean[2]; // no end line (uu, base64) after a begin seen: none after a later one either
        int start = 0;
        while (start < body.length) {
            int end = lineEnd(body, start);
            String line = new String(body, start, end - start, StandardCharsets.ISO_8859_1);
            Matcher begin = files.size() < MAX_FILES ? BEGIN.matcher(line) : null;
            if (begin != null && begin.matches() && !unterminated[begin.group(1) != null ? 1 : 0]
                    && (begin.group(1) != null || uuLine(body, end))) {
                boolean base64 = begin.group(1) != null;
                int blockEnd = blockEnd(body, end, base64);
                if (blockEnd < 0) {
                    unterminated[base64 ? 1 : 0] = true; // a cut-off block is left as text, and the scan is not repeated
                    text.write(body, start, end - start);
                    start = end;
                    continue;
                }
                byte[] block = java.util.Arrays.copyOfRange(body, start, blockEnd);
                byte[] decoded = base64 ? base64(block) : uudecode(block);
                if (decoded != null && decoded.length > 0) {
                    String name = decode(begin.group(2).getBytes(StandardCharsets.ISO_8859_1), charset).strip();
                    files.add(new File(name, decoded));
                    start = blockEnd;
                    continue;
                }
            }
            text.write(body, start, end - start);
            start = end;
        }
        return new Split(decode(text.toByteArray(), charset), files);
    }

    /**
     * Whether the line at {@code start} is a line of uuencoded data: a length character for 1 to 45
     * bytes and nothing but the encoding's characters, so that prose starting with "begin" is left alone.
     */
    private static boolean uuLine(byte[] b, int start) {
        int end = lineEnd(b, start);
        int last = end;
        while (last > start && (b[last - 1] == '\n' || b[last - 1] == '\r')) {
            last--;
        }
        if (last - start < 2 || b[start] < '!' || b[start] > 'M') {
            return false;
        }
        for (int i = start; i < last; i++) {
            if (b[i] < ' ' || b[i] > '`') {
                return false;
            }
        }
        int bytes = (b[start] - ' ') & 63;
        return last - start - 1 >= (bytes + 2) / 3 * 4 - 2; // a trailing space or two may have been cut off
    }

    /** Whether the body has a line starting with "begin" at all (most have none: nothing to look at). */
    private static boolean mayHold(byte[] body) {
        for (int i = 0; i + 6 <= body.length; i++) {
            if ((i == 0 || body[i - 1] == '\n') && body[i] == 'b' && body[i + 1] == 'e' && body[i + 2] == 'g'
                    && body[i + 3] == 'i' && body[i + 4] == 'n') {
                return true;
            }
        }
        return false;
    }

    /** Where the line from {@code start} ends, its line break included. */
    private static int lineEnd(byte[] b, int start) {
        int i = start;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return Math.min(b.length, i + 1);
    }

    /** Where the block whose first data line is at {@code from} ends: after its end line; -1 when it has none. */
    private static int blockEnd(byte[] body, int from, boolean base64) {
        int start = from;
        while (start < body.length) {
            int end = lineEnd(body, start);
            String line = new String(body, start, end - start, StandardCharsets.ISO_8859_1).strip();
            if (base64 ? line.equals("====") : line.equals("end")) {
                return end;
            }
            start = end;
        }
        return -1;
    }

    private static byte[] uudecode(byte[] block) {
        try (InputStream in = new UUDecoderStream(new ByteArrayInputStream(block), true, false)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException broken) {
            return null; // not a block after all: left as text
        }
    }

    private static byte[] base64(byte[] block) {
        String[] lines = new String(block, StandardCharsets.ISO_8859_1).split("\r?\n");
        StringBuilder data = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("====")) {
                break;
            }
            data.append(line);
        }
        try {
            return Base64.getMimeDecoder().decode(data.toString());
        } catch (IllegalArgumentException broken) {
            return null;
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        if (charset == null) {
            return EncodedWords.recover8bit(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return new String(bytes, charset);
    }
}
