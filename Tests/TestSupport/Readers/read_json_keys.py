#!/usr/bin/env python3
"""Reads a JSON file with Python's json module, keeping key order, and prints every
mapping's keys in order by its path (as `nominees[0].facts[0]`), as JSON."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as file:
    document = json.load(file, object_pairs_hook=lambda pairs: pairs)

found = {}


def visit(value, path):
    if isinstance(value, list) and all(isinstance(item, tuple) for item in value) and value:
        found[path] = [key for key, _ in value]
        for key, inner in value:
            visit(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            visit(item, f"{path}[{index}]")


visit(document, "")
print(json.dumps(found))
