"""Issue 21 item 6: the whole-text families a checker keeps while what they read is
unchanged (runner.WHOLE_TEXT_KEYS: TREATY, IBID, FN-NUMBER, FN-REPEAT) find, after every
edit, exactly what a fresh check finds — in particular after the edits their keys must
see and the random edits of test_incremental.py seldom make: the words right before a
note's mark rewritten (the instrument a *Treaty Series* note or a repeat is read as being
about), after the note's volume was made wrong; a note's stored source changed; and the
profile's repeat rule changed between two runs."""

from __future__ import annotations

import dataclasses

import pytest

from drafting_app.checks.profile import profile_for, with_repeat_rule
from drafting_app.checks.runner import WHOLE_TEXT_KEYS, Checker
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.model.citation import TreatyCitation
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph
from drafting_app.model.text_edits import EditFootnote, SetText
from tests.checks.test_incremental import TEXTS


def _marked(doc: Document) -> list[tuple[Paragraph, int, str]]:
    """(paragraph, offset, footnote id) of every mark with a note, in document order."""
    notes = {f.id for f in doc.footnotes}
    return [
        (p, a.offset, a.footnote_id)
        for p in doc.all_paragraphs()
        for a in p.anchors
        if a.footnote_id in notes
    ]


def _blanked(text: str, offset: int, reach: int = 40) -> str:
    """``text`` with the words before ``offset`` overwritten, its length kept (the marks
    stay where they are)."""
    start = max(0, offset - reach)
    return (
        text[:start]
        + "".join(c if c in " ,.;:" else "x" for c in text[start:offset])
        + text[offset:]
    )


def test_the_kept_families_are_the_footnote_families() -> None:
    # A family added to the keys must be added to these tests' edits too.
    assert set(WHOLE_TEXT_KEYS) == {"TREATY", "IBID", "FN-NUMBER", "FN-REPEAT"}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_words_before_a_mark_rewritten(path, ga_registry: Registry) -> None:
    for doc in read_documents(path)[:2]:
        marked = _marked(doc)
        if not marked:
            continue
        checker = Checker()
        checker.run(doc, ga_registry)
        notes = {f.id: f for f in doc.footnotes}
        for p, offset, fid in marked:
            note = notes[fid]
            original, text = note.text, p.text
            # A wrong volume: TREATY now compares it with the instrument named before.
            wrong = EditFootnote(fid, original.replace("vol. ", "vol. 1"))
            wrong.apply(doc)
            assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry)
            blank = SetText(p.id, _blanked(text, offset), p.italics, p.anchors)
            blank.apply(doc)
            assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry), (
                f"{path.name}: the words before footnote {fid}'s mark rewritten"
            )
            blank.revert(doc)
            assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry)
            wrong.revert(doc)
            assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry)


def test_the_name_before_a_mark_rewritten(docs: dict[str, Document], registry: Registry) -> None:
    """What a note is about is read from the name before its mark: with it, a resolution
    note and a *Treaty Series* note are two notes for the Convention (FN-REPEAT finds the
    second repeats the first); without it, the resolution note is about the resolution."""
    doc = next(iter(docs.values()))
    name = "the United Nations Convention against Transnational Organized Crime"
    first = Footnote("General Assembly resolution 55/25, annex I.")
    again = Footnote("United Nations, *Treaty Series*, vol. 2225, No. 39574.")
    p = Paragraph(f"Recalling {name},", anchors=[Anchor(len(f"Recalling {name}"), first.id)])
    q = Paragraph(f"Noting {name},", anchors=[Anchor(len(f"Noting {name}"), again.id)])
    doc.preamble[:0] = [p, q]
    doc.footnotes[:0] = [first, again]
    checker = Checker()
    named = checker.run(doc, registry)
    blank = SetText(p.id, _blanked(p.text, p.anchors[0].offset, 80), p.italics, p.anchors)
    blank.apply(doc)
    unnamed = checker.run(doc, registry)
    assert unnamed == Checker().run(doc, registry)
    repeats = [[f.message for f in found if f.code == "FN-REPEAT"] for found in (named, unnamed)]
    assert any("repeats footnote 1" in m for m in repeats[0])
    assert not any("repeats footnote 1" in m for m in repeats[1])
    blank.revert(doc)
    assert checker.run(doc, registry) == named


@pytest.mark.parametrize("path", TEXTS[:12], ids=lambda p: p.name)
def test_a_mark_without_its_note_moved(path, ga_registry: Registry) -> None:
    """A mark whose note is gone (FN-NUMBER: where the mark stands), moved along by
    words typed before it."""
    for doc in read_documents(path)[:1]:
        marked = _marked(doc)
        if not marked:
            continue
        p, _, fid = marked[0]
        doc.footnotes = [f for f in doc.footnotes if f.id != fid]
        checker = Checker()
        before = checker.run(doc, ga_registry)
        moved = [type(a)(a.offset + 5, a.footnote_id) for a in p.anchors]
        SetText(p.id, "Word " + p.text, p.italics, moved).apply(doc)
        after = checker.run(doc, ga_registry)
        assert after == Checker().run(doc, ga_registry)
        assert after != before


@pytest.mark.parametrize("path", TEXTS[:12], ids=lambda p: p.name)
def test_a_stored_source_changed(path, ga_registry: Registry) -> None:
    """A note's stored source (read once with the document) wins over its text: a new one
    is a new key."""
    for doc in read_documents(path)[:1]:
        checker = Checker()
        checker.run(doc, ga_registry)
        for f in doc.footnotes[:10]:
            if not isinstance(f.citation, TreatyCitation):
                f.citation = TreatyCitation(("1",), "2225")
            else:
                f.citation = dataclasses.replace(f.citation, volumes=("1",))
            assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry)


@pytest.mark.parametrize("path", TEXTS[:12], ids=lambda p: p.name)
def test_the_repeat_rule_changed(path, ga_registry: Registry) -> None:
    for doc in read_documents(path)[:1]:
        current = profile_for(doc)
        older = with_repeat_rule(current, "first-operative")
        checker = Checker()
        for profile in (current, older, current, older):
            assert checker.run(doc, ga_registry, profile) == Checker().run(
                doc, ga_registry, profile
            )
