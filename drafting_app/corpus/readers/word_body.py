"""WordprocessingML → logical blocks: paragraphs with italics and footnote marks, automatic
numbers put back as text, and everything the model cannot hold sent to the import report.

Run by run: ``w:t`` text; tabs, line breaks → spaces (the UN template types "1." + tab);
italic runs (direct, character style or paragraph style) → spans; ``w:footnoteReference`` →
a mark keyed by the note's id (a custom mark such as "*" stays in the text, as printed, for
the masthead sponsor line); tracked insertions accepted, deletions reported; field codes
reported and their results kept; drawings, text boxes, equations, content controls,
custom XML and unknown elements reported with their text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafting_app.corpus.readers.blocks import Block, Mark, normalise_spaces
from drafting_app.corpus.readers.import_report import Element, ImportReport
from drafting_app.corpus.readers.limits import spend
from drafting_app.corpus.readers.word_numbering import Numbering, Styles, W, wval
from drafting_app.corpus.readers.word_package import WordFileError
from drafting_app.model.document import MAX_PARAGRAPH_CHARS, Span

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
V = "{urn:schemas-microsoft-com:vml}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_FALSE = ("0", "false", "off")
# A footnote mark's run is raised by its style; it is the mark, not formatting of text.
_NOTE_STYLES = ("FootnoteReference", "EndnoteReference")
SILENT = {
    W + n
    for n in (
        "rPr", "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart",
        "commentRangeEnd", "commentReference", "annotationRef", "permStart", "permEnd",
        "lastRenderedPageBreak", "footnoteRef", "endnoteRef", "separator",
        "continuationSeparator", "softHyphen", "endnoteReference", "moveFromRangeStart",
        "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "sectPr", "tblPr",
        "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "dayLong", "dayShort", "monthLong",
        "monthShort", "yearLong", "yearShort", "pgNum", "fldData", "delInstrText",
        "noBreakHyphen", "tab", "ptab", "br", "cr",
    )
}  # fmt: skip
_SPACES = {W + "tab", W + "ptab", W + "br", W + "cr"}


def _flat(el: Any) -> str:
    out: list[str] = []
    for node in el.iter(W + "t", M + "t", *_SPACES):
        out.append(node.text or "" if node.tag in (W + "t", M + "t") else " ")
    spend(len(out) + 1)  # text reported again for each element it is nested in
    return " ".join("".join(out).split())


def plain_text(el: Any) -> str:
    """Visible text of an element (deleted text excluded): a line per paragraph, a line per
    table row with its cells separated by " | "."""
    if el.tag == W + "tbl":
        rows = (" | ".join(_flat(tc) for tc in tr.findall(W + "tc")) for tr in el.iter(W + "tr"))
        return "\n".join(r for r in rows if r.strip(" |"))
    lines: list[str] = []
    blocks = [c for c in el if c.tag in (W + "p", W + "tbl", W + "sdt", W + "sdtContent")]
    if not blocks:
        return _flat(el)
    for child in el:
        if child.tag == W + "tbl":
            lines.append(plain_text(child))
        elif child.tag == W + "p":
            lines.append(_flat(child))
        elif isinstance(child.tag, str):
            lines.append(plain_text(child))
    return "\n".join(ln for ln in lines if ln)


def deleted_text(el: Any) -> str:
    return " ".join(
        " ".join((t.text or "") for t in el.iter(W + "delText", W + "t")).split()
    ).strip()


@dataclass
class _Sink:
    """Characters of one paragraph with italic spans and footnote marks."""

    name: str
    chars: list[str] = field(default_factory=list)
    size: int = 0
    italics: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    # Formatting the model has no place for: (format, start, end) of the text it covers.
    dropped: list[tuple[str, int, int]] = field(default_factory=list)

    # Where the last character that is not a space ends (runs joined without re-reading
    # the whole paragraph: a hostile file may have a hundred thousand runs).
    solid: int = 0

    def drop(self, formats: list[str], start: int, solid_before: int) -> None:
        """Record ``formats`` on the run just added at ``start``; a stretch continues over
        runs separated by nothing but spaces."""
        if self.size <= start:
            return
        for name in formats:
            same = [i for i in range(max(0, len(self.dropped) - 6), len(self.dropped))
                    if self.dropped[i][0] == name]  # fmt: skip
            last = self.dropped[same[-1]] if same else None
            if last is not None and solid_before <= last[2]:
                self.dropped[same[-1]] = (name, last[1], self.size)
            else:
                self.dropped.append((name, start, self.size))

    # Whether all text since the last italic span is blank (an italic run after it then
    # extends the span: "Recalling" set in two runs is one opener).
    blank_since_italic: bool = True

    def add(self, text: str, italic: bool) -> None:
        if not text:
            return
        start = self.size
        self.chars.append(text)
        self.size += len(text)
        if text.strip():
            self.solid = start + len(text.rstrip())
        if self.size > MAX_PARAGRAPH_CHARS:
            raise WordFileError(
                f"{self.name} has a paragraph of more than {MAX_PARAGRAPH_CHARS:,} characters; "
                "it is not a resolution text and was not imported."
            )
        lead = len(text) - len(text.lstrip())
        tail = len(text.rstrip())
        if italic and tail > lead:
            self._italic(Span(start + lead, start + tail))
            self.blank_since_italic = True  # what follows the span in this run is blank
        elif tail > lead:
            self.blank_since_italic = False

    def _italic(self, span: Span) -> None:
        # Kept as a flag, not read back from the text: joining the paragraph's text at
        # every italic run cost the square of its runs.
        if self.italics and self.blank_since_italic:
            self.italics[-1] = Span(self.italics[-1].start, span.end)
            return
        self.italics.append(span)

    def text(self) -> str:
        return "".join(self.chars)


@dataclass
class _Field:
    """A Word field being read: its code (pieces kept in a list — a field code split over
    100,000 runs joined one by one cost the square of its length) and whether its
    result has begun."""

    code: list[str] = field(default_factory=list)
    in_code: bool = True


class WordTextReader:
    """Reads paragraphs of one part (document, footnotes, a header) into blocks."""

    def __init__(
        self,
        name: str,
        styles: Styles,
        numbering: Numbering | None,
        report: ImportReport,
        part: str,
    ) -> None:
        self.name, self.styles, self.numbering, self.report = name, styles, numbering, report
        self.part = part
        self.custom_marks: dict[str, str] = {}
        self.mark_order: list[str] = []
        self.empty_notes: set[str] = set()
        self._pending_custom: str | None = None
        self._fields: list[_Field] = []  # fields open at this point
        self._where = part
        self._para_italic = False
        self.links: dict[str, str] = {}  # relationship id → address, for w:hyperlink
        self._in_link = 0  # inside a w:hyperlink: its underline is the link's look

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p: Any, where: str) -> Block:
        """One ``w:p`` as a block (spaces normalised, auto-number label in front)."""
        self._where = where
        ppr = p.find(W + "pPr")
        style = wval(ppr, "pStyle")
        self._para_italic = self.styles.is_italic(style)
        sink = _Sink(self.name)
        self._inline(p, sink)
        if ppr is not None:
            self._paragraph_properties(ppr)
        label = self.numbering.label(ppr) if self.numbering is not None else None
        self._report_dropped(sink)
        block = Block(sink.text(), sink.italics, sink.marks, [sink.text()])
        block = normalise_spaces(block)
        if label and block.text:
            base = len(label) + 1
            block = Block(
                f"{label} {block.text}",
                [Span(s.start + base, s.end + base) for s in block.italics],
                [Mark(m.offset + base, m.label, m.key) for m in block.marks],
            )
        block.lines = [block.text]
        block.style = style or ""
        return block

    def _report_dropped(self, sink: _Sink) -> None:
        """Underline, strikethrough, highlight, bold, raised or lowered text: the model keeps
        italics only, so each stretch is reported with its words (in a negotiated text
        they can carry meaning: struck text, highlighted proposals). A paragraph bold
        throughout is a heading or title, which the export sets bold itself."""
        text = sink.text()
        words = len(text.strip())
        for name, start, end in sink.dropped:
            stretch = " ".join(text[start:end].split())
            if not stretch or (name == "bold" and len(stretch) >= words):
                continue
            self.report.add(Element.FORMAT_DROPPED, f"{name}: “{stretch}”", self._where)

    def _paragraph_properties(self, ppr: Any) -> None:
        sect = ppr.find(W + "sectPr")
        if sect is not None:
            kind = wval(sect, "type") or "nextPage"
            self.report.add(Element.SECTION_BREAK, f"{kind} section break", self._where)
        if ppr.find(W + "pPrChange") is not None:
            self.report.add(Element.FORMAT_CHANGE, "paragraph formatting changed", self._where)

    # -- inline content -----------------------------------------------------------------------
    def _inline(self, el: Any, sink: _Sink) -> None:
        spend(len(el))
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SILENT:
                continue
            if tag == W + "r":
                self._run(child, sink)
            elif tag == W + "hyperlink":
                before = sink.size
                self._in_link += 1
                try:
                    self._inline(child, sink)
                finally:
                    self._in_link -= 1
                self._hyperlink(child, sink.text()[before:])
            elif tag in (W + "smartTag", W + "bdo", W + "dir"):
                self._inline(child, sink)
            elif tag in (W + "ins", W + "moveTo"):
                before = sink.size
                self._inline(child, sink)
                added = sink.text()[before:]
                self.report.add(Element.INSERTION, added, self._where)
            elif tag in (W + "del", W + "moveFrom"):
                self.report.add(Element.DELETION, deleted_text(child), self._where)
            elif tag == W + "sdt":
                self._content_control(child, sink)
            elif tag == W + "customXml":
                self.report.add(
                    Element.CUSTOM_XML,
                    f"<{child.get(W + 'element', '')}> {plain_text(child)}",
                    self._where,
                )
                self._inline(child, sink)
            elif tag == W + "fldSimple":
                self.report.add(Element.FIELD, child.get(W + "instr", "").strip(), self._where)
                self._inline(child, sink)
            elif tag in (M + "oMath", M + "oMathPara"):
                self.report.add(Element.EQUATION, plain_text(child), self._where)
            elif tag == MC + "AlternateContent":
                self._inline(alternative(child), sink)
            else:
                self._unknown(child)

    def _content_control(self, sdt: Any, sink: _Sink) -> None:
        pr = sdt.find(W + "sdtPr")
        name = wval(pr, "alias") or wval(pr, "tag") or "unnamed"
        content = sdt.find(W + "sdtContent")
        self.report.add(
            Element.CONTENT_CONTROL,
            f"{name}: {plain_text(content) if content is not None else ''}",
            self._where,
        )
        if content is not None:
            self._inline(content, sink)

    def _hyperlink(self, link: Any, text: str) -> None:
        """The linked words are kept as text; the address is not, unless the words are
        the address itself ("https://unfccc.int/…" printed in a footnote)."""
        address = self.links.get(link.get(R + "id", ""), "")
        shown = " ".join(text.split())
        bare = "".join(shown.split()).rstrip("/")  # an address broken over two lines
        if address and bare != address.rstrip("/").removeprefix("mailto:"):
            self.report.add(Element.HYPERLINK, f"“{shown}” → {address}", self._where)

    def _unknown(self, el: Any) -> None:
        text = plain_text(el)
        name = el.tag.split("}")[-1]
        self.report.add(Element.OTHER, f"<{name}> {text}".strip(), self._where)

    def _italic(self, rpr: Any) -> bool:
        if rpr is not None:
            i = rpr.find(W + "i")
            if i is not None:
                return i.get(W + "val", "true") not in _FALSE
            rstyle = wval(rpr, "rStyle")
            if rstyle and self.styles.is_italic(rstyle):
                return True
        return self._para_italic

    def _run(self, r: Any, sink: _Sink) -> None:
        spend(len(r))
        rpr = r.find(W + "rPr")
        italic = self._italic(rpr)
        start, solid = sink.size, sink.solid
        if rpr is not None and rpr.find(W + "rPrChange") is not None:
            self.report.add(Element.FORMAT_CHANGE, "run formatting changed", self._where)
        for c in r:
            tag = c.tag
            if tag == W + "t":
                if self._fields and self._fields[-1].in_code:
                    continue  # a field code written as text (malformed): not body text
                text = c.text or ""
                if self._pending_custom is not None:
                    self.custom_marks[self._pending_custom] = text.strip()
                    self._pending_custom = None
                sink.add(text, italic)
            elif tag in (W + "tab", W + "ptab", W + "br", W + "cr"):
                sink.add(" ", False)
            elif tag == W + "noBreakHyphen":
                sink.add("\u2011", italic)
            elif tag == W + "sym":
                sink.add(_symbol(c), italic)
            elif tag == W + "footnoteReference":
                self._footnote_reference(c, sink)
            elif tag == W + "fldChar":
                self._field_char(c)
            elif tag == W + "instrText":
                if self._fields:
                    self._fields[-1].code.append(c.text or "")
            elif tag in (W + "drawing", W + "pict", W + "object"):
                self.drawing(c)
            elif tag == MC + "AlternateContent":
                alt = alternative(c)
                for node in alt:
                    if node.tag in (W + "drawing", W + "pict", W + "object"):
                        self.drawing(node)
                    elif isinstance(node.tag, str) and node.tag not in SILENT:
                        self._unknown(node)
            elif isinstance(tag, str) and tag not in SILENT:
                self._unknown(c)
        formats = _dropped_formats(rpr)
        if self._in_link:
            formats = [f for f in formats if f != "underline"]
        sink.drop(formats, start, solid)

    def _footnote_reference(self, ref: Any, sink: _Sink) -> None:
        fid = ref.get(W + "id", "")
        if ref.get(W + "customMarkFollows", "0") not in _FALSE:
            self._pending_custom = fid  # the mark is the text that follows ("*")
            return
        self.mark_order.append(fid)
        if fid in self.empty_notes:
            self.report.add(Element.EMPTY_FOOTNOTE, "", self._where)
            return
        sink.marks.append(Mark(sink.size, "", fid))

    def _field_char(self, fc: Any) -> None:
        kind = fc.get(W + "fldCharType")
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            self._fields[-1].in_code = False
        elif kind == "end" and self._fields:
            code = "".join(self._fields.pop().code)
            self.report.add(Element.FIELD, " ".join(code.split()), self._where)

    def drawing(self, el: Any) -> None:
        """A picture, shape or embedded object: text boxes inside keep their text."""
        boxes = list(el.iter(W + "txbxContent"))
        for box in boxes:
            self.report.add(Element.TEXT_BOX, plain_text(box), self._where)
        if el.tag == W + "object":
            self.report.add(Element.EMBEDDED_OBJECT, "", self._where)
            return
        if boxes:
            return
        names = [
            d.get("descr") or d.get("title") or d.get("name") or "" for d in el.iter(WP + "docPr")
        ]
        names += [v.get("alt") or "" for v in el.iter(V + "shape")]
        self.report.add(Element.IMAGE, "; ".join(n for n in names if n), self._where)


def _on(el: Any) -> bool:
    return el is not None and el.get(W + "val", "true") not in _FALSE


def _dropped_formats(rpr: Any) -> list[str]:
    """The run's direct formatting the model does not keep (italics it keeps)."""
    if rpr is None:
        return []
    out: list[str] = []
    u = rpr.find(W + "u")
    if u is not None and u.get(W + "val", "single") != "none":
        out.append("underline")
    if _on(rpr.find(W + "strike")) or _on(rpr.find(W + "dstrike")):
        out.append("strikethrough")
    highlight = rpr.find(W + "highlight")
    if highlight is not None and highlight.get(W + "val", "none") != "none":
        out.append("highlight")
    if _on(rpr.find(W + "b")):
        out.append("bold")
    vert = wval(rpr, "vertAlign")
    if vert in ("superscript", "subscript") and wval(rpr, "rStyle") not in _NOTE_STYLES:
        out.append(vert)
    return out


def alternative(ac: Any) -> Any:
    """The branch of ``mc:AlternateContent`` Word would show (Choice, else Fallback); the
    Fallback repeats the same text as VML, so only one branch is read."""
    choice = ac.find(MC + "Choice")
    if choice is None:
        choice = ac.find(MC + "Fallback")
    return choice if choice is not None else []


def _symbol(sym: Any) -> str:
    try:
        code = int(sym.get(W + "char", ""), 16)
    except ValueError:
        return ""
    if 0xF020 <= code <= 0xF0FF:  # Symbol/Wingdings fonts map into the private-use area
        code -= 0xF000
    return chr(code) if 0 < code < 0x110000 else ""
