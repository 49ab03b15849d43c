package org.formbox.validation;

import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.Role;

/** A1-FIGURES-UNREAD: the figures a proposal is expected to state (fields marked {@code expected}) were not found. */
final class ProposalFigureRules implements DocumentRules {

    @Override
    public void check(org.formbox.forms.FormDef form, Answers a, List<Finding> findings) {
        List<String> missing = form.fields().stream().filter(FieldDef::expected).map(FieldDef::key)
                .filter(key -> a.number(key) == null).toList();
        if (!missing.isEmpty()) {
            String labels = String.join("和", missing.stream().map(Answers::label).toList());
            String where = FieldCatalog.role(Role.BUDGET_SECTION).map(Answers::label).map(s -> "在“" + s + "”部分").orElse("");
            findings.add(Finding.warning("A1-FIGURES-UNREAD", "未能在" + form.shortName() + "中找到" + labels
                    + "的金额，请" + where + "写明（单位：万元）。", missing.toArray(String[]::new)));
        }
    }
}
