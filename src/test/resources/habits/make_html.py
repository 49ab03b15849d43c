# -*- coding: utf-8 -*-
"""Writes the HTML sources of habits that LibreOffice then turns into PDF, and mail bodies:
an enterprise's own layout (序号 | 项目 | 填报内容, a yearly table without a 单位 column), a
borderless table, and the survey pasted into an HTML mail.

python3 make_html.py OUTDIR
"""
import json
import os
import sys
from html import escape

from habits_data import FORM, expected

LABELS = [("enterprise_name", "企业名称"), ("legal_representative", "法人代表"), ("ownership_type", "所有制类型"),
          ("foreign_capital_ratio", "外资比例"), ("industry", "所属行业"), ("region", "所属地区"),
          ("registered_capital", "注册资金（万元）"), ("total_assets", "总资产（万元）"), ("fixed_assets", "固定资产（万元）"),
          ("owners_equity", "所有者权益（万元）"), ("land_area", "占地面积（M2）"), ("floor_area", "建筑面积（M2）"),
          ("debt_to_asset_ratio", "资产负债率"), ("employees_total", "职工总人数（人）"),
          ("employees_junior_high_or_below", "其中初中及以下（人）"), ("employees_college_or_above", "其中大专及以上（人）"),
          ("rd_staff_ratio", "研发人员占比"), ("engineering_center", "工程技术中心（省级、市级或自设）"),
          ("annual_rd_expense", "年度研发经费投入（万元）"), ("main_products", "主要产品"), ("production_capacity", "生产能力"),
          ("core_equipment", "核心装备（自制、国产、进口）"), ("core_technology_source", "核心技术来源"),
          ("patents", "授权专利数（发明/实用新型）"), ("rd_conditions", "研发条件"),
          ("honors", "获名牌/商标/免检产品、市级重点工业新产品、装备制造业首台（套）产品情况"),
          ("development_plan", "企业未来发展设想及技术需求"), ("industry_view", "企业对该行业领域技术发展和市场的看法与判断"),
          ("proposed_projects", "企业拟申请的市重大专项项目建议"), ("contact_name", "联系人"), ("contact_phone", "联系电话"),
          ("contact_email", "电子邮箱")]
ROW_LABELS = ["资产总额", "工业销售收入", "工业利润总额", "工业实交税金"]
STYLE = ('<style>body{font-family:"Noto Sans CJK SC";font-size:10pt} td,th{font-family:"Noto Sans CJK SC";'
         'font-size:10pt;padding:2pt 6pt}</style>')


def own_layout(f, unit_column=False, border=True, size=10):
    """序号 | 项目 | 填报内容, then the yearly table, with or without a 单位 column."""
    b = ' border="1" cellspacing="0"' if border else ' border="0" cellspacing="0"'
    rows = ["<tr><th>序号</th><th>项目</th><th>填报内容</th></tr>"]
    for i, (key, label) in enumerate(LABELS, 1):
        rows.append("<tr><td>%d</td><td>%s</td><td>%s</td></tr>" % (i, escape(label), escape(f[key])))
    head = "<tr><th>指标（万元）</th>%s<th>2014年</th><th>2015年</th><th>2016年</th></tr>" % (
        "<th>单位</th>" if unit_column else "")
    yearly = [head] + ["<tr><td>%s</td>%s%s</tr>" % (label, "<td>万元</td>" if unit_column else "",
                                                    "".join("<td>%s</td>" % f["fin"][y][i] for y in ("2014", "2015", "2016")))
                       for i, label in enumerate(ROW_LABELS)]
    return ("<html><head><meta charset='utf-8'>%s</head><body><p>附件2 行业重点企业基本情况调查表</p>"
            "<table%s width='100%%'>%s</table><p>近三年主要经济指标</p><table%s width='80%%'>%s</table>"
            "<p>填报日期：2017年3月</p></body></html>") % (STYLE.replace("10pt", "%dpt" % size), b, "".join(rows), b,
                                                        "".join(yearly))


def side_by_side(f):
    """Label | value | label | value without borders, as a typed-up form without ruling lines."""
    rows = []
    pairs = [(k, l) for k, l in LABELS if k not in ("honors", "development_plan", "industry_view", "proposed_projects")]
    for i in range(0, len(pairs), 2):
        cells = "".join("<td width='22%%'>%s</td><td width='28%%'>%s</td>" % (escape(l), escape(f[k]))
                        for k, l in pairs[i:i + 2])
        rows.append("<tr>%s</tr>" % cells)
    longs = "".join("<p>%s：%s</p>" % (escape(l), escape(f[k])) for k, l in LABELS
                    if k in ("honors", "development_plan", "industry_view", "proposed_projects"))
    yearly = ["<tr><td></td><td>单位</td><td>2014年</td><td>2015年</td><td>2016年</td></tr>"] + [
        "<tr><td>%s</td><td>万元</td>%s</tr>" % (label, "".join("<td>%s</td>" % f["fin"][y][i] for y in ("2014", "2015", "2016")))
        for i, label in enumerate(ROW_LABELS)]
    return ("<html><head><meta charset='utf-8'>%s</head><body><p>行业重点企业基本情况调查表</p>"
            "<table border='0' cellspacing='0' width='100%%'>%s</table>%s"
            "<table border='0' cellspacing='0' width='90%%'>%s</table></body></html>") % (
        STYLE, "".join(rows), longs, "".join(yearly))


def main(out):
    src = os.path.join(out, "src")
    exp = os.path.join(out, "docs", "expected")
    os.makedirs(src, exist_ok=True)
    os.makedirs(exp, exist_ok=True)
    pages = {
        "pdf-own-layout-hx": (own_layout(FORM["hx"]), expected("hx", "pdf-tables")),
        "pdf-own-layout-unit-gz": (own_layout(FORM["gz"], unit_column=True), expected("gz", "pdf-tables")),
        "pdf-borderless-yt": (side_by_side(FORM["yt"]), expected("yt", "pdf-tables")),
        # the same layouts as forms pasted into a mail body
        "mail-body-hx": (own_layout(FORM["hx"]), expected("hx", "mail-bodies")),
        "mail-body-yt": (side_by_side(FORM["yt"]), expected("yt", "mail-bodies")),
    }
    for name, (html, e) in pages.items():
        with open(os.path.join(src, name + ".html"), "w", encoding="utf-8") as fh:
            fh.write(html)
        with open(os.path.join(exp, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(e, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
