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

    /** Findings without fields (about the mail itself) come first; ties keep the order of the rules. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparingInt(FindingOrder::position);

    private FindingOrder() {
    }

    private static int position(Finding finding) {
        if (finding.fields().isEmpty()) {
            return -1;
        }
        return positions().getOrDefault(finding.fields().get(0), Integer.MAX_VALUE);
    }

    /** The positions in the active call, computed once per definition. */
    private static Map<String, Integer> positions() {
        List<FieldDef> all = FieldCatalog.all();
        Cached cached = cache;
        if (cached == null || cached.fields() != all) {
            cached = new Cached(all, index(all));
            cache = cached;
        }
        return cached.positions();
    }

    private record Cached(List<FieldDef> fields, Map<String, Integer> positions) {
    }

    private static volatile Cached cache;

    private static Map<String, Integer> index(List<FieldDef> all) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).key(), i);
        }
        return positions;
    }
}
