package org.formbox.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Unreadable;

/**
 * A submission that passes every check: a complete Annex 2 and Annex 1 of one enterprise. Each
 * test alters a value or two and looks at what the checks say.
 */
final class SampleSubmission {

    private static final String LONG_TEXT = "本项目面向宁波市关键基础零部件产业需求，围绕高精度轴承开展材料、工艺与检测技术攻关，形成自主可控能力。";

    private final Map<String, FieldValue> survey = new LinkedHashMap<>();
    private final Map<String, FieldValue> proposal = new LinkedHashMap<>();
    private final List<CheckedDocument> extra = new ArrayList<>();
    private boolean withSurvey = true;
    private boolean withProposal = true;

    private SampleSubmission() {
        surveyValues("enterprise_name", "宁波甬新精密机械有限公司", "legal_representative", "王建国",
                "ownership_type", "民营", "foreign_capital_ratio", "0", "industry", "通用设备制造业",
                "region", "鄞州区", "registered_capital", "5000", "total_assets", "18000", "fixed_assets", "9000",
                "owners_equity", "9000", "land_area", "20000", "floor_area", "30000", "debt_to_asset_ratio", "50",
                "employees_total", "320", "employees_junior_high_or_below", "100",
                "employees_college_or_above", "150", "rd_staff_ratio", "15", "engineering_center", "市级",
                "annual_rd_expense", "800", "main_products", "精密轴承", "production_capacity", "年产500万套",
                "core_equipment", "进口磨床、国产热处理线", "core_technology_source", "自主研发",
                "patents_invention", "5", "patents_utility_model", "12", "rd_conditions", "市级工程技术中心",
                "contact_name", "李明", "contact_phone", "0574-87654321", "contact_email", "liming@yongxin.com.cn");
        yearly("2014", "15000", "20000", "1500", "900");
        yearly("2015", "16500", "22000", "1800", "1000");
        yearly("2016", "18000", "24000", "2000", "1100");
        for (FieldDef section : FieldCatalog.sections()) {
            proposal.put(section.key(), FieldValue.text(section.key(), LONG_TEXT, LONG_TEXT));
        }
        proposalValues("project_name", "高精度轴承关键技术研发及产业化", "programme", "关键基础零部件",
                "lead_organization", "宁波甬新精密机械有限公司", "total_budget", "3000", "requested_funding", "800",
                "self_raised_funding", "2200", "subproject_count", "1", "duration_years", "3");
    }

    /** Both annexes, complete and consistent. */
    static SampleSubmission complete() {
        return new SampleSubmission();
    }

    /** Sets an Annex 2 value as the sender typed it; a numeric field gets a number when it is one. */
    SampleSubmission survey(String key, String text) {
        survey.put(key, value(key, text));
        return this;
    }

    /** Sets an Annex 1 value as the sender typed it. */
    SampleSubmission proposal(String key, String text) {
        proposal.put(key, value(key, text));
        return this;
    }

    /** Leaves an Annex 2 field out, as a reader does for an empty cell. */
    SampleSubmission withoutSurvey(String key) {
        survey.remove(key);
        return this;
    }

    /** Leaves an Annex 1 value out, as a reader does when the proposal does not state it. */
    SampleSubmission withoutProposal(String key) {
        proposal.remove(key);
        return this;
    }

    SampleSubmission noSurvey() {
        withSurvey = false;
        return this;
    }

    SampleSubmission noProposal() {
        withProposal = false;
        return this;
    }

    SampleSubmission attachment(String filename, Annex annex) {
        extra.add(new CheckedDocument(filename, annex, Map.of(), null));
        return this;
    }

    SampleSubmission unreadable(String filename, Unreadable why) {
        extra.add(new CheckedDocument(filename, Annex.UNREADABLE, Map.of(), why));
        return this;
    }

    /** The complete Annex 2 values on their own. */
    static Map<String, FieldValue> surveyValues() {
        return new LinkedHashMap<>(new SampleSubmission().survey);
    }

    List<CheckedDocument> documents() {
        List<CheckedDocument> documents = new ArrayList<>();
        if (withSurvey) {
            documents.add(new CheckedDocument("附件2 企业基本情况调查表.docx", Annex.valueOf("ANNEX_2"), survey, null));
        }
        if (withProposal) {
            documents.add(new CheckedDocument("附件1 项目实施方案.docx", Annex.valueOf("ANNEX_1"), proposal, null));
        }
        documents.addAll(extra);
        return documents;
    }

    /** Every finding of the submission. */
    List<Finding> check() {
        return new Checks().check(documents());
    }

    /** The findings of one rule. */
    List<Finding> findings(String rule) {
        return check().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private void surveyValues(String... keysAndTexts) {
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            survey(keysAndTexts[i], keysAndTexts[i + 1]);
        }
    }

    private void proposalValues(String... keysAndTexts) {
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            proposal(keysAndTexts[i], keysAndTexts[i + 1]);
        }
    }

    private void yearly(String year, String assets, String sales, String profit, String taxes) {
        survey(FieldCatalog.financialKey(year, "total_assets"), assets);
        survey(FieldCatalog.financialKey(year, "industrial_sales_revenue"), sales);
        survey(FieldCatalog.financialKey(year, "industrial_profit"), profit);
        survey(FieldCatalog.financialKey(year, "taxes_paid"), taxes);
    }

    /** What a reader makes of the text: the number in the field's unit, or null if it is none. */
    private static FieldValue value(String key, String text) {
        boolean numeric = FieldCatalog.byKey(key).map(f -> f.type().numeric()).orElse(false);
        if (!numeric) {
            return FieldValue.text(key, text, text);
        }
        try {
            return FieldValue.number(key, new BigDecimal(text), text);
        } catch (NumberFormatException notANumber) {
            return new FieldValue(key, text, null, text);
        }
    }
}
