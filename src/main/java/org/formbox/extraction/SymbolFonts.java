package org.formbox.extraction;

import java.util.Map;

/**
 * Tick and box glyphs of the symbol fonts Word's Insert › Symbol uses. Their characters are
 * private-use codes ({@code F0FE}) or Latin letters ({@code þ}) that mean nothing as text; the
 * ticks and boxes among them become ☑ and □ (and ■, ●, ○), the rest is dropped.
 */
final class SymbolFonts {

    private static final Map<Integer, Character> WINGDINGS = Map.ofEntries(
            Map.entry(0xFE, '☑'), Map.entry(0xFD, '☒'), Map.entry(0x78, '☒'), Map.entry(0xFC, '√'),
            Map.entry(0x6F, '□'), Map.entry(0x71, '□'), Map.entry(0xA8, '□'), Map.entry(0x70, '□'),
            Map.entry(0x6E, '■'), Map.entry(0xA7, '■'), Map.entry(0x6C, '●'), Map.entry(0xA1, '○'),
            Map.entry(0xA4, '◉'));
    private static final Map<Integer, Character> WINGDINGS_2 = Map.ofEntries(
            Map.entry(0x52, '☑'), Map.entry(0x54, '☒'), Map.entry(0x53, '☒'), Map.entry(0x50, '√'),
            Map.entry(0xA3, '□'), Map.entry(0x2A, '□'), Map.entry(0xA2, '□'));

    private SymbolFonts() {
    }

    static boolean isSymbolFont(String font) {
        return font != null && (font.startsWith("Wingdings") || font.equals("Symbol") || font.equals("Webdings"));
    }

    /** The glyph of a {@code w:sym} element; empty when it is not a tick or box. */
    static String symbol(String font, String hex) {
        try {
            return glyph(font, Integer.parseInt(hex.trim(), 16));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** Text typed in a symbol font, its ticks and boxes made readable. */
    static String map(String font, String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> sb.append(glyph(font, c)));
        return sb.toString();
    }

    private static String glyph(String font, int code) {
        int c = code >= 0xF000 && code <= 0xF0FF ? code - 0xF000 : code;
        Map<Integer, Character> table = font != null && font.startsWith("Wingdings 2") ? WINGDINGS_2
                : font != null && font.startsWith("Wingdings") ? WINGDINGS : null;
        if (table == null) {
            return Character.isWhitespace(c) ? " " : "";
        }
        Character g = table.get(c);
        return g == null ? (Character.isWhitespace(c) ? " " : "") : String.valueOf(g);
    }
}
