package org.formbox.extraction;

import java.math.BigDecimal;

/** Reads numbers written in Chinese characters: 一百二十, 三十五, 两千, 一万二千, 三十五点五. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** Whether the text consists only of Chinese numeral characters. */
    static boolean looksLike(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> digit((char) c) >= 0 || unit((char) c) > 0 || c == '点');
    }

    /** The number, or null when the text is not a Chinese numeral. */
    static BigDecimal parse(String text) {
        if (!looksLike(text)) {
            return null;
        }
        int point = text.indexOf('点');
        BigDecimal whole = point < 0 ? integer(text) : integer(text.substring(0, point));
        if (whole == null || point < 0) {
            return whole;
        }
        StringBuilder fraction = new StringBuilder();
        for (char c : text.substring(point + 1).toCharArray()) {
            int d = digit(c);
            if (d < 0) {
                return null;
            }
            fraction.append(d);
        }
        return fraction.isEmpty() ? whole : new BigDecimal(whole.toBigInteger() + "." + fraction);
    }

    private static BigDecimal integer(String text) {
        if (text.isEmpty()) {
            return null;
        }
        long total = 0;
        long section = 0;
        long number = 0;
        boolean any = false;
        boolean lastDigit = false;
        for (char c : text.toCharArray()) {
            int d = digit(c);
            long u = unit(c);
            // 五六千 is a range, not a number; 零 may follow a digit's unit only
            if (d > 0 && lastDigit) {
                return null;
            }
            lastDigit = d > 0;
            if (d >= 0) {
                number = d;
                any = true;
            } else if (u >= 10_000) {
                section = (section + number) * u;
                total += section;
                section = 0;
                number = 0;
            } else if (u > 0) {
                // 十 alone means 10 (十五 = 15)
                section += (number == 0 && !any ? 1 : number) * u;
                number = 0;
                any = true;
            } else {
                return null;
            }
        }
        return BigDecimal.valueOf(total + section + number);
    }

    private static int digit(char c) {
        if (c == '〇') {
            return 0;
        }
        if (c == '两') {
            return 2;
        }
        return DIGITS.indexOf(c);
    }

    private static long unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1_000;
            case '万' -> 10_000;
            case '亿' -> 100_000_000;
            default -> 0;
        };
    }
}
