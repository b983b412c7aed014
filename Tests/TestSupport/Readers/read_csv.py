"""Parses a CSV file with Python's csv module and prints its rows as JSON.

Usage: read_csv.py FILE DELIMITER [lenient]
A byte order mark is reported, not kept; records must end with CRLF.
"""
import csv
import json
import sys

path, delimiter = sys.argv[1], sys.argv[2]
strict = sys.argv[3:] != ["lenient"]
raw = open(path, "rb").read()
bom = raw.startswith(b"\xef\xbb\xbf")
with open(path, newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
    rows = list(csv.reader(handle, delimiter="\t" if delimiter == "tab" else delimiter, strict=strict))
print(json.dumps({"bom": bom, "rows": rows, "crlf": raw.endswith(b"\r\n")}, ensure_ascii=False))
