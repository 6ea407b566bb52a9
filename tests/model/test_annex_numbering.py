"""The numbering of an annex as the UN prints it: a declaration numbered on through its
sections; a convention (A/RES/58/4, 79/243) numbered within each article, its preamble,
its articles of one paragraph and its testimonium without a number. Each edit of it is
one undo step that restores exactly, and a saved project keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.errors import EditError, ProjectError
from drafting_app.model import Annex, Document, Heading, Paragraph
from drafting_app.model.annex_edits import SetAnnexRestarts, SetNumbered
from drafting_app.model.describe import describe
from drafting_app.model.number_cache import NumberCache
from drafting_app.model.numbering import annex_labels, paragraph_labels
from drafting_app.model.range_edits import SplitParagraph
from drafting_app.storage.project import load_project, save_project
from tests.conftest import ROOT
from tests.model.edit_history import roundtrip

CONVENTION = ROOT / "tests" / "data" / "shapes" / "convention-annex_cybercrime.txt"


def convention() -> tuple[Document, Annex]:
    doc = read_document(CONVENTION)
    return doc, doc.annexes[0]


def labels_of(annex: Annex) -> list[str]:
    labels = annex_labels(annex)
    return [labels[p.id] for p in annex.paragraphs()]


def built(restarts: bool, *blocks: Heading | Paragraph) -> Annex:
    return Annex("Annex", [], list(blocks), restarts)


def test_numbers_run_on_through_headings_and_skip_an_unnumbered_paragraph() -> None:
    quiet = Paragraph("We, the Heads of State,", unnumbered=True)
    annex = built(
        False, quiet, Paragraph("a."), Heading("I. One"), Paragraph("b."), Paragraph("c.")
    )
    assert labels_of(annex) == ["", "1.", "2.", "3."]


def test_numbers_restart_after_each_heading_where_the_annex_says_so() -> None:
    item = Paragraph("The purposes are:", [], [], [Paragraph("x;"), Paragraph("y.")])
    annex = built(
        True,
        Heading("Article 1"),
        item,
        Heading("Article 2"),
        Paragraph("One."),
        Paragraph("Two."),
        Heading("Article 3"),
        Paragraph("Alone.", unnumbered=True),
    )
    assert labels_of(annex) == ["1.", "1.", "2.", ""]
    labels = annex_labels(annex)
    assert [labels[c.id] for c in item.children] == ["(a)", "(b)"]


def test_a_lone_paragraph_of_an_annex_stays_unnumbered() -> None:
    assert labels_of(built(False, Paragraph("Only one."))) == [""]


def test_a_paragraph_is_numbered_and_unnumbered_in_one_undo_step_each() -> None:
    doc, annex = convention()
    cache = NumberCache(doc)
    before = labels_of(annex)
    article_8 = annex.paragraphs()[10]
    assert article_8.text.startswith("Each State Party") and before[10] == ""
    changes = roundtrip(doc, SetNumbered(article_8.id, True))
    cache.after(changes)
    assert labels_of(annex)[10] == "1." and cache.labels() == paragraph_labels(doc)
    assert labels_of(annex)[:10] == before[:10]  # Article 7's numbers are its own
    roundtrip(doc, SetNumbered(article_8.id, False))
    assert labels_of(annex) == before


def test_an_annex_is_numbered_through_or_within_its_articles() -> None:
    doc, annex = convention()
    within = labels_of(annex)
    changes = roundtrip(doc, SetAnnexRestarts(annex.id, False))
    assert changes.structure_changed
    through = labels_of(annex)
    assert [n for n in through if n] == [f"{k}." for k in range(1, 7)]
    assert [bool(n) for n in through] == [bool(n) for n in within]
    SetAnnexRestarts(annex.id, True).apply(doc)
    assert labels_of(annex) == within


@pytest.mark.parametrize("where", ["operative", "sub-paragraph"])
def test_only_an_annex_paragraph_goes_unnumbered(where: str) -> None:
    doc, annex = convention()
    pid = doc.operative[0].id if where == "operative" else annex.paragraphs()[4].children[0].id
    before = describe(doc)
    with pytest.raises(EditError, match="Only a paragraph of an annex"):
        SetNumbered(pid, False).apply(doc)
    assert describe(doc) == before


def test_return_in_an_unnumbered_paragraph_makes_another() -> None:
    doc, annex = convention()
    preamble = annex.paragraphs()[1]  # "Bearing in mind …"
    edit = SplitParagraph(preamble.id, len("Bearing in mind the purposes"))
    edit.apply(doc)
    assert annex.paragraphs()[2].text.startswith(" and principles")
    assert annex.paragraphs()[2].unnumbered
    numbered = annex.paragraphs()[8]  # Article 3, paragraph 2
    SplitParagraph(numbered.id, 3).apply(doc)
    assert not annex.paragraphs()[9].unnumbered
    assert labels_of(annex)[7:11] == ["1.", "2.", "3.", "1."]


def test_a_saved_project_keeps_the_annexs_numbering(tmp_path: Path) -> None:
    doc, annex = convention()
    path = tmp_path / "c.unres.json"
    save_project(doc, path)
    back = load_project(path).document
    assert back.annexes[0].restarts
    assert labels_of(back.annexes[0]) == labels_of(annex)
    assert describe(back) == describe(doc)


def test_a_damaged_numbering_flag_is_refused_with_a_message(tmp_path: Path) -> None:
    doc, _ = convention()
    path = tmp_path / "c.unres.json"
    save_project(doc, path)
    path.write_text(path.read_text().replace('"restarts": true', '"restarts": "yes"'))
    with pytest.raises(ProjectError, match="restarts has the wrong type"):
        load_project(path)
