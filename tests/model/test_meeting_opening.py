"""The opening of a recorded decision ("At its 43rd plenary meeting, on 2 December 2024, the
General Assembly, …") names the authoring body and the day the decision was taken."""

from __future__ import annotations

import pytest

from drafting_app.model.opening import MeetingOpening, meeting_opening


@pytest.mark.parametrize(
    ("text", "body", "date"),
    [
        (
            "At its 43rd plenary meeting, on 2 December 2024, the General Assembly, by a "
            "recorded vote of 174 to 2, …",
            "General Assembly",
            "2 December 2024",
        ),
        (  # no comma after the body: the verb ends its name
            "At its 55th (resumed) plenary meeting, on 24 December 2024, the General Assembly "
            "decided to proceed to take action on draft resolution A/79/L.21",
            "General Assembly",
            "24 December 2024",
        ),
        (
            "At its 20th plenary meeting, on 5 June 2024, the Economic and Social Council, "
            "recalling its resolution 2023/5, decided …",
            "Economic and Social Council",
            "5 June 2024",
        ),
        (
            "At its 3rd meeting, on 1 May 2023, the Commission on the Status of Women decided",
            "Commission on the Status of Women",
            "1 May 2023",
        ),
        ("At its 12th plenary meeting, the Council decided", "Council", ""),
    ],
)
def test_the_body_and_date_of_a_meeting_opening(text: str, body: str, date: str) -> None:
    assert meeting_opening(text) == MeetingOpening(body, date)


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly,",
        "Recalling its resolution 78/20 of 4 December 2023,",
        "At its meeting the Council decided",  # no comma: not the recorded form
        "",
    ],
)
def test_other_lines_are_no_meeting_opening(text: str) -> None:
    assert meeting_opening(text) is None
