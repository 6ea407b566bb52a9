"""Makes the clipboard forms the paste-splitter tests read (run from the repository root:
``python tests/data/paste/make_inputs.py``; needs poppler's pdftotext and LibreOffice).

Each input is what a drafter's clipboard holds after selecting a passage and copying it:
- ``*.poppler.txt``: the text layer of an official PDF as poppler gives it (Evince, Okular and
  other poppler viewers copy this text): ``pdftotext`` without layout, pages joined by a
  line break, cut at the first and last line of the selection;
- ``*.pypdf.txt``: the same passage as pypdf extracts it (Acrobat-like: first lines indented,
  footnotes as "N text" lines);
- ``*.libreoffice.html``: the HTML LibreOffice writes for a Word file
  (``soffice --headless --convert-to html``), cut to the selected paragraphs (whole <p>
  elements and list items, as a selection of whole paragraphs copies them) with the footnote
  containers their marks call, as LibreOffice's clipboard HTML carries them.
The expected paragraph counts and structure in tests/corpus/test_paste_realdocs.py were
written by hand from the PDFs and Word files, not from this output.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE.parent / "realdocs"


def _pdf(name: str) -> Path:
    return REAL / "pdf" / name


def poppler(pdf: Path, first: int, last: int, start: str, end: str) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(first), "-l", str(last), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return _cut(out.replace("\f", "\n"), start, end)


def poppler_all(pdf: Path) -> str:
    """Select all, copy: the whole text layer."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return out.stdout.replace("\f", "\n")


def pypdf_text(pdf: Path, first: int, last: int, start: str, end: str) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    pages = [reader.pages[i].extract_text() for i in range(first - 1, last)]
    return _cut("\n".join(pages), start, end)


def _cut(text: str, start: str, end: str) -> str:
    """From the line holding ``start`` to the end of the line holding ``end`` (its first
    occurrence after ``start``)."""
    a = text.index(start)
    a = text.rfind("\n", 0, a) + 1
    b = text.index(end, a)
    b = text.find("\n", b)
    return text[a : b if b >= 0 else len(text)] + "\n"


def _soffice(docx: Path, form: str, folder: str) -> None:
    """LibreOffice converts ``docx`` to ``form`` in ``folder`` (a profile of its own there)."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            form,
            "--outdir",
            folder,
            str(docx),
        ],
        check=True,
        capture_output=True,
    )


def docx_pdf_poppler(docx: Path, start: str, end: str) -> str:
    """The text layer of the PDF LibreOffice prints from a Word file, as poppler gives it."""
    with tempfile.TemporaryDirectory() as tmp:
        _soffice(docx, "pdf", tmp)
        out = subprocess.run(
            ["pdftotext", str(Path(tmp) / (docx.stem + ".pdf")), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    a = out.index(start)
    return _cut(out[a:].replace("\f", "\n"), start, end)


def libreoffice_html(docx: Path, start: str, end: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        _soffice(docx, "html", tmp)
        html = (Path(tmp) / (docx.stem + ".html")).read_text(encoding="utf-8")
    head, body = html.split("<body", 1)
    body = body.split(">", 1)[1]
    # whole paragraphs from the one holding `start` to the one holding `end`
    a = body.rindex("<p", 0, body.index(start))
    list_open = body.rfind("<ol", 0, a)
    if list_open >= 0 and body.rfind("</ol>", 0, a) < list_open:
        a = list_open  # the selection starts in a list: its item numbering comes along
    b = body.index("</p>", body.index(end, a)) + len("</p>")
    fragment = body[a:b]
    closers = fragment.count("<ol") - fragment.count("</ol>")
    fragment += "</ol>" * max(0, closers)
    notes = []
    for n in re.findall(r'href="#sdfootnote(\d+)sym"', fragment):
        m = re.search(rf'<div id="sdfootnote{n}">.*?</div>', body, re.S)
        if m:
            notes.append(m.group(0))
    return f"{head}<body>\n{fragment}\n{''.join(notes)}\n</body>\n</html>\n"


def main() -> int:
    icc = _pdf("A_RES_73_7-EN.pdf")
    space = _pdf("A_RES_73_6-EN.pdf")
    inputs = {
        # A/RES/73/7, page 2: six recitals from "Expressing its appreciation" to op. 6
        "a-res-73-7-p2.poppler.txt": poppler(
            icc, 2, 2, "Expressing its appreciation", "national ownership;"
        ),
        "a-res-73-7-p2.pypdf.txt": pypdf_text(
            icc, 2, 2, "Expressing its appreciation", "No. 40446."
        ),
        # A/RES/73/7 across the page break 1→2, footnote 1 at the foot of page 1
        "a-res-73-7-p1-2.poppler.txt": poppler(
            icc, 1, 2, "Recalling also that the Rome Statute", "Court, 2"
        ),
        "a-res-73-7-p1-2.pypdf.txt": pypdf_text(
            icc, 1, 2, "Recalling also that the Rome Statute", "Court,2"
        ),
        # A/RES/73/6 pages 1-3: a recital split by two page breaks, notes out of order
        "a-res-73-6-p1-3.poppler.txt": poppler(
            space, 1, 3, "Recognizing that the fiftieth anniversary", "Other Celestial Bodies, 5"
        ),
        # select all in the viewer: the whole text layer, masthead and page furniture included
        "a-res-73-6.poppler-all.txt": poppler_all(space),
        "a-res-73-7.poppler-all.txt": poppler_all(icc),
        # decision 7/CMA.3 printed to PDF by LibreOffice: operative 5 to 7 (h) with (a)-(h)
        "fccc-7-cma-3.poppler.txt": docx_pdf_poppler(
            REAL / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx",
            "Invites the subsidiary bodies to carry out the work",
            "avoid duplication of efforts;",
        ),
    }
    for name, text in inputs.items():
        (HERE / name).write_text(text, encoding="utf-8")
    docs = {
        "mun-reso.libreoffice.html": (
            REAL / "mun-docx" / "MUN_Eddy12597_test_reso.docx",
            "Alarmed by",
            "mitigation.",
        ),
        "fccc-7-cma-3.libreoffice.html": (
            REAL / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx",
            "Recalling </i>the Paris Agreement and the global goal",
            "duplication of efforts;</p>",
        ),
    }
    for name, (docx, start, end) in docs.items():
        (HERE / name).write_text(libreoffice_html(docx, start, end), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
