package org.formbox.validation;

import java.text.Normalizer;
import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;

/** The outline of Annex 1: A1-SECTION-MISSING, A1-SECTION-THIN and A1-PROGRAMME. */
final class ProposalSectionRules implements DocumentRules {

    private static final int THIN_BELOW = 30;
    private static final String PROGRAMME = "programme";

    @Override
    public void check(Answers a, List<Finding> findings) {
        for (FieldDef section : FieldCatalog.sections()) {
            String text = a.text(section.key());
            if (text == null) {
                findings.add(Finding.error("A1-SECTION-MISSING", "附件1缺少“" + section.shortLabel()
                        + "”部分或该部分内容为空，请补充。", section.key()));
                continue;
            }
            // Whitespace excluded: a section padded with blank lines is still thin.
            String content = text.replaceAll("\\s", "");
            int length = content.codePointCount(0, content.length());
            if (length < THIN_BELOW) {
                findings.add(Finding.warning("A1-SECTION-THIN", "附件1“" + section.shortLabel() + "”部分仅有"
                        + length + "个字，内容较少，请确认是否完整。", section.key()));
            }
        }
        checkProgramme(a.text(PROGRAMME), findings);
    }

    private void checkProgramme(String programme, List<Finding> findings) {
        if (programme == null) {
            findings.add(Finding.warning("A1-PROGRAMME",
                    "附件1未写明所属专项，请注明属于本次征集13个专项中的哪一个。", PROGRAMME));
        } else if (FieldCatalog.PROGRAMMES.stream().noneMatch(p -> comparable(programme).contains(comparable(p)))) {
            findings.add(Finding.warning("A1-PROGRAMME", "附件1的所属专项（" + programme
                    + "）不是本次征集的13个专项之一，请确认。", PROGRAMME));
        }
    }

    /**
     * Containment tolerates surrounding words (关键基础零部件专项); dropping the joining words
     * tolerates 高档数控机床和机器人 or 智能芯片与基础软件.
     */
    private static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s与和及、]", "");
    }
}
