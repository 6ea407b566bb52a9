"""The clause library mined from the five corpus documents.

Expected counts, read off the corpus by hand (resources/corpus/README.md and the texts):
Decision 3/3: (a)–(m) = 13 operative; France draft: 4 preambular, 9 operative + 4 sub (9 (a)–(d));
Resolution 5/2: 11 preambular, 18 operative + 12 sub (7 (a)–(e), 8 (a)–(e), 9 (a)–(b));
Resolution 10/3: 22 preambular, 17 operative + 11 sub (13 (a)–(k));
Decision 4/4: (a)–(t) = 20 operative + 4 sub ((o) (i)–(iv)).
Chapeaus of the two decisions are not clauses. Total 37 preambular + 108 operative = 145.
"""

from __future__ import annotations

from collections import Counter

from drafting_app.clauses.category import CATEGORIES, categorize
from drafting_app.clauses.grouping import group_texts, normalise
from drafting_app.clauses.library import ClauseLibrary
from drafting_app.model.document import Part


def test_every_paragraph_and_subparagraph_is_a_clause(library: ClauseLibrary) -> None:
    assert library.counts() == {Part.PREAMBLE: 37, Part.OPERATIVE: 108}
    per_doc = Counter(c.provenance.doc_label for c in library.clauses)
    assert per_doc == {
        "Decision 3/3": 13,
        "France: draft resolution": 17,
        "Resolution 5/2": 41,
        "Resolution 10/3": 50,
        "Decision 4/4": 24,
    }


def test_provenance_labels(library: ClauseLibrary) -> None:
    labels = {c.provenance.label() for c in library.clauses}
    assert {
        "Resolution 5/2, op 18",
        "Resolution 10/3, op 13 (b)",
        "Decision 4/4, op (o) (iii)",
        "Resolution 5/2, preamble PP2",
    } <= labels
    sub = next(c for c in library.clauses if c.provenance.label() == "Resolution 10/3, op 13 (b)")
    assert sub.text.startswith("Train and establish specialized investigation")


def test_near_identical_clauses_are_grouped(library: ClauseLibrary) -> None:
    multi = sorted(sorted(c.provenance.label() for c in g) for g in library.groups if len(g) > 1)
    assert multi == [
        ["Decision 4/4, op (l)", "France: draft resolution, op 5"],
        ["Resolution 10/3, op 1", "Resolution 5/2, op 1"],
        ["Resolution 10/3, op 17", "Resolution 5/2, op 18"],
        ["Resolution 10/3, preamble PP1", "Resolution 5/2, preamble PP1"],
    ]
    assert len(library.groups) == 145 - 4


def test_grouping_normalises_case_punctuation_numbers_and_ladder() -> None:
    assert normalise("Also requests the Secretariat, at its 6th session;") == normalise(
        "requests the secretariat at its 7th session."
    )
    texts = [
        "Invites Member States to act;",
        "Something else entirely here",
        "invites member states to act.",
    ]
    assert group_texts(texts) == [[0, 2], [1]]


def test_footnotes_are_self_standing(library: ClauseLibrary) -> None:
    # Resolution 5/2 begins with a dangling "Ibid., vol. 2225, No. 39574." (cut from a report):
    # the clause carries the full treaty citation instead.
    pp1 = library.clause("bundled/002_ecb4862eedf5f58e:preamble:PP1")
    assert [f.text for f in pp1.footnotes] == [
        "United Nations, Treaty Series, vol. 2225, No. 39574.",
        "United Nations, Treaty Series, vol. 2237, No. 39574.",
    ]
    note = pp1.footnotes[0]
    assert pp1.text[note.offset - 1] == ","
    assert note.text[note.italics[0].start : note.italics[0].end] == "Treaty Series"


def test_openers_and_categories(library: ClauseLibrary) -> None:
    by_label = {c.provenance.label(): c for c in library.clauses}
    assert by_label["Resolution 5/2, op 11"].opener == "Requests"  # "Also requests"
    assert by_label["France: draft resolution, op 9"].opener == "Welcomes"  # mid-sentence verb
    expected = {
        "Resolution 5/2, op 18": "resources-funding",
        "Resolution 5/2, op 1": "ratification",
        "Resolution 5/2, preamble PP1": "recalling-instruments",
        "Resolution 5/2, preamble PP2": "recalling-resolutions",
        "Resolution 5/2, op 16": "secretariat-reporting",
        "Decision 4/4, op (n)": "working-groups",
    }
    assert {k: by_label[k].category for k in expected} == expected
    assert {c.category for c in library.clauses} <= set(CATEGORIES)


def test_categorize_rules() -> None:
    assert categorize("Urges", "Urges States to consider ratifying the Protocol;") == "ratification"
    assert categorize("Recalling", "Recalling its resolution 5/2 of 22 October 2010,") == (
        "recalling-resolutions"
    )
    assert categorize("Notes", "Notes the weather;") == "other"


def test_paragraph_from_clause_keeps_footnotes_and_provenance(library: ClauseLibrary) -> None:
    clause = library.clause("bundled/002_ecb4862eedf5f58e:operative:1.")
    paragraph, notes = clause.to_paragraph()
    assert paragraph.text == clause.text
    assert [a.footnote_id for a in paragraph.anchors] == [n.id for n in notes]
    assert notes[0].text == "United Nations, Treaty Series, vol. 2237, No. 39574."
    assert paragraph.provenance is not None
    assert paragraph.provenance["label"] == "Resolution 5/2, op 1"
    assert paragraph.provenance["agreed_text"] == clause.text
    again, _ = clause.to_paragraph()
    assert again.id != paragraph.id
