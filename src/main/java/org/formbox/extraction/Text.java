package org.formbox.extraction;

/** Character-level clean-up shared by the label matcher and the value normaliser. */
final class Text {

    private Text() {
    }

    /**
     * Maps full-width ASCII forms (digits, brackets, colon, percent) and the ideographic space to
     * their half-width forms, one char for one char, so that offsets stay valid.
     */
    static char halfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000' || c == '\u00A0') {
            return ' ';
        }
        return c;
    }

    /** {@link #halfWidth(char)} over a whole string. */
    static String halfWidth(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = halfWidth(chars[i]);
        }
        return new String(chars);
    }

    /** Whitespace including the ideographic space and no-break space. */
    static boolean space(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
    }

    /** Strips Word's cell marks, field-code remnants and other control characters; keeps line breaks. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\r' || c == '\u000B' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (c == '\t' || c == '\n' || c >= ' ' && c != '\u007F' && c != '\uFEFF' && c != '\u200B') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the character is Chinese script or punctuation (text that runs on without spaces). */
    static boolean cjk(char c) {
        return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF
                || c >= 0x3000 && c <= 0x303F;
    }
}
