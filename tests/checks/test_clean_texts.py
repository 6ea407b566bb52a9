"""The checker regression suite (issue 16 §4): every real clean text in tests/data — adopted
GA resolutions and decisions as text (cleaned by hand, and raw as extracted from their PDFs:
realdocs/railcar), the official PDFs, every decision of the UN Word
volume, the real-shaped texts — gives no error. A new rule that fires on adopted language
fails here, whichever registry the checks run against (the bundled corpus alone, or with
the GA texts as the corpus accuracy benchmark builds it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.checks.findings import Severity
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.model import Document
from tests.conftest import REALDOCS, ROOT

CLEAN = [
    *sorted((REALDOCS / "ga").glob("*.txt")),
    *sorted((REALDOCS / "ga-more").glob("*.txt")),
    *sorted((REALDOCS / "railcar").glob("A_RES_80_*")),
    *sorted((REALDOCS / "pdf").glob("*.pdf")),
    *sorted((REALDOCS / "pdftotext").glob("*.txt")),
    *sorted((REALDOCS / "un-docx").glob("*.docx")),
    *sorted((ROOT / "tests" / "data" / "shapes").glob("*.txt")),
]


# A mistake of the issued text itself, not a false alarm: A/RES/80/57 prints "Recalling the
# report of the Secretary General" (eighteenth preambular paragraph) without the hyphen its
# text layer keeps everywhere else ("the calls by the Secretary-General", same file).
REAL = {("A_RES_80_57.md", "CAPITALS", "“Secretary General”")}


def _real(path: Path, code: str, message: str) -> bool:
    return any(name == path.name and code == c and quote in message for name, c, quote in REAL)


def _texts(path: Path) -> list[Document]:
    return read_documents(path)


def test_the_suite_holds_every_clean_text() -> None:
    assert len(CLEAN) == 10 + 3 + 72 + 4 + 4 + 1 + 12


@pytest.mark.slow
@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
@pytest.mark.parametrize("facts", ["registry", "ga_registry"])
def test_a_clean_text_has_no_error(path: Path, facts: str, request: pytest.FixtureRequest) -> None:
    registry: Registry = request.getfixturevalue(facts)
    errors = [
        f"{doc.heading} {f.code} {f.location.paragraph_label or f.location.part}: {f.message}"
        for doc in _texts(path)
        for f in run_checks(doc, registry)
        if f.severity is Severity.ERROR and not _real(path, f.code, f.message)
    ]
    assert errors == []


@pytest.mark.slow
@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_every_opening_phrase_of_adopted_language_is_known(path: Path, registry: Registry) -> None:
    """An adopted text opens its paragraphs with the bodies' own phrases: none of them is
    "not a known opening phrase" (a note on adopted language — "Demands", "Determining",
    "Acting under Chapter VII", "Warmly welcomes", "Calls once again upon", "Cognizant
    that" — makes every other note doubted), and none is warned of as no verb ("Pending
    the total elimination of nuclear weapons, urges …", A/RES/80/23)."""
    unknown = [
        f"{doc.heading} {f.location.paragraph_label or f.location.part}: {f.message}"
        for doc in _texts(path)
        for f in run_checks(doc, registry)
        if f.code == "OPENER" and ("is not a known" in f.message or f.severity is Severity.WARNING)
    ]
    assert unknown == list(_PLURAL_FORM.get(path.name, []))


# The participants' resolution of thanks of CMA.3 speaks in the plural ("Express their
# profound gratitude", "Request the Government … to convey"): the phrase book keeps the
# singular forms a body's resolution takes, so a drafter's "Request the Secretary-General"
# is still noted.
_PLURAL_FORM = {
    "FCCC-PA-CMA-2021-10-Add.3.docx": [
        "Resolution 1/CMA.3 1.: “Express” is not a known operative opening phrase.",
        "Resolution 1/CMA.3 2.: “Request” is not a known operative opening phrase.",
    ]
}
