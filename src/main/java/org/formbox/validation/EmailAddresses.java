package org.formbox.validation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Recognises the e-mail addresses senders write, one or several in a cell, with a label typed before. */
final class EmailAddresses {

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[、,;/\\s]+");
    /** A label typed into the cell, e.g. 邮箱： */
    private static final Pattern LEADING_LABEL = Pattern.compile("^[^A-Za-z0-9._%+-]+");

    private EmailAddresses() {
    }

    /** Whether at least one of the addresses in the answer is valid. */
    static boolean anyValid(String answer) {
        // NFKC turns a full-width ＠ or letters typed with a Chinese input method into ASCII.
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).replaceFirst("(?i)^mailto:", "");
        return Arrays.stream(SEPARATORS.split(text.strip()))
                .map(part -> LEADING_LABEL.matcher(part).replaceFirst(""))
                .anyMatch(part -> ADDRESS.matcher(part).matches());
    }
}
