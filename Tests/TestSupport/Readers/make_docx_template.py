"""Writes a house template with python-docx, as an organizer's Word file would be.

Usage: make_docx_template.py OUT.docx [--macros]
Heading 1 in Courier New at 20 pt, an A5 page with 15 mm margins, a header that says
"House header", and a body paragraph that must never reach a report. With --macros, a
macro project and the macro-enabled content type, as Word writes a .docm.
"""
import sys
import zipfile

import docx
from docx.shared import Mm, Pt

document = docx.Document()
heading = document.styles["Heading 1"]
heading.font.name = "Courier New"
heading.font.size = Pt(20)
section = document.sections[0]
section.page_width, section.page_height = Mm(148), Mm(210)
for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
    setattr(section, side, Mm(15))
section.header.paragraphs[0].text = "House header"
document.add_paragraph("TEMPLATE BODY TEXT, never in a report")
document.save(sys.argv[1])

if "--macros" in sys.argv:
    with zipfile.ZipFile(sys.argv[1]) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    types = entries["[Content_Types].xml"].decode("utf-8").replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml")
    entries["[Content_Types].xml"] = types.encode("utf-8")
    entries["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not a real macro project"
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
