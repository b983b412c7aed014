"""Reads XML files with expat (Python's pyexpat, no namespace processing) and prints, as JSON,
for each file: whether it is well-formed, and its events: ["start", name, [[attribute, value],
...] sorted], ["end", name], ["text", text] (adjacent text joined, as one run).

Usage: read_xml_events.py FILE...
"""
import json
import sys
import xml.parsers.expat


def events(path):
    found = []

    def text(data):
        if found and found[-1][0] == "text":
            found[-1][1] += data
        else:
            found.append(["text", data])

    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = lambda name, attributes: found.append(["start", name, sorted(attributes.items())])
    parser.EndElementHandler = lambda name: found.append(["end", name])
    parser.CharacterDataHandler = text
    try:
        with open(path, "rb") as file:
            parser.ParseFile(file)
    except xml.parsers.expat.ExpatError:
        return {"wellFormed": False, "events": []}
    return {"wellFormed": True, "events": found}


print(json.dumps([events(path) for path in sys.argv[1:]]))
