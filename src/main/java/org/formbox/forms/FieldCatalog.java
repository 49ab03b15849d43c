package org.formbox.forms;

import static org.formbox.forms.Annex.ANNEX_1;
import static org.formbox.forms.Annex.ANNEX_2;
import static org.formbox.forms.FieldType.AREA;
import static org.formbox.forms.FieldType.COUNT;
import static org.formbox.forms.FieldType.MONEY;
import static org.formbox.forms.FieldType.PERCENT;
import static org.formbox.forms.FieldType.TEXT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every field of FORMS.md, in the order the forms print them. */
public final class FieldCatalog {

    /** The years of the yearly table of Annex 2. */
    public static final List<String> YEARS = List.of("2014", "2015", "2016");

    /** Ownership types the survey table offers. */
    public static final List<String> OWNERSHIP_TYPES =
            List.of("国有", "集体", "民营", "私营", "股份制", "外商独资", "中外合资", "港澳台", "其他");

    /** Answers the engineering-centre cell offers. */
    public static final List<String> ENGINEERING_CENTRES = List.of("国家级", "省级", "市级", "自设", "无");

    /** The districts, counties and zones of Ningbo. */
    public static final List<String> REGIONS = List.of("海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区",
            "余姚市", "慈溪市", "宁海县", "象山县", "宁波高新区", "杭州湾新区", "宁波保税区", "大榭开发区",
            "梅山保税港区", "东钱湖旅游度假区");

    /** The 13 programmes (专项) of the call. */
    public static final List<String> PROGRAMMES = List.of("高端精细化工", "关键基础零部件", "新型磁性材料与器件",
            "高性能金属材料", "海洋新材料", "先进碳材料", "高档数控机床与机器人", "智能芯片及基础软件",
            "智能信息设施及产品", "清洁能源与装备", "高性能诊疗设备", "新能源汽车", "第三代半导体");

    private static final List<FieldDef> SURVEY = List.of(
            a2("enterprise_name", "企业名称", TEXT, true, "单位名称", "企业全称"),
            a2("legal_representative", "法人代表", TEXT, true, "法定代表人"),
            a2("ownership_type", "所有制类型", TEXT, true, "企业性质", "所有制性质"),
            a2("foreign_capital_ratio", "外资比例", PERCENT, true, "外资占比"),
            a2("industry", "所属行业", TEXT, true, "行业"),
            a2("region", "所属地区", TEXT, true, "所在地区", "所属区域"),
            a2("registered_capital", "注册资金（万元）", MONEY, true, "注册资本"),
            a2("total_assets", "总资产（万元）", MONEY, true),
            a2("fixed_assets", "固定资产（万元）", MONEY, true),
            a2("owners_equity", "所有者权益（万元）", MONEY, true, "净资产"),
            a2("land_area", "占地面积（M2）", AREA, true),
            a2("floor_area", "建筑面积（M2）", AREA, true),
            a2("debt_to_asset_ratio", "资产负债率", PERCENT, true),
            a2("employees_total", "职工总人数（人）", COUNT, true, "职工人数", "员工总数"),
            a2("employees_junior_high_or_below", "其中初中及以下（人）", COUNT, true, "初中及以下"),
            a2("employees_college_or_above", "其中大专及以上（人）", COUNT, true, "大专及以上"),
            a2("rd_staff_ratio", "研发人员占比", PERCENT, true, "研发人员比例"),
            a2("engineering_center", "工程技术中心（省级、市级或自设）", TEXT, true, "工程技术中心", "研发中心级别"),
            a2("annual_rd_expense", "年度研发经费投入（万元）", MONEY, true, "研发经费投入", "年度研发投入"),
            a2("main_products", "主要产品", TEXT, true),
            a2("production_capacity", "生产能力", TEXT, true, "产能"),
            a2("core_equipment", "核心装备（自制、国产、进口）", TEXT, true, "核心装备"),
            a2("core_technology_source", "核心技术来源", TEXT, true),
            a2("patents_invention", "授权专利数 — 发明", COUNT, true, "发明专利"),
            a2("patents_utility_model", "授权专利数 — 实用新型", COUNT, true, "实用新型专利"),
            a2("rd_conditions", "研发条件", TEXT, true),
            a2("honors", "获名牌/商标/免检产品、市级重点工业新产品、装备制造业首台（套）产品情况", TEXT, false,
                    "获名牌/商标/免检产品"),
            a2("development_plan", "企业未来发展设想及技术需求", TEXT, false),
            a2("industry_view", "企业对该行业领域技术发展和市场的看法与判断", TEXT, false),
            a2("proposed_projects", "企业拟申请的市重大专项项目建议", TEXT, false),
            a2("contact_name", "联系人", TEXT, true, "联系人姓名", "项目联系人"),
            a2("contact_phone", "电话", TEXT, true, "联系电话", "手机", "手机号码", "联系手机", "电话号码", "办公电话"),
            a2("contact_email", "邮箱", TEXT, true, "电子邮箱", "E-mail", "Email", "电子信箱", "电子邮件", "邮件地址"));

    /** Row keys and labels of the yearly table. */
    public static final Map<String, String> FINANCIAL_ROWS = orderedMap(
            "total_assets", "资产总额",
            "industrial_sales_revenue", "工业销售收入",
            "industrial_profit", "工业利润总额",
            "taxes_paid", "工业实交税金");

    private static final List<FieldDef> SECTIONS = List.of(
            a1("background.trends", "结合国家重大需求，分析国内外发展趋势", TEXT, true, "国内外发展趋势"),
            a1("background.local_base", "宁波相关产业基础与需求分析", TEXT, true, "产业基础与需求"),
            a1("background.significance", "开展该项目的意义", TEXT, true, "项目的意义", "项目意义"),
            a1("plan.objectives", "项目目标", TEXT, true),
            a1("plan.content_and_targets", "主要研究开发内容以及考核目标（包含技术指标）", TEXT, true,
                    "主要研究开发内容", "研究开发内容", "考核目标"),
            a1("plan.roadmap", "技术路线图", TEXT, true, "技术路线"),
            a1("management.organization", "项目组织模式", TEXT, true, "组织模式"),
            a1("management.budget", "经费投入概算及筹措", TEXT, true, "经费投入概算", "经费概算"),
            a1("management.evaluation", "指标完成评价方法与考核依据", TEXT, true, "评价方法", "考核依据"),
            a1("management.annual_plan", "年度推进计划", TEXT, true, "年度计划"),
            a1("foundation.research", "已有研究基础", TEXT, true),
            a1("foundation.conditions", "已有工作条件与技术优势", TEXT, true, "工作条件", "技术优势"),
            a1("outcomes.common_technology", "关键共性技术", TEXT, true),
            a1("outcomes.disruptive_technology", "颠覆性技术", TEXT, true),
            a1("outcomes.frontier_technology", "前瞻性技术", TEXT, true));

    private static final List<FieldDef> PROJECT_FACTS = List.of(
            a1("project_name", "项目名称", TEXT, false),
            a1("programme", "所属专项", TEXT, false, "专项名称", "专项"),
            a1("lead_organization", "牵头单位", TEXT, false, "申报单位", "承担单位"),
            a1("total_budget", "总投资", MONEY, false, "总经费", "项目总投资"),
            a1("requested_funding", "申请市财政资助", MONEY, false, "财政经费", "申请财政资助", "市财政资助"),
            a1("self_raised_funding", "自筹经费", MONEY, false, "企业自筹", "自筹"),
            a1("subproject_count", "课题数", COUNT, false, "课题数量"),
            a1("duration_years", "实施期", COUNT, false, "实施年限", "实施周期", "实施期限", "项目周期", "项目实施期",
                    "实施时间", "项目期限"));

    private static final Map<String, FieldDef> BY_KEY = index();

    private FieldCatalog() {
    }

    /** The single-value fields of the survey table, in form order (the yearly table excluded). */
    public static List<FieldDef> surveyFields() {
        return SURVEY;
    }

    /** The 12 cells of the yearly table, year by year. */
    public static List<FieldDef> financialCells() {
        List<FieldDef> cells = new ArrayList<>();
        for (String year : YEARS) {
            FINANCIAL_ROWS.forEach((row, label) -> cells.add(new FieldDef(financialKey(year, row),
                    year + "年" + label + "（万元）", MONEY, true, ANNEX_2, List.of())));
        }
        return cells;
    }

    /** Every Annex 2 field: the survey fields, then the yearly cells. */
    public static List<FieldDef> annex2Fields() {
        List<FieldDef> all = new ArrayList<>(SURVEY);
        all.addAll(financialCells());
        return Collections.unmodifiableList(all);
    }

    /** The 15 sections of the Annex 1 outline. */
    public static List<FieldDef> sections() {
        return SECTIONS;
    }

    /** The project facts an Annex 1 states somewhere. */
    public static List<FieldDef> projectFacts() {
        return PROJECT_FACTS;
    }

    /** Every field of both annexes, Annex 2 first. */
    public static List<FieldDef> all() {
        return List.copyOf(BY_KEY.values());
    }

    /** The field with this key. */
    public static Optional<FieldDef> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The key of one cell of the yearly table, e.g. {@code financials.2016.total_assets}. */
    public static String financialKey(String year, String row) {
        return "financials." + year + "." + row;
    }

    private static FieldDef a2(String key, String label, FieldType type, boolean required, String... aliases) {
        return new FieldDef(key, label, type, required, ANNEX_2, List.of(aliases));
    }

    private static FieldDef a1(String key, String label, FieldType type, boolean required, String... aliases) {
        return new FieldDef(key, label, type, required, ANNEX_1, List.of(aliases));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, FieldDef> index() {
        Map<String, FieldDef> map = new LinkedHashMap<>();
        annex2Fields().forEach(f -> map.put(f.key(), f));
        SECTIONS.forEach(f -> map.put(f.key(), f));
        PROJECT_FACTS.forEach(f -> map.put(f.key(), f));
        return Collections.unmodifiableMap(map);
    }
}
