"""The UN Word volume (FCCC/PA/CMA/2021/10/Add.3) read exactly, text by text (issue 16
item 3): preambular paragraphs, operative paragraphs and their sub-paragraphs at every
depth, footnotes, and each annex's paragraphs (sub-paragraphs). The counts come from the
printed numbers of the Word file ("1.<tab>", "(a)<tab>"), its footnote references and its
"Annex" lines, read paragraph by paragraph where a first count and the reader differed
(decision 23/CMA.3: annex I, five numbered recommendations under a 256-character title);
they are in realdocs/INDEX.md, section un-docx."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers import read_documents
from drafting_app.model import Document, Paragraph
from tests.conftest import REALDOCS

UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"

# heading: (pre, op, op sub, footnotes, ((annex paragraphs, their sub-paragraphs), ...))
COUNTS: dict[str, tuple[int, int, int, int, tuple[tuple[int, int], ...]]] = {
    "Decision 6/CMA.3": (2, 2, 0, 0, ()),
    "Decision 7/CMA.3": (8, 20, 8, 5, ()),
    "Decision 8/CMA.3": (0, 7, 0, 4, ()),
    "Decision 9/CMA.3": (1, 22, 5, 1, ()),
    "Decision 10/CMA.3": (2, 5, 0, 3, ()),
    "Decision 11/CMA.3": (0, 8, 0, 4, ()),
    "Decision 12/CMA.3": (2, 10, 4, 2, ()),
    "Decision 13/CMA.3": (1, 13, 27, 8, ()),
    "Decision 14/CMA.3": (6, 19, 9, 5, ()),
    "Decision 15/CMA.3": (2, 22, 2, 8, ()),
    "Decision 16/CMA.3": (1, 7, 0, 2, ()),
    "Decision 17/CMA.3": (2, 2, 0, 0, ()),
    "Decision 18/CMA.3": (1, 10, 0, 5, ()),
    "Decision 19/CMA.3": (7, 15, 33, 10, ()),
    "Decision 20/CMA.3": (0, 3, 0, 0, ()),
    "Decision 21/CMA.3": (0, 3, 0, 1, ()),
    # Its annex has 30 paragraphs; "1. Education" … "6. International cooperation", twice,
    # are headings (style Reg_H_2/3_G), numbered apart from the paragraphs around them.
    "Decision 22/CMA.3": (12, 15, 9, 4, ((30, 62),)),
    "Decision 23/CMA.3": (1, 15, 0, 16, ((5, 0), (53, 14))),
    "Decision 24/CMA.3": (4, 3, 0, 6, ((74, 22),)),
    "Resolution 1/CMA.3": (1, 2, 0, 0, ()),
}


def subs(paras: list[Paragraph]) -> int:
    return sum(len(list(p.walk())) - 1 for p in paras)


@pytest.fixture(scope="module")
def volume() -> dict[str, Document]:
    return {d.heading: d for d in read_documents(UN_DOCX)}


def test_every_text_of_the_volume_has_its_counts(volume: dict[str, Document]) -> None:
    assert list(volume) == list(COUNTS)


@pytest.mark.parametrize("heading", list(COUNTS))
def test_counts_are_exact(volume: dict[str, Document], heading: str) -> None:
    doc = volume[heading]
    annexes = tuple((len(a.paragraphs()), subs(a.paragraphs())) for a in doc.annexes)
    got = (len(doc.preamble), len(doc.operative), subs(doc.operative), len(doc.footnotes))
    assert (*got, annexes) == COUNTS[heading]


def test_a_long_annex_title_is_not_a_paragraph(volume: dict[str, Document]) -> None:
    """Decision 23/CMA.3, annex I: its title runs to 256 characters without a full stop;
    the five recommendations after it are paragraphs 1–5, not items of the title."""
    first = volume["Decision 23/CMA.3"].annexes[0]
    assert first.title == "Annex I"
    assert first.lines == [
        "Recommendations forwarded by the forum pertaining to activity 1 of the workplan: "
        "exploring approaches to inform the development and implementation of climate change "
        "mitigation strategies, plans, policies and programmes that maximize the positive and "
        "minimize the negative impacts of response measures"
    ]
    paras = first.paragraphs()
    assert [p.source_label for p in paras] == ["1.", "2.", "3.", "4.", "5."]
    assert all(p.text.startswith("Encourage") for p in paras)
