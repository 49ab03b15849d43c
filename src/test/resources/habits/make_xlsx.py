# -*- coding: utf-8 -*-
"""An Annex 2 workbook as an OA/ERP export writes it: formulas without stored results, tick-box
characters, scratch notes beside the form, and the yearly table on a second sheet.

python3 make_xlsx.py OUTDIR
"""
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

from habits_data import FORM, expected
from make_html import LABELS

COLS = "ABCDEFGH"


def cell(ref, value):
    if isinstance(value, str) and value.startswith("="):
        return '<c r="%s"><f>%s</f></c>' % (ref, escape(value[1:]))   # no <v>: no stored result
    if isinstance(value, (int, float)):
        return '<c r="%s"><v>%s</v></c>' % (ref, value)
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(value))


def sheet(rows):
    xml = []
    for r, row in enumerate(rows, 1):
        cells = "".join(cell("%s%d" % (COLS[c], r), v) for c, v in enumerate(row) if v is not None)
        xml.append('<row r="%d">%s</row>' % (r, cells))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>') % "".join(xml)


def workbook(path, sheets, external=None):
    """`external`: the file name of a workbook the formulas refer to as [1] (an external link part)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if external:
            z.writestr("xl/externalLinks/externalLink1.xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1">'
                       '<sheetNames><sheetName val="资产负债表"/></sheetNames></externalBook></externalLink>')
            z.writestr("xl/externalLinks/_rels/externalLink1.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
                       'Target="%s" TargetMode="External"/></Relationships>' % escape(external))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                             for i in range(len(sheets)))
                   + ('<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
                      if external else '') + '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   + "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), i + 1, i + 1) for i, (n, _) in enumerate(sheets))
                   + '</sheets>' + ('<externalReferences><externalReference r:id="rId99"/></externalReferences>' if external else '')
                   + '</workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
                             for i in range(len(sheets)))
                   + ('<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" '
                      'Target="externalLinks/externalLink1.xml"/>' if external else '') + '</Relationships>')
        for i, (_, rows) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), sheet(rows))


def main(out):
    f = FORM["gz"]
    rows = [["行业重点企业基本情况调查表"], ["项目", "填报内容", None, None, None, "核对备注"]]
    row_of = {}
    for key, label in LABELS:
        value = f[key]
        if key == "engineering_center":
            value = "□国家级 ☑省级 □市级 □自设"
        rows.append([label, value])
        row_of[key] = len(rows)
    b = lambda key: "B%d" % row_of[key]
    # computed cells, as the export writes them: no stored results
    rows[row_of["debt_to_asset_ratio"] - 1][1] = "=ROUND((%s-%s)/%s*100,1)" % (b("total_assets"), b("owners_equity"), b("total_assets"))
    rows[row_of["employees_total"] - 1][1] = "=%s+%s+83" % (b("employees_junior_high_or_below"), b("employees_college_or_above"))
    rows[row_of["total_assets"] - 1][1] = "='近三年指标'!D2"
    # scratch notes far to the right of the form, as staff of the enterprise leave them
    rows[row_of["enterprise_name"] - 1] += [None, None, None, "已核对"]
    rows[row_of["registered_capital"] - 1] += [None, None, None, "见营业执照"]
    years = [["指标（万元）", "2014年", "2015年", "2016年"]]
    for i, label in enumerate(["资产总额", "工业销售收入", "工业利润总额", "工业实交税金"]):
        years.append([label] + [int(f["fin"][y][i]) for y in ("2014", "2015", "2016")])
    years[3][3] = "=ROUND(D3*0.0852,0)"   # 2016 profit from 2016 sales: 33900 × 8.52 % = 2888
    workbook(os.path.join(out, "excel-formulas-gz.xlsx"), [("调查表", rows), ("近三年指标", years)])
    e = expected("gz", "excel", override={"financials.2016.industrial_profit": 2888})
    json.dump(e, open(os.path.join(out, "expected", "excel-formulas-gz.json"), "w"), ensure_ascii=False, indent=1)


def scratch(out):
    """A survey typed into a sheet by a person who leaves notes and sums beside it: three answers
    left empty with a note or another small table to their right, which must not become the answer."""
    f = FORM["hx"]
    rows = [["行业重点企业基本情况调查表"], ["项目", "填报内容"]]
    row_of = {}
    for key, label in LABELS:
        rows.append([label, f[key]])
        row_of[key] = len(rows)
    for key in ("registered_capital", "development_plan", "land_area"):
        rows[row_of[key] - 1][1] = None
    rows[row_of["registered_capital"] - 1] += [None, "见营业执照，待补"]
    rows[row_of["development_plan"] - 1] += [None, "另附说明"]
    # a sum typed beside the staff rows, and a small sign-off table to the right of the form
    rows[row_of["employees_college_or_above"] - 1] += [None, "合计", "=B%d+B%d" % (row_of["employees_junior_high_or_below"],
                                                                                 row_of["employees_college_or_above"])]
    for i, (a, b) in enumerate([("填表人", "何俊"), ("审核人", "俞文静"), ("日期", "2017-03-15")]):
        r = rows[row_of["enterprise_name"] - 1 + i * 5 + (row_of["land_area"] - row_of["enterprise_name"] - 10 if i == 2 else 0)]
        while len(r) < 5:
            r.append(None)
        r += [a, b]
    years = [["指标（万元）", "2014年", "2015年", "2016年"]]
    for i, label in enumerate(["资产总额", "工业销售收入", "工业利润总额", "工业实交税金"]):
        years.append([label] + [int(f["fin"][y][i]) for y in ("2014", "2015", "2016")])
    workbook(os.path.join(out, "excel-scratch-hx.xlsx"), [("调查表", rows), ("近三年指标", years)])
    e = expected("hx", "excel", blank=("registered_capital", "development_plan", "land_area"))
    json.dump(e, open(os.path.join(out, "expected", "excel-scratch-hx.json"), "w"), ensure_ascii=False, indent=1)


def uncomputable(out):
    """Formulas no reader can compute and no stored result: the total assets linked from the
    enterprise's own annual report workbook, the R&D expense through CELL(), which POI lacks.
    No expectation file: the test holds that both are kept for staff, never read as 0."""
    f = FORM["yt"]
    rows = [["行业重点企业基本情况调查表"], ["项目", "填报内容"]]
    for key, label in LABELS:
        value = f[key]
        if key == "total_assets":
            value = "=[1]资产负债表!C45"
        if key == "annual_rd_expense":
            value = '=CELL("contents",D20)'
        rows.append([label, value])
    workbook(os.path.join(out, "excel-uncomputable-yt.xlsx"), [("调查表", rows)], external="2016年报表.xlsx")


if __name__ == "__main__":
    main(sys.argv[1])
    scratch(sys.argv[1])
    uncomputable(sys.argv[1])
