"""Word export in the layout of issued UN documents (UN_FORMAT.md §7–8): named styles, typed
operative numbers, real Word footnotes, running header and page number from page 2.

The only module that imports python-docx. python-docx has no footnote, field or numbering API,
so those parts are written as WordprocessingML (the recipe of UN_FORMAT.md §8).
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting_app.errors import ExportError
from drafting_app.export.blocks import Block, Kind, Layout, MastheadBlock, Note, Run, build_blocks
from drafting_app.export.files import write_atomic
from drafting_app.export.page import PageProfile, profile_for
from drafting_app.export.word_package import W_NS, base_package, header_paragraph
from drafting_app.export.word_styles import LANGUAGE, style_of
from drafting_app.model.characters import xml_legal
from drafting_app.model.document import Document

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

_NSDECL = f'xmlns:w="{W_NS}"'
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_REF_RPR = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
_TAB = "<w:r><w:tab/></w:r>"
# The top-right masthead cell: "Distr.: General", the date, a blank line, "Original: …".
DISTRIBUTION_LINES = ("distribution", "date", "", "original")
# The lines under the masthead table: (style, MastheadBlock field, bold, space before).
MASTHEAD_LINES = (
    ("UNMastheadBody", "body", False, -1),
    ("UNMasthead", "session", True, -1),
    ("UNMasthead", "committee", True, -1),
    ("UNMasthead", "place_and_dates", False, -1),
    ("UNMasthead", "agenda_item", False, 240),
    ("UNMasthead", "agenda_title", True, -1),
)


def write_docx(
    doc: Document,
    path: str | Path,
    profile: PageProfile | None = None,
    *,
    when: datetime | None = None,
) -> Path:
    """Export ``doc`` as a UN-formatted .docx at ``path``, written atomically."""
    data = docx_bytes(doc, profile, when=when)
    target = Path(path)
    write_atomic(target, data)
    return target


def docx_bytes(
    doc: Document, profile: PageProfile | None = None, *, when: datetime | None = None
) -> bytes:
    """The .docx file of ``doc`` as bytes (``when`` fixes the core-properties dates)."""
    layout = build_blocks(doc)
    return _WordWriter(layout, profile or profile_for(layout), when).render()


def escape(text: str) -> str:
    """XML text escaping (xml.sax.saxutils would pull in urllib and email at start-up);
    a character XML cannot hold (a control character pasted from Word) is repaired as
    everywhere else (model/characters.py), never an XMLSyntaxError at export."""
    return html.escape(xml_legal(text)[0], quote=False)


def _text_run(r: Run) -> str:
    style = "FootnoteReference" if r.superscript else r.style
    rpr = f'<w:rStyle w:val="{style}"/>' if style else ""
    if r.bold:
        rpr += "<w:b/>"
    if r.italic:
        rpr += "<w:i/>"
    if r.strike:
        rpr += "<w:strike/>"
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(r.text)}</w:t></w:r>'


class _WordWriter:
    def __init__(self, layout: Layout, profile: PageProfile, when: datetime | None) -> None:
        self.layout = layout
        self.profile = profile
        self.when = when
        # A Word footnote has one reference: a note the text marks twice is written twice
        # (LibreOffice reads notes in the order of their references, so one note for two
        # references shifts every later note). Word ids in reference order from 1 (-1 and
        # 0 are the separators).
        self.notes_by_mark = {n.mark: n for n in layout.notes}
        self.notes_written: list[str] = []
        self.marks_written: set[str] = set()

    # -- document ---------------------------------------------------------------------------
    def render(self) -> bytes:
        try:
            import docx
            from docx.oxml import parse_xml
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ExportError("Word export is not available: python-docx is missing.") from exc

        d = docx.Document(io.BytesIO(base_package()))
        self._section(d, parse_xml)
        self._body(d, parse_xml)
        self._footnotes(d, parse_xml)
        self._properties(d)
        self._finish(d, parse_xml)
        out = io.BytesIO()
        d.save(out)
        return out.getvalue()

    def _body(self, d: WordDocument, parse_xml: Any) -> None:
        parts: list[str] = []
        if self.layout.masthead is not None:
            parts.append(self._masthead(self.layout.masthead))
        parts += [self._paragraph(b) for b in self.layout.blocks]
        if not parts:
            parts.append('<w:p><w:pPr><w:pStyle w:val="UNBodyText"/></w:pPr></w:p>')
        body = d.element.body
        fragment = parse_xml(f"<w:body {_NSDECL}>{''.join(parts)}</w:body>")
        sect = body.sectPr
        for child in list(fragment):
            sect.addprevious(child)

    # -- paragraphs -------------------------------------------------------------------------
    def _runs(self, runs: tuple[Run, ...]) -> str:
        out: list[str] = []
        for r in runs:
            if r.footnote_ref is not None:
                out.append(self._reference(r.footnote_ref))
            elif r.text:
                out.append(_text_run(r))
        return "".join(out)

    def _reference(self, mark: str) -> str:
        note = self.notes_by_mark.get(mark)
        if note is None:
            return ""
        fid = len(self.notes_written) + 1
        self.notes_written.append(note_xml(fid, note, self._runs(note.runs)))
        self.marks_written.add(mark)
        return reference_xml(fid, mark)

    def _paragraph(self, b: Block) -> str:
        lead = ""
        if b.label:
            lead = f'<w:r><w:t xml:space="preserve">{escape(b.label)}</w:t></w:r>'
        return paragraph_xml(b, lead, self._runs(b.runs))

    # -- masthead (first page of an L. document) -----------------------------------------------
    def _masthead(self, mh: MastheadBlock) -> str:
        width = self.profile.text_width
        col1, col3 = 4511, 2835
        col2 = width - col1 - col3
        body = self._mh_text("body_short", bold=True, size=40)
        return (
            "<w:tbl><w:tblPr>"
            # Floating at the top of the page like the UN template, so page 1 keeps its room.
            '<w:tblpPr w:leftFromText="142" w:rightFromText="142" w:vertAnchor="page" '
            f'w:horzAnchor="page" w:tblpX="{self.profile.left}" w:tblpY="285"/>'
            '<w:tblOverlap w:val="never"/>'
            f'<w:tblW w:w="{width}" w:type="dxa"/>'
            '<w:tblBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="auto"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
            '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{col1}"/><w:gridCol w:w="{col2}"/>'
            f'<w:gridCol w:w="{col3}"/></w:tblGrid>'
            '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:hRule="exact" w:val="1134"/></w:trPr>'
            f"{_cell(col1, _mh_para(self._mh_text('organization', size=28)), bottom=True)}"
            f"{_cell(col2 + col3, _mh_para(self._mh_symbol(), 'right'), span=2, bottom=True)}"
            "</w:tr>"
            '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:hRule="atLeast" w:val="1701"/></w:trPr>'
            f"{_cell(col1 + col2, _mh_para(body), span=2)}"
            f"{_cell(col3, self._distribution())}"
            "</w:tr></w:tbl>"
            f"{self._masthead_lines(mh)}"
        )

    def _mh_text(self, name: str, *, bold: bool = False, size: int = 0) -> str:
        """One masthead field as runs (the tracked export shows its change)."""
        assert self.layout.masthead is not None
        return _plain_run(getattr(self.layout.masthead, name), bold=bold, size=size)

    def _mh_symbol(self) -> str:
        assert self.layout.masthead is not None
        return _symbol_runs(self.layout.masthead.symbol)

    def _distribution(self) -> str:
        """The "Distr.", date and "Original" lines at the top right."""
        out = []
        for i, name in enumerate(DISTRIBUTION_LINES):
            before = '<w:spacing w:before="240"/>' if i == 0 else ""
            runs = self._mh_text(name) if name else ""
            out.append(
                f'<w:p><w:pPr><w:pStyle w:val="UNMasthead"/>{before}<w:ind w:left="143"/></w:pPr>'
                f"{runs}</w:p>"
            )
        return "".join(out)

    def _masthead_lines(self, mh: MastheadBlock) -> str:
        """Body, session, committee, place and dates, agenda item and title under the table;
        the last line keeps room before the text."""
        lines = [
            (style, self._runs(mh.agenda_item) if name == "agenda_item" else
             _plain_run(getattr(mh, name), bold=bold), before)
            for style, name, bold, before in MASTHEAD_LINES
        ]  # fmt: skip
        present = [line for line in lines if line[1]]
        return "".join(
            _styled(style, runs, before, after=360 if i == len(present) - 1 else -1)
            for i, (style, runs, before) in enumerate(present)
        )

    # -- styles, settings, section ------------------------------------------------------------
    def _section(self, d: WordDocument, parse_xml: Any) -> None:
        from docx.shared import Twips

        p = self.profile
        sec = d.sections[0]
        sec.page_width, sec.page_height = Twips(p.width), Twips(p.height)
        sec.top_margin, sec.bottom_margin = Twips(p.top), Twips(p.bottom)
        sec.left_margin, sec.right_margin = Twips(p.left), Twips(p.right)
        sec.header_distance, sec.footer_distance = Twips(p.header), Twips(p.footer)
        run = self._header_runs()
        if run:
            for part, align in ((sec.header, "right"), (sec.even_page_header, "left")):
                _replace(part, parse_xml, header_paragraph("Header", align, run))

    def _header_runs(self) -> str:
        """The symbol in the running header from page 2 (none without a symbol)."""
        if not self.layout.symbol:
            return ""
        return f'<w:r><w:t xml:space="preserve">{escape(self.layout.symbol)}</w:t></w:r>'

    def _footnotes(self, d: WordDocument, parse_xml: Any) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart

        notes = self._notes_xml()
        xml = (
            f"<w:footnotes {_NSDECL}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
            'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
            f"</w:r></w:p></w:footnote>{notes}</w:footnotes>"
        )
        doc_part = d.part
        part = XmlPart(
            PackURI("/word/footnotes.xml"),
            _FOOTNOTES_CT,
            parse_xml(xml),
            doc_part.package,
        )
        doc_part.relate_to(part, _FOOTNOTES_RT)

    def _notes_xml(self) -> str:
        for n in self.layout.notes:  # a note nothing marks is kept (after the others)
            if n.mark not in self.marks_written:
                self.notes_written.append(
                    note_xml(len(self.notes_written) + 1, n, self._runs(n.runs))
                )
        return "".join(self.notes_written)

    def _finish(self, d: WordDocument, parse_xml: Any) -> None:
        """Last touches of a variant of the export (the tracked one turns tracking on)."""

    def _properties(self, d: WordDocument) -> None:
        when = self.when or datetime.now(UTC).replace(microsecond=0)
        cp = d.core_properties
        cp.title = _property(self.layout.title)
        cp.subject = _property(self.layout.symbol)
        cp.author = ""
        cp.last_modified_by = ""
        cp.comments = ""
        cp.keywords = ""
        cp.language = LANGUAGE
        cp.revision = 1
        cp.created = when
        cp.modified = when


def _property(text: str) -> str:
    """Core properties hold at most 255 characters (a long UN title is cut with an ellipsis)."""
    text = xml_legal(text)[0]
    return text if len(text) <= 255 else text[:254].rstrip() + "…"


def _replace(part: Any, parse_xml: Any, p_xml: str) -> None:
    """Make ``p_xml`` the only paragraph of a header or footer."""
    part.is_linked_to_previous = False
    root = part._element
    for child in list(root):
        root.remove(child)
    root.append(parse_xml(p_xml))


def _plain_run(text: str, *, bold: bool = False, size: int = 0) -> str:
    if not text:
        return ""
    rpr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _sized(text: str, size: int, *, bold: bool = False) -> str:
    return _plain_run(text, bold=bold, size=size)


def _symbol_runs(symbol: str) -> str:
    """The symbol at top right; its first component is printed large ("CTOC/COP/…")."""
    head, sep, tail = symbol.partition("/")
    return _sized(head, 40) + _plain_run(sep + tail)


def _mh_para(runs: str, align: str = "left") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="UNMasthead"/><w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'


def _styled(style: str, runs: str, before: int = -1, after: int = -1) -> str:
    if not runs:
        return ""
    space = (f' w:before="{before}"' if before >= 0 else "") + (
        f' w:after="{after}"' if after >= 0 else ""
    )
    spacing = f"<w:spacing{space}/>" if space else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{spacing}</w:pPr>{runs}</w:p>'


def reference_xml(fid: int, mark: str) -> str:
    """The run of a footnote reference; a custom mark ("*") follows it as text, so that
    Word numbers only the other notes 1, 2, 3."""
    if mark.isdigit():
        return f'<w:r>{_REF_RPR}<w:footnoteReference w:id="{fid}"/></w:r>'
    return (
        f'<w:r>{_REF_RPR}<w:footnoteReference w:customMarkFollows="1" w:id="{fid}"/>'
        f"<w:t>{escape(mark)}</w:t></w:r>"
    )


def note_xml(fid: int, n: Note, runs: str) -> str:
    """A footnote of footnotes.xml: Word id ``fid``, the mark opening it, its runs."""
    if n.custom:
        # The asterisk run opens the note, as Word writes custom marks (LibreOffice then
        # shows it once); without the right tab at 1021 the text goes to the hanging 1134.
        ppr = '<w:pStyle w:val="FootnoteText"/><w:tabs><w:tab w:val="clear" w:pos="1021"/>'
        ppr += "</w:tabs>"
        lead = f'<w:r>{_REF_RPR}<w:t xml:space="preserve">{escape(n.mark)}</w:t></w:r>'
    else:
        # Tab to the right-aligned number at 1021, tab to the hanging indent at 1134.
        ppr = '<w:pStyle w:val="FootnoteText"/>'
        lead = f"{_TAB}<w:r>{_REF_RPR}<w:footnoteRef/></w:r>"
    return (
        f'<w:footnote w:id="{fid}"><w:p><w:pPr>{ppr}</w:pPr>{lead}{_TAB}{runs}</w:p></w:footnote>'
    )


def paragraph_xml(
    b: Block, label_runs: str, runs: str, mark: str = "", wrap: Callable[[str], str] | None = None
) -> str:
    """A printed paragraph: its named style, the typed label ("1." + tab, never Word's
    automatic numbering) and its runs. The tracked export gives ``mark``, a revision of
    the paragraph mark, and ``wrap``, the revision the label and its tab belong to."""
    props, lead = paragraph_parts(b, label_runs)
    rpr = f"<w:rPr>{mark}</w:rPr>" if mark else ""
    if wrap is not None and lead:
        lead = wrap(lead)
    return f"<w:p><w:pPr>{props}{rpr}</w:pPr>{lead}{runs}</w:p>"


def paragraph_parts(b: Block, label_runs: str) -> tuple[str, str]:
    """A printed paragraph's properties (its named style, a numbered title's indent) and
    its lead (the typed label and tab, a tab, or nothing) — what the tracked export
    compares between a paragraph and its base."""
    style = style_of(b.kind, b.level)
    lead = ""
    if b.kind is Kind.OPERATIVE:
        # A lone operative paragraph has no number but keeps the tab indent.
        lead = label_runs + _TAB
    elif b.kind in (Kind.PREAMBULAR, Kind.CHAPEAU):
        lead = _TAB
    ind = ""
    if b.kind is Kind.TITLE and b.label:
        # "80/3." in the hanging indent, the title at 1134.
        ind = '<w:ind w:left="1134" w:hanging="1134"/>'
        lead = label_runs + _TAB
    return f'<w:pStyle w:val="{style}"/>{ind}', lead


def _cell(width: int, content: str, *, span: int = 1, bottom: bool = False) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    valign = '<w:vAlign w:val="bottom"/>' if bottom else ""
    content = content or '<w:p><w:pPr><w:pStyle w:val="UNMasthead"/></w:pPr></w:p>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{valign}</w:tcPr>{content}</w:tc>'
    )
