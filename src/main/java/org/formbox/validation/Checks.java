package org.formbox.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;

/**
 * Checks a whole submission against the rules of the active call (docs/FORMS.md): the rules
 * every field's definition implies (required, readable as its type), then the call's audit
 * formulas ({@link AuditFormulas}), then what a reading left unsure.
 *
 * <p>Plain Java and stateless, so one instance may be shared; it follows the active definition
 * ({@link FieldCatalog#definition()}) at each check. Findings come back errors first, then
 * warnings, each in form order (the mail, the surveys, the proposal). When a sender attaches the same
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
            FormDef form = FieldCatalog.form(document.annex()).orElse(null);
            if (form == null) {
                continue;
            }
            Answers answers = new Answers(document.fields());
            List<Finding> own = new ArrayList<>();
            before(form).forEach(r -> r.check(form, answers, own));
            formulas.check(form.annex().name(), answers, own);
            after(form).forEach(r -> r.check(form, answers, own));
            ReadingRules.ticks(form, document, own);
            List<Finding> kept = ReadingRules.withoutErrorsOnUnsure(document, own);
            findings.addAll(ReadingRules.scanned(document) ? ReadingRules.forScan(form, document, kept) : kept);
        }
        findings.addAll(CrossAnnexRules.check(documents));
        List<Finding> distinct = new ArrayList<>(new LinkedHashSet<>(findings));
        distinct.sort(FindingOrder.ORDER);
        return List.copyOf(distinct);
    }

    private List<DocumentRules> before(FormDef form) {
        return form.kind().equals("proposal") ? proposalRules : surveyRules;
    }

    private List<DocumentRules> after(FormDef form) {
        return form.kind().equals("proposal") ? proposalRulesAfter : List.of();
    }
}
