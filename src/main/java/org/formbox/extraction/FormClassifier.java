package org.formbox.extraction;

import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldValue;
import org.formbox.forms.FormDef;

/**
 * Decides what a readable document is by what it contains: Annex 2 when enough survey labels are
 * present (answered or not), Annex 1 when enough outline headings are; the stronger wins when both.
 */
final class FormClassifier {

    private final SurveyReader survey = new SurveyReader();
    private final ProposalReader proposal = new ProposalReader();

    ReadDocument classify(DocumentContent content) {
        FieldCollector a2 = survey.read(content);
        ProposalReader.Proposal a1 = proposal.read(content);
        // the thresholds are the definition's min-labels (of the survey's labels incl. the yearly rows)
        // and min-sections (of the outline's sections)
        int minLabels = FieldCatalog.survey().map(FormDef::minLabels).orElse(Integer.MAX_VALUE);
        int minSections = FieldCatalog.proposal().map(FormDef::minSections).orElse(Integer.MAX_VALUE);
        double surveyShare = a2.labelsSeen() >= minLabels
                ? (double) a2.labelsSeen() / (FieldCatalog.surveyFields().size() + FieldCatalog.financialRows().size()) : 0;
        double proposalShare = a1.sectionsFound() >= minSections
                ? (double) a1.sectionsFound() / FieldCatalog.sections().size() : 0;
        if (surveyShare == 0 && proposalShare == 0) {
            return new ReadDocument(Annex.OTHER, Map.of(), null);
        }
        if (surveyShare >= proposalShare) {
            return new ReadDocument(Annex.ANNEX_2, a2.values(), null);
        }
        return new ReadDocument(Annex.ANNEX_1, a1.fields(), null);
    }
}
