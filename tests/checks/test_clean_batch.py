"""The texts DATE, SYMBOL, CAPITALS and SPACING have nothing to say about are told for a
whole check at once (drafting_app.checks.clean: each family's hint searched for in all the
new texts joined). The answer must be the families' own, text by text: on every real text,
on random splices of them, on the faults a drafter makes typed into them, on texts that
open or end with what a hint looks for, and in any order or grouping of texts."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from drafting_app.checks import clean
from drafting_app.checks.capitalization import _problems as capitals
from drafting_app.checks.context import clear_text_caches
from drafting_app.checks.dates import _problems as dates
from drafting_app.checks.spacing import _slips as slips
from drafting_app.checks.symbols import _problems as symbols
from tests.model.test_cite_matches import real_texts

# What each family finds (and forms close to them it must not find), typed into real text.
FAULTS = (
    "  ", "matter.Decides", "it;Further", "17 Oct. 2008", "3rd of May 2009", "May 3, 2009",
    "31 June 2010", "29 February 2011", "29 February 2012", "07 March 2001", "0 May 2001",
    "5 Sept. 2005", "1 December, 2000", "17 of October 2008", "A/RES/64/L4", "A/RES/64/l.4",
    "A /RES/1", "A/ RES/1", "A//1", "A/.", "E/CN15/2006/10", "CTOC/COP/2010/rev1",
    "general assembly", "General assembly", "GENERAL ASSEMBLY", "Secretary General",
    "secretary-general", "member states", "Member  States", "member States", "states parties",
    "States Parties", "united nations", "United  Nations", "security council",
    "national security council", "human rights council", "Human rights Council",
    "international court of justice", "economic and social council", "İnternational",
    "member states of the European Union", "States\u00a0parties", "Member\u00a0States",
)  # fmt: skip
# More of DATE's: the forms its hint looks for one by one (checks.clean._DATE_HINT).
DATE_FAULTS = (
    "31 April 2008", "30 February 2008", "31 September 2001", "19th December 2006",
    "1st of May 2009", "December 19, 2006", "Dec 2006", "45 May 2008", "May, 2008",
    "December, 2006", "5 Sept 2005", "0 June 2001", "00 June 2001", "2nd  of May 2009",
    "Feb. 19, 2009", "19\u00a0Dec. 2006", "29 Feb 2008", "31st December 2006",
)  # fmt: skip
# Dates DATE has nothing to say about, which its hint leaves alone: every text of a draft
# cites some ("of 19 December 2006").
RIGHT_DATES = (
    "19 December 2006", "1 May 2009", "28 February 2011", "29 April 2010", "30 June 2010",
    "31 December 2006", "31 July 2000", "19\u00a0December 2006", "in December 2006",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    clear_text_caches()
    yield
    clear_text_caches()


def _own(text: str) -> bool:
    return not (dates(text) or symbols(text) or capitals(text) or slips(text))


def _texts() -> list[str]:
    texts = real_texts()
    rng = random.Random(21)
    for _ in range(3000):
        a, b = rng.choice(texts), rng.choice(texts)
        texts.append(a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :])
    for _ in range(3000):
        t = rng.choice(texts)
        at = rng.randrange(len(t) + 1)
        if rng.random() < 0.7:  # mostly between words, where a fault is one
            at = t.find(" ", at) + 1
            texts.append(t[:at] + rng.choice(FAULTS) + " " + t[at:])
        else:
            texts.append(t[:at] + rng.choice(FAULTS) + t[at:])
    dated = random.Random(8)
    for _ in range(1000):
        t = dated.choice(texts)
        at = t.find(" ", dated.randrange(len(t) + 1)) + 1
        texts.append(t[:at] + dated.choice(DATE_FAULTS) + " " + t[at:])
    # a fault at either edge of a text (beside the separator when texts are joined)
    faults = FAULTS + DATE_FAULTS
    texts += [*faults, *(f + " ." for f in faults), *("Recalling " + f for f in faults)]
    return texts


def test_each_text_judged_as_the_families_judge_it() -> None:
    texts = _texts()
    unclean = 0
    for text in texts:
        clear_text_caches()
        assert clean.clean_text(text) == _own(text), text[:160]
        unclean += not _own(text)
    # the faults typed in are found: the test would fail if a hint missed one
    assert unclean > 1800
    for family in (dates, symbols, capitals, slips):
        assert sum(bool(family(t)) for t in texts) > 400


def test_texts_judged_together_in_any_grouping() -> None:
    texts = _texts()
    rng = random.Random(5)
    expected = {t: _own(t) for t in texts}
    for _ in range(40):
        clear_text_caches()
        group = rng.sample(texts, rng.randrange(1, 400))
        clean.learn(group)
        for t in group:
            assert clean.clean_text(t) == expected[t], t[:160]
    clear_text_caches()
    clean.learn(texts)  # more than the remembered bound: still judged right
    assert all(clean.clean_text(t) == expected[t] for t in texts[-2000:])


def test_date_hint_lands_in_every_text_with_a_date_finding() -> None:
    """The DATE hint alone (the others could hide a miss in the combined answer): it lands
    in each text DATE finds something in, and not in texts whose dates are all right."""
    texts = _texts() + [f"Recalling its resolution 1/2 of {d}," for d in DATE_FAULTS]
    dated = [t for t in texts if dates(t)]
    assert len(dated) > 400
    for t in dated:
        assert clean._DATE_HINT.search(t), t[:160]
    for d in RIGHT_DATES:
        assert not dates(f"Recalling its resolution 1/2 of {d},")
        assert not clean._DATE_HINT.search(f"Recalling its resolution 1/2 of {d},"), d


@pytest.mark.parametrize("family", [dates, symbols, capitals, slips])
def test_every_family_has_faults_to_find(family: object) -> None:
    assert callable(family)
    found = [f for f in FAULTS if family(f"Recalling {f} in its text,")]
    assert len(found) >= 3
