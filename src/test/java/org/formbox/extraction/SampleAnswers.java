package org.formbox.extraction;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.formbox.forms.FieldCatalog;

/** One enterprise's answers, as text to type into a form and as the numbers the reader should find. */
final class SampleAnswers {

    private SampleAnswers() {
    }

    /** Field key → text typed into the form (the patent pair under {@code patents}). */
    static Map<String, String> typed() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("enterprise_name", "宁波甬信精密机械有限公司");
        a.put("legal_representative", "王建国");
        a.put("ownership_type", "民营");
        a.put("foreign_capital_ratio", "0");
        a.put("industry", "通用设备制造业");
        a.put("region", "鄞州区");
        a.put("registered_capital", "5,000");
        a.put("total_assets", "0.8亿元");
        a.put("fixed_assets", "３２００万元");
        a.put("owners_equity", "4800");
        a.put("land_area", "18亩");
        a.put("floor_area", "1.5万平方米");
        a.put("debt_to_asset_ratio", "40%");
        a.put("employees_total", "320人");
        a.put("employees_junior_high_or_below", "一百二十");
        a.put("employees_college_or_above", "95");
        a.put("rd_staff_ratio", "0.15");
        a.put("engineering_center", "市级");
        a.put("annual_rd_expense", "650万元");
        a.put("main_products", "高精度滚动轴承");
        a.put("production_capacity", "年产轴承800万套");
        a.put("core_equipment", "进口");
        a.put("core_technology_source", "自主研发");
        a.put("patents", "发明5项，实用新型12项");
        a.put("rd_conditions", "省级企业研究院，检测中心面积1200平方米");
        a.put("honors", "浙江名牌产品，宁波市装备制造业首台（套）产品");
        a.put("development_plan", "扩大高端轴承产能，突破长寿命设计技术");
        a.put("industry_view", "国产替代空间大，高端市场仍由国外企业主导");
        a.put("proposed_projects", "高速精密轴承关键技术研发及产业化");
        a.put("contact_name", "李明");
        a.put("contact_phone", "0574-87654321");
        a.put("contact_email", "liming@yongxin.example.cn");
        int i = 0;
        for (String year : FieldCatalog.YEARS) {
            a.put(FieldCatalog.financialKey(year, "total_assets"), String.valueOf(7000 + 500 * i));
            a.put(FieldCatalog.financialKey(year, "industrial_sales_revenue"), String.valueOf(9000 + 1000 * i));
            a.put(FieldCatalog.financialKey(year, "industrial_profit"), String.valueOf(800 + 100 * i));
            a.put(FieldCatalog.financialKey(year, "taxes_paid"), String.valueOf(300 + 20 * i));
            i++;
        }
        return a;
    }

    /** Field key → the value the reader should give: a number for numeric fields, else the text. */
    static Map<String, Object> expected() {
        Map<String, Object> e = new LinkedHashMap<>();
        typed().forEach((k, v) -> {
            if (!k.equals("patents")) {
                e.put(k, FieldCatalog.byKey(k).orElseThrow().type().numeric() ? null : v);
            }
        });
        e.put("foreign_capital_ratio", new BigDecimal("0"));
        e.put("registered_capital", new BigDecimal("5000"));
        e.put("total_assets", new BigDecimal("8000"));
        e.put("fixed_assets", new BigDecimal("3200"));
        e.put("owners_equity", new BigDecimal("4800"));
        e.put("land_area", new BigDecimal("12000.06"));
        e.put("floor_area", new BigDecimal("15000"));
        e.put("debt_to_asset_ratio", new BigDecimal("40"));
        e.put("employees_total", new BigDecimal("320"));
        e.put("employees_junior_high_or_below", new BigDecimal("120"));
        e.put("employees_college_or_above", new BigDecimal("95"));
        e.put("rd_staff_ratio", new BigDecimal("15"));
        e.put("annual_rd_expense", new BigDecimal("650"));
        e.put("patents_invention", new BigDecimal("5"));
        e.put("patents_utility_model", new BigDecimal("12"));
        typed().forEach((k, v) -> {
            if (k.startsWith("financials.")) {
                e.put(k, new BigDecimal(v));
            }
        });
        return e;
    }
}
