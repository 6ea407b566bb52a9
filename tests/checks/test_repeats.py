"""FN-REPEAT and FN-OPERATIVE: the footnote repeat rule of the authoring body (UN_FORMAT.md §4)
on small hand-made drafts, and no alarm on the adopted texts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from drafting_app.checks.findings import Finding, Severity, apply_fix
from drafting_app.checks.profile import CheckProfile, profile_for
from drafting_app.checks.runner import run_checks
from drafting_app.citations.render import CitationRule, RepeatRule
from drafting_app.corpus.readers import read_documents, read_text
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.conftest import REALDOCS

CODES = ("FN-REPEAT", "FN-OPERATIVE")
HEAD = """Resolution 1/1

Trafficking in persons

The Conference of the Parties to the United Nations Convention against Transnational \
Organized Crime,

"""
CONVENTION = "United Nations, *Treaty Series*, vol. 2225, No. 39574."


def draft(body: str) -> Document:
    return read_text(HEAD + body)


def older(doc: Document) -> CheckProfile:
    return dataclasses.replace(
        profile_for(doc), citation=CitationRule(repeat=RepeatRule.FIRST_OPERATIVE)
    )


def repeats(
    doc: Document, registry: Registry, profile: CheckProfile | None = None
) -> list[Finding]:
    return [f for f in run_checks(doc, registry, profile) if f.code in CODES]


PREAMBLE_NOTE = f"""Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Urges* States to ratify the Organized Crime Convention;

2. *Invites* States to implement the United Nations Convention against Transnational \
Organized Crime{{mark}};

¹ {CONVENTION}
{{note}}"""


def test_older_rule_wants_the_note_again_at_the_first_operative_mention(
    registry: Registry,
) -> None:
    doc = draft(PREAMBLE_NOTE.format(mark="", note=""))
    (f,) = repeats(doc, registry, older(doc))
    assert (f.code, f.severity, f.fix) == ("FN-OPERATIVE", Severity.WARNING, None)
    op1 = doc.operative[0]
    assert f.location.paragraph_id == op1.id
    assert op1.text[f.location.start : f.location.end] == "Organized Crime Convention"
    assert "footnote 1" in f.message and "operative paragraph 1" in f.message
    assert "older UN footnote rule" in f.message
    assert f.evidence == "footnote 1: United Nations, Treaty Series, vol. 2225, No. 39574."


def test_current_rule_needs_no_note_at_the_operative_mention(registry: Registry) -> None:
    doc = draft(PREAMBLE_NOTE.format(mark="", note=""))
    assert profile_for(doc).citation.repeat is RepeatRule.FIRST_MENTION
    assert repeats(doc, registry) == []


def test_a_note_only_at_a_later_operative_mention_is_named(registry: Registry) -> None:
    doc = draft(PREAMBLE_NOTE.format(mark=";²", note=f"² {CONVENTION}").replace(";;", ";"))
    (f,) = repeats(doc, registry, older(doc))
    assert f.code == "FN-OPERATIVE" and f.location.paragraph_id == doc.operative[0].id
    assert "footnote 2, in operative paragraph 2, comes later" in f.message
    # The current rule tolerates the first operative note (the older practice's repeat).
    assert repeats(doc, registry) == []


def test_a_repeat_the_rule_does_not_need_is_only_a_suggestion(registry: Registry) -> None:
    doc = draft(
        f"""Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Urges* States to ratify the Organized Crime Convention;²

2. *Invites* States to implement the Organized Crime Convention;³

¹ {CONVENTION}

² {CONVENTION}

³ {CONVENTION}
"""
    )
    for profile in (None, older(doc)):
        (f,) = repeats(doc, registry, profile)
        assert (f.code, f.severity, f.fix) == ("FN-REPEAT", Severity.SUGGESTION, None)
        assert f.location.footnote_number == 3
        assert "repeats footnote 1, the Organized Crime Convention" in f.message
        assert "footnoted once, at its first mention" in f.message


def test_identical_note_at_the_first_operative_mention_satisfies_both_rules(
    registry: Registry,
) -> None:
    doc = draft(
        f"""Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Urges* States to ratify the Organized Crime Convention;²

2. *Invites* States to implement the Organized Crime Convention;

¹ {CONVENTION}

² {CONVENTION}
"""
    )
    assert repeats(doc, registry, older(doc)) == []
    assert repeats(doc, registry) == []


def test_a_list_of_volumes_at_the_first_operative_mention_counts(registry: Registry) -> None:
    # France's 2008 draft: "the Convention and the Protocols thereto;⁴" with vols. 2225 …
    doc = draft(
        f"""Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Urges* States to implement the Organized Crime Convention and the Protocols thereto;²

¹ {CONVENTION}

² Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574.
"""
    )
    assert repeats(doc, registry, older(doc)) == []


def test_a_repeat_naming_another_annex_is_an_error(registry: Registry) -> None:
    doc = draft(
        """Recalling the Protocol to Prevent, Suppress and Punish Trafficking in Persons, \
Especially Women and Children, supplementing the United Nations Convention against \
Transnational Organized Crime,¹

1. *Urges* States to implement the Trafficking in Persons Protocol;²

¹ General Assembly resolution 55/25, annex II.

² General Assembly resolution 55/25, annex III.
"""
    )
    for profile in (None, older(doc)):
        (f,) = repeats(doc, registry, profile)
        assert (f.code, f.severity, f.location.footnote_number) == ("FN-REPEAT", Severity.ERROR, 2)
        assert "annex III, not resolution 55/25, annex II" in f.message
        assert f.fix is None  # which of the two is right only the drafter knows
        assert f.evidence == "footnote 1: General Assembly resolution 55/25, annex II."


DATED = """Recalling its resolution 5/2,¹

1. *Requests* the Secretariat to report on the implementation of its resolution 5/2;²

¹ Resolution 5/2 of 22 October 2010.

² {second}
"""


def test_a_repeat_with_another_date_is_an_error(registry: Registry) -> None:
    doc = draft(DATED.format(second="Resolution 5/2 of 21 October 2010."))
    (f,) = repeats(doc, registry)
    assert (f.code, f.severity) == ("FN-REPEAT", Severity.ERROR)
    assert "dates it 21 October 2010, not 22 October 2010" in f.message


def test_a_repeat_worded_otherwise_is_a_warning_with_a_fix(registry: Registry) -> None:
    doc = draft(DATED.format(second="Resolution 5/2."))
    (f,) = repeats(doc, registry)
    assert (f.code, f.severity, f.location.footnote_number) == ("FN-REPEAT", Severity.WARNING, 2)
    assert f.fix is not None and f.fix.footnote
    fixed = apply_fix(doc, f.fix)
    assert fixed.footnotes[1].text == "Resolution 5/2 of 22 October 2010."
    assert doc.footnotes[1].text == "Resolution 5/2."
    assert repeats(fixed, registry) == []


def test_a_report_noted_after_an_instrument_name_is_no_repeat(registry: Registry) -> None:
    doc = draft(
        f"""Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Welcomes* the report on the implementation of the United Nations Convention against \
Transnational Organized Crime;²

¹ {CONVENTION}

² CTOC/COP/2008/8.
"""
    )
    assert repeats(doc, registry) == []


def test_a_repeat_in_an_annex_is_a_needed_one(registry: Registry) -> None:
    doc = draft(
        f"""Recalling the United Nations Convention against Transnational Organized Crime,¹

1. *Adopts* the declaration annexed to the present resolution.

Annex

Declaration

1. We commit ourselves to implementing the United Nations Convention against \
Transnational Organized Crime.²

¹ {CONVENTION}

² {CONVENTION}
"""
    )
    assert len(doc.annexes) == 1 and doc.annexes[0].paragraphs()[0].anchors
    assert repeats(doc, registry) == []


def test_resolution_5_2_repeats_the_protocol_at_its_first_operative_mention(
    docs: dict[str, Document], registry: Registry
) -> None:
    """Resolution 5/2 (2010) follows the older practice for the Protocol (footnote 2 in the
    preamble, footnote 6 at operative paragraph 1) but not for the Convention, named again
    without a note in subparagraph 8 (b): under the older rule that is the one finding."""
    doc = docs["resolution_5_2"]
    assert repeats(doc, registry) == []
    (f,) = repeats(doc, registry, older(doc))
    assert f.code == "FN-OPERATIVE" and f.location.paragraph_label == "(b)"
    assert doc.paragraph(f.location.paragraph_id).text.startswith("Establishing or strength")


def _clean_texts() -> list[tuple[str, Path]]:
    files = sorted((REALDOCS / "ga").glob("*.txt")) + sorted((REALDOCS / "un-docx").glob("*.docx"))
    return [(p.name, p) for p in files]


@pytest.mark.parametrize(("name", "path"), _clean_texts(), ids=[n for n, _ in _clean_texts()])
def test_adopted_texts_raise_no_repeat_finding(
    name: str, path: Path, ga_registry: Registry
) -> None:
    for doc in read_documents(path):
        assert repeats(doc, ga_registry) == [], name


def test_corpus_texts_raise_no_repeat_finding(
    docs: dict[str, Document], ga_registry: Registry
) -> None:
    for name, doc in docs.items():
        assert repeats(doc, ga_registry) == [], name


@pytest.mark.slow
def test_adopted_pdf_texts_raise_no_repeat_finding(ga_registry: Registry) -> None:
    for path in sorted((REALDOCS / "pdf").glob("*.pdf")):
        for doc in read_documents(path):
            assert repeats(doc, ga_registry) == [], path.name
