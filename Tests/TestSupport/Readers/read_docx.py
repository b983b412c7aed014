"""Reads a Word document with python-docx, an independent reader, and prints it as JSON.

Usage: read_docx.py FILE
The body in order: paragraphs as {"style", "text"} and tables as {"table": rows of cell
texts, "headerRows": how many leading rows repeat on each page (w:tblHeader), "cantSplit":
whether every row is kept from breaking}; the core properties; the language of the
document defaults and of each style that sets one; the page size in millimetres; the
field instructions anywhere in the body, headers and footers.
"""
import json
import re
import sys
import zipfile

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

body = []
for element in document.element.body.iterchildren():
    if element.tag == W + "p":
        paragraph = docx.text.paragraph.Paragraph(element, document)
        body.append({"style": paragraph.style.name if paragraph.style is not None else None, "text": paragraph.text})
    elif element.tag == W + "tbl":
        table = docx.table.Table(element, document)
        rows = element.findall(W + "tr")
        header = 0
        for row in rows:
            properties = row.find(W + "trPr")
            if properties is not None and properties.find(W + "tblHeader") is not None:
                header += 1
            else:
                break
        cant_split = all(row.find(W + "trPr") is not None and row.find(W + "trPr").find(W + "cantSplit") is not None for row in rows)
        texts = []
        for row in rows:
            texts.append(["\n".join(p.text for p in docx.table._Cell(cell, table).paragraphs) for cell in row.findall(W + "tc")])
        body.append({"table": texts, "headerRows": header, "cantSplit": cant_split,
                     "style": table.style.name if table.style is not None else None})

core = document.core_properties
styles_element = document.styles.element
languages = {}
defaults = styles_element.find(qn("w:docDefaults"))
if defaults is not None:
    lang = defaults.find(".//" + qn("w:lang"))
    if lang is not None:
        languages["(defaults)"] = lang.get(qn("w:val"))
section = document.sections[0]
fields = []
# ECMA-376's sequences for the properties Word checks the order of (CT_PPr, CT_RPr, CT_TblPr,
# CT_TcPr): a child out of order is a document Word offers to repair.
ORDERS = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
            "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
            "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
            "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
            "specVanish", "oMath"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
              "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection", "tcFitText",
             "vAlign", "hideMark"],
}
order_errors = []
with zipfile.ZipFile(sys.argv[1]) as archive:
    for name in sorted(archive.namelist()):
        if re.match(r"word/(document|styles|header\d+|footer\d+)\.xml$", name):
            xml = archive.read(name).decode("utf-8")
            for tag, order in ORDERS.items():
                for element in __import__("xml.etree.ElementTree", fromlist=["fromstring"]).fromstring(xml).iter(W + tag):
                    names = [child.tag.replace(W, "") for child in element]
                    ranks = [order.index(n) if n in order else len(order) for n in names]
                    if ranks != sorted(ranks) or len(set(names)) != len(names):
                        order_errors.append(f"{name} {tag}: {names}")
            fields += re.findall(r'w:instr="([^"]*)"', xml) + re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)
    names = sorted(archive.namelist())
    company = re.findall(r"<Company>(.*?)</Company>", archive.read("docProps/app.xml").decode("utf-8")) if "docProps/app.xml" in names else []
print(json.dumps({
    "body": body,
    "properties": {"title": core.title, "author": core.author, "subject": core.subject, "language": core.language,
                   "created": core.created.isoformat() if core.created else None,
                   "company": company[0] if company else None},
    "languages": languages,
    "page": [round(section.page_width.mm), round(section.page_height.mm)] if section.page_width else None,
    "fields": fields,
    "orderErrors": order_errors,
    "parts": names,
    "headings": [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")],
    "headingFont": document.styles["Heading 1"].font.name if "Heading 1" in [st.name for st in document.styles] else None,
    "header": "\n".join(p.text for p in section.header.paragraphs) if section.header is not None else "",
    "styleNames": sorted(st.name for st in document.styles if st.name),
    "headingStyles": sorted({p.style.name for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")}),
}, ensure_ascii=False, default=str))
