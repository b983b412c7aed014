"""Fills a juryreport score form the way a juror's program would: with openpyxl, an
independent writer, finding the cells by the form's hidden ids, then saving it again.

Usage: fill_form.py FORM OUT SCORES_JSON [EDITS_JSON]
SCORES_JSON maps nominee id -> criterion id (or "juryreport:score", or "juryreport:remarks"
for the remark) -> value; a value is written as given: a number, or a text such as "7,5" (a
number stored as text). A text that starts with "=" is stored as text, as a program stores
what a juror types after an apostrophe; {"formula": "=..."} writes a formula.
EDITS_JSON, what a juror might do besides: {"unprotect": true} removes the protection,
{"insertRow": N} inserts an empty row before sheet row N (1-based) after filling in,
{"deleteNominee": ID} deletes that nominee's row, {"property": {NAME: VALUE}} changes a
custom document property.
Prints JSON: the form's data validations, protection, locked cells and properties as
openpyxl reads them, for the test to check.
"""
import json
import sys

import openpyxl

form, out, scores = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
edits = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
book = openpyxl.load_workbook(form)
sheet = book.worksheets[0]
corner = next(cell for row in sheet.iter_rows() for cell in row if cell.value == "juryreport:ids")
columns = {cell.value: cell.column for cell in sheet[corner.row] if cell.value and cell.column != corner.column}
rows = {}
for row in sheet.iter_rows(min_row=corner.row + 1, min_col=corner.column, max_col=corner.column):
    if row[0].value:
        rows[row[0].value] = row[0].row
report = {
    "validations": [{"type": dv.type, "operator": dv.operator, "min": dv.formula1, "max": dv.formula2,
                     "ranges": str(dv.sqref)} for dv in sheet.data_validations.dataValidation],
    "protected": bool(sheet.protection.sheet),
    "password": sheet.protection.password,
    "properties": {prop.name: prop.value for prop in book.custom_doc_props.props},
    "locked": {},
}
for nominee, by_criterion in scores.items():
    for key, value in by_criterion.items():
        cell = sheet.cell(row=rows[nominee], column=columns[key])
        report["locked"][cell.coordinate] = bool(cell.protection.locked)
        if isinstance(value, dict):
            cell.value = value["formula"]
        else:
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
# Also how a recused or a formula cell is protected, for the test.
for row in sheet.iter_rows(min_row=corner.row + 1):
    for cell in row:
        if cell.data_type == "f" or cell.value == "\u2014":
            report["locked"][cell.coordinate] = bool(cell.protection.locked)
if edits.get("unprotect"):
    sheet.protection.sheet = False
if "deleteNominee" in edits:
    sheet.delete_rows(rows[edits["deleteNominee"]])
if "insertRow" in edits:
    sheet.insert_rows(edits["insertRow"])
for name, value in edits.get("property", {}).items():
    from openpyxl.packaging.custom import StringProperty
    props = [prop for prop in book.custom_doc_props.props if prop.name != name]
    props.append(StringProperty(name=name, value=value))
    book.custom_doc_props.props = props
book.save(out)
print(json.dumps(report))
