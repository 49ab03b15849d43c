# -*- coding: utf-8 -*-
"""Writes Annex 2 survey tables as raw OOXML (.docx), the way Word stores what senders do:
tick boxes as Unicode marks, as Insert > Symbol (w:sym in Wingdings / Wingdings 2) and as Word
2010 check-box content controls (w14:checkbox); content controls around runs, paragraphs,
cells, rows and whole blocks, some still showing their placeholder.

python3 make_docx.py OUTDIR
"""
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

from habits_data import FORM, expected

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"'
FONT = '<w:rPr><w:rFonts w:ascii="SimSun" w:eastAsia="SimSun" w:hAnsi="SimSun"/></w:rPr>'
PLACEHOLDER = "单击或点击此处输入文字。"


def r(text):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (FONT, escape(text))


def p(*runs):
    return "<w:p>%s</w:p>" % "".join(x if x.startswith("<") else r(x) for x in runs)


def tc(content, span=1):
    pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else "<w:tcPr/>"
    body = content if content.startswith("<w:p") or content.startswith("<w:sdt") else p(content)
    return "<w:tc>%s%s</w:tc>" % (pr, body)


def tr(*cells):
    return "<w:tr>%s</w:tr>" % "".join(cells)


def sdt_run(text, placeholder=False):
    pr = "<w:sdtPr><w:alias w:val=\"填写\"/>%s<w:text/></w:sdtPr>" % ("<w:showingPlcHdr/>" if placeholder else "")
    return "<w:sdt>%s<w:sdtContent>%s</w:sdtContent></w:sdt>" % (pr, r(PLACEHOLDER if placeholder else text))


def sdt_block(inner, placeholder=False):
    pr = "<w:sdtPr>%s</w:sdtPr>" % ("<w:showingPlcHdr/>" if placeholder else "")
    return "<w:sdt>%s<w:sdtContent>%s</w:sdtContent></w:sdt>" % (pr, inner)


def sym(font, char):
    return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (font, char)


def checkbox(checked):
    return ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="%d"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            '</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            '<w:t>%s</w:t></w:r></w:sdtContent></w:sdt>') % (1 if checked else 0, "☒" if checked else "☐")


OPTIONS = {"engineering_center": ["国家级", "省级", "市级", "自设", "无"],
           "core_equipment": ["自制", "国产", "进口"],
           "core_technology_source": ["自主研发", "合作开发", "引进消化吸收"]}


def ticks(key, answer, style):
    """A paragraph of tick boxes, the answer's options ticked, in one of the styles senders use."""
    chosen = set(answer.split("、"))
    runs = []
    for i, option in enumerate(OPTIONS[key]):
        on = option in chosen
        if style == "unicode":
            mark = {"engineering_center": "☑" if on else "□", "core_equipment": "√" if on else "",
                    "core_technology_source": "■" if on else "□"}[key]
            runs.append(r(("  " if i else "") + mark + option))
        elif style == "sym":
            font, on_char, off_char = ("Wingdings", "F0FE", "F0A8") if key == "engineering_center" \
                else ("Wingdings 2", "F052", "F0A3")
            if i:
                runs.append(r("  "))
            runs.append(sym(font, on_char if on else off_char))
            runs.append(r(option))
        elif style == "checkbox":
            if i:
                runs.append(r("  "))
            runs.append(checkbox(on))
            runs.append(r(option))
    return p(*runs)


def survey(f, cell=None, yearly_wrap=None, contact_wrap=None, extra_before=""):
    """The call's survey table; `cell(key, text)` may replace the content of an answer cell."""
    cell = cell or (lambda key, text: text)
    g = lambda key: cell(key, f[key])
    rows = [
        tr(tc("企业名称"), tc(g("enterprise_name"), 5)),
        tr(tc("法人代表"), tc(g("legal_representative")), tc("所有制类型"), tc(g("ownership_type")), tc("外资比例"),
           tc(g("foreign_capital_ratio"))),
        tr(tc("所属行业"), tc(g("industry")), tc("所属地区"), tc(g("region")), tc("注册资金（万元）"),
           tc(g("registered_capital"))),
        tr(tc("总资产（万元）"), tc(g("total_assets")), tc("固定资产（万元）"), tc(g("fixed_assets")), tc("所有者权益（万元）"),
           tc(g("owners_equity"))),
        tr(tc("占地面积（M2）"), tc(g("land_area")), tc("建筑面积（M2）"), tc(g("floor_area")), tc("资产负债率"),
           tc(g("debt_to_asset_ratio"))),
        tr(tc("职工总人数（人）"), tc(g("employees_total")), tc("其中初中及以下（人）"), tc(g("employees_junior_high_or_below")),
           tc("其中大专及以上（人）"), tc(g("employees_college_or_above"))),
        tr(tc("研发人员占比"), tc(g("rd_staff_ratio")), tc("工程技术中心（省级、市级或自设）"), tc(g("engineering_center")),
           tc("年度研发经费投入（万元）"), tc(g("annual_rd_expense"))),
        tr(tc("主要产品"), tc(g("main_products"), 2), tc("生产能力"), tc(g("production_capacity"), 2)),
        tr(tc("核心装备（自制、国产、进口）"), tc(g("core_equipment"), 2), tc("核心技术来源"), tc(g("core_technology_source"), 2)),
        tr(tc("授权专利数（发明、实用新型）"), tc(g("patents"), 2), tc("研发条件"), tc(g("rd_conditions"), 2)),
    ]
    yearly = [tr(tc("", 2), tc("单位"), tc("2014年"), tc("2015年"), tc("2016年"))]
    for label, i in (("资产总额", 0), ("工业销售收入", 1), ("工业利润总额", 2), ("工业实交税金", 3)):
        yearly.append(tr(tc(label, 2), tc("万元"), *[tc(cell("fin", f["fin"][y][i])) for y in ("2014", "2015", "2016")]))
    if yearly_wrap:
        yearly = [yearly_wrap("".join(yearly))]
    rows += yearly
    for key, label in (("honors", "获名牌/商标/免检产品、市级重点工业新产品、装备制造业首台（套）产品情况"),
                       ("development_plan", "企业未来发展设想及技术需求"),
                       ("industry_view", "企业对该行业领域技术发展和市场的看法与判断"),
                       ("proposed_projects", "企业拟申请的市重大专项项目建议")):
        v = g(key)
        rows.append(tr(tc(p(label + "：") + (v if v.startswith("<") else p(v)), 6)))
    contact = tr(tc("联系人"), tc(g("contact_name")), tc("电话"), tc(g("contact_phone")), tc("邮箱"), tc(g("contact_email")))
    rows.append(contact_wrap(contact) if contact_wrap else contact)
    grid = "<w:tblGrid>%s</w:tblGrid>" % ('<w:gridCol w:w="1400"/>' * 6)
    table = ('<w:tbl><w:tblPr><w:tblW w:w="8400" w:type="dxa"/><w:tblBorders>'
             + "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % b
                       for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + "</w:tblBorders></w:tblPr>" + grid + "".join(rows) + "</w:tbl>")
    return extra_before + p("附件2 宁波市“科技创新2025”重大专项") + p("行业重点企业基本情况调查表") + table + p("")


def write_docx(path, body):
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1000" w:right="900" w:bottom="1000" w:left="900"'
                ' w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>') % (W, body)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", document)


def tick_cells(style):
    def cell(key, text):
        return ticks(key, text, style) if key in OPTIONS else text
    return cell


def main(out):
    exp = os.path.join(out, "expected")
    os.makedirs(exp, exist_ok=True)
    docs = {}
    # 1. tick boxes, three ways
    docs["ticks-unicode-gz.docx"] = (survey(FORM["gz"], tick_cells("unicode")), expected("gz", "tick-boxes"))
    docs["ticks-symbol-font-hx.docx"] = (survey(FORM["hx"], tick_cells("sym")), expected("hx", "tick-boxes"))
    docs["ticks-checkbox-yt.docx"] = (survey(FORM["yt"], tick_cells("checkbox")), expected("yt", "tick-boxes"))
    # two boxes ticked where one answer is asked: kept as written, for the sender to confirm
    unclear = dict(FORM["hx"], engineering_center="省级、市级")
    docs["ticks-unclear-hx.docx"] = (survey(unclear, tick_cells("unicode")),
                                    expected("hx", "tick-boxes", override={"engineering_center": "□国家级☑省级☑市级□自设□无"}))

    # 2. content controls at every level; honors and development_plan left as the placeholder
    f = FORM["yt"]

    def controls(key, text):
        if key in ("honors", "development_plan"):
            return sdt_block(p(PLACEHOLDER), placeholder=(key == "honors"))
        if key in ("enterprise_name", "total_assets", "contact_email"):
            return p(sdt_run(text))                      # around a run
        if key in ("industry", "region", "main_products", "proposed_projects"):
            return sdt_block(p(text))                    # around a paragraph
        return text
    body = survey(f, controls,
                  yearly_wrap=lambda rows: sdt_block(rows),     # around rows of the table
                  contact_wrap=lambda row: row.replace("<w:tc><w:tcPr/>%s</w:tc>" % p(f["contact_name"]),
                                                       sdt_block("<w:tc><w:tcPr/>%s</w:tc>" % p(f["contact_name"]))))
    # a whole block (heading and table) inside one control, as templates built with the Developer tab are
    docs["content-controls-yt.docx"] = (sdt_block(body), expected("yt", "content-controls",
                                                                  blank=("honors", "development_plan")))
    for name, (b, e) in docs.items():
        write_docx(os.path.join(out, name), b)
        with open(os.path.join(exp, name.rsplit(".", 1)[0] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(e, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])


def plain(path, x):
    """The call's survey table filled in plainly, the page that gets printed and scanned."""
    write_docx(path, survey(FORM[x]))
