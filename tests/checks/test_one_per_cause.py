"""Issue 20 item 4: one fault, one finding. A wrong Treaty Series volume is reported once,
where it is written, naming the notes it reaches ("also affects footnote 2 (Ibid.)"); the
footnote repeat rule decides the advice on a repeated source, never "write Ibid." beside
"footnote a source only once"."""

from __future__ import annotations

import dataclasses

import pytest

from drafting_app.checks.findings import Finding, Severity, apply_fix
from drafting_app.checks.profile import CheckProfile, profile_for
from drafting_app.checks.runner import run_checks
from drafting_app.citations.render import CitationRule, RepeatRule
from drafting_app.corpus.readers import read_text
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document

HEAD = """Resolution 1/1

Trafficking in persons

The Conference of the Parties to the United Nations Convention against Transnational \
Organized Crime,

"""
CONVENTION = "United Nations, *Treaty Series*, vol. {vol}, No. 39574."
TWO_NOTES = """Recalling the United Nations Convention against Transnational Organized Crime,¹

Recalling also article 5 of the United Nations Convention against Transnational \
Organized Crime,²

1. *Urges* States parties to implement the Convention{mark}

2. *Decides* to continue its consideration of the matter.

¹ {first}

² {second}
{third}"""


def draft(first: str, second: str, third: str = "") -> Document:
    return read_text(
        HEAD
        + TWO_NOTES.format(
            first=first,
            second=second,
            mark=";³" if third else ";",
            third=f"\n³ {third}\n" if third else "",
        )
    )


def profile(doc: Document, rule: RepeatRule) -> CheckProfile:
    return dataclasses.replace(profile_for(doc), citation=CitationRule(repeat=rule))


def of(code: str, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_a_wrong_volume_and_its_ibid_are_one_finding(registry: Registry) -> None:
    doc = draft(CONVENTION.format(vol=2226), "Ibid.")
    (treaty,) = of("TREATY", run_checks(doc, registry))
    assert treaty.location.footnote_number == 1
    assert treaty.also == ("footnote 2 (Ibid.)",)
    assert treaty.message == (
        "Footnote 1 cites vol. 2226 for the Organized Crime Convention, which is vol. 2225. "
        "Also affects footnote 2 (Ibid.)."
    )
    assert treaty.as_dict()["also"] == ["footnote 2 (Ibid.)"]
    # Its fix corrects the place the volume is written, and so the Ibid. after it.
    assert treaty.fix is not None
    fixed = apply_fix(doc, treaty.fix)
    assert of("TREATY", run_checks(fixed, registry)) == []


def test_an_ibid_that_writes_the_volume_again_is_its_own_finding(registry: Registry) -> None:
    doc = draft(CONVENTION.format(vol=2226), "Ibid., vol. 2226, No. 39574.")
    found = of("TREATY", run_checks(doc, registry))
    assert [(f.location.footnote_number, f.also) for f in found] == [(1, ()), (2, ())]
    assert all(f.fix is not None for f in found)


def test_an_unknown_volume_is_said_once_not_in_two_wordings(registry: Registry) -> None:
    # No instrument is named before the mark: only "No. 39574 has no volume 2299".
    doc = read_text(
        HEAD + "Recalling the relevant treaties,¹\n\n1. *Decides* to act.\n\n"
        f"¹ {CONVENTION.format(vol=2299)}\n\n"
    )
    (treaty,) = of("TREATY", run_checks(doc, registry))
    assert "no volume 2299" in treaty.message


@pytest.mark.parametrize("rule", list(RepeatRule))
def test_the_repeat_rule_gives_one_advice_per_note(rule: RepeatRule, registry: Registry) -> None:
    full = CONVENTION.format(vol=2225)
    doc = draft(full, full)
    findings = run_checks(doc, registry, profile(doc, rule))
    advice = [f for f in findings if f.severity is Severity.SUGGESTION]
    # The preambular repeat is not needed under either rule: that is the advice, not Ibid.
    assert [(f.code, f.location.footnote_number) for f in advice] == [("FN-REPEAT", 2)]


def test_the_rule_decides_between_ibid_and_footnote_once(registry: Registry) -> None:
    """Footnote 3 repeats the Convention at its first operative mention, right after an
    Ibid. of it: Ibid. is the advice where that repeat is wanted (the older rule); under
    either rule, no note gets two pieces of advice."""
    full = CONVENTION.format(vol=2225)
    doc = draft(full, "Ibid.", full)
    for rule in RepeatRule:
        findings = run_checks(doc, registry, profile(doc, rule))
        per_note: dict[int, list[str]] = {}
        for f in findings:
            if f.severity is Severity.SUGGESTION and f.location.footnote_number:
                per_note.setdefault(f.location.footnote_number, []).append(f.code)
        assert all(len(codes) == 1 for codes in per_note.values()), (rule, per_note)
        assert per_note[2] == ["FN-REPEAT"]
        if rule is RepeatRule.FIRST_OPERATIVE:
            assert per_note[3] == ["IBID"]


def test_every_corpus_footnote_volume_mutated_gives_one_finding_per_written_place(
    docs: dict[str, Document], registry: Registry
) -> None:
    import re

    for name, doc in docs.items():
        for note in doc.footnotes:
            m = re.search(r"vol\. (\d+)", note.text)
            if m is None or "vols." in note.text:
                continue
            was = note.text
            note.text = was[: m.start(1)] + str(int(m.group(1)) + 1) + was[m.end(1) :]
            found = of("TREATY", run_checks(doc, registry))
            places = [f.location.footnote_id for f in found]
            assert len(places) == len(set(places)), (name, was)
            assert note.id in places, (name, was)
            note.text = was
