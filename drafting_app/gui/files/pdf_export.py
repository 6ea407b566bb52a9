"""PDF of a document in the layout of issued UN documents, made with Qt (no external program).

The pages are laid out here rather than by QTextDocument's own pagination, because the UN puts
each footnote at the foot of the page where its mark is: the body is one QTextDocument measured
line by line; a page takes lines while those lines plus the notes their marks call still fit;
the notes are drawn at the foot of that page under a short rule. From page 2 the symbol runs in
the header over a rule and the page number in the footer (right on odd, left on even pages).

Units: the writer's resolution is 1440 dpi, so one device unit is one twip, the unit of the
measured UN layout.
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from drafting_app.errors import DraftingError, ExportError
from drafting_app.export.blocks import Block, Kind, Layout, MastheadBlock, Note, Run, build_blocks
from drafting_app.export.files import write_atomic
from drafting_app.export.page import A4, LETTER, PageProfile, profile_for
from drafting_app.export.pagination import NOTE_GAP, Line, Page, notes_height, paginate
from drafting_app.export.word_styles import style_of
from drafting_app.gui.common.fonts import times_family
from drafting_app.gui.common.pyside_guard import protect_none
from drafting_app.model.document import Document

DPI = 1440  # one device unit = one twip
FONT = "Times New Roman"
_RULE_WIDTH = 2835  # the short footnote separator rule (5 cm)


def _font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font sized in twips (20 per point), the unit of the whole layout."""
    f = QFont(FONT)
    f.setPixelSize(round(size * 20))
    # Word sets text without pair kerning unless a style asks for it (ours do not), and
    # LibreOffice lays the .docx out so: with Qt's default kerning lines held more words.
    f.setKerning(False)
    f.setBold(bold)
    f.setItalic(italic)
    return f


def _single(size: float) -> float:
    """Word's single line spacing of the text font at ``size`` points, in twips: the
    font's ascender, descender and line gap (its 'hhea' table; Qt's metrics leave the gap
    out), as LibreOffice lays a .docx out."""
    font = _font(size)
    raw = QRawFont.fromFont(font)
    hhea = bytes(raw.fontTable("hhea").data())
    em = raw.unitsPerEm()
    if len(hhea) < 10 or em <= 0:  # no table to read: Qt's own spacing
        return QFontMetricsF(font).lineSpacing()
    ascender, descender, gap = struct.unpack(">hhh", hhea[4:10])
    return (ascender - descender + gap) / em * size * 20


class _Builder:
    """Fills a QTextDocument from the blocks with the measured UN paragraph formats."""

    def __init__(self, width: int) -> None:
        # No paint device: Qt would rescale margins by the device's resolution. Fonts are
        # sized in pixels = twips instead, so every length of the layout is in one unit.
        self.doc = QTextDocument()
        self.doc.setUseDesignMetrics(True)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(_font(10))
        self.doc.setTextWidth(width)
        self.width = width
        self.cursor = QTextCursor(self.doc)
        self.first = True

    def block(self, fmt: QTextBlockFormat) -> None:
        if not fmt.hasProperty(QTextFormat.Property.LineHeight):
            # Body text: "at least 12 pt"; a footnote keeps its exact 11 pt (UN_FORMAT §7).
            fmt.setLineHeight(240, QTextBlockFormat.LineHeightTypes.MinimumHeight.value)
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt)

    def text(
        self, text: str, *, italic: bool = False, bold: bool = False, size: float = 10
    ) -> None:
        cf = QTextCharFormat()
        cf.setFont(_font(size, bold=bold, italic=italic))
        self.cursor.insertText(text, cf)

    def runs(self, runs: Sequence[Run], size: float = 10, bold: bool = False) -> None:
        for r in runs:
            if r.footnote_ref is not None:
                cf = QTextCharFormat()
                cf.setFont(_font(size * 0.9))
                cf.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                cf.setAnchor(True)
                cf.setAnchorNames([f"fn:{r.footnote_ref}"])
                self.cursor.insertText(r.footnote_ref, cf)
            elif r.superscript:
                cf = QTextCharFormat()
                cf.setFont(_font(size * 0.9))
                cf.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                self.cursor.insertText(r.text, cf)
            elif r.text:
                self.text(r.text, italic=r.italic, bold=r.bold or bold, size=size)


def _fmt(
    left: int = 1134,
    right: int = 1134,
    *,
    indent: int = 0,
    before: int = 0,
    after: int = 120,
    tabs: Sequence[tuple[int, QTextOption.TabType]] = (),
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignJustify,
) -> QTextBlockFormat:
    f = QTextBlockFormat()
    f.setLeftMargin(left)
    f.setRightMargin(right)
    f.setTextIndent(indent)
    f.setTopMargin(before)
    f.setBottomMargin(after)
    f.setAlignment(align)
    # Qt measures tab stops from where the first line starts (margin + indent); ``tabs`` are
    # given from the page's text margin, like Word's.
    f.setTabPositions([QTextOption.Tab(pos - left - indent, kind) for pos, kind in tabs])
    return f


# Headings, the title and the lines above the text stay on the page of what follows them.
_KEEP_WITH_NEXT = QTextFormat.Property.UserProperty
_KEEP_KINDS = {
    Kind.FRONT_MATTER, Kind.HEADING, Kind.SPONSORS, Kind.TITLE, Kind.AUTHORING_BODY,
    Kind.PART_HEADING, Kind.ANNEX_TITLE, Kind.ANNEX_HEADING,
}  # fmt: skip
_LEFT = QTextOption.TabType.LeftTab
_RIGHT = QTextOption.TabType.RightTab
_A_LEFT = Qt.AlignmentFlag.AlignLeft
# Paragraph formats per printed block, mirroring word_styles (twips).
_HEADINGS = {
    Kind.HEADING: 14,
    Kind.ANNEX_TITLE: 14,
    Kind.TITLE: 12,
    Kind.FRONT_MATTER: 12,
    Kind.PART_HEADING: 12,
}


# The heading styles of the .docx (word_styles): space before, after, exact line height.
_HEADING_SPACING = {
    "UNTitle": (360, 240, 270),
    "UNHeading1": (360, 240, 300),
    "UNHeading2": (360, 240, 270),
    "UNHeading3": (240, 120, 240),
}


def _exact(f: QTextBlockFormat, line: int) -> QTextBlockFormat:
    f.setLineHeight(line, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return f


def _block_format(b: Block) -> QTextBlockFormat:
    if b.kind is Kind.OPERATIVE:
        if b.level == 0:
            return _fmt(tabs=[(1701, _LEFT)])
        if b.level == 1:
            # "(a)" starts at 1701 and passes Word's stop at 1702: the text goes to 2268.
            return _fmt(indent=567, tabs=[(2268, _LEFT)])
        return _fmt(left=1701, tabs=[(2268, _LEFT)])
    if b.kind in (Kind.PREAMBULAR, Kind.CHAPEAU, Kind.VOTE_RECORD):
        return _fmt(tabs=[(1701, _LEFT)])
    if b.kind is Kind.AUTHORING_BODY:
        return _fmt(indent=567)
    if b.kind is Kind.FRONT_MATTER:
        # 12-pt lines at Word's single spacing, which counts the font's line gap (13.8 pt
        # in Times New Roman); Qt's own leaves it out (13.3 pt): three such lines above the
        # title put the PDF's text 2 pt higher than Word's, and a page broke elsewhere.
        f = _fmt(after=0, align=_A_LEFT)
        f.setLineHeight(_single(12), QTextBlockFormat.LineHeightTypes.MinimumHeight.value)
        return f
    if b.kind is Kind.TITLE and b.label:
        f = _fmt(indent=-1134, before=360, after=240, tabs=[(1134, _LEFT)], align=_A_LEFT)
        return _exact(f, 270)
    if b.kind in (Kind.HEADING, Kind.TITLE, Kind.PART_HEADING, Kind.ANNEX_TITLE) or (
        b.kind is Kind.ANNEX_HEADING
    ):
        before, after, line = _HEADING_SPACING[style_of(b.kind, b.level)]
        return _exact(_fmt(before=before, after=after, align=_A_LEFT), line)
    if b.kind is Kind.SPONSORS:
        return _fmt(before=360, after=0, align=_A_LEFT)
    if b.kind is Kind.ADOPTION:
        before = 0 if b.level else 240  # the date right under its meeting line
        return _fmt(before=before, after=0, align=Qt.AlignmentFlag.AlignRight)
    return _fmt()


def _body(layout: Layout, profile: PageProfile) -> QTextDocument:
    bld = _Builder(profile.text_width)
    if layout.masthead is not None:
        _masthead(bld, layout.masthead)
    for b in layout.blocks:
        fmt = _block_format(b)
        fmt.setProperty(_KEEP_WITH_NEXT, b.kind in _KEEP_KINDS)
        bld.block(fmt)
        if b.kind is Kind.OPERATIVE or b.kind in (Kind.PREAMBULAR, Kind.CHAPEAU):
            bld.text(f"{b.label}\t")
        elif b.kind is Kind.TITLE and b.label:
            bld.text(f"{b.label}\t", bold=True, size=12)
        size = _HEADINGS.get(b.kind, 10)
        if b.kind is Kind.ANNEX_HEADING:
            size = 12 if style_of(b.kind, b.level) == "UNHeading2" else 10
        bld.runs(b.runs, size=size)
    if bld.first:
        bld.block(_fmt())
    # Word and LibreOffice give the first paragraph its space before at the top of the
    # page ("Resolution 5/2" 18 pt down); Qt's layout drops a first block's top margin.
    first = bld.doc.begin().blockFormat().topMargin()
    if first:
        frame = bld.doc.rootFrame().frameFormat()
        frame.setTopMargin(first)
        bld.doc.rootFrame().setFrameFormat(frame)
    return bld.doc


def _masthead(bld: _Builder, mh: MastheadBlock) -> None:
    """The lines under the masthead table (body, session, agenda item and title), in the
    text flow, as the .docx writes them: only those present, the last with 18 pt after;
    the table itself is drawn at its place on the page (:func:`_draw_masthead`)."""
    plain = (Run(mh.agenda_title, bold=True),) if mh.agenda_title else ()
    lines: list[tuple[tuple[Run, ...], int, float]] = [
        ((Run(mh.body, bold=True),) if mh.body else (), 120, 12),  # UN Masthead Body
        ((Run(mh.session, bold=True),) if mh.session else (), 0, 10),
        ((Run(mh.committee, bold=True),) if mh.committee else (), 0, 10),
        ((Run(mh.place_and_dates),) if mh.place_and_dates else (), 0, 10),
        (tuple(mh.agenda_item), 240, 10),
        (plain, 0, 10),
    ]
    present = [line for line in lines if any(r.text for r in line[0])]
    for i, (runs, before, size) in enumerate(present):
        after = 360 if i == len(present) - 1 else 0
        bld.block(_fmt(0, 0, before=before, after=after, align=_A_LEFT))
        bld.runs(runs, size=size)


# The masthead table of the .docx (export/docx_writer.py), in twips from the page's top
# left: anchored 285 down, a row of exactly 1134 (organization, symbol; bottom-aligned)
# over a hairline, a row of at least 1701 (the body's short name; Distr., date, original
# from 143 into the third column) over a 1.5 pt rule; columns 4511, rest, 2835.
MASTHEAD_TOP = 285
MASTHEAD_ROW1 = 1134
MASTHEAD_ROW2 = 1701
MASTHEAD_COLUMNS = (4511, 2835)
# LibreOffice lays the text out a line (240) below a floating table anchored to the page:
# the fallback follows it, so that page 1 breaks where the .docx does there.
MASTHEAD_GAP = 240


def masthead_bottom() -> int:
    """Where the text flow starts on page 1 of an L. document (twips from the page top)."""
    return MASTHEAD_TOP + MASTHEAD_ROW1 + MASTHEAD_ROW2 + MASTHEAD_GAP


def _baseline_at_bottom(painter: QPainter, bottom: float) -> float:
    return bottom - painter.fontMetrics().descent()


def _line_baseline(painter: QPainter, top: float, height: float = 240) -> float:
    """The baseline of a line "at least ``height``" starting at ``top`` (the extra room of
    a short font above the text, as Word and LibreOffice place it)."""
    m = painter.fontMetrics()
    return top + max(0.0, height - m.ascent() - m.descent()) + m.ascent()


def _draw_masthead(painter: QPainter, mh: MastheadBlock, left: float, width: float) -> None:
    col3 = MASTHEAD_COLUMNS[1]  # the first column is the organization's, from the left
    right = left + width
    row1_bottom = MASTHEAD_TOP + MASTHEAD_ROW1
    painter.setFont(_font(14))
    painter.drawText(QPointF(left, _baseline_at_bottom(painter, row1_bottom)), mh.organization)
    head, sep, tail = mh.symbol.partition("/")
    painter.setFont(_font(10))
    tail_x = right - painter.fontMetrics().horizontalAdvance(sep + tail)
    painter.setFont(_font(20))
    base = _baseline_at_bottom(painter, row1_bottom)
    head_x = tail_x - painter.fontMetrics().horizontalAdvance(head)
    painter.drawText(QPointF(head_x, base), head)
    painter.setFont(_font(10))
    painter.drawText(QPointF(tail_x, base), sep + tail)
    painter.setPen(QPen(Qt.GlobalColor.black, 10))  # w:sz 4: half a point
    painter.drawLine(QPointF(left, row1_bottom), QPointF(right, row1_bottom))
    painter.setFont(_font(20, bold=True))
    painter.drawText(QPointF(left, _line_baseline(painter, row1_bottom)), mh.body_short)
    painter.setFont(_font(10))
    x = right - col3 + 143
    top = row1_bottom + 240  # "Distr." has 12 pt before it
    for line in (mh.distribution, mh.date, "", mh.original):
        if line:
            painter.drawText(QPointF(x, _line_baseline(painter, top)), line)
        top += 240
    bottom = row1_bottom + max(MASTHEAD_ROW2, top - row1_bottom)
    painter.setPen(QPen(Qt.GlobalColor.black, 30))  # w:sz 12: a point and a half
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))


def _note_doc(note: Note, width: int) -> QTextDocument:
    """The note's text at the hanging indent (1134); its mark is drawn beside it."""
    bld = _Builder(width)
    f = _fmt(after=0)
    f.setLineHeight(220, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    bld.block(f)
    bld.runs(note.runs, size=9)
    return bld.doc


def _draw_mark(painter: QPainter, mark: str, x: float, y: float, doc: QTextDocument) -> None:
    """The note number right-aligned at 1021 twips, raised like a superscript."""
    first = doc.begin().layout().lineAt(0)
    painter.setFont(_font(9 * 0.8))
    metrics = painter.fontMetrics()
    baseline = y + first.y() + first.ascent() - 60
    painter.drawText(QPointF(x + 1021 - metrics.horizontalAdvance(mark), baseline), mark)


def _lines(doc: QTextDocument) -> list[Line]:
    """Every laid-out line of the body with the footnote marks it carries."""
    out: list[Line] = []
    lay = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        rect = lay.blockBoundingRect(block)
        tl = block.layout()
        keep = block.blockFormat().boolProperty(_KEEP_WITH_NEXT)
        marks: dict[int, list[str]] = {}
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            for name in frag.charFormat().anchorNames():
                if name.startswith("fn:"):
                    line = tl.lineForTextPosition(frag.position() - block.position())
                    marks.setdefault(line.lineNumber(), []).append(name[3:])
            it += 1
        count = tl.lineCount()
        for i in range(count):
            line = tl.lineAt(i)
            top = rect.top() + line.y()
            out.append(
                Line(
                    top, top + line.height(), tuple(marks.get(i, [])), i == 0, i == count - 1, keep
                )
            )
        block = block.next()
    return out


def _draw_body(
    painter: QPainter, body: QTextDocument, top: float, bottom: float, width: int
) -> None:
    """The body lines of one page, in reading order (the order a PDF reader copies them).
    Paragraphs wholly on the page are drawn by the document (masthead rules included); a
    paragraph split by the page break is drawn line by line, because Qt draws the line
    above a clip too — out of sight, but in the text a reader copies and searches, so the
    last line of a page came again on the next."""
    lay = body.documentLayout()
    whole: list[QRectF] = []

    def flush() -> None:
        if whole:
            # A twip inside: a paragraph touching the clip's edge would be drawn as well.
            first, last = whole[0].top() + 1, whole[-1].bottom() - 1
            body.drawContents(painter, QRectF(0, first, width, max(0.0, last - first)))
            whole.clear()

    block = body.begin()
    while block.isValid():
        rect = lay.blockBoundingRect(block)
        if rect.top() >= bottom:
            break
        if rect.bottom() > top:
            if rect.top() >= top and rect.bottom() <= bottom:
                whole.append(rect)
            else:
                flush()
                tl = block.layout()
                origin = tl.position()
                for i in range(tl.lineCount()):
                    line = tl.lineAt(i)
                    if top <= origin.y() + line.y() < bottom:
                        line.draw(painter, origin)
        block = block.next()
    flush()


def _run_text(painter: QPainter, text: str, rect: QRectF, align: Qt.AlignmentFlag) -> None:
    painter.setFont(_font(9, bold=True))
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignBottom), text)


class PagePainter:
    """Paints a laid-out document page by page, in twips, on any paged device: the PDF
    writer, or a printer (Print and Print Preview show exactly what the PDF holds)."""

    def __init__(self, layout: Layout, profile: PageProfile) -> None:
        times_family()  # Times New Roman's metrics, bundled where the machine has none
        self.layout = layout
        self.profile = profile
        p = profile
        self.body = _body(layout, p)
        self.notes = {n.mark: _note_doc(n, p.text_width) for n in layout.notes}
        self.heights = {m: d.size().height() for m, d in self.notes.items()}
        # Page 1 of an L. document: the text starts under the masthead table.
        self.flow_top = float(p.top)
        if layout.masthead is not None:
            self.flow_top = float(max(p.top, masthead_bottom()))
        first_room = p.top + p.text_height - self.flow_top
        self.pages = paginate(_lines(self.body), self.heights, p.text_height, first_room=first_room)
        # Notes whose mark is nowhere in the text still print, at the foot of the last page.
        placed = {m for page in self.pages for m in page.notes}
        self.pages[-1].notes += [n.mark for n in layout.notes if n.mark not in placed]

    def paint(
        self, painter: QPainter, new_page: Callable[[], object], pages: Sequence[int] = ()
    ) -> int:
        """Paint the pages (all, or the numbers in ``pages``), ``new_page`` between two;
        the painter's unit is the twip. Returns how many were painted."""
        wanted = [n for n in range(1, len(self.pages) + 1) if not pages or n in pages]
        for i, number in enumerate(wanted):
            if i:
                new_page()
            self._page(painter, self.body, self.pages[number - 1], self.notes, number,
                       self.heights)  # fmt: skip
        return len(wanted)

    def _page(
        self,
        painter: QPainter,
        body: QTextDocument,
        page: Page,
        notes: dict[str, QTextDocument],
        number: int,
        heights: dict[str, float],
    ) -> None:
        p = self.profile
        painter.save()
        if number == 1 and self.layout.masthead is not None:
            _draw_masthead(painter, self.layout.masthead, p.left, p.text_width)
        top = self.flow_top if number == 1 else p.top
        painter.translate(p.left, top - page.top)
        _draw_body(painter, body, page.top, page.bottom, p.text_width)
        painter.restore()
        y = p.top + p.text_height - notes_height(page.notes, heights)
        if page.notes:
            painter.setPen(QPen(Qt.GlobalColor.black, 10))
            painter.drawLine(
                QPointF(p.left, y + NOTE_GAP / 2), QPointF(p.left + _RULE_WIDTH, y + NOTE_GAP / 2)
            )
            y += NOTE_GAP
        for mark in page.notes:
            painter.save()
            painter.translate(p.left, y)
            notes[mark].drawContents(painter)
            painter.restore()
            _draw_mark(painter, mark, p.left, y, notes[mark])
            y += heights[mark]
        if number > 1:
            self._running(painter, number)

    def _running(self, painter: QPainter, number: int) -> None:
        """Symbol over a rule in the header and the page number in the footer, from page 2."""
        p = self.profile
        align = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
        if self.layout.symbol:
            rect = QRectF(p.left, p.header, p.text_width, 240)
            _run_text(painter, self.layout.symbol, rect, align)
            painter.setPen(QPen(Qt.GlobalColor.black, 10))
            rule_y = p.header + 240 + 80
            painter.drawLine(QPointF(p.left, rule_y), QPointF(p.left + p.text_width, rule_y))
        rect = QRectF(p.left, p.height - p.footer - 240, p.text_width, 240)
        _run_text(painter, str(number), rect, align)


class _PdfWriter:
    def __init__(self, layout: Layout, profile: PageProfile) -> None:
        self.layout = layout
        self.profile = profile
        self.buffer = QBuffer()
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setResolution(DPI)
        size = QPageSize(QSizeF(profile.width / 20, profile.height / 20), QPageSize.Unit.Point)
        self.writer.setPageLayout(
            QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        self.writer.setTitle(layout.title)
        self.writer.setCreator("drafting-app")

    def render(self) -> bytes:
        pages = PagePainter(self.layout, self.profile)
        painter = QPainter()
        if not painter.begin(self.writer):
            raise ExportError("The PDF writer could not start.")
        try:
            pages.paint(painter, self.writer.newPage)
        finally:
            painter.end()
        self.buffer.close()
        return bytes(QByteArray(self.buffer.data()).data())


def _ensure_application() -> None:
    protect_none()
    if QGuiApplication.instance() is None:
        # Kept on the module so Qt's application object outlives this call.
        globals()["_APP"] = QGuiApplication([sys.argv[0] if sys.argv else "drafting-app"])


def pdf_bytes(doc: Document, profile: PageProfile | None = None) -> bytes:
    """The PDF of ``doc`` as bytes (A4 or US Letter by body, unless ``profile`` is given)."""
    _ensure_application()
    layout = build_blocks(doc)
    return _PdfWriter(layout, profile or profile_for(layout)).render()


def export_pdf(doc: Document, path: str | Path, profile: PageProfile | None = None) -> Path:
    """Write ``doc`` as a paginated PDF with footnotes at the foot of their page (atomic)."""
    target = Path(path)
    write_atomic(target, pdf_bytes(doc, profile))
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m drafting_app.gui.files.pdf_export FILE OUT.pdf`` (used by ``export --pdf``)."""
    from drafting_app.export.commands import load_exportable

    parser = argparse.ArgumentParser(prog="drafting_app.gui.files.pdf_export")
    parser.add_argument("file")
    parser.add_argument("output")
    parser.add_argument("--paper", choices=("auto", "a4", "letter"), default="auto")
    args = parser.parse_args(argv)
    profile = {"a4": A4, "letter": LETTER}.get(args.paper)
    try:
        export_pdf(load_exportable(args.file), args.output, profile)
    except DraftingError as exc:
        print(f"drafting-app: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
