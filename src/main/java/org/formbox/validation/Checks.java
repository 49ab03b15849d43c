package org.formbox.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;

/**
 * Checks a whole submission against the rules of the active call (docs/FORMS.md): the rules
 * every field's definition implies (required, readable as its type), then the call's audit
 * formulas ({@link AuditFormulas}), then what a reading left unsure.
 *
 * <p>Plain Java and stateless, so one instance may be shared; it follows the active definition
 * ({@link FieldCatalog#definition()}) at each check. Findings come back errors first, then
 * warnings, each in form order (the mail, Annex 2, Annex 1). When a sender attaches the same
 * annex twice, identical findings are reported once.
 */
public final class Checks {

    private final List<DocumentRules> surveyRules = List.of(new SurveyCompletenessRules());
    private final List<DocumentRules> proposalRules = List.of(new ProposalSectionRules());
    private final List<DocumentRules> proposalRulesAfter = List.of(new ProposalFigureRules());

    /** The findings for all documents of one submission; empty when everything is in order. */
    public List<Finding> check(List<CheckedDocument> documents) {
        AuditFormulas formulas = AuditFormulas.of(FieldCatalog.definition());
        List<Finding> findings = new ArrayList<>(MailRules.check(documents));
        for (CheckedDocument document : documents) {
            String kind = FieldCatalog.form(document.annex()).map(FormDef::kind).orElse(null);
            if (kind == null) {
                continue;
            }
            Answers answers = new Answers(document.fields());
            List<Finding> own = new ArrayList<>();
            before(document.annex()).forEach(r -> r.check(answers, own));
            formulas.check(kind, answers, own);
            after(document.annex()).forEach(r -> r.check(answers, own));
            ReadingRules.ticks(document, own);
            List<Finding> kept = ReadingRules.withoutErrorsOnUnsure(document, own);
            findings.addAll(ReadingRules.scanned(document) ? ReadingRules.forScan(document, kept) : kept);
        }
        findings.addAll(CrossAnnexRules.check(documents));
        List<Finding> distinct = new ArrayList<>(new LinkedHashSet<>(findings));
        distinct.sort(FindingOrder.ORDER);
        return List.copyOf(distinct);
    }

    private List<DocumentRules> before(Annex annex) {
        return switch (annex) {
            case ANNEX_2 -> surveyRules;
            case ANNEX_1 -> proposalRules;
            default -> List.of();
        };
    }

    private List<DocumentRules> after(Annex annex) {
        return annex == Annex.ANNEX_1 ? proposalRulesAfter : List.of();
    }
}
