# -*- coding: utf-8 -*-
"""Three fictional enterprises, new to the readers, and what a person reads from their forms.

FORM[x] holds the text a person types into each cell; EXPECTED(x) what a careful reader takes
from it (numbers in the field's unit). Fixtures of every habit are made from these.
"""

FORM = {}
FORM["gz"] = dict(
    enterprise_name="宁波港众智能装备股份有限公司", legal_representative="郑海波", ownership_type="股份制",
    foreign_capital_ratio="0", industry="专用设备制造业", region="北仑区", registered_capital="6500",
    total_assets="38600", fixed_assets="15200", owners_equity="21400", land_area="45000", floor_area="38000",
    debt_to_asset_ratio="44.6%", employees_total="360", employees_junior_high_or_below="82",
    employees_college_or_above="195", rd_staff_ratio="21%", engineering_center="省级", annual_rd_expense="1860",
    main_products="港口自动化装卸设备、智能堆垛机", production_capacity="年产智能装卸设备120台套",
    core_equipment="国产、进口", core_technology_source="自主研发", patents="发明7项，实用新型23项",
    rd_conditions="省级企业技术中心，研发用房2600平方米",
    honors="宁波市装备制造业首台（套）产品2项。", development_plan="建设智能港机数字化车间；需要远程运维与故障预测技术。",
    industry_view="港口自动化改造需求旺盛，国产设备替代进口空间大。", proposed_projects="集装箱码头自动化装卸成套装备研发及产业化。",
    contact_name="林晓燕", contact_phone="0574-86112345", contact_email="linxy@gangzhong-zb.com",
    fin={"2014": ["30100", "26500", "2110", "980"], "2015": ["34200", "29800", "2460", "1130"],
         "2016": ["38600", "33900", "2890", "1270"]},
)
FORM["hx"] = dict(
    enterprise_name="宁波海曦生物医药科技有限公司", legal_representative="俞文静", ownership_type="民营",
    foreign_capital_ratio="0", industry="医药制造业", region="宁波高新区", registered_capital="3000",
    total_assets="15800", fixed_assets="6400", owners_equity="9900", land_area="12000", floor_area="16500",
    debt_to_asset_ratio="37.3%", employees_total="185", employees_junior_high_or_below="20",
    employees_college_or_above="142", rd_staff_ratio="35%", engineering_center="市级", annual_rd_expense="1320",
    main_products="体外诊断试剂、化学发光分析仪", production_capacity="年产诊断试剂800万人份",
    core_equipment="进口", core_technology_source="合作开发", patents="发明4项，实用新型9项",
    rd_conditions="市级工程技术中心，GMP洁净车间2000平方米",
    honors="无", development_plan="扩大化学发光试剂产能；需要高灵敏标记抗体制备技术。",
    industry_view="基层医疗检测需求快速增长，高端试剂仍依赖进口。", proposed_projects="高通量化学发光免疫分析系统研发。",
    contact_name="何俊", contact_phone="13906617788", contact_email="hejun@haixi-bio.cn",
    fin={"2014": ["11200", "9300", "860", "410"], "2015": ["13400", "11800", "1050", "520"],
         "2016": ["15800", "14100", "1290", "630"]},
)
FORM["yt"] = dict(
    enterprise_name="宁波甬泰汽车零部件有限公司", legal_representative="孙立军", ownership_type="中外合资",
    foreign_capital_ratio="25%", industry="汽车制造业", region="杭州湾新区", registered_capital="12000",
    total_assets="56300", fixed_assets="28700", owners_equity="30100", land_area="80000", floor_area="62000",
    debt_to_asset_ratio="46.5%", employees_total="640", employees_junior_high_or_below="210",
    employees_college_or_above="260", rd_staff_ratio="12%", engineering_center="自设", annual_rd_expense="2480",
    main_products="新能源汽车电驱壳体、轻量化底盘件", production_capacity="年产电驱壳体60万件",
    core_equipment="自制、进口", core_technology_source="引进消化吸收", patents="发明3项，实用新型31项",
    rd_conditions="企业研发中心，试验检测中心1800平方米",
    honors="浙江名牌产品。", development_plan="建设一体化压铸生产线；需要大型薄壁件压铸工艺。",
    industry_view="新能源汽车轻量化带动铝合金结构件需求，行业集中度将提高。", proposed_projects="新能源汽车一体化压铸底盘件关键技术。",
    contact_name="金晨", contact_phone="0574-63021188", contact_email="jinchen@yongtai-auto.com",
    fin={"2014": ["44800", "52100", "3120", "1650"], "2015": ["50200", "58700", "3560", "1820"],
         "2016": ["56300", "64900", "4010", "2040"]},
)

ROWS = ["total_assets", "industrial_sales_revenue", "industrial_profit", "taxes_paid"]
NUMERIC = {"foreign_capital_ratio", "registered_capital", "total_assets", "fixed_assets", "owners_equity", "land_area",
           "floor_area", "debt_to_asset_ratio", "employees_total", "employees_junior_high_or_below",
           "employees_college_or_above", "rd_staff_ratio", "annual_rd_expense"}


def number(text):
    t = text.replace("%", "").replace(",", "")
    v = float(t)
    return int(v) if v == int(v) else v


def expected(x, habit, blank=(), override=None):
    """What a person reads: every Annex 2 field; `blank` fields left empty by the sender."""
    f = FORM[x]
    out = {"annex": "ANNEX_2", "habit": habit}
    for k, v in f.items():
        if k in ("fin", "patents"):
            continue
        out[k] = None if k in blank else (number(v) if k in NUMERIC else v)
    inv, um = f["patents"].replace("发明", "").replace("实用新型", "").replace("项", "").split("，")
    out["patents_invention"] = int(inv)
    out["patents_utility_model"] = int(um)
    for year, vals in f["fin"].items():
        for row, v in zip(ROWS, vals):
            out["financials.%s.%s" % (year, row)] = number(v)
    out.update(override or {})
    return out
