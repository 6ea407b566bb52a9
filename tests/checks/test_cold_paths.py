"""The fast paths of a cold check against the plain per-family path: the clean-text batch
(checks.clean: each family's hint searched for in all the new texts at once, DATE's the
finest) against asking DATE, SYMBOL, CAPITALS and SPACING of every text; references,
findings, their places and fixes made by setting their slots
(model.references.slots_set_directly) against the dataclasses' own constructors; what the
words before a note's mark name (FN-REPEAT's subject, TREATY's instrument), worked out once
a run for the family's key and the family (CheckContext.for_this_run), against each
asking. Every real text (tests/data/realdocs: GA resolutions and decisions, Model UN and UN
Word files, PDFs; the bundled corpus) and random edit sequences of them must give the very
same findings both ways, in the same order: a hint that missed a text, a slot set wrong or
a note read for another fails here."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting_app.checks import repeats, runner, treaties
from drafting_app.checks.capitalization import _problems as capitals
from drafting_app.checks.context import clear_text_caches
from drafting_app.checks.dates import _problems as dates
from drafting_app.checks.findings import Finding
from drafting_app.checks.profile import profile_for
from drafting_app.checks.spacing import _slips as slips
from drafting_app.checks.symbols import _problems as symbols
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.errors import FormatError
from drafting_app.model import references
from drafting_app.model.document import Document
from drafting_app.model.text_edits import SetText
from tests.checks import test_clean_batch as clean_batch
from tests.checks.test_incremental import random_edit
from tests.conftest import REALDOCS

ROOT = Path(__file__).resolve().parents[2]
# Faults DATE, SYMBOL, CAPITALS and SPACING find, typed into the edited drafts' texts.
FAULTS = clean_batch.FAULTS + clean_batch.DATE_FAULTS


def _real_documents() -> list[tuple[str, Document]]:
    out: list[tuple[str, Document]] = []
    for root in (REALDOCS, ROOT / "resources" / "corpus"):
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in (".txt", ".docx", ".pdf"):
                continue
            try:
                docs = read_documents(path)
            except FormatError:
                continue
            out += [(f"{path.name}#{i}", d) for i, d in enumerate(docs)]
    return out


DOCUMENTS = _real_documents()


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    clear_text_caches()
    yield
    clear_text_caches()


def _own(text: str) -> bool:
    return not (dates(text) or symbols(text) or capitals(text) or slips(text))


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-family path: no batch, every text asked of the four families; the
    dataclasses' own constructors."""
    monkeypatch.setattr(runner, "learn", lambda texts: None)
    monkeypatch.setattr(runner, "clean_text", _own)
    for cls, init in references.PLAIN_INITS.items():
        monkeypatch.setattr(cls, "__init__", init)
    # what the words before a note's mark name, read for each asking, not once a run
    monkeypatch.setattr(
        repeats,
        "_subject_of",
        lambda _known, ctx, _id, p, at, source: repeats._subject(ctx, p, at, source),
    )
    monkeypatch.setattr(
        treaties, "_named_before", lambda ctx, f, _known: treaties._instrument_before(ctx, f)
    )


def _both(
    doc: Document, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Finding], list[Finding]]:
    profile = profile_for(doc)
    clear_text_caches()
    fast = runner.run_checks(doc, registry, profile)
    with monkeypatch.context() as m:
        _plain(m)
        clear_text_caches()
        plain = runner.run_checks(doc, registry, profile)
    return fast, plain


def test_the_records_a_check_makes_set_their_slots_directly() -> None:
    from drafting_app.checks.findings import Fix, Location
    from drafting_app.checks.references import _Cite
    from drafting_app.model.references import Reference

    assert {Reference, Finding, Location, Fix, _Cite} <= set(references.PLAIN_INITS)


def test_the_real_texts_are_all_read() -> None:
    assert len(DOCUMENTS) >= 40
    assert any(name.endswith(".pdf#0") for name, _ in DOCUMENTS)


def test_every_real_text_finds_the_same_both_ways(
    ga_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = 0
    for name, doc in DOCUMENTS:
        fast, plain = _both(doc, ga_registry, monkeypatch)
        assert fast == plain, name
        assert [repr(f) for f in fast] == [repr(f) for f in plain], name
        found += len(fast)
    assert found > 300


@pytest.mark.parametrize("seed", range(3))
def test_random_edits_find_the_same_both_ways(
    seed: int, ga_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    codes: set[str] = set()
    for name, original in rng.sample(DOCUMENTS, 12):
        doc = copy.deepcopy(original)
        for step in range(6):
            edit = random_edit(rng, doc)
            if edit is not None:
                edit.apply(doc)
            paragraphs = list(doc.all_paragraphs())
            if paragraphs and rng.random() < 0.7:  # a fault typed in somewhere
                p = rng.choice(paragraphs)
                at = p.text.find(" ", rng.randrange(len(p.text) + 1)) + 1
                text = f"{p.text[:at]}{rng.choice(FAULTS)} {p.text[at:]}"
                SetText(p.id, text, [], [a for a in p.anchors if a.offset <= at]).apply(doc)
            fast, plain = _both(doc, ga_registry, monkeypatch)
            assert fast == plain, (name, step)
            codes |= {f.code for f in fast}
    # the faults typed in are found
    assert {"DATE", "SYMBOL", "CAPITALS", "SPACING"} <= codes


def test_each_fault_typed_in_finds_the_same_both_ways(
    ga_texts: dict[str, Document], ga_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each fault alone, in a paragraph and in a footnote of a real resolution."""
    base = ga_texts["A-RES-80-4_cuba-embargo-2025"]
    for fault in FAULTS:
        doc = copy.deepcopy(base)
        p = doc.operative[0]
        at = p.text.find(" ", len(p.text) // 2) + 1
        text = f"{p.text[:at]}{fault} {p.text[at:]}"
        SetText(p.id, text, [], [a for a in p.anchors if a.offset <= at]).apply(doc)
        if doc.footnotes:
            doc.footnotes[0].text = f"{fault} {doc.footnotes[0].text}"
        fast, plain = _both(doc, ga_registry, monkeypatch)
        assert fast == plain, fault
