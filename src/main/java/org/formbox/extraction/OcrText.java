package org.formbox.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the usual misreadings of tesseract's simplified-Chinese model in text that came from OCR
 * (never in typed text): angle and lenticular brackets for round ones, letters for digits inside
 * numbers, Chinese commas and stops between digits, spaces inside an e-mail address.
 */
final class OcrText {

    /** A run of digits and the letters tesseract reads for digits, with a digit in it. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9OoDQ〇lI|i!SsBZz，。,.．\\s]*[0-9][0-9OoDQ〇lI|i!SsBZz，。,.．\\s]*");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\- ]+@[A-Za-z0-9.,\\- ]+[.,][A-Za-z ]+");

    private OcrText() {
    }

    /**
     * An OCR'd cell or line as it was typed: 〈〔【 and their closers read for （ and ）, a doubled
     * bracket made single (〔（M2）).
     */
    static String brackets(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char m = switch (c) {
                case '〈', '〔', '【', '［', '﹙' -> '（';
                case '〉', '〕', '】', '］', '﹚' -> '）';
                default -> c;
            };
            boolean open = m == '（' || m == '(';
            boolean close = m == '）' || m == ')';
            if (!sb.isEmpty()) {
                char last = sb.charAt(sb.length() - 1);
                if (open && (last == '（' || last == '(') || close && (last == '）' || last == ')')) {
                    continue;
                }
            }
            sb.append(m);
        }
        return sb.toString();
    }

    /**
     * The answer of a numeric field with the letters read for digits put back: {@code 2O16} →
     * 2016, {@code l860} → 1860, {@code 3，5} → 3,5, {@code 44。6} → 44.6, {@code 1 270} → 1270,
     * {@code .690} → 690 (a speck read as a point before the answer). Only runs that hold at least
     * one real digit are touched.
     */
    static String digits(String answer) {
        Matcher m = NUMBER_LIKE.matcher(answer);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            StringBuilder fixed = new StringBuilder();
            String core = run.strip();
            for (int i = 0; i < core.length(); i++) {
                char c = core.charAt(i);
                fixed.append(switch (c) {
                    case 'O', 'o', 'D', 'Q', '〇' -> '0';
                    case 'l', 'I', '|', 'i', '!' -> '1';
                    case 'S', 's' -> '5';
                    case 'B' -> '8';
                    case 'Z', 'z' -> '2';
                    case '，' -> ',';
                    case '。', '．' -> '.';
                    default -> Character.isWhitespace(c) ? "" : String.valueOf(c);
                });
            }
            String lead = run.substring(0, run.indexOf(core.isEmpty() ? run : core));
            String trail = run.substring(lead.length() + core.length());
            // a speck or a bit of border before or after a number reads as a dot or a comma: .690, ,15200
            String number = fixed.toString().replaceAll("[,.]+$", "");
            if (out.isEmpty() && lead.isEmpty() && m.start() == 0) {
                number = number.replaceAll("^[,.]+(?=[1-9])", "");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(lead + number + trail));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An e-mail address as OCR cut it ({@code linxy@gan gzhong-Zb.com}, {@code luxf@shik e-optics,.co m}):
     * no spaces, a comma in the domain read for its dot, the domain in lower case.
     */
    static String email(String answer) {
        String s = answer.strip();
        if (!EMAIL.matcher(s).matches()) {
            return answer;
        }
        s = s.replace(" ", "");
        int at = s.indexOf('@');
        String domain = s.substring(at + 1).toLowerCase(java.util.Locale.ROOT).replace(',', '.').replaceAll("\\.{2,}", ".");
        return s.substring(0, at + 1) + domain;
    }

    /** A per-cent sign read as {@code 96} after a decimal, or as {@code 9%}, where the share would exceed 100. */
    private static final Pattern PERCENT_AS_96 = Pattern.compile("(\\d{1,2}\\.\\d)9\\d|(\\d{2})9\\d?");
    /** Digits after the per-cent sign: a second reading of the sign, {@code 12%9}. */
    private static final Pattern AFTER_PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?%)\\d{1,2}");
    private static final Pattern PERCENT_AS_9 = Pattern.compile("(\\d{1,2})9%");

    /**
     * The answer of a percentage field with tesseract's readings of {@code %} undone where the
     * result cannot be a share: {@code 37.396} → 37.3%, {@code 2596} → 25%, {@code 359} → 35%, {@code 129%} → 12%,
     * and digits after the sign dropped: {@code 12%9} → 12%.
     */
    static String percent(String answer) {
        String s = answer.strip();
        Matcher after = AFTER_PERCENT.matcher(s);
        if (after.matches()) {
            s = after.group(1);
            answer = s;
        }
        Matcher m = PERCENT_AS_96.matcher(s);
        // 37.396, 37.394 (a share has one decimal, not three) or 2596, 359 (more than the whole)
        if (m.matches() && (m.group(1) != null || Double.parseDouble(s) > 100)) {
            return (m.group(1) != null ? m.group(1) : m.group(2)) + "%";
        }
        m = PERCENT_AS_9.matcher(s);
        if (m.matches() && Integer.parseInt(m.group(1) + "9") > 100) {
            return m.group(1) + "%";
        }
        return answer;
    }

    /** A stray mark OCR put after the last Chinese character of a short answer: 进口. → 进口. */
    static String trailingMarks(String answer) {
        return answer.replaceAll("(?<=\\p{IsHan})[.,'`_~\\-]+\\s*$", "");
    }

    /**
     * An OCR'd answer put right to the usual answers of its field where OCR misread a character or
     * two of one: each part (parts are separated by 、，,;/ and spaces) is first freed of the
     * strokes and specks OCR adds (anything that is not a Chinese character, a letter or a digit,
     * and digits stuck to Chinese ones: 进1]), then taken as the one usual answer within
     * {@link OcrLabels#allowed} edits of it, if exactly one is nearest. A part near none, or near two
     * alike, stays as it was read; so does an answer of more than four parts.
     */
    static String usual(String answer, java.util.List<String> usual) {
        if (usual.isEmpty() || answer.isBlank()) {
            return answer;
        }
        java.util.regex.Pattern separator = java.util.regex.Pattern.compile("[、，,;；/／\\s]");
        boolean separated = separator.matcher(answer.strip()).find();
        // a separated answer as a whole only against usual answers that are separated themselves
        String whole = nearest(answer.strip(), separated ? usual.stream().filter(u -> separator.matcher(u).find()).toList() : usual);
        if (whole != null) {
            return whole; // a usual answer with separators of its own: 计算机、通信和其他电子设备制造业
        }
        String[] parts = answer.strip().split("[、，,;；/／\\s]+");
        if (parts.length > 4) {
            return answer;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean changed = false;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            String best = nearest(part, usual);
            if (best != null) {
                changed |= !best.equals(part);
                out.add(best);
            } else {
                out.add(part);
            }
        }
        return changed ? String.join("、", out) : answer;
    }

    /** The one usual answer a part is near once freed of OCR's strokes and specks; null when none or two are. */
    private static String nearest(String part, java.util.List<String> usual) {
        String bare = part.replaceAll("[^\\p{IsHan}A-Za-z0-9]", "");
        if (bare.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            bare = bare.replaceAll("[0-9A-Za-z]", "");
        }
        if (bare.isEmpty()) {
            return null;
        }
        {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            boolean tie = false;
            for (String u : usual) {
                String target = u.replaceAll("[^\\p{IsHan}A-Za-z0-9]", "");
                int allowed = OcrLabels.allowed(target.length());
                int d = OcrLabels.distance(bare, target, allowed);
                if (d > allowed) {
                    continue;
                }
                if (d < bestDistance) {
                    best = u;
                    bestDistance = d;
                    tie = false;
                } else if (d == bestDistance && !u.equals(best)) {
                    tie = true;
                }
            }
            return tie ? null : best;
        }
    }
}
