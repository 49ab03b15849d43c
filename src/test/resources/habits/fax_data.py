# -*- coding: utf-8 -*-
"""Two more fictional enterprises for the fax set (make-faxes.sh, folder fax/): made after the
OCR of faxes was last changed and never used to adjust it, only to score it, like the hold-out.
"""
from habits_data import FORM

FORM["jr"] = dict(
    enterprise_name="宁波金润精密轴承有限公司", legal_representative="傅志强", ownership_type="民营",
    foreign_capital_ratio="0", industry="通用设备制造业", region="象山县", registered_capital="4600",
    total_assets="29870", fixed_assets="13420", owners_equity="17350", land_area="41200", floor_area="33650",
    debt_to_asset_ratio="41.9%", employees_total="476", employees_junior_high_or_below="158",
    employees_college_or_above="187", rd_staff_ratio="13%", engineering_center="市级", annual_rd_expense="1185",
    main_products="精密圆锥滚子轴承、风电主轴轴承", production_capacity="年产精密轴承650万套",
    core_equipment="国产", core_technology_source="自主研发", patents="发明5项，实用新型28项",
    rd_conditions="市级企业工程技术中心，轴承寿命试验室1200平方米",
    honors="宁波市专精特新企业。", development_plan="建设轴承磨加工智能生产线；需要超精研磨与在线检测技术。",
    industry_view="风电和工程机械带动高端轴承需求，进口替代空间较大。", proposed_projects="大兆瓦风电主轴轴承设计与制造关键技术研究。",
    contact_name="严丽君", contact_phone="0574-65182730", contact_email="yanlj@jinrun-bearing.com",
    fin={"2014": ["23640", "28150", "1860", "942"], "2015": ["26910", "31480", "2137", "1069"],
         "2016": ["29870", "35260", "2415", "1183"]},
)
FORM["tf"] = dict(
    enterprise_name="宁波天帆海洋工程装备股份有限公司", legal_representative="应海涛", ownership_type="中外合资",
    foreign_capital_ratio="32%", industry="铁路、船舶、航空航天和其他运输设备制造业", region="北仑区",
    registered_capital="18500", total_assets="83640", fixed_assets="41270", owners_equity="46820",
    land_area="95300", floor_area="58740", debt_to_asset_ratio="44.0%", employees_total="1135",
    employees_junior_high_or_below="392", employees_college_or_above="428", rd_staff_ratio="11%",
    engineering_center="省级", annual_rd_expense="3960", main_products="海上风电安装平台、船用甲板机械",
    production_capacity="年产船用甲板机械800台套", core_equipment="自制、进口", core_technology_source="合作开发",
    patents="发明11项，实用新型39项", rd_conditions="省级企业研究院，海工装备试验场地5000平方米",
    honors="浙江省隐形冠军企业，宁波市制造业单项冠军。", development_plan="扩建海工装备总装基地；需要深远海浮式平台系泊技术。",
    industry_view="海上风电向深远海发展，安装和运维装备需求持续增加。", proposed_projects="深远海漂浮式风电安装平台关键技术研发。",
    contact_name="潘静怡", contact_phone="13968207541", contact_email="panjy@tianfan-marine.cn",
    fin={"2014": ["65180", "57920", "3870", "2314"], "2015": ["74350", "66480", "4425", "2596"],
         "2016": ["83640", "75130", "5068", "2871"]},
)
