#!/usr/bin/env python3
"""Checks rendered dpia reports with tools other than dpia's own.

    check-reports.py html FILE...   parse with html5lib's strict parser; any parse error fails
    check-reports.py md [--expect-text TEXT]... FILE...
                                    convert with cmark-gfm (tables, raw HTML let through as GitHub
                                    lets <br> through) and `pandoc -f gfm -t html`;
                                    both must give the tables and rows the Markdown source intends,
                                    no HTML element outside what Markdown itself makes, and every
                                    --expect-text as visible text (user text survives as text)

Exit status 0 when every file passes, 1 when one fails (reasons on stderr), 2 on bad usage,
3 when a needed tool is missing (the caller decides whether that is a skip).
"""
import html
import html.parser
import re
import shutil
import subprocess
import sys

# Elements that cmark-gfm and pandoc produce from plain Markdown; anything else came from user text.
MARKDOWN_ELEMENTS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "code", "br",
    "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col", "del",
}


def fail(file, message):
    print(f"{file}: {message}", file=sys.stderr)
    return False


def check_html(files):
    try:
        import html5lib
    except ImportError:
        print("html5lib is not installed (pip install html5lib, or apt-get install python3-html5lib)",
              file=sys.stderr)
        return 3
    ok = True
    for file in files:
        with open(file, "rb") as handle:
            data = handle.read()
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(data, transport_encoding="utf-8")
        except Exception as error:  # html5lib raises ParseError with the position in the message
            ok = fail(file, f"not valid HTML: {error}")
    return 0 if ok else 1


def intended_tables(markdown):
    """The tables and row counts the Markdown source means: a header row, a delimiter row, then body
    rows up to the first line that does not start with a pipe."""
    lines = markdown.split("\n")
    tables = []
    index = 0
    while index < len(lines) - 1:
        if lines[index].startswith("|") and re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[index + 1]):
            rows = 1
            index += 2
            while index < len(lines) and lines[index].startswith("|"):
                rows += 1
                index += 1
            tables.append(rows)
        else:
            index += 1
    return tables


class Structure(html.parser.HTMLParser):
    """Counts rows per table, collects element names and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []
        self.elements = set()
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        if tag == "table":
            self.tables.append(0)
        elif tag == "tr" and self.tables:
            self.tables[-1] += 1
        elif tag == "br":
            self.text.append("\n")

    def handle_data(self, data):
        self.text.append(data)


def check_markdown(files, expected_texts):
    converters = {
        "cmark-gfm": ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough"],
        "pandoc": ["pandoc", "-f", "gfm", "-t", "html", "--wrap=none"],
    }
    missing = [name for name in converters if shutil.which(name) is None]
    if missing:
        print(f"missing {', '.join(missing)} (apt-get install cmark-gfm pandoc)", file=sys.stderr)
        return 3
    ok = True
    for file in files:
        with open(file, encoding="utf-8") as handle:
            source = handle.read()
        intended = intended_tables(source)
        for name, command in converters.items():
            result = subprocess.run(command + [file], capture_output=True, text=True)
            if result.returncode != 0:
                ok = fail(file, f"{name} failed: {result.stderr.strip()}")
                continue
            structure = Structure()
            structure.feed(result.stdout)
            if structure.tables != intended:
                ok = fail(file, f"{name} made tables with rows {structure.tables}; the Markdown means {intended}")
            stray = sorted(structure.elements - MARKDOWN_ELEMENTS)
            if stray:
                ok = fail(file, f"{name} output has elements Markdown did not make: {', '.join(stray)}")
            text = "".join(structure.text)
            for expected in expected_texts:
                if expected not in text:
                    ok = fail(file, f"{name} output lost the text {expected!r}")
    return 0 if ok else 1


def main(arguments):
    if len(arguments) < 2 or arguments[0] not in ("html", "md"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, rest = arguments[0], arguments[1:]
    expected, files = [], []
    while rest:
        if rest[0] == "--expect-text" and len(rest) > 1:
            expected.append(rest[1])
            rest = rest[2:]
        else:
            files.append(rest[0])
            rest = rest[1:]
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    return check_html(files) if mode == "html" else check_markdown(files, expected)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
