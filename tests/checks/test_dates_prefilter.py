"""DATE rules a text out when no month can start in it: every month name and abbreviation
the date patterns accept starts with what the cheap test looks for, and the family finds
on every real text (and on real dates rewritten in every wrong form) what it found when
only the year's digits were tested first."""

from __future__ import annotations

import random
import re

import pytest

from drafting_app.checks import dates
from drafting_app.checks.dates import _DAY_FIRST, _MONTH, _MONTH_START, _problems
from drafting_app.model.references import MONTHS
from tests.model.test_cite_matches import real_texts

_WRONG = ("{d}th {m} {y}", "{m} {d}, {y}", "{d} {m}, {y}", "{d} {a}. {y}", "{d} of {m} {y}")


def _before(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    """The family as it was: the year's digits the only test before the patterns."""
    with monkeypatch.context() as m:
        m.setattr(dates, "_MONTH_START", re.compile(""))
        return dates._problems.__wrapped__(text)


def test_every_month_the_patterns_accept_passes_the_test() -> None:
    words = re.findall(r"[A-Z][a-z]+", _MONTH)
    assert len(words) > 20
    for word in [*words, *MONTHS, "Sept."]:
        assert _MONTH_START.match(word), word
        assert _DAY_FIRST.search(f"3 {word} 2008") or word == "Sept.", word


def test_real_texts_and_wrong_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    texts = real_texts()
    found = 0
    for text in texts:
        assert _problems.__wrapped__(text) == _before(text, monkeypatch)
    for _ in range(1500):
        m = rng.choice([m for m in MONTHS if m != "May"])  # "May." is no abbreviation
        wrong = rng.choice(_WRONG).format(
            d=rng.randint(1, 31), m=m, a=m[:3], y=rng.randint(1945, 2030)
        )
        base = rng.choice(texts)
        at = rng.randrange(len(base) + 1)
        text = base[:at] + " " + wrong + " " + base[at:]
        got = _problems.__wrapped__(text)
        assert got  # a wrong (or impossible) date is found wherever it stands
        found += len(got)
    assert found >= 1500


@pytest.mark.parametrize(
    "text",
    [
        "on the 31st of May 2008 and the 1st of May 2008",  # the day 8 and 7 before the month
        "31 May 2008, 3 May 2008, 3rd May 2008, 12th of Sept. 2008",
        "May 31, 2008; May 3rd 2008; Dec. 1, 2008",
        "x31st of May 2008, 131 May 2008, 2008 May 2008, 4th May 2008",  # no boundary before
        "31st of\u00a0May 2008, 7\tJune 2009",
    ],
)
def test_dates_tried_at_their_starts(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns tried only at months and the digits before them find what the scan
    of every character finds."""
    assert _problems.__wrapped__(text) == _before(text, monkeypatch)
    assert _problems.__wrapped__(text)
