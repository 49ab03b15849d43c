# -*- coding: utf-8 -*-
"""Builds the sample submissions. Called by make-samples.sh; python3 stdlib only.

  python3 samples.py html BUILD      write the HTML sources of every form into BUILD/w (Writer)
                                     and BUILD/c (Calc)
  python3 samples.py mail BUILD      write docs/, expected/ and the *.eml files from the converted
                                     documents in BUILD/out
  python3 samples.py findings        print the findings each sample document should raise
"""
import base64
import hashlib
import html
import io
import json
import os
import re
import shutil
import struct
import sys
import zipfile
import zlib
from datetime import datetime, timedelta, timezone
from email import encoders
from email.header import Header
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.generator import BytesGenerator
from email.utils import format_datetime

from samples_data import A1, A2

HERE = os.path.dirname(os.path.abspath(__file__))
E = html.escape

REGIONS = ["海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县",
           "宁波高新区", "杭州湾新区", "宁波保税区", "大榭开发区", "梅山保税港区", "东钱湖旅游度假区"]
PROGRAMMES = ["高端精细化工", "关键基础零部件", "新型磁性材料与器件", "高性能金属材料", "海洋新材料", "先进碳材料",
              "高档数控机床与机器人", "智能芯片及基础软件", "智能信息设施及产品", "清洁能源与装备", "高性能诊疗设备",
              "新能源汽车", "第三代半导体"]
YEARS = ["2014", "2015", "2016"]
FIN_ROWS = [("total_assets", "资产总额"), ("industrial_sales_revenue", "工业销售收入"),
            ("industrial_profit", "工业利润总额"), ("taxes_paid", "工业实交税金")]
MONEY = {"registered_capital", "total_assets", "fixed_assets", "owners_equity", "annual_rd_expense"}
PERCENT = {"foreign_capital_ratio", "debt_to_asset_ratio", "rd_staff_ratio"}
COUNT = {"employees_total", "employees_junior_high_or_below", "employees_college_or_above"}
AREA = {"land_area", "floor_area"}
A2_KEYS = ["enterprise_name", "legal_representative", "ownership_type", "foreign_capital_ratio", "industry",
           "region", "registered_capital", "total_assets", "fixed_assets", "owners_equity", "land_area",
           "floor_area", "debt_to_asset_ratio", "employees_total", "employees_junior_high_or_below",
           "employees_college_or_above", "rd_staff_ratio", "engineering_center", "annual_rd_expense",
           "main_products", "production_capacity", "core_equipment", "core_technology_source",
           "patents_invention", "patents_utility_model", "rd_conditions", "honors", "development_plan",
           "industry_view", "proposed_projects", "contact_name", "contact_phone", "contact_email"]
OPTIONAL = {"honors", "development_plan", "industry_view", "proposed_projects"}

# ---------------------------------------------------------------- normalising (for expected/)

FW = str.maketrans("０１２３４５６７８９．，％／", "0123456789.,%/")
NONE_ANSWERS = {"无", "/", "—", "-", "－", "——"}


def _clean(v):
    return round(v, 2) if abs(v - round(v)) > 1e-9 else int(round(v))


def norm(kind, raw):
    if raw is None or raw.strip() == "":
        return None
    s = raw.strip().translate(FW).replace(",", "").replace(" ", "")
    if s in NONE_ANSWERS:
        return 0
    if kind == "money":
        for suf, f in (("亿元", 10000), ("亿", 10000), ("万元", 1), ("万", 1), ("元", 0.0001)):
            if s.endswith(suf):
                return _clean(float(s[:-len(suf)]) * f)
        return _clean(float(s))
    if kind == "percent":
        if s.endswith("%"):
            return _clean(float(s[:-1]))
        v = float(s)
        return _clean(v * 100 if v <= 1 else v)
    if kind == "count":
        return _clean(float(s.rstrip("人项个")))
    if kind == "area":
        for suf, f in (("万平方米", 10000), ("平方米", 1), ("亩", 666.67), ("M2", 1), ("m2", 1)):
            if s.endswith(suf):
                return _clean(float(s[:-len(suf)]) * f)
        return _clean(float(s))
    raise ValueError(kind)


def split_patents(raw):
    s = raw.translate(FW)
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", s)
    if m:
        return int(m.group(1)), int(m.group(2))
    inv = re.search(r"发明\D*?(\d+)", s)
    um = re.search(r"实用新型\D*?(\d+)", s)
    return int(inv.group(1)), int(um.group(1))


def canonical_region(raw):
    s = raw.strip().replace("宁波市", "")
    for r in REGIONS:
        if s == r or r.startswith(s) or (s == "高新区" and r == "宁波高新区") or r == "宁波" + s:
            return r
    return s


def expected_a2(d):
    out, raw = {"annex": "ANNEX_2"}, {}
    for k in A2_KEYS:
        if k in ("patents_invention", "patents_utility_model"):
            continue
        v = d[k]
        raw[k] = v
        if k in MONEY:
            out[k] = norm("money", v)
        elif k in PERCENT:
            out[k] = norm("percent", v)
        elif k in COUNT:
            out[k] = norm("count", v)
        elif k in AREA:
            out[k] = norm("area", v)
        elif k == "region":
            out[k] = canonical_region(v)
        else:
            out[k] = v.strip() or None
    raw["patents"] = d["patents"]
    out["patents_invention"], out["patents_utility_model"] = split_patents(d["patents"])
    for y in YEARS:
        for i, (rk, _) in enumerate(FIN_ROWS):
            key = "financials.%s.%s" % (y, rk)
            raw[key] = d["fin"][y][i]
            out[key] = norm("money", d["fin"][y][i])
    ordered = {"annex": "ANNEX_2"}
    for k in A2_KEYS:
        ordered[k] = out[k]
    for y in YEARS:
        for rk, _ in FIN_ROWS:
            ordered["financials.%s.%s" % (y, rk)] = out["financials.%s.%s" % (y, rk)]
    ordered["raw"] = raw
    return ordered

# ---------------------------------------------------------------- Annex 1 prose


def sections(a):
    p = dict(a["p"])
    years = a["end"] - a["start"] + 1
    tasks = [t for t in (p["t1"], p["t2"], p["t3"]) if t]
    names = ["课题一", "课题二", "课题三"]
    task_text = "；".join("%s：%s" % (names[i], t) for i, t in enumerate(tasks))
    budget = a.get("facts_text") or (
        "项目总投资%d万元，其中申请市财政资助%d万元，企业自筹%d万元，共设%d个课题，实施期%d年（%d-%d年）。"
        % (a["total"], a["req"], a["self"], a["n"], years, a["start"], a["end"]))
    s = {
        "background.trends":
            "%s是国家重大战略需求。从国际看，%s；从国内看，%s。%s正朝着%s方向发展，谁掌握了%s等核心技术，"
            "谁就掌握了产业竞争的主动权。" % (p["need"], p["world"], p["cn"], p["prod"], p["direction"], p["tech"]),
        "background.local_base":
            "%s，具备发展%s的良好基础。但%s，全市相关企业对%s的年需求量超过%s，大部分依赖外地采购或进口，"
            "亟需通过重大专项补齐产业链短板。" % (p["local"], p["prod"], p["gap"], p["prod"], p["demand"]),
        "background.significance":
            "项目实施后，将突破%s等关键技术，实现%s的进口替代，预计新增年销售收入%s亿元以上，"
            "对提升宁波%s产业链整体竞争力、带动上下游企业协同发展具有重要意义。"
            % (p["tech"], p["prod"], p["sales"], a["programme"]),
        "plan.objectives":
            "通过%d年攻关，突破%s，建成%s，形成%s的自主知识产权体系，项目产品主要性能指标达到国际同类产品先进水平。"
            % (years, p["tech"], p["line"], p["prod"]),
        "plan.content_and_targets":
            "项目设%d个课题。%s。主要考核目标（技术指标）：%s。" % (len(tasks), task_text, p["idx"]),
        "plan.roadmap":
            "采用“基础研究—工艺开发—中试验证—产业化示范”的技术路线：首先%s；在此基础上%s；随后建设中试线，"
            "开展工艺放大与稳定性验证；最后在牵头单位建成产业化示范线并实现批量供货。" % (p["s1"], p["s2"]),
        "management.organization":
            "项目由%s牵头，联合%s共同实施，采用“企业出题、院所解题、市场验题”的产学研协同模式。设立项目管理办公室和"
            "技术专家组，实行课题负责人制，每季度召开推进会，统筹协调各课题进度和经费使用。" % (a["lead"], a["partner"]),
        "management.budget":
            budget + "经费主要用于设备购置、材料费、测试化验加工费、合作研究及人员费用，自筹经费已列入公司年度投资计划，"
            "保障足额、及时到位。",
        "management.evaluation":
            "以任务书约定的技术指标和经济指标为考核依据：技术指标由具备CMA或CNAS资质的第三方检测机构出具检测报告；"
            "经济指标以经审计的财务报表和销售合同为准；专利、标准以授权证书和发布文件为准。项目结束时组织专家综合验收。",
        "management.annual_plan":
            "%d年：%s；%d年：%s；%d年：%s，并通过项目验收。"
            % (a["start"], p["y1"], a["start"] + 1, p["y2"], a["end"], p["y3"]),
        "foundation.research":
            "公司自%s年起开展%s相关研究，先后承担%s，%s，已积累了较为完整的工艺数据和工程化经验。"
            % (p["since"], p["prod"], p["prior"], p["extra"]),
        "foundation.conditions":
            "公司建有%s，拥有%s等研发及检测设备，研发人员%d人，其中博士%d人、高级职称%d人；与%s建立了长期合作关系，"
            "在%s方面具有明显技术优势。" % (p["center"], p["equip"], p["rd"], p["phd"], p["senior"], a["partner"], p["adv"]),
        "outcomes.common_technology":
            "%s，可推广应用于%s等领域，提升我市现有产业的技术水平和附加值。" % (p["common"], p["apps"]),
        "outcomes.disruptive_technology":
            p["disruptive"] + "，有望催生新的商业模式，形成具有宁波特色的新兴产业集群。",
        "outcomes.frontier_technology":
            p["frontier"] + "，为抢占未来产业制高点提供技术储备和人才支撑，并带动相关学科交叉融合发展。",
    }
    if a.get("thin"):
        s[a["thin"]] = a["thin_text"]
    if a.get("empty"):
        s[a["empty"]] = ""
    return s


OUTLINE = [
    ("（一）项目所在领域发展背景分析", [
        ("1", "结合国家重大需求，分析国内外发展趋势", "background.trends"),
        ("2", "宁波相关产业基础与需求分析", "background.local_base"),
        ("3", "开展该项目的意义", "background.significance")]),
    ("（二）项目实施思路", [
        ("1", "项目目标", "plan.objectives"),
        ("2", "主要研究开发内容以及考核目标（包含技术指标）", "plan.content_and_targets"),
        ("3", "技术路线图", "plan.roadmap")]),
    ("（三）项目管理机制", [
        ("1", "项目组织模式", "management.organization"),
        ("2", "经费投入概算及筹措", "management.budget"),
        ("4", "指标完成评价方法与考核依据", "management.evaluation"),
        ("5", "年度推进计划", "management.annual_plan")]),
    ("（四）已有工作基础", [
        ("1", "已有研究基础", "foundation.research"),
        ("2", "已有工作条件与技术优势", "foundation.conditions")]),
    ("（五）项目完成后拟取得的标志性成果", [
        ("1", "关键共性技术（对已有产业的提升）：", "outcomes.common_technology"),
        ("2", "颠覆性技术（培育全新产业）：", "outcomes.disruptive_technology"),
        ("3", "前瞻性技术（推动科学发展，对未来产业潜在影响）：", "outcomes.frontier_technology")]),
]

HEAD = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>'
        'body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC";font-size:12pt}'
        'td{border:1px solid #000;padding:3pt;vertical-align:middle}table{border-collapse:collapse}'
        '</style></head><body>')


def annex1_html(key, a, use_h_tags):
    s = sections(a)
    years = a["end"] - a["start"] + 1
    o = [HEAD % E(a["project_name"])]
    if a["style"] == "cover_table":
        o.append('<p>附件1：</p><p align="center"><b><font size="5">%s组项目实施方案</font></b></p>'
                 % E(a["programme"]))
        rows = [("项目名称", a["project_name"]), ("所属专项", a["programme"]), ("牵头单位", a["lead"]),
                ("合作单位", a["partner"]), ("项目总投资（万元）", str(a["total"])),
                ("申请市财政资助（万元）", str(a["req"])), ("自筹经费（万元）", str(a["self"])),
                ("课题数", "%d个" % a["n"]),
                ("实施期", "%d年1月-%d年12月（%d年）" % (a["start"], a["end"], years))]
        o.append('<table width="100%" border="1" cellspacing="0">')
        for lab, val in rows:
            o.append('<tr><td width="30%%">%s</td><td>%s</td></tr>' % (E(lab), E(val)))
        o.append("</table><p></p>")
    else:
        o.append('<p>附件1</p><p align="center"><b><font size="5">%s</font></b></p>' % E(a["project_name"]))
        o.append('<p align="center">（%s专项项目实施方案）</p>' % E(a["programme"]))
    for top, subs in OUTLINE:
        o.append(("<h2>%s</h2>" if use_h_tags else "<p><b>%s</b></p>") % E(top))
        for i, (num, title, skey) in enumerate(subs):
            if a.get("renumber") and top.startswith("（三）"):
                num = str(i + 1)
            text = s[skey]
            if top.startswith("（五）"):
                if a.get("inline_outcomes"):
                    o.append("<p><b>%s、%s</b>%s</p>" % (num, E(title), E(text)))
                    continue
                title = title.rstrip("：")
            o.append(("<h3>%s、%s</h3>" if use_h_tags else "<p><b>%s、%s</b></p>") % (num, E(title)))
            if text:
                o.append('<p style="text-indent:2em">%s</p>' % E(text))
            else:
                o.append("<p></p>")
    o.append("</body></html>")
    return "".join(o)


def expected_a1(a):
    s = sections(a)
    out = {"annex": "ANNEX_1",
           "project_name": a["project_name"], "programme": a["programme"], "lead_organization": a["lead"],
           "total_budget": a["total"], "requested_funding": a["req"], "self_raised_funding": a["self"],
           "subproject_count": a["n"], "duration_years": a["end"] - a["start"] + 1,
           "durationRange": [a["start"], a["end"]]}
    out["sectionPrefixes"] = {k: v[:16] for k, v in s.items()}
    out["sectionLengths"] = {k: len(v) for k, v in s.items()}
    return out

# ---------------------------------------------------------------- Annex 2 tables


def cell(text, span=1, width=None, br=True):
    t = E(text)
    if br:
        t = t.replace("\n", "<br>")
    else:
        t = t.replace("\n", "")
    attrs = (' colspan="%d"' % span if span > 1 else "") + (' width="%s"' % width if width else "")
    return "<td%s>%s</td>" % (attrs, t)


LABELS = {
    "enterprise_name": "企业名称", "legal_representative": "法人代表", "ownership_type": "所有制类型",
    "foreign_capital_ratio": "外资比例", "industry": "所属行业", "region": "所属地区",
    "registered_capital": "注册资金\n（万元）", "total_assets": "总 资 产\n（万元）",
    "fixed_assets": "固定资产\n（万元）", "owners_equity": "所有者权益\n（万元）",
    "land_area": "占地面积（M2）", "floor_area": "建筑面积（M2）", "debt_to_asset_ratio": "资产负债率",
    "employees_total": "职工总人数（人）", "employees_junior_high_or_below": "其中初中及以下（人）",
    "employees_college_or_above": "其中大专及以上（人）", "rd_staff_ratio": "研发人员占比",
    "engineering_center": "工程技术中心\n（省级、市级或自设）", "annual_rd_expense": "年度研发经费投入（万元）",
    "main_products": "主要产品", "production_capacity": "生产能力",
    "core_equipment": "核心装备（自制、国产、进口）", "core_technology_source": "核心技术来源",
    "patents": "授权专利数(发明,实用新型）", "rd_conditions": "研发条件",
    "honors": "获名牌/商标/免检产品、市级重点工业新产品、装备制造业首台（套）产品情况：",
    "development_plan": "企业未来发展设想及技术需求：",
    "industry_view": "企业对该行业领域技术发展和市场的看法与判断：",
    "proposed_projects": "企业拟申请的市重大专项项目建议：",
}
GRID3 = [["legal_representative", "ownership_type", "foreign_capital_ratio"],
         ["industry", "region", "registered_capital"],
         ["total_assets", "fixed_assets", "owners_equity"],
         ["land_area", "floor_area", "debt_to_asset_ratio"],
         ["employees_total", "employees_junior_high_or_below", "employees_college_or_above"],
         ["rd_staff_ratio", "engineering_center", "annual_rd_expense"]]
GRID2 = [["main_products", "production_capacity"], ["core_equipment", "core_technology_source"],
         ["patents", "rd_conditions"]]
TEXTS = ["honors", "development_plan", "industry_view", "proposed_projects"]


def annex2_html(d, calc=False, contact_cells=False):
    """The template layout of the call: a 6-column grid of label and value cells."""
    br = not calc
    o = [HEAD % "附件2"]
    if not calc:
        o.append('<p>附件2　　　宁波市“科技创新2025”重大专项</p>'
                 '<p align="center"><b><font size="4">行业重点企业基本情况调查表</font></b></p>')
    o.append('<table width="100%" border="1" cellspacing="0">')
    if not calc:
        o.append('<colgroup><col width="14%"><col width="20%"><col width="13%">'
                 '<col width="20%"><col width="13%"><col width="20%"></colgroup>')
    if calc:
        o.append('<tr><td colspan="6">附件2　宁波市“科技创新2025”重大专项行业重点企业基本情况调查表</td></tr>')
    o.append("<tr>%s%s</tr>" % (cell("企业名称", width="16%"), cell(d["enterprise_name"], 5)))
    for row in GRID3:
        o.append("<tr>" + "".join(cell(LABELS[k], br=br) + cell(d[k]) for k in row) + "</tr>")
    for row in GRID2:
        o.append("<tr>" + "".join(cell(LABELS[k], br=br) + cell(d[k], 2) for k in row) + "</tr>")
    o.append("<tr>%s%s%s</tr>" % (cell("", 2), cell("单位"), "".join(cell(y + "年") for y in YEARS)))
    for i, (rk, lab) in enumerate(FIN_ROWS):
        o.append("<tr>%s%s%s</tr>" % (cell(lab, 2), cell("万元"), "".join(cell(d["fin"][y][i]) for y in YEARS)))
    for k in TEXTS:
        if calc:
            o.append("<tr>%s%s</tr>" % (cell(LABELS[k].rstrip("："), 2), cell(d[k], 4)))
        else:
            o.append('<tr><td colspan="6"><p>%s</p><p>%s</p></td></tr>' % (E(LABELS[k]), E(d[k])))
    if calc or contact_cells:
        o.append("<tr>%s%s%s%s%s%s</tr>" % (cell("联系人"), cell(d["contact_name"]), cell("电话"),
                                            cell(d["contact_phone"]), cell("邮箱"), cell(d["contact_email"])))
    else:
        o.append('<tr><td colspan="6">联系人：%s　　　　　电话：%s　　　　　邮箱：%s</td></tr>'
                 % (E(d["contact_name"]), E(d["contact_phone"]), E(d["contact_email"])))
    o.append("</table>")
    if not calc:
        o.append("<p>备注：附件1、附件2完成后，请发送至forms@formbox.test。</p>")
    o.append("</body></html>")
    return "".join(o)


def annex2_html_variant(d):
    """A sender's own re-typed layout: 4 columns, rows moved, spaced labels, value in the label cell,
    yearly table as a separate table with the years in reverse order and no unit column."""
    c = lambda t, span=1: cell(t, span)
    o = [HEAD % "企业基本情况调查表",
         '<p align="center"><b>宁波市“科技创新2025”重大专项 行业重点企业基本情况调查表</b></p>',
         '<p align="right">填报日期：2017年6月9日</p>',
         '<table width="100%" border="1" cellspacing="0">',
         "<tr>%s</tr>" % c("企业名称：" + d["enterprise_name"], 4),
         "<tr>%s%s%s%s</tr>" % (c("所 属 地 区"), c(d["region"]), c("所 属 行 业"), c(d["industry"])),
         "<tr>%s%s%s%s</tr>" % (c("法 人 代 表"), c(d["legal_representative"]), c("所有制类型"), c(d["ownership_type"])),
         "<tr>%s%s%s%s</tr>" % (c("外 资 比 例"), c(d["foreign_capital_ratio"]), c("注 册 资 金（万元）"),
                                c(d["registered_capital"])),
         "<tr>%s%s%s%s</tr>" % (c("职工总人数（人）"), c(d["employees_total"]), c("研发人员占比"), c(d["rd_staff_ratio"])),
         "<tr>%s%s%s%s</tr>" % (c("其中：初中及以下（人）"), c(d["employees_junior_high_or_below"]),
                                c("其中：大专及以上（人）"), c(d["employees_college_or_above"])),
         "<tr>%s%s%s%s</tr>" % (c("总 资 产（万元）"), c(d["total_assets"]), c("固 定 资 产（万元）"), c(d["fixed_assets"])),
         "<tr>%s%s%s%s</tr>" % (c("所有者权益（万元）"), c(d["owners_equity"]), c("资 产 负 债 率"),
                                c(d["debt_to_asset_ratio"])),
         "<tr>%s%s%s%s</tr>" % (c("占 地 面 积（M2）"), c(d["land_area"]), c("建 筑 面 积（M2）"), c(d["floor_area"])),
         "<tr>%s%s%s%s</tr>" % (c("工程技术中心"), c(d["engineering_center"]), c("年度研发经费投入（万元）"),
                                c(d["annual_rd_expense"])),
         "<tr>%s%s</tr>" % (c("主 要 产 品"), c(d["main_products"], 3)),
         "<tr>%s%s</tr>" % (c("生 产 能 力"), c(d["production_capacity"], 3)),
         "<tr>%s%s</tr>" % (c("核心装备（自制、国产、进口）"), c(d["core_equipment"], 3)),
         "<tr>%s%s</tr>" % (c("核心技术来源"), c(d["core_technology_source"], 3)),
         "<tr>%s%s</tr>" % (c("授权专利数（发明、实用新型）"), c(d["patents"], 3)),
         "<tr>%s%s</tr>" % (c("研 发 条 件"), c(d["rd_conditions"], 3)),
         "<tr>%s%s%s%s</tr>" % (c("联 系 人"), c(d["contact_name"]), c("电 话"), c(d["contact_phone"])),
         "<tr>%s%s</tr>" % (c("邮 箱"), c(d["contact_email"], 3)),
         "</table><p>近三年主要经济指标（单位：万元）</p>",
         '<table width="100%" border="1" cellspacing="0">',
         "<tr>%s%s</tr>" % (c("指 标"), "".join(c(y + "年") for y in reversed(YEARS)))]
    for i, (rk, lab) in enumerate(FIN_ROWS):
        o.append("<tr>%s%s</tr>" % (c(" ".join(lab)), "".join(c(d["fin"][y][i]) for y in reversed(YEARS))))
    o.append("</table><p></p><table width=\"100%\" border=\"1\" cellspacing=\"0\">")
    for k in TEXTS:
        o.append("<tr>%s%s</tr>" % (c(LABELS[k].rstrip("：")), c(d[k])))
    o.append("</table></body></html>")
    return "".join(o)

# ---------------------------------------------------------------- documents plan

# document base name -> (builder, final extension)
DOCS = {
    "e01-annex1": "docx", "e01-annex2": "docx",
    "e02-annex1": "doc", "e02-annex2": "doc",
    "e03-annex1": "docx", "e03-annex2": "xlsx",
    "e04-annex1": "docx", "e04-annex2": "pdf",
    "e05-annex1": "docx", "e05-annex2": "docx",
    "e06-annex1": "docx", "e06-annex2": "docx",
    "e07-annex1": "odt", "e07-annex2": "docx",
    "e08-annex1": "docx", "e08-annex2": "docx",
    "e09-annex1": "docx", "e09-annex2": "docx",
    "e10-annex1": "docx", "e10-annex2": "docx",
    "e11-annex1": "docx", "e11-annex2": "docx",
    "e12-annex1": "docx", "e12-annex2": "docx",
    "e13-annex2": "docx",
    "e14-annex1": "docx", "e14-annex2": "docx",
    "e15-annex1": "docx", "e15-annex2": "docx",
    "e19-annex1": "docx",
}


def cmd_html(build):
    w, c = os.path.join(build, "w"), os.path.join(build, "c")
    os.makedirs(w, exist_ok=True)
    os.makedirs(c, exist_ok=True)
    for i, name in enumerate(sorted(DOCS)):
        ent, annex = name.split("-")
        if annex == "annex1":
            src = annex1_html(ent, A1[ent], use_h_tags=(i // 2) % 2 == 0)
            target = w
        elif name == "e03-annex2":
            src, target = annex2_html(A2[ent], calc=True), c
        elif name == "e14-annex2":
            src, target = annex2_html_variant(A2[ent]), w
        else:
            src, target = annex2_html(A2[ent], contact_cells=ent in ("e09", "e11")), w
        with open(os.path.join(target, name + ".html"), "w", encoding="utf-8") as f:
            f.write(src)
    # tell the shell which converted files need a second conversion
    with open(os.path.join(build, "plan.txt"), "w") as f:
        for name, ext in sorted(DOCS.items()):
            f.write("%s %s\n" % (name, ext))

# ---------------------------------------------------------------- findings (what a validator should say)


def a2_findings(x):
    f = set()
    for k in A2_KEYS:
        if k not in OPTIONAL and x[k] is None:
            f.add("A2-REQUIRED")
    for y in YEARS:
        for rk, _ in FIN_ROWS:
            if x["financials.%s.%s" % (y, rk)] is None:
                f.add("A2-REQUIRED")
    for k in PERCENT:
        if x[k] is not None and not 0 <= x[k] <= 100:
            f.add("A2-PERCENT-RANGE")
    ta, fa, eq = x["total_assets"], x["fixed_assets"], x["owners_equity"]
    if fa > ta:
        f.add("A2-FIXED-LE-TOTAL")
    if eq > ta:
        f.add("A2-EQUITY-LE-TOTAL")
    if abs(x["debt_to_asset_ratio"] - (ta - eq) / ta * 100) > 2:
        f.add("A2-DEBT-RATIO")
    if x["employees_junior_high_or_below"] + x["employees_college_or_above"] > x["employees_total"]:
        f.add("A2-HEADCOUNT")
    for y in YEARS:
        g = lambda rk: x["financials.%s.%s" % (y, rk)]
        if g("industrial_profit") is not None and g("industrial_profit") > g("industrial_sales_revenue"):
            f.add("A2-PROFIT-LE-SALES")
        if g("taxes_paid") > g("industrial_sales_revenue"):
            f.add("A2-TAX-LE-SALES")
    t16 = x["financials.2016.total_assets"]
    if abs(ta - t16) > 0.2 * t16:
        f.add("A2-ASSETS-MATCH")
    if x["annual_rd_expense"] > x["financials.2016.industrial_sales_revenue"]:
        f.add("A2-RD-LE-SALES")
    if x["floor_area"] > 10 * x["land_area"]:
        f.add("A2-FLOOR-AREA")
    own, fr = x["ownership_type"], x["foreign_capital_ratio"]
    if (own == "外商独资" and fr != 100) or (own == "中外合资" and not 0 < fr < 100) or \
            (own in ("国有", "集体", "民营", "私营") and fr != 0):
        f.add("A2-FOREIGN-RATIO")
    if x["region"] not in REGIONS:
        f.add("A2-REGION")
    money = [x[k] for k in MONEY] + [x["financials.%s.%s" % (y, rk)] for y in YEARS for rk, _ in FIN_ROWS]
    if any(v is not None and v > 10_000_000 for v in money):
        f.add("A2-UNITS")
    if not re.fullmatch(r"1[3-9]\d{9}|0\d{2,3}-\d{7,8}(-\d{1,6})?", x["contact_phone"]):
        f.add("A2-PHONE")
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", x["contact_email"]):
        f.add("A2-EMAIL")
    return sorted(f)


def a1_findings(a, x):
    f = set()
    for k, n in x["sectionLengths"].items():
        if n == 0:
            f.add("A1-SECTION-MISSING")
        elif n < 30:
            f.add("A1-SECTION-THIN")
    if x["programme"] not in PROGRAMMES:
        f.add("A1-PROGRAMME")
    if x["self_raised_funding"] < 2 * x["requested_funding"]:
        f.add("A1-MATCHING")
    if not 500 <= x["requested_funding"] / x["subproject_count"] <= 1000:
        f.add("A1-GRANT-RANGE")
    if x["duration_years"] > 5:
        f.add("A1-DURATION")
    return sorted(f)


def all_expected():
    out = {}
    for name in sorted(DOCS):
        ent, annex = name.split("-")
        if annex == "annex1":
            out[name] = expected_a1(A1[ent])
        elif ent != "e15":
            out[name] = expected_a2(A2[ent])
    return out


def cmd_findings():
    exp = all_expected()
    for name, x in exp.items():
        ent = name.split("-")[0]
        fs = a1_findings(A1[ent], x) if x["annex"] == "ANNEX_1" else a2_findings(x)
        print(name, fs)

# ---------------------------------------------------------------- mail building

CT = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "doc": "application/msword",
      "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "pdf": "application/pdf", "odt": "application/vnd.oasis.opendocument.text",
      "zip": "application/x-zip-compressed", "png": "image/png"}
TZ = timezone(timedelta(hours=8))
TO = "forms@formbox.test"


def ew(text, cs="UTF-8"):
    """One RFC 2047 B encoded word (or several, split on character boundaries, if long)."""
    codec = {"UTF-8": "utf-8", "GBK": "gbk", "gb2312": "gb2312", "gb18030": "gb18030"}[cs]
    words, cur = [], ""
    for ch in text:
        if len((cur + ch).encode(codec)) > 36:
            words.append(cur)
            cur = ""
        cur += ch
    words.append(cur)
    return " ".join("=?%s?B?%s?=" % (cs, base64.b64encode(w.encode(codec)).decode()) for w in words)


def ew_one(text, cs):
    codec = {"UTF-8": "utf-8", "GBK": "gbk", "gb2312": "gb2312", "gb18030": "gb18030"}[cs]
    return "=?%s?B?%s?=" % (cs, base64.b64encode(text.encode(codec)).decode())


def addr(name, email, cs="UTF-8"):
    return "%s <%s>" % (ew(name, cs), email)


def headers(msg, frm, subject, date, mid, cs="UTF-8", extra=()):
    msg["Return-Path"] = "<%s>" % re.search(r"<(.*)>", frm).group(1) if "<" in frm else frm
    msg["Received"] = ("from mail.sender.test (mail.sender.test [203.0.113.25]) by mx.formbox.test "
                       "with ESMTPS id %s for <%s>; %s" % (hashlib.sha1(mid.encode()).hexdigest()[:12].upper(), TO, format_datetime(date)))
    msg["From"] = frm
    msg["To"] = TO
    msg["Subject"] = ew(subject, cs)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = "<%s>" % mid
    for k, v in extra:
        msg[k] = v
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"


def d(day, hh, mm):
    return datetime(2017, 6, day, hh, mm, 0, tzinfo=TZ)


def body(text, cs="UTF-8"):
    codec = {"UTF-8": "utf-8", "GBK": "gbk", "gb18030": "gb18030", "gb2312": "gb2312"}[cs]
    p = MIMEBase("text", "plain", charset=cs)
    p.set_payload(text.encode(codec))
    encoders.encode_base64(p)
    return p


def attach_bytes(data, ext, name_ct=None, name_cd=None, disposition="attachment", extra_ct=None):
    maintype, subtype = CT[ext].split("/")
    p = MIMEBase(maintype, subtype)
    p.set_payload(data)
    encoders.encode_base64(p)
    if name_ct is not None:
        if isinstance(name_ct, tuple):
            p.set_param("name", name_ct[1], charset=name_ct[0])
        else:
            p.set_param("name", name_ct)
    if disposition:
        if name_cd is None:
            p.add_header("Content-Disposition", disposition)
        elif isinstance(name_cd, tuple):
            p.add_header("Content-Disposition", disposition, filename=name_cd)
        else:
            p.add_header("Content-Disposition", disposition, filename=name_cd)
    for k, v in (extra_ct or []):
        p[k] = v
    return p


def read(build, name):
    with open(os.path.join(HERE, "docs", name), "rb") as f:
        return f.read()


def png(w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


class GbkZipInfo(zipfile.ZipInfo):
    """Writes the entry name as raw GBK bytes without the UTF-8 flag, like WinRAR or 7-Zip on a
    Chinese Windows, or the Windows Explorer 'Send to compressed folder'."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits & ~0x800


def gbk_zip(entries):
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            zi = GbkZipInfo(name.encode("gbk").decode("cp437"), date_time=(2017, 6, 8, 16, 42, 10))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def tidy(msg, root=True):
    """Trace headers first, as a receiving MTA leaves them; MIME-Version only on message roots."""
    if root:
        order = {"return-path": 0, "received": 1, "mime-version": 3, "content-type": 4,
                 "content-transfer-encoding": 5}
        msg._headers.sort(key=lambda kv: order.get(kv[0].lower(), 2))
    else:
        if "MIME-Version" in msg:
            del msg["MIME-Version"]
        order = {"content-type": 0, "content-transfer-encoding": 1, "content-disposition": 2}
        msg._headers.sort(key=lambda kv: order.get(kv[0].lower(), 3))
    if msg.get_content_type() == "message/rfc822":
        for inner in msg.get_payload():
            tidy(inner, True)
    elif msg.is_multipart():
        for part in msg.get_payload():
            tidy(part, False)


def write_eml(name, msg):
    tidy(msg)
    path = os.path.join(HERE, name)
    with open(path, "wb") as f:
        buf = io.BytesIO()
        BytesGenerator(buf, mangle_from_=False, maxheaderlen=0).flatten(msg, linesep="\r\n")
        f.write(b"\r\n".join(fold(line) for line in buf.getvalue().split(b"\r\n")))


def fold(line):
    """Folds a long header line the way Outlook and Foxmail do: after '; ' and between encoded words."""
    if len(line) <= 76 or not re.match(rb"^[A-Za-z-]+: ", line):
        return line
    if line.startswith(b"Received: "):
        line = line.replace(b" by ", b"\r\n\tby ")
    return line.replace(b"; ", b";\r\n\t").replace(b"?= =?", b"?=\r\n =?")


def sign(name, company, phone, email):
    return "\n\n%s\n%s\n电话：%s\n邮箱：%s\n" % (name, company, phone, email)


def build_mails(build):
    R = lambda n: read(build, n)
    ents = {k: v for k, v in A2.items()}

    # 01: Outlook, UTF-8 encoded names, Annex 1 + Annex 2 as .docx, clean.
    a = ents["e01"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_000_0012_01D2E0A1.6B1C2D30")
    headers(m, addr("张伟", "zhang.wei@nbhx-chem.com.cn"),
            "科技创新2025重大专项申报材料-宁波华星化工新材料有限公司", d(5, 9, 12),
            "000c01d2dda1$6b1c2d30$41545890$@nbhx-chem.com.cn",
            extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdLdoWsA3l9mQ0x1T1eVd0W9mQ2Kxw=="),
                   ("Content-Language", "zh-cn")])
    m.attach(body("张老师：\n\n您好！按照《宁波市“科技创新2025”重大专项实施方案编制工作推进方案》的要求，"
                  "现将我公司填写的附件1《项目实施方案》和附件2《行业重点企业基本情况调查表》发送给您，请查收。"
                  "如有问题请随时联系。\n\n此致\n敬礼！" + sign("张伟", a["enterprise_name"], a["contact_phone"],
                                                       a["contact_email"])))
    for n, fn in (("e01-annex1.docx", "附件1-高纯电子化学品连续化制备关键技术及产业化项目实施方案.docx"),
                  ("e01-annex2.docx", "附件2-宁波华星化工新材料有限公司基本情况调查表.docx")):
        m.attach(attach_bytes(R(n), "docx", ew(fn), ew(fn)))
    write_eml("01-docx-pair-clean.eml", m)

    # 02: NetEase webmail, .doc pair.
    a = ents["e02"]
    m = MIMEMultipart("mixed", boundary="----=_Part_41253_1602389311.1496888470135")
    headers(m, addr("徐丽娜", "xulina@hengrui-bearing.com"),
            "【申报】关键基础零部件专项 宁波恒锐精密轴承有限公司 附件1、附件2", d(6, 10, 21),
            "6a2c1d5e.7f3b.15c7e1a2b3d.Coremail.xulina@hengrui-bearing.com",
            extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.5 build 20170412"),
                   ("X-Originating-IP", "[115.238.72.14]")])
    m.attach(body("您好：\n\n附件是我公司的项目实施方案（附件1）和企业基本情况调查表（附件2），请查收。"
                  "表格为Word 97-2003格式。\n\n谢谢！" + sign("徐丽娜", a["enterprise_name"], a["contact_phone"],
                                                             a["contact_email"])))
    for n, fn in (("e02-annex1.doc", "附件1 高速精密轴承长寿命关键技术研究及产业化.doc"),
                  ("e02-annex2.doc", "附件2 恒锐轴承企业基本情况调查表.doc")):
        m.attach(attach_bytes(R(n), "doc", ew(fn), ew(fn)))
    write_eml("02-doc-pair.eml", m)

    # 03: Annex 2 filled in Excel.
    a = ents["e03"]
    m = MIMEMultipart("mixed", boundary="Apple-Mail=_5B7E2D1C-4A3F-4E8B-9C2D-7F1A6B3E8D90")
    headers(m, addr("李娟", "lijuan@cystech.cn"),
            "宁波磁源科技股份有限公司 科技创新2025 申报材料（调查表为Excel）", d(6, 14, 3),
            "5B7E2D1C-4A3F-4E8B-9C2D-7F1A6B3E8D90@cystech.cn",
            extra=[("X-Mailer", "Apple Mail (2.3273)")])
    m.attach(body("老师好，\n\n附件2调查表我们是用Excel填的，附件1是Word文档，请查收。\n"
                  + sign("李娟", a["enterprise_name"], a["contact_phone"], a["contact_email"])))
    m.attach(attach_bytes(R("e03-annex1.docx"), "docx", ew("附件1-磁源科技项目实施方案.docx"),
                          ew("附件1-磁源科技项目实施方案.docx")))
    m.attach(attach_bytes(R("e03-annex2.xlsx"), "xlsx", ew("附件2-企业基本情况调查表（磁源科技）.xlsx"),
                          ew("附件2-企业基本情况调查表（磁源科技）.xlsx")))
    write_eml("03-xlsx-annex2.eml", m)

    # 04: Annex 2 as PDF; Annex 1 asks for less than 1:2 matching.
    a = ents["e04"]
    m = MIMEMultipart("mixed", boundary="----=_Part_190233_788101.1497060112345")
    headers(m, addr("孙晓燕", "sunxy@hairui-nm.com"),
            "海洋新材料专项项目建议-宁波海瑞新材料有限公司", d(7, 16, 45),
            "1497060112345.190233.sunxy@hairui-nm.com")
    m.attach(body("张老师您好：\n\n附件2为盖章后的PDF版本，附件1为Word版，请查收。\n"
                  + sign("孙晓燕", a["enterprise_name"], a["contact_phone"], a["contact_email"])))
    m.attach(attach_bytes(R("e04-annex1.docx"), "docx", ew("附件1：海洋工程用耐蚀高强合金涂层材料项目实施方案.docx"),
                          ew("附件1：海洋工程用耐蚀高强合金涂层材料项目实施方案.docx")))
    m.attach(attach_bytes(R("e04-annex2.pdf"), "pdf", ew("附件2：宁波海瑞新材料有限公司调查表（盖章版）.pdf"),
                          ew("附件2：宁波海瑞新材料有限公司调查表（盖章版）.pdf")))
    write_eml("04-pdf-annex2-matching-short.eml", m)

    # 05: Foxmail, GBK everywhere.
    a = ents["e05"]
    m = MIMEMultipart("mixed", boundary="----=_001_NextPart421537218144_=----")
    headers(m, addr("郑晓峰", "zhengxf@mingrui-robot.com", "GBK"),
            "宁波明睿智能装备有限公司-科技创新2025重大专项附件1和附件2", d(7, 8, 58),
            "201706070858373401562@mingrui-robot.com", cs="GBK",
            extra=[("X-Mailer", "Foxmail 7.2.9.156[cn]"), ("X-Priority", "3"),
                   ("X-Has-Attach", "yes")])
    m.attach(body("张老师，您好！\n\n附件为我司高档数控机床与机器人专项的项目实施方案及企业基本情况调查表，请查收。\n\n"
                  "顺祝商祺！\n\n郑晓峰\n宁波明睿智能装备有限公司 技术中心\n" + a["contact_phone"], "GBK"))
    for n, fn in (("e05-annex1.docx", "附件1：SCARA机器人项目实施方案（明睿）.docx"),
                  ("e05-annex2.docx", "附件2：宁波明睿智能装备有限公司基本情况调查表.docx")):
        m.attach(attach_bytes(R(n), "docx", ew_one(fn, "GBK"), ew_one(fn, "GBK")))
    write_eml("05-foxmail-gbk-names.eml", m)

    # 06: Outlook, GBK; the Annex 2 name is split into two encoded words inside a character.
    a = ents["e06"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_000_0027_01D2DF88.2E9A4B10")
    headers(m, addr("陈思", "chensi@yongxin-ic.com", "GBK"),
            "报送：宁波甬芯微电子有限公司 智能芯片及基础软件专项材料", d(8, 11, 7),
            "002701d2df88$2e9a4b10$8bced930$@yongxin-ic.com", cs="GBK",
            extra=[("X-Mailer", "Microsoft Outlook 15.0"), ("Thread-Index", "AdLfiC6VkC1pTsQ0RfWZ7mL2xYk3Aw=="),
                   ("Content-Language", "zh-cn")])
    m.attach(body("您好，\n\n附件是我公司的附件1和附件2，请查收。技术路线图另以图片形式补充。\n\n陈思\n"
                  "宁波甬芯微电子有限公司\n" + a["contact_phone"], "GBK"))
    fn1 = "附件1-低功耗物联网主控芯片项目实施方案.docx"
    m.attach(attach_bytes(R("e06-annex1.docx"), "docx", ew_one(fn1, "GBK"), ew_one(fn1, "GBK")))
    fn2 = "附件二：宁波甬芯微电子有限公司企业基本情况调查表.docx"
    split = split_words_gbk(fn2)
    m.attach(attach_bytes(R("e06-annex2.docx"), "docx", split, split))
    write_eml("06-outlook-gbk-split-word.eml", m)

    # 07: Thunderbird-style, RFC 2231 names; Annex 1 is an .odt.
    a = ents["e07"]
    m = MIMEMultipart("mixed", boundary="------------0A6F2D3B8C1E4F5A7B9D2E10")
    headers(m, addr("黄磊", "huanglei@dhqn-power.com"),
            "清洁能源与装备专项-宁波东海清能装备有限公司-实施方案及调查表", d(8, 15, 30),
            "7c1e2f3a-5b6d-4e8f-9a0b-1c2d3e4f5a6b@dhqn-power.com",
            extra=[("User-Agent", "Mozilla/5.0 (Windows NT 10.0; WOW64; rv:52.0) Gecko/20100101 Thunderbird/52.1.1"),
                   ("Content-Language", "zh-CN")])
    m.attach(body("张老师好！\n\n附件为我公司填报的附件1（OpenOffice格式）和附件2，请查收。\n\n黄磊\n"
                  + a["enterprise_name"] + "\n" + a["contact_phone"]))
    fn1 = "附件1：海上风电机组变流器及智能运维系统研制-实施方案.odt"
    m.attach(attach_bytes(R("e07-annex1.odt"), "odt", ew(fn1), ("UTF-8", "", fn1)))
    fn2 = "附件2：宁波东海清能装备有限公司基本情况调查表.docx"
    m.attach(attach_bytes(R("e07-annex2.docx"), "docx", ("UTF-8", fn2), ("UTF-8", "", fn2)))
    write_eml("07-rfc2231-names-odt.eml", m)

    # 08: QQ Mail, one .zip holding both annexes with GBK entry names.
    a = ents["e08"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_5938A1B2_0A3C7E10_6D2F9B41")
    headers(m, addr("刘洋", "2853317462@qq.com", "gb18030"),
            "宁波杭湾新能汽车部件有限公司新能源汽车专项申报材料", d(8, 20, 16),
            "tencent_3B1F0E2A7C4D9E6F5A8B1C2D@qq.com", cs="gb18030",
            extra=[("X-QQ-MIME", "TCMime 1.0 by Tencent"), ("X-Mailer", "QQMail 2.x"), ("X-QQ-Mailer", "QQMail 2.x")])
    m.attach(body("张老师：\n\n两个附件打包在压缩包里了，请查收。\n\n刘洋\n宁波杭湾新能汽车部件有限公司", "gb18030"))
    zdata = gbk_zip([("附件1-驱动电机控制器项目实施方案.docx", R("e08-annex1.docx")),
                     ("附件2-宁波杭湾新能汽车部件有限公司基本情况调查表.docx", R("e08-annex2.docx"))])
    with open(os.path.join(HERE, "docs", "e08-annexes-gbk.zip"), "wb") as f:
        f.write(zdata)
    zn = "杭湾新能-科技创新2025申报材料.zip"
    m.attach(attach_bytes(zdata, "zip", ew_one(zn, "gb18030"), ew_one(zn, "gb18030")))
    write_eml("08-qqmail-zip-gbk-entries.eml", m)

    # 09: forwarded: the original, with its attachments, inside a message/rfc822 part.
    a = ents["e09"]
    orig = MIMEMultipart("mixed", boundary="----=_NextPart_000_0009_01D2E0F1.1A2B3C40")
    headers(orig, addr("蒋文静", "jiangwj@kangdi-med.com"),
            "高性能诊疗设备专项材料（附件1、附件2）", d(9, 9, 5),
            "000901d2e0f1$1a2b3c40$4e816b20$@kangdi-med.com")
    orig.replace_header("To", addr("蒋康迪", "jiangkd@kangdi-med.com"))
    orig.attach(body("蒋总：\n\n附件1和附件2已按要求填好，请审阅后转发给专项办。\n\n文静"))
    for n, fn in (("e09-annex1.docx", "附件1 高场磁共振成像关键部件项目实施方案.docx"),
                  ("e09-annex2.docx", "附件2 宁波康迪医疗器械有限公司基本情况调查表.docx")):
        orig.attach(attach_bytes(R(n), "docx", ew(fn), ew(fn)))
    del orig["Received"]
    del orig["Return-Path"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_000_0015_01D2E10A.33C4D560")
    headers(m, addr("蒋康迪", "jiangkd@kangdi-med.com"),
            "转发: 高性能诊疗设备专项材料（附件1、附件2）", d(9, 10, 40),
            "001501d2e10a$33c4d560$9b8d7f20$@kangdi-med.com",
            extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    m.attach(body("您好，转发我公司的申报材料，请查收。\n\n蒋康迪\n宁波康迪医疗器械有限公司"))
    fw = MIMEMessage(orig)
    fw.add_header("Content-Disposition", "attachment")
    m.attach(fw)
    write_eml("09-forwarded-rfc822.eml", m)

    # 10: Outlook with signature images: two different inline parts both named image001.png.
    a = ents["e10"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_000_0031_01D2E1C4.5F6A7B80")
    headers(m, addr("钱晓", "qianxiao@carbonvalley.cn", "gb2312"),
            "先进碳材料专项申报-宁波碳谷新材料有限公司", d(9, 13, 50),
            "003101d2e1c4$5f6a7b80$0a1b2c3d$@carbonvalley.cn", cs="gb2312",
            extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdLhxF9qmzKcN0WtSgO3oHtJ8bZkWQ=="),
                   ("Content-Language", "zh-cn")])
    rel = MIMEMultipart("related", boundary="----=_NextPart_001_0032_01D2E1C4.5F6A7B80")
    alt = MIMEMultipart("alternative", boundary="----=_NextPart_002_0033_01D2E1C4.5F6A7B80")
    txt = ("张老师：\n\n您好！附件为我公司先进碳材料专项的附件1和附件2，请查收。\n\n钱晓\n"
           "宁波碳谷新材料有限公司\n" + a["contact_phone"])
    alt.attach(body(txt, "gb2312"))
    h = MIMEText("<html><body><p>张老师：</p><p>您好！附件为我公司先进碳材料专项的附件1和附件2，请查收。</p>"
                 "<p>钱晓<br>宁波碳谷新材料有限公司<br>%s</p>"
                 '<p><img width="120" height="40" src="cid:image001.png@01D2E1C4.5F6A7B80"></p>'
                 '<p><img width="60" height="60" src="cid:image001.png@01D2E1C4.6A7B8C90"></p></body></html>'
                 % a["contact_phone"], "html", "gb2312")
    alt.attach(h)
    rel.attach(alt)
    for cid, img in (("image001.png@01D2E1C4.5F6A7B80", png(12, 4, (20, 90, 160))),
                     ("image001.png@01D2E1C4.6A7B8C90", png(6, 6, (200, 40, 40)))):
        p = attach_bytes(img, "png", "image001.png", "image001.png", disposition="inline")
        p["Content-ID"] = "<%s>" % cid
        rel.attach(p)
    m.attach(rel)
    for n, fn in (("e10-annex1.docx", "附件1-高导热石墨烯复合膜项目实施方案.docx"),
                  ("e10-annex2.docx", "附件2-碳谷新材料基本情况调查表.docx")):
        m.attach(attach_bytes(R(n), "docx", ew_one(fn, "gb2312"), ew_one(fn, "gb2312")))
    write_eml("10-outlook-duplicate-image001.eml", m)

    # 11: the Annex 2 is attached without any name.
    a = ents["e11"]
    m = MIMEMultipart("mixed", boundary="=-=-=_3b8f1c2d4e5a6b7c")
    headers(m, addr("俞平", "yuping@jinding-alloy.com"),
            "宁波金鼎特种合金有限公司 高性能金属材料专项申报", d(10, 9, 33),
            "20170610093312.3b8f1c2d@jinding-alloy.com",
            extra=[("X-Mailer", "JD-Mail 3.1")])
    m.attach(body("您好，附件1、附件2已填写，请查收。\n\n俞平\n" + a["contact_phone"]))
    fn = "附件1 航空航天用高温合金精密铸件项目实施方案.docx"
    m.attach(attach_bytes(R("e11-annex1.docx"), "docx", ew(fn), ew(fn)))
    p = MIMEBase("application", "octet-stream")
    p.set_payload(R("e11-annex2.docx"))
    encoders.encode_base64(p)
    p.add_header("Content-Disposition", "attachment")
    m.attach(p)
    write_eml("11-nameless-attachment.eml", m)

    # 12: forms with deliberate errors.
    a = ents["e12"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_000_0044_01D2E2A0.1B2C3D40")
    headers(m, addr("葛涛", "getao@yongda-tech.com"),
            "宁波甬达电子科技有限公司-智能信息设施及产品专项-附件1附件2", d(10, 15, 2),
            "004401d2e2a0$1b2c3d40$5e6f7a80$@yongda-tech.com",
            extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    m.attach(body("张老师好，附件为我公司的申报材料，请查收。\n\n葛涛\n宁波甬达电子科技有限公司"))
    for n, fn in (("e12-annex1.docx", "附件1-窄带物联网智能终端项目实施方案.docx"),
                  ("e12-annex2.docx", "附件2-宁波甬达电子科技有限公司调查表.docx")):
        m.attach(attach_bytes(R(n), "docx", ew(fn), ew(fn)))
    write_eml("12-errors-first-submission.eml", m)

    # 13: the same enterprise resubmits a corrected Annex 2, replying to the correction request.
    a = ents["e13"]
    m = MIMEMultipart("mixed", boundary="----=_NextPart_000_0051_01D2E4F7.7C8D9EA0")
    headers(m, addr("葛涛", "getao@yongda-tech.com"),
            "回复: 【请更正】宁波甬达电子科技有限公司申报材料", d(12, 10, 18),
            "005101d2e4f7$7c8d9ea0$8f9a0b10$@yongda-tech.com",
            extra=[("X-Mailer", "Microsoft Outlook 16.0"),
                   ("In-Reply-To", "<reply.8d41c2e7a9b3@formbox.test>"),
                   ("References", "<004401d2e2a0$1b2c3d40$5e6f7a80$@yongda-tech.com> <reply.8d41c2e7a9b3@formbox.test>")])
    m.attach(body("您好，\n\n已按提示更正：补填法人代表和2015年工业利润总额；固定资产原误填为18600，应为6800；"
                  "初中及以下人数应为100人；2014年实交税金原按元填写，已改为386万元；2016年工业销售收入为12600万元、"
                  "利润总额980万元（原来两栏填反）；联系电话更正为13957412366。更正后的附件2见附件，附件1不变。\n\n"
                  "葛涛\n\n-----原始邮件-----\n发件人: forms@formbox.test\n主题: 【请更正】宁波甬达电子科技有限公司申报材料\n"))
    fn = "附件2-宁波甬达电子科技有限公司调查表（更正）.docx"
    m.attach(attach_bytes(R("e13-annex2.docx"), "docx", ew(fn), ew(fn)))
    write_eml("13-resubmission-corrected.eml", m)

    # 14: an Annex 2 re-typed in the sender's own layout.
    a = ents["e14"]
    m = MIMEMultipart("mixed", boundary="----=_Part_77120_1949107625.1497252841522")
    headers(m, addr("许杰", "xujie@jingrui-semi.com"),
            "第三代半导体专项材料报送（宁波晶瑞半导体材料有限公司）", d(12, 15, 34),
            "1497252841522.77120.xujie@jingrui-semi.com")
    m.attach(body("专项办老师：\n\n我们按自己的格式重新整理了调查表（附件2），内容与模板一致，请查收。\n\n许杰\n"
                  + a["enterprise_name"] + "\n" + a["contact_phone"]))
    for n, fn in (("e14-annex1.docx", "附件1：6英寸碳化硅外延材料项目实施方案.docx"),
                  ("e14-annex2.docx", "附件2：晶瑞半导体企业情况表.docx")):
        m.attach(attach_bytes(R(n), "docx", ew(fn), ew(fn)))
    write_eml("14-annex2-own-layout.eml", m)

    # 15: the Annex 2 is a truncated .docx (broken upload).
    m = MIMEMultipart("mixed", boundary="----=_Part_501_880431.1497330011002")
    headers(m, addr("方敏", "fangmin@kaiyue-chem.com"),
            "高端精细化工专项-宁波凯越精细化工有限公司-申报材料", d(13, 13, 0),
            "1497330011002.501.fangmin@kaiyue-chem.com")
    m.attach(body("您好，请查收我公司的附件1和附件2。\n\n方敏\n宁波凯越精细化工有限公司\n13606617825"))
    fn = "附件1-电解液添加剂绿色合成项目实施方案.docx"
    m.attach(attach_bytes(R("e15-annex1.docx"), "docx", ew(fn), ew(fn)))
    fn = "附件2-宁波凯越精细化工有限公司调查表.docx"
    m.attach(attach_bytes(R("e15-annex2-truncated.docx"), "docx", ew(fn), ew(fn)))
    write_eml("15-truncated-docx.eml", m)

    # 16: no attachment at all (a question in the body).
    m = body("张老师您好：\n\n我们是梅山保税港区的宁波远洋海工装备有限公司，想申报海洋新材料专项。"
             "请问附件2调查表中的“占地面积”是填土地证面积还是实际使用面积？附件1和附件2我们填好后再发给您。\n\n"
             "谢谢！\n王海\n0574-86781230")
    m2 = MIMEMultipart("alternative", boundary="--boundary_2017_0613_yuanyang")
    m2.attach(m)
    m2.attach(MIMEText("<p>张老师您好：</p><p>我们是梅山保税港区的宁波远洋海工装备有限公司，想申报海洋新材料专项。"
                       "请问附件2调查表中的“占地面积”是填土地证面积还是实际使用面积？附件1和附件2我们填好后再发给您。</p>"
                       "<p>谢谢！<br>王海<br>0574-86781230</p>", "html", "utf-8"))
    headers(m2, addr("王海", "office@nb-yuanyang-marine.com"), "咨询：附件2占地面积怎么填？", d(13, 9, 41),
            "20170613094101.5d2e1f@nb-yuanyang-marine.com")
    write_eml("16-no-attachment.eml", m2)

    # 17: out-of-office auto-reply to a receipt sent by the service.
    m = body("您好，我于6月12日至6月18日出差，期间邮件回复可能不及时。紧急事务请致电0574-63256688。\n\n"
             "徐丽娜\n宁波恒锐精密轴承有限公司")
    headers(m, addr("徐丽娜", "xulina@hengrui-bearing.com"),
            "自动回复: 【已收到】宁波恒锐精密轴承有限公司申报材料", d(13, 10, 2),
            "autoreply.1497319320.77@hengrui-bearing.com",
            extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
                   ("In-Reply-To", "<receipt.51f0a3c9d2e1@formbox.test>"),
                   ("References", "<receipt.51f0a3c9d2e1@formbox.test>")])
    write_eml("17-auto-reply.eml", m)

    # 18: a bounce of a reply the service sent.
    m = MIMEMultipart("report", boundary="3F1A2B3C4D.1497340800/mx.nb-yuanyang-marine.com",
                      **{"report-type": "delivery-status"})
    m.attach(body("这是来自邮件服务器 mx.nb-yuanyang-marine.com 的系统退信。\n\n"
                  "您发送的邮件无法投递到以下收件人，原因：收件人邮箱已满。\n"
                  "This is the mail system at host mx.nb-yuanyang-marine.com.\n\n"
                  "<office@nb-yuanyang-marine.com>: host mx.nb-yuanyang-marine.com said: 552 5.2.2 Mailbox full\n"))
    per_msg, per_rcpt = Message(), Message()
    per_msg["Reporting-MTA"] = "dns; mx.nb-yuanyang-marine.com"
    per_msg["Arrival-Date"] = format_datetime(d(13, 15, 59))
    per_rcpt["Final-Recipient"] = "rfc822; office@nb-yuanyang-marine.com"
    per_rcpt["Action"] = "failed"
    per_rcpt["Status"] = "5.2.2"
    per_rcpt["Diagnostic-Code"] = "smtp; 552 5.2.2 Mailbox full"
    ds = MIMEBase("message", "delivery-status")
    ds.set_payload([per_msg, per_rcpt])
    m.attach(ds)
    rh = MIMEBase("text", "rfc822-headers")
    rh.set_payload("From: forms@formbox.test\r\nTo: office@nb-yuanyang-marine.com\r\n"
                   "Subject: =?UTF-8?B?%s?=\r\nDate: %s\r\nMessage-ID: <reply.0c7d9e2f1a3b@formbox.test>\r\n"
                   "Auto-Submitted: auto-replied\r\n"
                   % (base64.b64encode("回复：咨询：附件2占地面积怎么填？".encode()).decode(),
                      format_datetime(d(13, 15, 58))))
    m.attach(rh)
    headers(m, "Mail Delivery System <MAILER-DAEMON@mx.nb-yuanyang-marine.com>",
            "系统退信：回复：咨询：附件2占地面积怎么填？", d(13, 16, 0),
            "20170613080000.3F1A2B3C4D@mx.nb-yuanyang-marine.com",
            extra=[("Auto-Submitted", "auto-replied")])
    m.replace_header("Return-Path", "<>")
    write_eml("18-bounce.eml", m)

    # 19: only Annex 1, with an empty section, a 6-year duration and a programme not in the list.
    m = MIMEMultipart("mixed", boundary="----=_Part_9031_2036602.1497421455")
    headers(m, addr("孙浩", "sunhao@qianhu-robot.com"),
            "宁波钱湖机器人有限公司 项目实施方案（附件1）", d(14, 14, 24),
            "1497421455.9031.sunhao@qianhu-robot.com")
    m.attach(body("您好，先发送附件1项目实施方案，附件2正在盖章，随后补发。\n\n孙浩\n宁波钱湖机器人有限公司\n15168291475"))
    fn = "附件1-复合机器人柔性智能产线项目实施方案.docx"
    m.attach(attach_bytes(R("e19-annex1.docx"), "docx", ew(fn), ew(fn)))
    write_eml("19-annex1-only-errors.eml", m)


def split_words_gbk(name):
    """Outlook-style: the GBK bytes are cut into two encoded words, the cut falling inside a
    double-byte character."""
    b = name.encode("gbk")
    # find an odd-length prefix that ends inside a character: walk characters, cut one byte into one
    pos, cut = 0, None
    for ch in name:
        n = len(ch.encode("gbk"))
        if n == 2 and pos >= 20 and pos % 2 == 0:
            cut = pos + 1
            break
        pos += n
    assert cut % 2 == 1 and 0xff >= b[cut - 1] >= 0x81, (cut, b[cut - 1])
    w1 = base64.b64encode(b[:cut]).decode()
    w2 = base64.b64encode(b[cut:]).decode()
    return "=?GBK?B?%s?= =?GBK?B?%s?=" % (w1, w2)


def cmd_mail(build):
    out = os.path.join(build, "out")
    docs = os.path.join(HERE, "docs")
    if os.path.isdir(docs):
        shutil.rmtree(docs)
    os.makedirs(docs)
    for name, ext in DOCS.items():
        shutil.copy(os.path.join(out, name + "." + ext), os.path.join(docs, name + "." + ext))
    # a broken upload: the first 55% of a good .docx
    with open(os.path.join(docs, "e15-annex2.docx"), "rb") as f:
        data = f.read()
    os.remove(os.path.join(docs, "e15-annex2.docx"))
    with open(os.path.join(docs, "e15-annex2-truncated.docx"), "wb") as f:
        f.write(data[: int(len(data) * 0.55)])
    exp_dir = os.path.join(HERE, "expected")
    if os.path.isdir(exp_dir):
        shutil.rmtree(exp_dir)
    os.makedirs(exp_dir)
    for name, x in all_expected().items():
        ent = name.split("-")[0]
        x = dict(x)
        x["document"] = "docs/%s.%s" % (name, DOCS[name])
        x["findings"] = a1_findings(A1[ent], x) if x["annex"] == "ANNEX_1" else a2_findings(x)
        with open(os.path.join(exp_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(x, f, ensure_ascii=False, indent=2)
            f.write("\n")
    with open(os.path.join(exp_dir, "e15-annex2-truncated.json"), "w", encoding="utf-8") as f:
        json.dump({"annex": "UNREADABLE", "document": "docs/e15-annex2-truncated.docx",
                   "findings": ["MAIL-UNREADABLE"]}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for old in os.listdir(HERE):
        if old.endswith(".eml"):
            os.remove(os.path.join(HERE, old))
    build_mails(build)


def decoded(value):
    from email.header import decode_header, make_header
    return str(make_header(decode_header(value))) if value else value


def cmd_check():
    """Parses every .eml back and prints what a reader should see: attachments with decoded names,
    nested messages, zip entries."""
    import email
    from email import policy
    for fn in sorted(f for f in os.listdir(HERE) if f.endswith(".eml")):
        with open(os.path.join(HERE, fn), "rb") as f:
            raw = f.read()
        msg = email.message_from_bytes(raw)
        print("%s  From=%s  Subject=%s" % (fn, decoded(msg["From"]), decoded(msg["Subject"])))

        def walk(m, depth):
            for part in m.walk():
                ct = part.get_content_type()
                if ct == "message/rfc822":
                    inner = part.get_payload()[0]
                    print("   " * depth + "  [message/rfc822] Subject=%s" % decoded(inner["Subject"]))
                    walk(inner, depth + 1)
                    return
                if part.is_multipart():
                    continue
                fname = part.get_filename()
                if part.get_content_maintype() == "text" and not fname:
                    continue
                rfc2231 = fname if fname and "=?" not in fname else None
                data = part.get_payload(decode=True) or b""
                print("   " * depth + "  %-40s %-24s %7d  name=%s" % (ct[:40], part.get("Content-Disposition", "-").split(";")[0],
                      len(data), rfc2231 or decoded(fname)))
                if fname and fname.startswith("=?GBK") and "?= =?" in fname.replace("\r\n", "").replace("\t", " "):
                    print("   " * depth + "    raw header (split word): %r" % part["Content-Disposition"])
                if data[:4] == b"PK\x03\x04" and ct.endswith("zip-compressed"):
                    z = zipfile.ZipFile(io.BytesIO(data))
                    for zi in z.infolist():
                        print("   " * depth + "    zip entry flag=0x%x raw=%r -> %s" % (
                            zi.flag_bits, zi.orig_filename.encode("cp437")[:12] + b"...",
                            zi.orig_filename.encode("cp437").decode("gbk")))
        walk(msg, 0)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "html":
        cmd_html(sys.argv[2])
    elif cmd == "mail":
        cmd_mail(sys.argv[2])
    elif cmd == "check":
        cmd_check()
    elif cmd == "findings":
        cmd_findings()
