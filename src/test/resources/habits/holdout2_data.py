# -*- coding: utf-8 -*-
"""Three more fictional enterprises for the second hold-out set of scans and photos
(make-holdout2.sh, folder holdout2/; kept beside the folder, as the report reads every file in
it): made after the OCR reading was last changed and never used to adjust it, only to score how
it does on forms and damage it has not seen.
"""
from habits_data import FORM

FORM["hw"] = dict(
    enterprise_name="宁波瀚威化工新材料有限公司", legal_representative="戚永康", ownership_type="民营",
    foreign_capital_ratio="0", industry="化学原料和化学制品制造业", region="镇海区", registered_capital="9600",
    total_assets="52380", fixed_assets="27150", owners_equity="29640", land_area="68200", floor_area="39850",
    debt_to_asset_ratio="43.4%", employees_total="436", employees_junior_high_or_below="118",
    employees_college_or_above="221", rd_staff_ratio="14.7%", engineering_center="省级", annual_rd_expense="2140",
    main_products="特种环氧树脂、聚烯烃弹性体", production_capacity="年产特种环氧树脂5万吨",
    core_equipment="国产、进口", core_technology_source="自主研发", patents="发明14项，实用新型22项",
    rd_conditions="省级企业研究院，中试基地3200平方米",
    honors="浙江制造认证产品2项，宁波市重点工业新产品1项。",
    development_plan="建设电子级环氧树脂生产线；需要高纯单体精馏与杂质控制技术。",
    industry_view="新能源和电子封装带动高端树脂需求，低端产能过剩。", proposed_projects="电子封装用低氯环氧树脂制备关键技术研究。",
    contact_name="毛丽娟", contact_phone="0574-86503172", contact_email="maolj@hanwei-chem.com",
    fin={"2014": ["41760", "38420", "3015", "1587"], "2015": ["46930", "44150", "3472", "1796"],
         "2016": ["52380", "49870", "3946", "2031"]},
)
FORM["zl"] = dict(
    enterprise_name="宁波泽联精密塑胶有限公司", legal_representative="胡承宗", ownership_type="中外合资",
    foreign_capital_ratio="22.5%", industry="橡胶和塑料制品业", region="慈溪市", registered_capital="3800",
    total_assets="24760", fixed_assets="11380", owners_equity="14290", land_area="30600", floor_area="27940",
    debt_to_asset_ratio="42.3%", employees_total="612", employees_junior_high_or_below="236",
    employees_college_or_above="153", rd_staff_ratio="9.6%", engineering_center="市级", annual_rd_expense="865",
    main_products="家电精密注塑件、汽车内饰塑料件", production_capacity="年产精密注塑件8000万件",
    core_equipment="进口", core_technology_source="合作开发", patents="发明3项，实用新型26项",
    rd_conditions="市级企业工程技术中心，模流分析与检测室900平方米",
    honors="宁波市名牌产品。", development_plan="建设注塑车间集中供料与无人化改造；需要薄壁件快速成型与模温控制技术。",
    industry_view="家电和汽车轻量化推动工程塑料替代金属，订单向头部企业集中。",
    proposed_projects="汽车内饰件低气味免喷涂材料成型技术研发。",
    contact_name="施晓雯", contact_phone="13858213406", contact_email="shixw@zelian-plastic.cn",
    fin={"2014": ["19830", "27450", "1265", "743"], "2015": ["22190", "30380", "1418", "826"],
         "2016": ["24760", "33920", "1597", "918"]},
)
FORM["bq"] = dict(
    enterprise_name="宁波百奇文教用品股份有限公司", legal_representative="葛伟民", ownership_type="股份制",
    foreign_capital_ratio="4.5%", industry="文教、工美、体育和娱乐用品制造业", region="宁海县", registered_capital="7200",
    total_assets="33570", fixed_assets="14820", owners_equity="20460", land_area="47800", floor_area="52630",
    debt_to_asset_ratio="39.1%", employees_total="1048", employees_junior_high_or_below="512",
    employees_college_or_above="197", rd_staff_ratio="7.5%", engineering_center="自设", annual_rd_expense="1240",
    main_products="办公文具、学生书写工具", production_capacity="年产中性笔2.6亿支",
    core_equipment="自制、国产", core_technology_source="引进消化吸收", patents="发明1项，实用新型35项",
    rd_conditions="企业研发中心，产品设计与检测中心1500平方米",
    honors="浙江省著名商标，宁波市重点工业新产品2项。", development_plan="建设文具智能仓储物流中心；需要笔头精密加工与墨水配方技术。",
    industry_view="文具消费向个性化和品牌化升级，跨境电商带来新的增长。", proposed_projects="高端中性笔笔头精密制造与墨水国产化研究。",
    contact_name="邬春燕", contact_phone="0574-65297418", contact_email="wucy@baiqi-stationery.com",
    fin={"2014": ["27940", "36280", "2160", "1124"], "2015": ["30810", "40150", "2395", "1236"],
         "2016": ["33570", "44630", "2648", "1371"]},
)
