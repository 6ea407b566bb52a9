"""The exported Word files as LibreOffice lays them out (slow): footnotes on the page of their
mark, operative numbers in order, the symbol in the running header of page 2.

LibreOffice and poppler are installed by .ci/run; in CI (CI=true) their absence is a failure,
elsewhere the tests are skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from drafting_app.export.docx_writer import write_docx
from drafting_app.model import Document
from drafting_app.model.numbering import footnote_numbers, number_operative
from tests.conftest import CORPUS_FILES
from tests.export.docx_helpers import corpus_doc

pytestmark = pytest.mark.slow
SYMBOL = "CTOC/COP/TEST/L.1"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing in CI: .ci/run must install it")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, list[str]]]:
    """Each corpus document exported and converted to PDF in one LibreOffice run."""
    soffice, pdftotext = _tool("soffice"), _tool("pdftotext")
    work = tmp_path_factory.mktemp("lo")
    docs: dict[str, Document] = {}
    for key in CORPUS_FILES:
        doc = corpus_doc(key)
        if doc.masthead is not None:
            doc.masthead.symbol = SYMBOL
        docs[key] = doc
        write_docx(doc, work / f"{key}.docx")
    profile = f"file://{work / 'profile'}"
    files = [str(work / f"{k}.docx") for k in docs]
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), *files],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    out: dict[str, tuple[Document, list[str]]] = {}
    for key, doc in docs.items():
        pdf = work / f"{key}.pdf"
        assert pdf.exists(), f"LibreOffice made no PDF of {key}"
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        out[key] = (doc, text.split("\f"))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _words_before_marks(doc: Document) -> dict[str, str]:
    """Footnote id → the last words of text before its first mark."""
    out: dict[str, str] = {}
    for p in doc.all_paragraphs():
        for a in p.anchors:
            if a.footnote_id not in out:
                words = p.text[: a.offset].split()[-7:]
                out[a.footnote_id] = " ".join(words)
    return out


@pytest.mark.parametrize("key", sorted(CORPUS_FILES))
def test_footnotes_print_on_the_page_of_their_mark(rendered, key):
    doc, pages = rendered[key]
    flat = [_norm(p) for p in pages]
    before = _words_before_marks(doc)
    numbers = footnote_numbers(doc)
    checked = 0
    for f in doc.footnotes:
        context = before.get(f.id)
        if not context:
            continue
        note_start = _norm(f.text)[:40]
        note_pages = {i for i, t in enumerate(flat) if note_start in t}
        mark_pages = {
            i for i, t in enumerate(flat) if context in re.sub(r"(?<=\D)\d+(?=\s|$)", "", t)
        }
        mark_pages |= {i for i, t in enumerate(flat) if context in t}
        assert note_pages, f"{key}: footnote {numbers[f.id]} not printed"
        assert note_pages & mark_pages, f"{key}: footnote {numbers[f.id]} not on its mark's page"
        checked += 1
    assert checked == len([f for f in doc.footnotes if f.id in before])


@pytest.mark.parametrize("key", sorted(CORPUS_FILES))
def test_operative_labels_print_in_order(rendered, key):
    doc, pages = rendered[key]
    text = _norm(" ".join(pages))
    at = 0
    for n in number_operative(doc.operative, doc.form):
        if not n.label:
            continue
        start = " ".join(n.paragraph.text.split()[:2])
        found = text.find(f"{n.label} {start}", at)
        assert found >= 0, f"{key}: {n.label} {start} not found after position {at}"
        at = found


def test_symbol_runs_in_the_header_from_page_two(rendered):
    _, pages = rendered["france_draft"]
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    first_line = next(line for line in pages[1].splitlines() if line.strip())
    assert first_line.strip() == SYMBOL
    # Page 1 carries the symbol in the masthead and no running header.
    assert pages[0].lstrip().startswith("United Nations")
