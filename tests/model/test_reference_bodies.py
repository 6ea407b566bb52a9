"""Which body a citation names when the text says "its" or nothing (references.py)."""

from __future__ import annotations

import pytest

from drafting_app.model.references import find_citations


@pytest.mark.parametrize(
    "text, expected",
    [
        # the body named just before wins over the authoring body's "its"
        (
            "taking into account the adoption by the General Assembly, in its resolution "
            "64/293 of 30 July 2010, of the Global Plan of Action",
            [("General Assembly", "64/293", "30 July 2010")],
        ),
        (
            "Recalling the adoption by the General Assembly of resolution 70/1 of "
            "25 September 2015, containing the 2030 Agenda",
            [("General Assembly", "70/1", "25 September 2015")],
        ),
        (
            "as endorsed by the Economic and Social Council in its resolution 2013/41",
            [("Economic and Social Council", "2013/41", "")],
        ),
        # a plain "its" stays the authoring body's
        ("Recalling its resolution 5/2 of 22 October 2010,", [("its", "5/2", "22 October 2010")]),
        # "its" after a body named in another clause is still the author's
        (
            "Welcoming the report of the General Assembly, recalling its decision 4/4",
            [("its", "4/4", "")],
        ),
        # a list keeps its body
        (
            "General Assembly resolutions 61/144 of 19 December 2006 and 61/180 of "
            "20 December 2006",
            [
                ("General Assembly", "61/144", "19 December 2006"),
                ("General Assembly", "61/180", "20 December 2006"),
            ],
        ),
    ],
)
def test_citation_body(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(r.body, r.number, r.date) for r in find_citations(text)] == expected
