package org.formbox.validation;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;

/**
 * Decides whether two spellings name the same organisation. Senders mix bracket widths, add the
 * city (the call definition's region prefixes: 宁波市, 浙江省宁波市 …), list partners after the
 * lead (X（牵头）、浙江大学) and shorten names (甬新精密 for 宁波甬新精密机械有限公司), so spacing,
 * brackets, the city, the partners and the legal-form suffix are ignored, and a shortened name
 * found inside the other counts as the same. Two full legal names that differ
 * (…新材料科技股份有限公司 and …新材料有限公司) are different companies.
 */
public final class OrganizationNames {

    private static final Pattern NOISE = Pattern.compile("[\\s()\\[\\]【】〔〕<>《》\"'“”]");
    private static final Pattern LEGAL_FORM = Pattern.compile("(股份有限公司|有限责任公司|有限公司|集团公司|公司)$");

    private static final Pattern PARTNERS = Pattern.compile("[、,，;；/]|联合");
    private static final Pattern LEAD_MARK = Pattern.compile("[(（]\\s*牵头(单位)?\\s*[)）]");

    private static final int MIN_FRAGMENT = 4;

    private OrganizationNames() {
    }

    /** Whether the two names designate the same organisation. */
    public static boolean same(String one, String other) {
        String first = lead(one);
        String second = lead(other);
        String a = comparable(first);
        String b = comparable(second);
        if (a.equals(b)) {
            return true;
        }
        boolean aShorter = a.length() <= b.length();
        String shorter = aShorter ? a : b;
        String longer = aShorter ? b : a;
        boolean shortenedName = !LEGAL_FORM.matcher(cleaned(aShorter ? first : second)).find();
        // A fragment as short as 宁波 would match any local company; four characters name one.
        return shortenedName && shorter.length() >= MIN_FRAGMENT && longer.contains(shorter);
    }

    /** The lead organisation of a list such as 宁波甬新精密机械有限公司（牵头）、浙江大学. */
    private static String lead(String name) {
        String first = PARTNERS.split(Normalizer.normalize(name, Normalizer.Form.NFKC).strip(), 2)[0];
        return LEAD_MARK.matcher(first).replaceAll("");
    }

    private static String cleaned(String name) {
        return NOISE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
    }

    private static String comparable(String name) {
        String text = LEGAL_FORM.matcher(cleaned(name)).replaceFirst("");
        String city = FieldCatalog.definition().regions().prefixes().stream().filter(text::startsWith)
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
        return text.substring(city.length());
    }
}
