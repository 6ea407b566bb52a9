"""The word count (issue 18 item 3): what the GA counts for its documentation limits —
title, formula, paragraphs, annexes, footnotes — not the masthead, the sponsor line or
the derived numbers; words counted as Word counts them. Expected values counted by hand."""

from __future__ import annotations

from drafting_app.model.document import Annex, Document, Footnote, Heading, Masthead, Paragraph
from drafting_app.model.word_count import WordCount, count_words, statistics, words_in


def test_words_as_word_counts_them() -> None:
    assert words_in("Recalling its resolution 61/144 of 19 December 2006,") == 8
    assert words_in("see A/RES/80/1 — and (a) “Member States”;") == 6  # the dash is no word
    assert words_in("") == 0 and words_in("  ;  ") == 0


def test_what_is_counted() -> None:
    doc = Document(
        title="Trafficking in persons",  # 3
        authoring_body="The Conference of the Parties,",  # 5
        masthead=Masthead(symbol="CTOC/COP/2008/L.4", sponsors=["France"], date="8 October"),
    )
    first = Paragraph("Requests the secretariat to report:")  # 5
    first.children = [Paragraph("on progress;")]  # 2
    doc.operative = [first]
    doc.preamble = [Paragraph("Recalling decision 4/4,")]  # 3
    doc.footnotes = [Footnote("CTOC/COP/2008/8.")]  # 1
    blocks: list[Heading | Paragraph] = [Heading("I. Scope"), Paragraph("The review covers all.")]
    doc.annexes = [Annex("Annex", ["Terms of reference"], blocks)]  # 1 + 3, then 2 + 4
    assert count_words(doc) == WordCount(body=3 + 5 + 5 + 2 + 3 + 1 + 3 + 2 + 4, notes=1)
    assert count_words(doc).total == 29


def test_the_word_count_box_figures() -> None:
    """Characters of the counted text, with and without spaces, and the paragraphs of
    each part (counted by hand)."""
    doc = Document(title="Crime prevention", authoring_body="The Assembly,")  # 16, 13
    doc.masthead = Masthead(symbol="A/C.3/80/L.1")  # not counted
    pp = Paragraph("Recalling 4/4,")  # 14 characters, one space
    op = Paragraph("Decides:")  # 8
    op.children = [Paragraph("(to act);"), Paragraph("to report.")]  # 9 + 10, 1 + 1 spaces
    doc.preamble, doc.operative = [pp], [op]
    doc.footnotes = [Footnote("Ibid.")]  # 5
    doc.annexes = [Annex("Annex", [], [Paragraph("One two")])]  # 5 + 7
    got = statistics(doc)
    assert got.characters == 16 + 13 + 14 + 8 + 9 + 10 + 5 + 5 + 7
    assert got.characters_no_spaces == got.characters - (1 + 1 + 1 + 0 + 1 + 1 + 0 + 0 + 1)
    assert (got.preambular, got.operative, got.annex, got.footnotes) == (1, 3, 1, 1)
    assert got.words == count_words(doc) and got.words.total == 2 + 2 + 2 + 1 + 2 + 2 + 1 + 1 + 2
