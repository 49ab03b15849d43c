package org.formbox.validation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;

/** A survey form, field by field: A2-REQUIRED, A2-FORMAT, A2-PERCENT-RANGE, A2-UNITS (the ids of every survey form). */
final class SurveyCompletenessRules implements DocumentRules {

    /** Beyond this a money value was almost surely typed in 元: no enterprise here has 1000亿元. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("10000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);


    @Override
    public void check(org.formbox.forms.FormDef form, Answers answers, List<Finding> findings) {
        for (FieldDef field : FieldCatalog.answerFields(form)) {
            String key = field.key();
            if (answers.blank(key)) {
                if (field.required()) {
                    findings.add(Finding.error("A2-REQUIRED",
                            form.shortName() + "中“" + field.shortLabel() + "”未填写，请补充。", key));
                }
            } else if (field.type().numeric()) {
                checkNumber(form, answers, field, findings);
            }
        }
    }

    private void checkNumber(org.formbox.forms.FormDef form, Answers answers, FieldDef field, List<Finding> findings) {
        String key = field.key();
        BigDecimal number = answers.number(key);
        if (number == null) {
            String text = answers.text(key);
            // the call's none-answers are answers (zero or none), not blanks: a reader that left one
            // without a number must not make the sender "correct" it
            if (!FieldCatalog.noneAnswers().contains(Normalizer.normalize(text, Normalizer.Form.NFKC).strip())) {
                findings.add(Finding.error("A2-FORMAT", form.shortName() + "中“" + field.shortLabel() + "”填写的“" + text
                        + "”无法识别为" + expected(field.type()) + "。", key));
            }
        } else if (field.type() == FieldType.PERCENT
                && (number.signum() < 0 || number.compareTo(HUNDRED) > 0)) {
            findings.add(Finding.error("A2-PERCENT-RANGE",
                    answers.quote(key) + "不在0%至100%之间，请更正。", key));
        } else if (field.type() == FieldType.MONEY && number.compareTo(MONEY_LIMIT) > 0) {
            findings.add(Finding.warning("A2-UNITS", answers.quote(key)
                    + "数额异常大，可能是按“元”填写的，请确认并以“万元”为单位填写。", key));
        }
    }

    private static String expected(FieldType type) {
        return switch (type) {
            case MONEY -> "金额，请填写以万元为单位的数字";
            case PERCENT -> "百分比，请填写0至100之间的数字，如35%";
            case AREA -> "面积，请填写以平方米为单位的数字";
            default -> "数量，请填写数字";
        };
    }
}
