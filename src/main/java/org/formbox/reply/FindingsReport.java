package org.formbox.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.submission.SubmissionView.FindingView;

/**
 * The findings a reply tells, as the sender needs them: overridden ones left out (and the missing
 * forms, which the headline tells), one sentence per
 * cell and cause (the same rule on the same cells, or the same sentence, is told once; a warning
 * on cells that already carry an error of the same rule is left out, and so is a warning that only
 * follows from a value written in yuan, which A2-UNITS already tells), and the list of the call's 专项
 * beside a programme that is missing or not one of them.
 *
 * @param errors           what must be corrected
 * @param warnings         what to confirm
 * @param annexesToResend  which annexes the errors are in, as the next steps name them
 */
record FindingsReport(List<String> errors, List<String> warnings, String annexesToResend) {

    /** The programmes of the active call, told beside a programme that is missing or not one of them. */
    static String programmes() {
        List<String> all = FieldCatalog.programmes();
        return "本次征集的" + all.size() + "个专项为：" + String.join("、", all) + "。";
    }

    /** Whether the definition asks the reply to list the programmes after this rule's message ({@code list-programmes}). */
    private static boolean listsProgrammes(String rule) {
        return FieldCatalog.definition().rules().stream().anyMatch(r -> r.id().equals(rule) && r.listProgrammes());
    }

    static FindingsReport of(List<FindingView> findings) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        Set<String> messages = new LinkedHashSet<>();
        Set<Annex> annexes = new java.util.HashSet<>();
        // a value in yuan instead of 万元 also trips the rules that compare it: the unit is the one cause
        Set<String> wrongUnit = new java.util.HashSet<>();
        findings.stream().filter(f -> "A2-UNITS".equals(f.rule()) && f.overriddenBy() == null)
                .forEach(f -> wrongUnit.addAll(f.fields()));
        for (FindingView f : findings) {
            if ("warning".equals(f.severity()) && !"A2-UNITS".equals(f.rule())
                    && f.fields().stream().anyMatch(wrongUnit::contains)) {
                continue;
            }
            if (f.overriddenBy() != null || "MAIL-NO-FORM".equals(f.rule()) || !messages.add(f.message())) {
                // a mail without forms is told so in the headline, with what to do in the next steps
                continue;
            }
            String cause = f.rule() + "|" + String.join(",", new TreeSet<>(f.fields()));
            String text = listsProgrammes(f.rule()) ? f.message() + programmes() : f.message();
            if ("error".equals(f.severity())) {
                errors.putIfAbsent(cause, text);
                f.fields().stream().map(FieldCatalog::byKey).flatMap(java.util.Optional::stream).map(FieldDef::annex)
                        .forEach(annexes::add);
            } else if (!errors.containsKey(cause)) {
                warnings.putIfAbsent(cause, text);
            }
        }
        return new FindingsReport(new ArrayList<>(errors.values()), new ArrayList<>(warnings.values()), names(annexes));
    }

    /** The forms named, in annex order: 附件1, 附件1和附件2, 附件1、附件2和附件3; else 表格. */
    private static String names(Set<Annex> annexes) {
        List<String> names = FieldCatalog.forms().stream().filter(f -> annexes.contains(f.annex()))
                .map(org.formbox.forms.FormDef::shortName).toList();
        return names.isEmpty() ? "表格" : org.formbox.forms.FormNames.listed(names, "和");
    }
}
