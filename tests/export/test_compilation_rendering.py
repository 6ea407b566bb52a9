"""The compilation, clean and final texts as LibreOffice lays them out (slow): labels beside
their paragraphs in order, brackets, the delegations after their proposals, struck words,
statuses; the final text numbered 1… with no trace of the negotiation.

LibreOffice and poppler are installed by .ci/run; in CI (CI=true) their absence is a
failure, elsewhere the tests are skipped (tests/export/test_libreoffice_rendering.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from drafting_app.export.compilation_docx import write_negotiation
from drafting_app.model.profiles import PROFILES
from tests.export.test_compilation import _settle
from tests.export.test_libreoffice_rendering import _tool
from tests.model.negotiation_setup import deterministic, france_in_negotiation

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    soffice, pdftotext = _tool("soffice"), _tool("pdftotext")
    work = tmp_path_factory.mktemp("lo-nego")
    with deterministic():
        doc = france_in_negotiation()
    cop = PROFILES["ctoc-cop"]
    write_negotiation(doc, work / "compilation.docx", "compilation", cop)
    write_negotiation(doc, work / "clean.docx", "clean", cop)
    _settle(doc)
    write_negotiation(doc, work / "final.docx", "final", cop)
    names = ["compilation", "clean", "final"]
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), *(str(work / f"{n}.docx") for n in names)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    out = {}
    for name in names:
        pdf = Path(work / f"{name}.pdf")
        assert pdf.exists(), f"LibreOffice made no PDF of the {name} text"
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
        out[name] = re.sub(r"\s+", " ", text)
    return out


def test_compilation_prints_labels_in_order_with_their_text(rendered):
    text = rendered["compilation"]
    at = 0
    for label, start in [("PP1", "Recalling the"), ("PP3", "Taking into"), ("OP1", "[Urges]"),
                         ("OP5 bis", "Invites States"), ("OP7 Alt 2", "Requests the"),
                         ("OP8", "Takes note"), ("OP9 (d)", "The efforts")]:  # fmt: skip
        found = text.find(f"{label} {start}", at)
        assert found >= 0, f"{label} {start} not found after {at}"
        at = found


def test_compilation_prints_brackets_authors_and_statuses(rendered):
    text = rendered["compilation"]
    assert "[held in the Assembly [in June 2008]]" in text
    assert "(G77 and China) the majority" in text
    assert "communications within existing resources (United States); (African Group: retain)" in (
        text
    )
    assert "Agreed ad ref" in text and "Under consultation" in text and "Deleted" in text
    assert "Compilation text — round 1" in text


def test_clean_text_keeps_labels_and_brackets_only(rendered):
    text = rendered["clean"]
    assert "Clean text — round 1" in text and "OP9 (a)" in text
    assert "(G77 and China)" not in text and "OP5 bis" not in text
    assert "[held in the Assembly [in June 2008]]" in text


def test_final_text_is_numbered_without_labels(rendered):
    text = rendered["final"]
    assert not re.search(r"\b[PO]P\d", text) and "[" not in text and "bis" not in text
    at = 0
    for n in range(1, 10):
        found = text.find(f" {n}. ", at)
        assert found >= 0, f"paragraph {n}. not found"
        at = found
    assert "6. Invites States parties to share good practices;" in text
