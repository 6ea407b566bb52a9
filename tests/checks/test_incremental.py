"""Issue 21 item 6: a re-check after an edit recomputes only what the edit touched, and
finds exactly what a fresh full check finds. Random edit sequences (deterministic seeds)
on every real text: words typed and deleted, dates and capitals broken, paragraphs
inserted, deleted and moved (renumbering), footnotes edited, added, deleted, and undone."""

from __future__ import annotations

import copy
import random

import pytest

from drafting_app.checks.findings import Finding
from drafting_app.checks.profile import profile_for, with_repeat_rule
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.errors import FormatError
from drafting_app.model.changes import Edit
from drafting_app.model.document import Document, Footnote, Paragraph, Part
from drafting_app.model.paragraph_edits import DeleteParagraph, InsertParagraph, MoveParagraph
from drafting_app.model.text_edits import AddFootnote, DeleteFootnote, EditFootnote, SetText
from tests.conftest import REALDOCS

# A real Model UN file the reader refuses as not a resolution (no formula, no clauses):
# it has nothing to check, and a test below holds the reader to refusing it.
REFUSED = ("MUN_Eddy12597_test_no_line_space.docx",)
TEXTS = sorted(
    p for p in REALDOCS.rglob("*") if p.suffix in (".txt", ".docx") and p.name not in REFUSED
)
# What a drafter types or breaks: each a real fault one family or another finds.
WORDS = ("  ", "general assembly", "17 Oct. 2008", "A/RES/64/L4", "matter.Decides", "also")


def _body(doc: Document) -> list[Paragraph]:
    return [p for _, p in doc.body_paragraphs()]


def _tops(doc: Document, part: Part) -> list[Paragraph]:
    return doc.preamble if part is Part.PREAMBLE else doc.operative


def _typing(rng: random.Random, p: Paragraph) -> Edit:
    """A word typed in, or a stretch deleted, where the marks after it move along."""
    at = rng.randrange(len(p.text) + 1)
    if rng.random() < 0.6 or not p.text:
        piece = rng.choice(WORDS) if rng.random() < 0.5 else " word"
        text = p.text[:at] + piece + p.text[at:]
        shift = len(piece)
    else:
        end = min(len(p.text), at + rng.randrange(1, 12))
        text = p.text[:at] + p.text[end:]
        shift = at - end
    anchors = [a if a.offset <= at else type(a)(max(at, a.offset + shift), a.footnote_id)
               for a in p.anchors]  # fmt: skip
    anchors = [a for a in anchors if a.offset <= len(text)]
    return SetText(p.id, text, [], anchors)


def random_edit(rng: random.Random, doc: Document) -> Edit | None:
    body = _body(doc)
    kind = rng.choice(
        ("type", "type", "type", "insert", "delete", "move", "note", "mark", "unmark")
    )
    if kind == "type" and body:
        return _typing(rng, rng.choice(body))
    if kind == "insert":
        part = rng.choice((Part.PREAMBLE, Part.OPERATIVE))
        tops = _tops(doc, part)
        text = rng.choice(body).text if body else "Recalling its resolution 1/1,"
        return InsertParagraph(part, None, rng.randrange(len(tops) + 1), Paragraph(text))
    if kind == "delete" and len(body) > 2:
        return DeleteParagraph(rng.choice(body).id)
    if kind == "move":
        part = rng.choice((Part.PREAMBLE, Part.OPERATIVE))
        tops = _tops(doc, part)
        if len(tops) > 1:
            p = rng.choice(tops)
            return MoveParagraph(p.id, part, None, rng.randrange(len(tops)))
    if kind == "note" and doc.footnotes:
        f = rng.choice(doc.footnotes)
        text = rng.choice(
            (
                "Ibid.",
                f.text.replace("vol. ", "vol. 1"),
                f.text + " 17 Oct. 2008",
                "Ibid., para. 3.",
            )
        )
        return EditFootnote(f.id, text)
    if kind == "mark" and body:
        p = rng.choice(body)
        source = rng.choice(doc.footnotes).text if doc.footnotes else "A/RES/70/1."
        return AddFootnote(p.id, rng.randrange(len(p.text) + 1), Footnote(source))
    if kind == "unmark" and doc.footnotes:
        return DeleteFootnote(rng.choice(doc.footnotes).id)
    return None


def test_the_files_left_out_are_the_ones_the_reader_refuses() -> None:
    for name in REFUSED:
        (path,) = REALDOCS.rglob(name)
        with pytest.raises(FormatError):
            read_documents(path)


def _same(incremental: list[Finding], fresh: list[Finding], step: str) -> None:
    assert incremental == fresh, f"after {step}: the re-check differs from a fresh check"


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(REALDOCS)))
def test_random_edits_recheck_as_a_fresh_check(path, ga_registry: Registry) -> None:
    seed = sum(map(ord, path.name))
    rng = random.Random(seed)
    docs = read_documents(path)
    for doc in docs[:2]:
        profiles = [profile_for(doc), with_repeat_rule(profile_for(doc), "first-operative")]
        checkers = [Checker() for _ in profiles]
        for checker, profile in zip(checkers, profiles, strict=True):
            _same(
                checker.run(doc, ga_registry, profile),
                Checker().run(doc, ga_registry, profile),
                "opening",
            )
        done: list[Edit] = []
        for step in range(30):
            if done and rng.random() < 0.15:
                edit = done.pop()
                edit.revert(doc)
                what = f"undo of {type(edit).__name__}"
            else:
                edit = random_edit(rng, doc)
                if edit is None:
                    continue
                try:
                    edit.apply(doc)
                except Exception:  # an edit the model refuses changes nothing
                    continue
                done.append(edit)
                what = type(edit).__name__
            for checker, profile in zip(checkers, profiles, strict=True):
                _same(
                    checker.run(doc, ga_registry, profile),
                    Checker().run(doc, ga_registry, profile),
                    f"step {step} ({what}, seed {seed})",
                )


def test_an_edit_recomputes_only_its_paragraph(
    ga_texts: dict[str, Document], ga_registry: Registry
) -> None:
    """Typing in one paragraph recomputes that paragraph only; a paragraph inserted in the
    preamble recomputes the paragraphs whose number or name moved, not the operative part."""
    doc = copy.deepcopy(ga_texts["A-RES-80-4_cuba-embargo-2025"])  # the fixture is shared
    checker = Checker()
    checker.run(doc, ga_registry)
    assert checker.recomputed == (sum(1 for _ in doc.all_paragraphs()), len(doc.footnotes))
    checker.run(doc, ga_registry)
    assert checker.recomputed == (0, 0)
    p = doc.operative[-1]
    SetText(p.id, p.text + " word", p.italics, p.anchors).apply(doc)
    assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry)
    assert checker.recomputed == (1, 0)
    InsertParagraph(Part.PREAMBLE, None, len(doc.preamble), Paragraph("Noting the report,")).apply(
        doc
    )
    assert checker.run(doc, ga_registry) == Checker().run(doc, ga_registry)
    # the new paragraph, and the one before it (no longer the last: its name is the same,
    # its closing punctuation is what a preambular paragraph wants either way)
    assert checker.recomputed[0] <= 2
