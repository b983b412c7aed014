"""Reads a workbook with openpyxl, an independent reader, and prints it as JSON.

Usage: read_xlsx.py FILE
For each sheet: its cells as [value, data_type] rows (data_type 'f' is a formula).
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheets = {}
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        rows.append([[cell.value if not isinstance(cell.value, float) or cell.value == cell.value else None,
                      cell.data_type] for cell in row])
    sheets[sheet.title] = rows
print(json.dumps({"sheets": sheets, "order": book.sheetnames}, ensure_ascii=False, default=str))
