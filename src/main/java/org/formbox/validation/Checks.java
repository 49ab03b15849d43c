package org.formbox.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.formbox.forms.Annex;

/**
 * Checks a whole submission against the rules of FORMS.md.
 *
 * <p>Plain Java and stateless, so one instance may be shared. Findings come back errors first,
 * then warnings, each in form order (the mail, Annex 2, Annex 1). When a sender attaches the same
 * annex twice, identical findings are reported once.
 */
public final class Checks {

    private final List<DocumentRules> surveyRules = List.of(new SurveyCompletenessRules(),
            new SurveyBalanceRules(), new SurveyYearlyRules(), new SurveyAnswerRules(), new ContactRules());

    private final List<DocumentRules> proposalRules = List.of(new ProposalSectionRules(),
            new ProposalFundingRules());

    /** The findings for all documents of one submission; empty when everything is in order. */
    public List<Finding> check(List<CheckedDocument> documents) {
        List<Finding> findings = new ArrayList<>(MailRules.check(documents));
        for (CheckedDocument document : documents) {
            List<Finding> own = new ArrayList<>();
            for (DocumentRules rules : rulesFor(document.annex())) {
                rules.check(new Answers(document.fields()), own);
            }
            ReadingRules.ticks(document, own);
            own = ReadingRules.withoutErrorsOnUnsure(document, own);
            findings.addAll(ReadingRules.scanned(document) ? ReadingRules.forScan(document, own) : own);
        }
        findings.addAll(CrossAnnexRules.check(documents));
        List<Finding> distinct = new ArrayList<>(new LinkedHashSet<>(findings));
        distinct.sort(FindingOrder.ORDER);
        return List.copyOf(distinct);
    }

    private List<DocumentRules> rulesFor(Annex annex) {
        return switch (annex) {
            case ANNEX_2 -> surveyRules;
            case ANNEX_1 -> proposalRules;
            default -> List.of();
        };
    }
}
