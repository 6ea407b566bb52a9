"""The page look of the document view: the export's page and paragraph measures (A4,
Times New Roman 10 pt, body indented 2 cm, "1." at the indent with its text at the tab,
"(a)" one tab in, UN_FORMAT.md §7) turned into Qt block and character formats at a zoom.

The measures come from :mod:`drafting_app.export.word_styles` (twips), so the screen and
the printed document agree; only the conversion to pixels lives here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from drafting_app.export.word_styles import BODY_INDENT, OPENER_TAB, SUB2_INDENT

PAGE_WIDTH = 11906  # A4, twips (word_package.py: w:pgSz)
PAGE_MARGIN = 1134  # left and right page margins, twips
PAGE_TOP = 1417
FONT_FAMILY = "Times New Roman"
BODY_PT = 10.0
NOTE_PT = 9.0
SHEET = QColor("#ffffff")
DESK = QColor("#d6d8dc")  # the grey around the sheet, as Word's print layout
DERIVED = QColor("#202020")


@dataclass(frozen=True)
class Metrics:
    """Pixels per twip and the zoom: ``dpi`` is the screen's logical resolution."""

    zoom: float = 1.0
    dpi: float = 96.0

    def px(self, twips: float) -> float:
        return twips * self.dpi / 1440.0 * self.zoom

    def pt(self, points: float) -> float:
        return points * self.zoom

    @property
    def sheet_width(self) -> int:
        return round(self.px(PAGE_WIDTH))

    @property
    def margin(self) -> float:
        return self.px(PAGE_MARGIN)


@dataclass
class ZoomMemory:
    """The zoom a new page opens at: the last one chosen, as Word keeps it (the window
    sets it from the settings and at each zoom; light, so the window sets it at start-up
    without loading the page)."""

    zoom: float = 1.0


OPENING_ZOOM = ZoomMemory()


def font(m: Metrics, points: float = BODY_PT, *, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setStyleHint(QFont.StyleHint.Serif)
    f.setPointSizeF(m.pt(points))
    f.setBold(bold)
    return f


def char_format(
    m: Metrics, points: float = BODY_PT, *, italic: bool = False, bold: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(font(m, points, bold=bold))
    fmt.setFontItalic(italic)
    return fmt


def mark_format(m: Metrics, points: float = BODY_PT) -> QTextCharFormat:
    """A footnote reference mark: superscript figure (Word's "footnote reference")."""
    fmt = char_format(m, points)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    return fmt


def label_font(m: Metrics, kind: str, level: int = 0) -> QFont:
    """The font a block's number is painted in: the block's own (a footnote's number is
    a superscript figure of the note's size, painted raised)."""
    points, bold = text_style(kind, level)
    if kind == "note":
        points = points * 0.75
    return font(m, points, bold=bold)


# Where a block kind's number stands and where its text starts, in twips from the block's
# left margin (UN_FORMAT.md §7): "1." at the body indent, its text at the opener tab;
# "(a)" one tab in, its text one more; "(i)" at 1701, its text at the next stop; the
# number of a footnote and a GA "80/3." hang in the margin before the text.
_NUMBER_AT: dict[str, tuple[float, float]] = {
    "preambular": (0, OPENER_TAB - BODY_INDENT),
    "vote_record": (0, OPENER_TAB - BODY_INDENT),
    "chapeau": (0, OPENER_TAB - BODY_INDENT),
    "operative": (0, OPENER_TAB - BODY_INDENT),
    "annex_paragraph": (0, OPENER_TAB - BODY_INDENT),
    "sub1": (567, 1134),
    "sub2": (0, 567),
    "note": (-BODY_INDENT, 0),
}
LABEL_GAP = 80  # twips between a number wider than its room and the text (a space)


def number_place(m: Metrics, kind: str, level: int = 0) -> tuple[float, float]:
    """(x of the number, x where the first line's text starts), in pixels from the
    block's left margin."""
    if kind == "title" and level:
        return -m.px(BODY_INDENT), 0.0
    x, text = _NUMBER_AT.get(kind, (0.0, 0.0))
    return m.px(x), m.px(text)


def block_format(m: Metrics, kind: str, level: int = 0, label_width: float = 0) -> QTextBlockFormat:
    """The paragraph format of a view block kind, measured as the export's named style.

    The number is painted, not typed (:mod:`page_blocks`): the first line is indented to
    where the text follows the number's tab, or past a number too wide for its room (a
    tab in Word goes on to the next stop)."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(m.px(120))  # 6 pt after, the UN body text
    fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
    body = m.px(BODY_INDENT)
    fmt.setLeftMargin(body)
    fmt.setRightMargin(body)
    number_x, text_x = number_place(m, kind, level)
    if label_width and number_x + label_width + m.px(LABEL_GAP) > text_x:
        text_x = number_x + label_width + m.px(LABEL_GAP)
    if kind == "sub2":
        fmt.setLeftMargin(m.px(SUB2_INDENT))
    if kind == "authoring":
        text_x = m.px(567)
    fmt.setTextIndent(text_x)
    if kind in ("title", "heading", "annex_title", "annex_heading", "part_heading"):
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setTopMargin(m.px(360 if kind != "annex_heading" or level == 2 else 240))
        fmt.setBottomMargin(m.px(240))
    elif kind == "sponsors":
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setTopMargin(m.px(360))
        fmt.setBottomMargin(0)
    elif kind.startswith("mh_"):
        fmt.setAlignment(
            Qt.AlignmentFlag.AlignRight
            if kind in ("mh_symbol", "mh_distribution", "mh_date", "mh_original")
            else Qt.AlignmentFlag.AlignLeft
        )
        fmt.setLeftMargin(0)
        fmt.setRightMargin(0)
        fmt.setBottomMargin(0)
        if kind in ("mh_body", "mh_session"):
            fmt.setTopMargin(m.px(120))
        if kind == "mh_rule":
            fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
    elif kind == "front":
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setBottomMargin(0)
    elif kind == "adoption":  # level 1: the date right under its meeting line
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
        fmt.setTopMargin(0 if level else m.px(240))
        fmt.setBottomMargin(0)
    elif kind == "notes_rule":
        fmt.setTopMargin(m.px(480))
        fmt.setLeftMargin(0)
        fmt.setRightMargin(0)
        fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
    elif kind == "note":
        fmt.setRightMargin(0)
        fmt.setBottomMargin(m.px(40))
    return fmt


# Character size and weight of each block kind (points, bold).
_TEXT_STYLE: dict[str, tuple[float, bool]] = {
    "title": (12.0, True),
    "heading": (14.0, True),
    "annex_title": (14.0, True),
    "part_heading": (12.0, True),
    "front": (12.0, False),
    "note": (NOTE_PT, False),
    "mh_org": (14.0, False),
    "mh_symbol": (20.0, False),
    "mh_short": (20.0, True),
    "mh_body": (12.0, True),
    "mh_distribution": (BODY_PT, False),
    "mh_date": (BODY_PT, False),
    "mh_original": (BODY_PT, False),
}


def text_style(kind: str, level: int = 0) -> tuple[float, bool]:
    if kind == "annex_heading":
        return (12.0, True) if level == 2 else (10.0, True)
    return _TEXT_STYLE.get(kind, (BODY_PT, False))
