package org.formbox.intake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words the way Chinese mail clients write them. Adjacent words of one
 * charset are joined as bytes before decoding, because Foxmail, Outlook and QQ Mail split a long
 * name inside a multi-byte character (jakartaee/mail-api#751). Raw 8-bit names, which some
 * clients send unencoded, are recovered as UTF-8 or GB18030.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern GAP = Pattern.compile("\\s*");

    private EncodedWords() {
    }

    /** The decoded text; text without encoded words is returned with 8-bit bytes re-read. */
    static String decode(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        String charset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = charset != null && GAP.matcher(between).matches();
            String wordCharset = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\*.*$", "");
            if (!adjacent || !wordCharset.equals(charset)) {
                flush(out, pending, charset);
                if (!adjacent || charset == null) {
                    out.append(recover8bit(between));
                }
                charset = wordCharset;
            }
            byte[] bytes = "b".equalsIgnoreCase(m.group(2)) ? base64(m.group(3)) : quoted(m.group(3));
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, charset);
        out.append(recover8bit(text.substring(last)));
        return out.toString();
    }

    /**
     * A header read as ISO-8859-1 that really held UTF-8 or GBK bytes comes back readable;
     * anything else is returned unchanged.
     */
    static String recover8bit(String text) {
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gbk = strict(bytes, Charset.forName("GB18030"));
        return gbk != null ? gbk : text;
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() == 0) {
            return;
        }
        out.append(new String(pending.toByteArray(), charsetFor(charset)));
        pending.reset();
    }

    static Charset charsetFor(String name) {
        String n = name == null ? "utf-8" : name.toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("cp936") || n.equals("x-gbk") || n.equals("euc-cn")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] quoted(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
