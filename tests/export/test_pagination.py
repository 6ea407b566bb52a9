"""Page filling: notes on the page of their mark, headings kept with what follows, no first
line of a paragraph alone at the foot of a page."""

from __future__ import annotations

from drafting_app.export.pagination import NOTE_GAP, Line, notes_height, paginate


def _para(top: float, n: int, *, marks: dict[int, str] | None = None, keep: bool = False):
    """``n`` lines of 240 twips from ``top``; ``marks`` maps a line index to a note mark."""
    marks = marks or {}
    return [
        Line(
            top + 240 * i,
            top + 240 * (i + 1),
            (marks[i],) if i in marks else (),
            first=i == 0,
            last=i == n - 1,
            keep_with_next=keep,
        )
        for i in range(n)
    ]


def test_lines_fill_a_page_then_move_on():
    lines = _para(0, 10)
    pages = paginate(lines, {}, room=240 * 4)
    assert [(p.top, p.bottom) for p in pages] == [(0, 960), (960, 1920), (1920, 2400)]


def test_a_note_goes_on_the_page_of_its_mark_and_takes_room_there():
    lines = _para(0, 6, marks={2: "1"})
    heights = {"1": 480.0}
    room = 240 * 4 + NOTE_GAP + 480 - 1  # four lines and the note do not quite fit
    pages = paginate(lines, heights, room)
    assert pages[0].notes == ["1"] and pages[0].bottom == 720  # three lines and the note
    assert all(not p.notes for p in pages[1:])


def test_a_mark_that_does_not_fit_with_its_note_moves_to_the_next_page():
    lines = _para(0, 4, marks={3: "1"})
    pages = paginate(lines, {"1": 720.0}, room=240 * 4)
    assert pages[0].notes == [] and pages[1].notes == ["1"]
    # The marked last line and its note fill page 2: no line can go over with it.
    assert pages[1].top == 720


def test_heading_is_kept_with_the_paragraph_after_it():
    lines = [*_para(0, 3), *_para(720, 1, keep=True), *_para(960, 3)]
    pages = paginate(lines, {}, room=240 * 4)
    assert pages[0].bottom == 720  # the heading went over with its paragraph
    assert pages[1].top == 720


def test_first_line_of_a_paragraph_is_not_left_alone():
    lines = [*_para(0, 3), *_para(720, 3)]
    pages = paginate(lines, {}, room=240 * 4)
    assert pages[0].bottom == 720 and pages[1].top == 720


def test_a_page_never_empties_and_empty_input_gives_one_page():
    lines = _para(0, 3, keep=True)
    assert len(paginate(lines, {}, room=240)) == 3
    assert len(paginate([], {}, room=240)) == 1
    assert notes_height([], {}) == 0.0


def test_last_line_of_a_paragraph_is_not_alone_at_the_top_of_a_page():
    lines = [*_para(0, 1), *_para(240, 4)]  # a one-line paragraph, then four lines
    pages = paginate(lines, {}, room=240 * 4)
    # Without control, page 2 would start with the fourth paragraph line alone.
    assert pages[0].bottom == 720 and pages[1].top == 720
