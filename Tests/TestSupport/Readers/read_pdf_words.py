"""Prints every word of a PDF with its box, page by page, as poppler's pdftotext -bbox sees it.

Usage: read_pdf_words.py FILE
Output: [{"width": W, "height": H, "words": [[text, xMin, yMin, xMax, yMax], ...]}, ...],
in points from the page's top left corner.
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

xhtml = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], check=True, capture_output=True).stdout
root = ElementTree.fromstring(xhtml)
pages = []
for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
    words = [
        [word.text or "", float(word.get("xMin")), float(word.get("yMin")), float(word.get("xMax")), float(word.get("yMax"))]
        for word in page.iter("{http://www.w3.org/1999/xhtml}word")
    ]
    pages.append({"width": float(page.get("width")), "height": float(page.get("height")), "words": words})
print(json.dumps(pages, ensure_ascii=False))
