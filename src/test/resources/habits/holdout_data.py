# -*- coding: utf-8 -*-
"""Three more fictional enterprises, kept apart from the ones the readers are tuned on: the
hold-out scans and photos (make-holdout.sh) are filled from these only, so that their accuracy
says how the OCR reading does on forms it was never adjusted to.
"""
from habits_data import FORM

FORM["lq"] = dict(
    enterprise_name="宁波绿擎新能源科技有限公司", legal_representative="章国栋", ownership_type="民营",
    foreign_capital_ratio="0", industry="电气机械和器材制造业", region="鄞州区", registered_capital="8800",
    total_assets="47250", fixed_assets="19630", owners_equity="25480", land_area="53400", floor_area="41760",
    debt_to_asset_ratio="46.1%", employees_total="518", employees_junior_high_or_below="97",
    employees_college_or_above="304", rd_staff_ratio="18%", engineering_center="国家级", annual_rd_expense="2975",
    main_products="储能变流器、光伏逆变器", production_capacity="年产储能变流器3万台",
    core_equipment="自制、国产", core_technology_source="自主研发", patents="发明12项，实用新型46项",
    rd_conditions="国家级企业技术中心，电力电子实验室3500平方米",
    honors="浙江省名牌产品，宁波市重点工业新产品3项。", development_plan="建设储能系统智能制造基地；需要高压大功率器件封装技术。",
    industry_view="新型电力系统建设提速，储能装备需求持续增长。", proposed_projects="兆瓦级构网型储能变流器关键技术研发。",
    contact_name="邱美玲", contact_phone="0574-88239607", contact_email="qiuml@lvqing-energy.com",
    fin={"2014": ["36180", "31470", "2690", "1315"], "2015": ["41520", "37860", "3245", "1578"],
         "2016": ["47250", "43190", "3807", "1864"]},
)
FORM["dm"] = dict(
    enterprise_name="宁波东茂纺织服饰有限公司", legal_representative="陶建明", ownership_type="外商独资",
    foreign_capital_ratio="100%", industry="纺织服装、服饰业", region="奉化区", registered_capital="5200",
    total_assets="21940", fixed_assets="8370", owners_equity="13060", land_area="36800", floor_area="29450",
    debt_to_asset_ratio="40.5%", employees_total="1260", employees_junior_high_or_below="705",
    employees_college_or_above="148", rd_staff_ratio="6%", engineering_center="市级", annual_rd_expense="690",
    main_products="功能性针织面料、户外运动服装", production_capacity="年产针织服装450万件",
    core_equipment="进口", core_technology_source="合作开发", patents="发明2项，实用新型17项",
    rd_conditions="市级企业工程技术中心，面料检测室800平方米",
    honors="宁波市知名商标。", development_plan="建设数字化柔性生产车间；需要智能裁剪与吊挂系统集成技术。",
    industry_view="纺织服装向功能化和品牌化发展，小批量快反订单增加。", proposed_projects="功能性针织面料绿色印染关键技术研究。",
    contact_name="柴秀英", contact_phone="13805849216", contact_email="chaixy@dongmao-tex.cn",
    fin={"2014": ["18350", "27640", "1420", "865"], "2015": ["20110", "29980", "1587", "934"],
         "2016": ["21940", "32760", "1703", "1012"]},
)
FORM["sk"] = dict(
    enterprise_name="宁波视科光电股份有限公司", legal_representative="蒋一鸣", ownership_type="股份制",
    foreign_capital_ratio="8.5%", industry="计算机、通信和其他电子设备制造业", region="余姚市", registered_capital="15600",
    total_assets="68420", fixed_assets="31790", owners_equity="40150", land_area="62500", floor_area="70380",
    debt_to_asset_ratio="41.3%", employees_total="893", employees_junior_high_or_below="265",
    employees_college_or_above="412", rd_staff_ratio="15%", engineering_center="省级", annual_rd_expense="4360",
    main_products="车载光学镜头、红外热成像模组", production_capacity="年产光学镜头1200万颗",
    core_equipment="国产、进口", core_technology_source="引进消化吸收", patents="发明9项，实用新型58项",
    rd_conditions="省级高新技术企业研发中心，光学检测实验室2400平方米",
    honors="无", development_plan="扩建车载镜头自动化产线；需要非球面玻璃模压成型技术。",
    industry_view="智能驾驶带动车载光学需求快速增长，国产替代加速。", proposed_projects="高分辨率车载激光雷达光学系统研发及产业化。",
    contact_name="卢晓峰", contact_phone="0574-62719083", contact_email="luxf@shike-optics.com",
    fin={"2014": ["53870", "46290", "4125", "2236"], "2015": ["60740", "52810", "4690", "2518"],
         "2016": ["68420", "59370", "5236", "2847"]},
)
