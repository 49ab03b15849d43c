package org.formbox.validation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Recognises the phone numbers senders write: a mainland mobile ({@code 138 0574 1234},
 * {@code +86-13805741234}) or a landline with area code ({@code 0574-87654321},
 * {@code (0574)87654321}, with an extension such as {@code 转123}, {@code -123} or {@code ext 123}).
 */
final class PhoneNumbers {

    /** Senders often give a landline and a mobile in one cell. */
    private static final Pattern SEPARATORS = Pattern.compile("[、,;/]|或");
    /** A label typed into the cell, e.g. 手机：, Tel: */
    private static final Pattern LEADING_LABEL = Pattern.compile("^[^0-9+(]*");
    private static final Pattern COUNTRY_CODE = Pattern.compile("^(\\+86|0086|86(?=1))");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EXTENSION =
            Pattern.compile("(?i)\\s*(转|分机|ext\\.?|x|-)\\s*\\d{1,6}$");
    /** Checked with spaces and dashes removed: 0574-87654321, 0574 8765 4321 and 057487654321 alike. */
    private static final Pattern LANDLINE = Pattern.compile("(\\(0\\d{2,3}\\)|0\\d{2,3})[2-9]\\d{6,7}");

    private PhoneNumbers() {
    }

    /** Whether at least one of the numbers in the answer is a valid mobile or landline. */
    static boolean anyValid(String answer) {
        // NFKC turns full-width digits, brackets, hyphens and separators into ASCII.
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        return Arrays.stream(SEPARATORS.split(text)).anyMatch(PhoneNumbers::valid);
    }

    private static boolean valid(String part) {
        String number = LEADING_LABEL.matcher(part.strip()).replaceFirst("");
        return mobile(number) || landline(number);
    }

    private static boolean mobile(String number) {
        String digits = number.replaceAll("[\\s-]", "");
        return MOBILE.matcher(COUNTRY_CODE.matcher(digits).replaceFirst("")).matches();
    }

    private static boolean landline(String number) {
        // A dash may split the local number (0574-8765-4321) or start an extension (0574-87654321-123).
        return landlineWithoutExtension(number)
                || landlineWithoutExtension(EXTENSION.matcher(number).replaceFirst(""));
    }

    private static boolean landlineWithoutExtension(String number) {
        String digits = number.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86") || digits.startsWith("0086")) {
            // +86 574 87654321: the area code loses its 0 after the country code.
            digits = "0" + digits.replaceFirst("^(\\+86|0086)0?", "");
        }
        return LANDLINE.matcher(digits).matches();
    }
}
