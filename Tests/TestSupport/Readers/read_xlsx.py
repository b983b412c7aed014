"""Reads a workbook with openpyxl, an independent reader, and prints it as JSON.

Usage: read_xlsx.py FILE [--values]
For each sheet: its cells as [value, data_type] rows (data_type 'f' is a formula); with
--values, the cached results of formulas instead of the formulas. Also the document
properties, frozen panes, column widths, tables, autofilters, conditional formats, charts
and the fills of cells.
"""
import json
import re
import sys
import zipfile

import openpyxl

values_only = "--values" in sys.argv
book = openpyxl.load_workbook(sys.argv[1], data_only=values_only)


def plain(value):
    if isinstance(value, float) and value != value:
        return None
    return value


def tagged(value):
    """A cell's value with its JSON kind first, so the reader decodes it without guessing."""
    value = plain(value)
    if value is None:
        return ["null", None]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, (int, float)):
        return ["number", value]
    return ["string", str(value)]


sheets = {}
details = {}
for sheet in book.worksheets:
    sheets[sheet.title] = [[tagged(cell.value) + [cell.data_type] for cell in row] for row in sheet.iter_rows()]
    details[sheet.title] = {
        "freeze": sheet.freeze_panes,
        "widths": {key: dim.width for key, dim in sheet.column_dimensions.items() if dim.width},
        "tables": {table.displayName: {"ref": table.ref,
                                       "style": table.tableStyleInfo.name if table.tableStyleInfo else None,
                                       "columns": [column.name for column in table.tableColumns],
                                       "autofilter": table.autoFilter is not None}
                   for table in sheet.tables.values()},
        "autofilter": sheet.auto_filter.ref,
        "conditional": [[["text", str(rng.sqref)], ["list", [rule.type for rule in rules]]] for rng, rules in sheet.conditional_formatting._cf_rules.items()],
        "fills": {cell.coordinate: cell.fill.fgColor.rgb for row in sheet.iter_rows() for cell in row
                  if cell.fill is not None and cell.fill.fill_type == "solid"},
        "bold": [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.font is not None and cell.font.b],
        "wrapped": [cell.coordinate for row in sheet.iter_rows() for cell in row
                    if cell.alignment is not None and cell.alignment.wrap_text],
        "heights": {str(key): dim.height for key, dim in sheet.row_dimensions.items() if dim.height},
        "hiddenRows": sorted(key for key, dim in sheet.row_dimensions.items() if dim.hidden),
        "hiddenColumns": sorted(key for key, dim in sheet.column_dimensions.items() if dim.hidden),
        "protected": bool(sheet.protection.sheet),
        "hidden": sheet.sheet_state != "visible",
        "comments": {cell.coordinate: cell.comment.text for row in sheet.iter_rows() for cell in row if cell.comment},
        "unlocked": [cell.coordinate for row in sheet.iter_rows() for cell in row
                     if cell.protection is not None and not cell.protection.locked],
        "repeatColumns": str(sheet.print_title_cols) if sheet.print_title_cols else None,
        "fitToWidth": sheet.page_setup.fitToWidth if sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage else None,
        "repeatRows": str(sheet.print_title_rows) if sheet.print_title_rows else None,
        "orientation": sheet.page_setup.orientation,
        "scale": int(sheet.page_setup.scale) if sheet.page_setup.scale is not None else None,
        "merged": sorted(str(rng) for rng in sheet.merged_cells.ranges),
        "horizontal": {cell.coordinate: cell.alignment.horizontal for row in sheet.iter_rows() for cell in row
                       if cell.alignment is not None and cell.alignment.horizontal},
    }
# openpyxl does not load charts or the company: read their XML from the zip.
charts = []
company = None
with zipfile.ZipFile(sys.argv[1]) as archive:
    if "docProps/app.xml" in archive.namelist():
        match = re.search(r"<Company>(.*?)</Company>", archive.read("docProps/app.xml").decode("utf-8"), re.S)
        if match:
            from xml.sax.saxutils import unescape
            company = unescape(match.group(1))
    for name in sorted(n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
        xml = archive.read(name).decode("utf-8")
        kind = re.search(r"<c:(bar|line|pie|area|scatter)Chart>", xml)
        direction = re.search(r'<c:barDir val="(\w+)"', xml)
        charts.append({
            "kind": kind.group(1) if kind else None,
            "direction": direction.group(1) if direction else None,
            "categories": re.findall(r"<c:cat>.*?<c:f>(.*?)</c:f>", xml, re.S),
            "values": re.findall(r"<c:val>.*?<c:f>(.*?)</c:f>", xml, re.S),
            "title": re.findall(r"<a:t>(.*?)</a:t>", xml),
            "fills": re.findall(r"<c:ser>.*?<c:spPr>.*?<a:srgbClr val=\"(\w+)\"", xml, re.S),
            "labels": [{"value": "<c:showVal val=\"1\"/>" in labels, "format": (re.findall(r'formatCode="([^"]*)"', labels) or [None])[0],
                        "position": (re.findall(r'<c:dLblPos val="(\w+)"', labels) or [None])[0]}
                       for labels in re.findall(r"<c:dLbls>(.*?)</c:dLbls>", xml, re.S)],
        })
props = book.properties
print(json.dumps({
    "sheets": sheets, "order": book.sheetnames, "details": details, "charts": charts,
    "definedNames": {name: dn.attr_text for name, dn in book.defined_names.items()},
    "properties": {"title": props.title, "creator": props.creator, "subject": props.subject,
                   "company": company,
                   "created": props.created.isoformat() if props.created else None},
}, ensure_ascii=False, default=str))
