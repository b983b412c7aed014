#!/usr/bin/env python3
"""Reads an HTML document (as Chromium serialized it) with Python's html.parser and prints,
as JSON, what a reader and a security review care about: the visible text of the body,
every element name, every attribute whose name starts with "on", every href, and the table
header cells with their scope."""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.text = []
        self.elements = []
        self.handlers = []
        self.hrefs = []
        self.headers = []
        self.lang = None
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(f"{tag}[{name}]")
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag == "th":
            self.headers.append(attributes.get("scope"))
        if tag not in VOID:
            self.stack.append(tag)
        if tag in ("p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "caption", "figcaption", "tr", "section", "span"):
            self.text.append(" ")

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop() == tag:
                break
        self.text.append(" ")

    def handle_data(self, data):
        if "body" in self.stack and not any(t in ("style", "script", "head") for t in self.stack):
            self.text.append(data)


reader = Reader()
with open(sys.argv[1], encoding="utf-8") as file:
    reader.feed(file.read())
reader.close()
print(json.dumps({
    "text": "".join(reader.text),
    "elements": reader.elements,
    "handlers": reader.handlers,
    "hrefs": reader.hrefs,
    "headerScopes": reader.headers,
    "lang": reader.lang,
}))
