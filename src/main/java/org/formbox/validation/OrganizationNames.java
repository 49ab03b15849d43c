package org.formbox.validation;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Decides whether two spellings name the same organisation. Senders shorten names and mix
 * bracket widths, so spacing, brackets and the legal-form suffix are ignored, and a name that
 * contains the other (宁波甬新精密 within 宁波甬新精密机械有限公司), provided it has four characters at least counts as the same.
 */
final class OrganizationNames {

    private static final Pattern NOISE = Pattern.compile("[\\s()\\[\\]【】〔〕<>《》\"'“”]");
    private static final Pattern LEGAL_FORM = Pattern.compile("(股份有限公司|有限责任公司|有限公司|集团公司|公司)$");

    private static final int MIN_FRAGMENT = 4;

    private OrganizationNames() {
    }

    static boolean same(String one, String other) {
        String a = comparable(one);
        String b = comparable(other);
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        // A fragment as short as 宁波 would match any local company; four characters name one.
        return shorter.equals(longer) || (shorter.length() >= MIN_FRAGMENT && longer.contains(shorter));
    }

    private static String comparable(String name) {
        String text = NOISE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
        return LEGAL_FORM.matcher(text).replaceFirst("");
    }
}
