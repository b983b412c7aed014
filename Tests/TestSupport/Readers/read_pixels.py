"""Renders a PDF's first page with poppler's pdftoppm and prints the colour at points.

Usage: read_pixels.py FILE.pdf X,Y [X,Y ...]   (points from the top left corner)
Prints a JSON list of [red, green, blue], one per point.
"""
import json
import subprocess
import sys
import tempfile

from PIL import Image

DPI = 72
with tempfile.TemporaryDirectory() as directory:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", "-singlefile", sys.argv[1], directory + "/page"], check=True)
    image = Image.open(directory + "/page.png").convert("RGB")
    colours = []
    for point in sys.argv[2:]:
        x, y = (float(part) for part in point.split(","))
        colours.append(list(image.getpixel((int(x * DPI / 72), int(y * DPI / 72)))))
print(json.dumps(colours))
