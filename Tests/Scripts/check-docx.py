#!/usr/bin/env python3
"""Checks dpia's Word reports with other people's readers.

    check-docx.py package [--heading TEXT]... [--row TEXT]... FILE...
        Python's zipfile opens it and testzip finds no bad CRC; every part is well-formed XML; python-docx
        reads it, and finds each --heading as a Heading 1 paragraph and each --row as the first cell of a
        table row; the core properties have a title, an author and a created date.
    check-docx.py pdf [--text TEXT]... FILE...
        LibreOffice (soffice --headless --convert-to pdf) converts it without error, and pdftotext finds
        each --text in the PDF (whitespace runs compared as one space).

Exit status 0 when every file passes, 1 when one fails (reasons on stderr), 2 on bad usage,
3 when a needed tool is missing (the caller decides whether that is a skip).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
import zipfile


def fail(file, message):
    print(f"{file}: {message}", file=sys.stderr)
    return False


def check_package(files, headings, rows):
    try:
        import docx
    except ImportError:
        print("python-docx is not installed (pip install python-docx)", file=sys.stderr)
        return 3
    ok = True
    for file in files:
        with zipfile.ZipFile(file) as archive:
            bad = archive.testzip()
            if bad is not None:
                ok = fail(file, f"zipfile: bad CRC in {bad}")
            for name in archive.namelist():
                try:
                    xml.dom.minidom.parseString(archive.read(name))
                except Exception as error:
                    ok = fail(file, f"{name} is not well-formed XML: {error}")
        document = docx.Document(file)
        found = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
        for heading in headings:
            if heading not in found:
                ok = fail(file, f"python-docx finds no Heading 1 {heading!r}; it finds {found}")
        first_cells = [row.cells[0].text for table in document.tables for row in table.rows]
        for row in rows:
            if row not in first_cells:
                ok = fail(file, f"python-docx finds no table row starting {row!r}")
        core = document.core_properties
        if not core.title or not core.author or core.created is None:
            ok = fail(file, f"core properties lack a title, author or date: {core.title!r} {core.author!r} {core.created!r}")
    return 0 if ok else 1


def check_pdf(files, texts):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        print("needs soffice and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils", file=sys.stderr)
        return 3
    ok = True
    with tempfile.TemporaryDirectory() as work:
        # A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
        profile = "file://" + os.path.join(work, "profile")
        for file in files:
            result = subprocess.run(
                [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                 "--outdir", work, file], capture_output=True, text=True, timeout=300)
            pdf = os.path.join(work, os.path.splitext(os.path.basename(file))[0] + ".pdf")
            if result.returncode != 0 or not os.path.exists(pdf):
                ok = fail(file, f"LibreOffice did not convert it (status {result.returncode}): {result.stderr}")
                continue
            text = subprocess.run([pdftotext, "-layout", pdf, "-"], capture_output=True, text=True).stdout
            flat = re.sub(r"\s+", " ", text)
            for wanted in texts:
                if re.sub(r"\s+", " ", wanted) not in flat:
                    ok = fail(file, f"the PDF's text lacks {wanted!r}")
    return 0 if ok else 1


def main(argv):
    if len(argv) < 2 or argv[1] not in ("package", "pdf"):
        print(__doc__, file=sys.stderr)
        return 2
    options = {"--heading": [], "--row": [], "--text": []}
    files = []
    rest = argv[2:]
    while rest:
        if rest[0] in options and len(rest) > 1:
            options[rest[0]].append(rest[1])
            rest = rest[2:]
        else:
            files.append(rest.pop(0))
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "package":
        return check_package(files, options["--heading"], options["--row"])
    return check_pdf(files, options["--text"])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
