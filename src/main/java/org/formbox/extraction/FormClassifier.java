package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.CallDefinition;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldValue;
import org.formbox.forms.FormDef;

/**
 * Decides what a readable document is by what it contains: a survey form when enough of its labels
 * are present (answered or not), the proposal when enough outline headings are; of the forms that
 * qualify, the one with the largest share of its labels or sections present wins.
 */
final class FormClassifier {

    private final ProposalReader proposal = new ProposalReader();
    private volatile Surveys surveys;

    /** The survey readers of one definition, built once for it. */
    private record Surveys(CallDefinition definition, List<FormDef> forms, List<SurveyReader> readers) {
    }

    ReadDocument classify(DocumentContent content) {
        Surveys s = surveys();
        Annex best = Annex.OTHER;
        Map<String, FieldValue> fields = Map.of();
        double bestShare = 0;
        // the thresholds are the definition's min-labels (of a survey's labels incl. the yearly rows)
        // and min-sections (of the outline's sections)
        for (int i = 0; i < s.forms().size(); i++) {
            FormDef form = s.forms().get(i);
            FieldCollector read = s.readers().get(i).read(content);
            int labels = form.fields().size() + (form.table() == null ? 0 : form.table().rows().size());
            double share = read.labelsSeen() >= form.minLabels() ? (double) read.labelsSeen() / labels : 0;
            if (share > bestShare) {
                best = form.annex();
                bestShare = share;
                fields = read.values();
            }
        }
        FormDef outline = FieldCatalog.proposal().orElse(null);
        if (outline != null) {
            ProposalReader.Proposal a1 = proposal.read(content);
            double share = a1.sectionsFound() >= outline.minSections()
                    ? (double) a1.sectionsFound() / FieldCatalog.sections().size() : 0;
            if (share > bestShare) {
                return new ReadDocument(outline.annex(), a1.fields(), null);
            }
        }
        return new ReadDocument(best, fields, null);
    }

    private Surveys surveys() {
        CallDefinition definition = FieldCatalog.definition();
        Surveys s = surveys;
        if (s == null || s.definition() != definition) {
            List<FormDef> forms = definition.formsOfKind("survey");
            List<SurveyReader> readers = new ArrayList<>();
            forms.forEach(f -> readers.add(new SurveyReader(f)));
            s = new Surveys(definition, forms, List.copyOf(readers));
            surveys = s;
        }
        return s;
    }
}
