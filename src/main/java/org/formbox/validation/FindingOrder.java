package org.formbox.validation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;

/**
 * Errors before warnings, each in the order the forms print the fields: the sender can then work
 * through the reply top to bottom with the form beside it.
 */
final class FindingOrder {

    private static final Map<String, Integer> POSITIONS = positions();

    /** Findings without fields (about the mail itself) come first; ties keep the order of the rules. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparingInt(FindingOrder::position);

    private FindingOrder() {
    }

    private static int position(Finding finding) {
        if (finding.fields().isEmpty()) {
            return -1;
        }
        return POSITIONS.getOrDefault(finding.fields().get(0), Integer.MAX_VALUE);
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        List<FieldDef> all = FieldCatalog.all();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).key(), i);
        }
        return positions;
    }
}
