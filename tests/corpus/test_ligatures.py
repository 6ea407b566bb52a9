"""Ligature characters from a PDF's text ("Traﬃcking" with U+FB03, "ﬁnancial") are spelt
out when read or pasted, so the words match the corpus, the spelling and a search."""

from __future__ import annotations

from drafting_app.corpus.readers.paste import read_paste
from drafting_app.model.characters import unligated


def test_every_latin_ligature_is_spelt_out() -> None:
    assert unligated("Traﬃcking ﬁnancial eﬀective ﬂows baﬄe ﬅ ﬆ") == (
        "Trafficking financial effective flows baffle st st"
    )
    text = "no ligature here"
    assert unligated(text) is text


def test_a_paste_from_a_pdf_viewer_reads_without_ligatures() -> None:
    pasted = read_paste("Recalling its resolution on traﬃcking in persons and the ﬁnancing,")
    assert [p.text for p in pasted.paragraphs] == [
        "Recalling its resolution on trafficking in persons and the financing,"
    ]
