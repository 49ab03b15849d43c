package org.formbox.extraction;

import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldValue;

/**
 * Decides what a readable document is by what it contains: Annex 2 when enough survey labels are
 * present (answered or not), Annex 1 when enough outline headings are; the stronger wins when both.
 */
final class FormClassifier {

    /** Survey labels (of 37 incl. the yearly rows) needed to call a document Annex 2. */
    static final int MIN_SURVEY_LABELS = 8;
    /** Outline sections (of 15) needed to call a document Annex 1. */
    static final int MIN_SECTIONS = 5;

    private final SurveyReader survey = new SurveyReader();
    private final ProposalReader proposal = new ProposalReader();

    ReadDocument classify(DocumentContent content) {
        FieldCollector a2 = survey.read(content);
        ProposalReader.Proposal a1 = proposal.read(content);
        double surveyShare = a2.labelsSeen() >= MIN_SURVEY_LABELS
                ? (double) a2.labelsSeen() / (FieldCatalog.surveyFields().size() + FieldCatalog.FINANCIAL_ROWS.size()) : 0;
        double proposalShare = a1.sectionsFound() >= MIN_SECTIONS
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
