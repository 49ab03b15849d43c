package org.formbox.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.formbox.export.Labels;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.submission.SubmissionView.Detail;

/**
 * What changed from one version of an enterprise's submission to the next.
 *
 * @param from    the earlier version
 * @param to      the later version
 * @param status  "需更正 → 已受理" when the status changed, else blank
 * @param changes the fields whose values differ
 */
record VersionChanges(Detail from, Detail to, String status, List<Change> changes) {

    /**
     * One changed field.
     *
     * @param key    the field key
     * @param label  its label
     * @param before the earlier value, or blank
     * @param after  the later value, or blank
     */
    record Change(String key, String label, String before, String after) {
    }

    /** The changes between each pair of consecutive versions, the newest pair first. */
    static List<VersionChanges> between(List<Detail> versions) {
        List<VersionChanges> all = new ArrayList<>();
        for (int i = versions.size() - 1; i > 0; i--) {
            all.add(of(versions.get(i - 1), versions.get(i)));
        }
        return all;
    }

    static VersionChanges of(Detail from, Detail to) {
        Map<String, Object> before = DocumentRows.values(from.documents());
        Map<String, Object> after = DocumentRows.values(to.documents());
        Set<String> keys = new LinkedHashSet<>();
        FieldCatalog.all().forEach(f -> keys.add(f.key()));
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            String b = DocumentRows.format(before.get(key));
            String a = DocumentRows.format(after.get(key));
            if (!Objects.equals(b, a)) {
                changes.add(new Change(key, FieldCatalog.byKey(key).map(FieldDef::label).orElse(key), b, a));
            }
        }
        String status = Objects.equals(from.status(), to.status()) ? ""
                : Labels.status(from.status()) + " → " + Labels.status(to.status());
        return new VersionChanges(from, to, status, changes);
    }
}
