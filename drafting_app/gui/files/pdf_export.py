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
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
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
from drafting_app.gui.common.pyside_guard import protect_none
from drafting_app.model.document import Document

DPI = 1440  # one device unit = one twip
FONT = "Times New Roman"
_RULE_WIDTH = 2835  # the short footnote separator rule (5 cm)


def _font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font sized in twips (20 per point), the unit of the whole layout."""
    f = QFont(FONT)
    f.setPixelSize(round(size * 20))
    f.setBold(bold)
    f.setItalic(italic)
    return f


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


def _block_format(b: Block) -> QTextBlockFormat:
    if b.kind is Kind.OPERATIVE:
        if b.level == 0:
            return _fmt(tabs=[(1701, _LEFT)])
        if b.level == 1:
            # "(a)" starts at 1701 and passes Word's stop at 1702: the text goes to 2268.
            return _fmt(indent=567, tabs=[(2268, _LEFT)])
        return _fmt(left=1701, tabs=[(2268, _LEFT)])
    if b.kind in (Kind.PREAMBULAR, Kind.CHAPEAU):
        return _fmt(tabs=[(1701, _LEFT)])
    if b.kind is Kind.AUTHORING_BODY:
        return _fmt(indent=567)
    if b.kind is Kind.FRONT_MATTER:
        return _fmt(after=0, align=_A_LEFT)
    if b.kind is Kind.TITLE and b.label:
        return _fmt(indent=-1134, before=360, after=240, tabs=[(1134, _LEFT)], align=_A_LEFT)
    if b.kind in _HEADINGS or b.kind is Kind.ANNEX_HEADING:
        return _fmt(before=360, after=240, align=_A_LEFT)
    if b.kind is Kind.SPONSORS:
        return _fmt(before=360, after=0, align=_A_LEFT)
    if b.kind is Kind.ADOPTION:
        return _fmt(before=240, after=0, align=Qt.AlignmentFlag.AlignRight)
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
        size = _HEADINGS.get(b.kind, 12 if b.kind is Kind.ANNEX_HEADING and b.level == 2 else 10)
        bld.runs(b.runs, size=size)
    if bld.first:
        bld.block(_fmt())
    return bld.doc


def _rule(bld: _Builder, weight: float) -> None:
    f = _fmt(0, 0, after=0)
    f.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, weight)
    bld.block(f)


def _masthead(bld: _Builder, mh: MastheadBlock) -> None:
    width = bld.width
    bld.block(_fmt(0, 0, after=60, tabs=[(width, _RIGHT)], align=_A_LEFT))
    bld.text(mh.organization, size=14)
    head, sep, tail = mh.symbol.partition("/")
    bld.text("\t")
    bld.text(head, size=20)
    bld.text(sep + tail)
    _rule(bld, 10)
    distr = width - 2835 + 143
    bld.block(_fmt(0, 0, after=0, before=120, tabs=[(distr, _LEFT)], align=_A_LEFT))
    bld.text(mh.body_short, bold=True, size=20)
    for line in ("\t" + mh.distribution, "\t" + mh.date, "", "\t" + mh.original):
        bld.block(_fmt(0, 0, after=0, tabs=[(distr, _LEFT)], align=_A_LEFT))
        bld.text(line)
    bld.block(_fmt(0, 0, after=0))
    _rule(bld, 25)
    bld.block(_fmt(0, 0, before=120, after=0, align=_A_LEFT))
    bld.text(mh.body, bold=True, size=12)
    for text, bold in ((mh.session, True), (mh.committee, True), (mh.place_and_dates, False)):
        if not text:
            continue
        bld.block(_fmt(0, 0, after=0, align=_A_LEFT))
        bld.text(text, bold=bold)
    bld.block(_fmt(0, 0, before=240, after=0, align=_A_LEFT))
    bld.runs(mh.agenda_item)
    bld.block(_fmt(0, 0, after=360, align=_A_LEFT))
    bld.text(mh.agenda_title, bold=True)


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


def _run_text(painter: QPainter, text: str, rect: QRectF, align: Qt.AlignmentFlag) -> None:
    painter.setFont(_font(9, bold=True))
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignBottom), text)


class PagePainter:
    """Paints a laid-out document page by page, in twips, on any paged device: the PDF
    writer, or a printer (Print and Print Preview show exactly what the PDF holds)."""

    def __init__(self, layout: Layout, profile: PageProfile) -> None:
        self.layout = layout
        self.profile = profile
        p = profile
        self.body = _body(layout, p)
        self.notes = {n.mark: _note_doc(n, p.text_width) for n in layout.notes}
        self.heights = {m: d.size().height() for m, d in self.notes.items()}
        self.pages = paginate(_lines(self.body), self.heights, p.text_height)
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
        painter.translate(p.left, p.top - page.top)
        body.drawContents(painter, QRectF(0, page.top, p.text_width, page.bottom - page.top + 1))
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
