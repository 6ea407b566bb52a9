"""Where an edit happened: the editor's report when it accounts for the texts, else the
smallest difference (pure functions of drafting_app.gui.document.typing; no widget)."""

from __future__ import annotations

from drafting_app.gui.document.typing import Change, carry, located
from drafting_app.model.document import Anchor, Paragraph


def test_the_editors_report_settles_a_repeated_character() -> None:
    old, new = "Crime, and", "Crime,, and"
    assert located(old, new, None) == Change(6, 6, 7)  # the diff guesses after the comma
    assert located(old, new, Change(5, 5, 6)) == Change(5, 5, 6)  # typed before it


def test_a_report_that_does_not_fit_the_texts_is_not_used() -> None:
    old, new = "Crime, and", "Crime,, and"
    for wrong in (Change(2, 2, 3), Change(5, 5, 7), Change(-1, 0, 1), Change(9, 12, 13)):
        assert located(old, new, wrong) == Change(6, 6, 7)
    # UTF-16 offsets after a character outside the BMP are one too many: the diff decides.
    assert located("𝒜 Crime, x", "𝒜 Crime,, x", Change(8, 8, 9)) == Change(8, 8, 9)
    assert located("𝒜 Crime, x", "𝒜 Crime,, x", Change(9, 9, 10)) == Change(8, 8, 9)


def test_marks_follow_the_reported_change() -> None:
    p = Paragraph(id="p1", text="Crime, and", anchors=[Anchor(6, "f1")])
    _spans, anchors, _c = carry(p, "Crime,, and", Change(5, 5, 6))
    assert anchors == [Anchor(7, "f1")]
    _spans, anchors, _c = carry(p, "Crime,, and")
    assert anchors == [Anchor(6, "f1")]
