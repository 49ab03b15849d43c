package org.formbox.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.ValueSource;
import org.formbox.submission.SubmissionView;
import org.formbox.submission.SubmissionView.Document;
import org.formbox.submission.SubmissionView.FindingView;

/** The submission page's table of one document: each field's value beside its raw text and findings. */
final class DocumentRows {

    private DocumentRows() {
    }

    /**
     * One field of a document.
     *
     * @param key      the field key
     * @param label    its label
     * @param value    the value read, formatted, or blank
     * @param raw      the text as the document had it
     * @param findings the findings naming this field
     * @param severity {@code error}, {@code warning} or blank: the strongest standing finding
     */
    record Row(String key, String label, String value, String raw, List<FindingView> findings, String severity,
               String source, String confidence, boolean review) {
    }

    /** The rows of a read annex: every catalog field of that annex, then any other key read. */
    static List<Row> of(Document doc, List<FindingView> findings) {
        Set<String> keys = new LinkedHashSet<>();
        FieldCatalog.form(doc.annex()).ifPresent(form -> {
            FieldCatalog.answerFields(form).forEach(f -> keys.add(f.key()));
            if (form.outline() != null) {
                form.outline().sections().forEach(f -> keys.add(f.key()));
            }
        });
        keys.addAll(doc.fields().keySet());
        keys.addAll(doc.raw().keySet());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            List<FindingView> mine = findings.stream().filter(f -> f.fields().contains(key)).toList();
            SubmissionView.Provenance p = doc.provenance() == null ? null : doc.provenance().get(key);
            rows.add(new Row(key, FieldCatalog.byKey(key).map(FieldDef::label).orElse(key), withUnit(key, doc.fields().get(key)),
                    doc.raw().getOrDefault(key, ""), mine, severity(mine), sourceLabel(p),
                    p == null || p.confidence() == null ? "" : Math.round(p.confidence() * 100) + "%",
                    p != null && p.needsReview()));
        }
        return rows;
    }

    /** The Chinese word for where a value came from, blank when not recorded. */
    static String sourceLabel(SubmissionView.Provenance p) {
        if (p == null) {
            return "";
        }
        try {
            return ValueSource.valueOf(p.source()).label();
        } catch (IllegalArgumentException e) {
            return p.source();
        }
    }

    /** Whether the document was read as an annex, so that it has a table of fields. */
    static boolean read(Document doc) {
        return doc.annex() != null && FieldCatalog.form(doc.annex()).isPresent();
    }

    /** A number with its unit, unless the label already names it (总资产（万元）). */
    static String withUnit(String key, Object value) {
        String text = format(value);
        if (!(value instanceof BigDecimal)) {
            return text;
        }
        return FieldCatalog.byKey(key)
                .filter(def -> !def.displayUnit().isEmpty() && !def.label().contains("（" + def.displayUnit()))
                .map(def -> text + def.displayUnit()).orElse(text);
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }

    private static String severity(List<FindingView> findings) {
        List<FindingView> standing = findings.stream().filter(f -> f.overriddenBy() == null).toList();
        if (standing.stream().anyMatch(f -> "error".equals(f.severity()))) {
            return "error";
        }
        return standing.isEmpty() ? (findings.isEmpty() ? "" : "overridden") : "warning";
    }

    /** The documents' values merged, the first document's value winning: what versions are compared on. */
    static Map<String, Object> values(List<Document> documents) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        documents.forEach(d -> d.fields().forEach(values::putIfAbsent));
        return values;
    }
}
