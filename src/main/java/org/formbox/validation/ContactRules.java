package org.formbox.validation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The contact of Annex 2, through whom staff follow up: A2-PHONE and A2-EMAIL. */
final class ContactRules implements DocumentRules {

    private static final String PHONE = "contact_phone";
    private static final String EMAIL = "contact_email";
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[、,;/\\s]+");
    /** A label typed into the cell, e.g. 邮箱： */
    private static final Pattern LEADING_LABEL = Pattern.compile("^[^A-Za-z0-9._%+-]+");

    @Override
    public void check(Answers a, List<Finding> findings) {
        String phone = a.text(PHONE);
        if (phone != null && !PhoneNumbers.anyValid(phone)) {
            findings.add(Finding.error("A2-PHONE", "“" + Answers.label(PHONE) + "”（" + phone
                    + "）不是有效的手机号或带区号的固话号码，请更正。", PHONE));
        }
        String email = a.text(EMAIL);
        if (email != null && !anyValidAddress(email)) {
            findings.add(Finding.error("A2-EMAIL", "“" + Answers.label(EMAIL) + "”（" + email
                    + "）不是有效的电子邮箱地址，请更正。", EMAIL));
        }
    }

    private static boolean anyValidAddress(String answer) {
        // NFKC turns a full-width ＠ or letters typed with a Chinese input method into ASCII.
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).replaceFirst("(?i)^mailto:", "");
        return Arrays.stream(SEPARATORS.split(text.strip()))
                .map(part -> LEADING_LABEL.matcher(part).replaceFirst(""))
                .anyMatch(part -> ADDRESS.matcher(part).matches());
    }
}
