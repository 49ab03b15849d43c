package org.formbox.validation;

import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;

/** The outline of Annex 1, section by section as the definition lists them: A1-SECTION-MISSING and A1-SECTION-THIN. */
final class ProposalSectionRules implements DocumentRules {

    @Override
    public void check(FormDef form, Answers a, List<Finding> findings) {
        int thinBelow = form.thinBelow();
        for (FieldDef section : form.outline() == null ? List.<FieldDef>of() : form.outline().sections()) {
            String text = a.text(section.key());
            if (text == null) {
                findings.add(Finding.error("A1-SECTION-MISSING", form.shortName() + "缺少“" + section.shortLabel()
                        + "”部分或该部分内容为空，请补充。", section.key()));
                continue;
            }
            // Whitespace excluded: a section padded with blank lines is still thin.
            String content = text.replaceAll("\\s", "");
            int length = content.codePointCount(0, content.length());
            if (length < thinBelow) {
                findings.add(Finding.warning("A1-SECTION-THIN", form.shortName() + "“" + section.shortLabel() + "”部分仅有"
                        + length + "个字，内容较少，请确认是否完整。", section.key()));
            }
        }
    }
}
