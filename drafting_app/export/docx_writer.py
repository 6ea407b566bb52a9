"""Word export in the layout of issued UN documents (UN_FORMAT.md §7–8): named styles, typed
operative numbers, real Word footnotes, running header and page number from page 2.

The only module that imports python-docx. python-docx has no footnote, field or numbering API,
so those parts are written as WordprocessingML (the recipe of UN_FORMAT.md §8).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from drafting_app.errors import ExportError
from drafting_app.export.blocks import Block, Kind, Layout, MastheadBlock, Note, Run, build_blocks
from drafting_app.export.files import write_atomic
from drafting_app.export.page import PageProfile, profile_for
from drafting_app.export.word_styles import (
    FOOTER_RPR,
    HEADER_PPR,
    HEADER_RPR,
    LANGUAGE,
    STYLES,
    style_of,
    style_xml,
)
from drafting_app.model.document import Document

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_THUMBNAIL_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_REF_RPR = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
_TAB = "<w:r><w:tab/></w:r>"


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


def _text_run(r: Run, extra_rpr: str = "") -> str:
    rpr = extra_rpr
    if r.superscript:
        rpr = '<w:rStyle w:val="FootnoteReference"/>' + rpr
    if r.bold:
        rpr += "<w:b/>"
    if r.italic:
        rpr += "<w:i/>"
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(r.text)}</w:t></w:r>'


class _WordWriter:
    def __init__(self, layout: Layout, profile: PageProfile, when: datetime | None) -> None:
        self.layout = layout
        self.profile = profile
        self.when = when
        # Word ids: -1 and 0 are the separators; asterisk notes first (they come first in the
        # text, in the masthead), then the numbered notes in document order.
        self.note_ids = {n.mark: i for i, n in enumerate(layout.notes, start=1)}

    # -- document ---------------------------------------------------------------------------
    def render(self) -> bytes:
        try:
            import docx
            from docx.oxml import parse_xml
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ExportError("Word export is not available: python-docx is missing.") from exc
        d = docx.Document()
        self._styles(d, parse_xml)
        self._settings(d, parse_xml)
        self._section(d, parse_xml)
        self._body(d, parse_xml)
        self._footnotes(d, parse_xml)
        self._properties(d)
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
    def _runs(self, runs: tuple[Run, ...], extra_rpr: str = "") -> str:
        out: list[str] = []
        for r in runs:
            if r.footnote_ref is not None:
                out.append(self._reference(r.footnote_ref))
            elif r.text:
                out.append(_text_run(r, extra_rpr))
        return "".join(out)

    def _reference(self, mark: str) -> str:
        fid = self.note_ids.get(mark)
        if fid is None:
            return ""
        if mark.isdigit():
            return f'<w:r>{_REF_RPR}<w:footnoteReference w:id="{fid}"/></w:r>'
        # A custom mark ("*") follows the reference, so Word numbers the other notes 1, 2, 3.
        return (
            f'<w:r>{_REF_RPR}<w:footnoteReference w:customMarkFollows="1" w:id="{fid}"/>'
            f"<w:t>{escape(mark)}</w:t></w:r>"
        )

    def _paragraph(self, b: Block) -> str:
        style = style_of(b.kind, b.level)
        lead = ""
        if b.kind is Kind.OPERATIVE:
            # Typed "1." + tab (never auto-numbering); a lone paragraph keeps the tab indent.
            lead = (
                f'<w:r><w:t xml:space="preserve">{escape(b.label)}</w:t></w:r>' if b.label else ""
            )
            lead += _TAB
        elif b.kind in (Kind.PREAMBULAR, Kind.CHAPEAU):
            lead = _TAB
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{lead}{self._runs(b.runs)}</w:p>'

    # -- masthead (first page of an L. document) -----------------------------------------------
    def _masthead(self, mh: MastheadBlock) -> str:
        width = self.profile.text_width
        col1, col3 = 4511, 2835
        col2 = width - col1 - col3
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
            f"{_cell(col1, _mh_para(_sized(mh.organization, 28)), bottom=True)}"
            f"{_cell(col2 + col3, _mh_para(_symbol_runs(mh.symbol), 'right'), span=2, bottom=True)}"
            "</w:tr>"
            '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:hRule="atLeast" w:val="1701"/></w:trPr>'
            f"{_cell(col1 + col2, _mh_para(_sized(mh.body_short, 40, bold=True)), span=2)}"
            f"{_cell(col3, _distribution(mh))}"
            "</w:tr></w:tbl>"
            f"{_styled('UNMastheadBody', escape_run(mh.body))}"
            f"{_styled('UNMasthead', escape_run(mh.session, bold=True))}"
            f"{_styled('UNMasthead', escape_run(mh.place_and_dates))}"
            f"{_styled('UNMasthead', self._runs(mh.agenda_item), before=240)}"
            f"{_styled('UNMasthead', escape_run(mh.agenda_title, bold=True))}"
        )

    # -- styles, settings, section ------------------------------------------------------------
    def _styles(self, d: WordDocument, parse_xml: Any) -> None:
        styles = d.styles.element
        q = f"{{{W_NS}}}"
        defaults = styles.find(f"{q}docDefaults")
        rpr = f"<w:rPr {_NSDECL}>" + (
            '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" '
            'w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
            '<w:sz w:val="20"/><w:szCs w:val="20"/>'
            f'<w:lang w:val="{LANGUAGE}" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
        )
        ppr = f'<w:pPr {_NSDECL}><w:spacing w:after="0" w:line="240" w:lineRule="atLeast"/></w:pPr>'
        defaults.find(f"{q}rPrDefault").clear()
        defaults.find(f"{q}rPrDefault").append(parse_xml(rpr))
        defaults.find(f"{q}pPrDefault").clear()
        defaults.find(f"{q}pPrDefault").append(parse_xml(ppr))
        for style_id in ("Header", "Footer", "FootnoteText", "FootnoteReference"):
            for old in styles.findall(f"{q}style[@{q}styleId='{style_id}']"):
                styles.remove(old)
        normal = styles.find(f"{q}style[@{q}styleId='Normal']")
        normal_ppr = normal.find(f"{q}pPr")
        if normal_ppr is not None:
            normal.remove(normal_ppr)
        normal.find(f"{q}name").addnext(
            parse_xml(f"<w:pPr {_NSDECL}><w:suppressAutoHyphens/></w:pPr>")
        )
        extra = [style_xml(s) for s in STYLES] + [
            _builtin("Header", "header", f"<w:pPr>{HEADER_PPR}</w:pPr><w:rPr>{HEADER_RPR}</w:rPr>"),
            _builtin("Footer", "footer", f"<w:rPr>{FOOTER_RPR}</w:rPr>"),
        ]
        for xml in extra:
            styles.append(parse_xml(xml.replace("<w:style ", f"<w:style {_NSDECL} ", 1)))

    def _settings(self, d: WordDocument, parse_xml: Any) -> None:
        settings = d.settings
        settings.odd_and_even_pages_header_footer = True
        el = settings.element
        q = f"{{{W_NS}}}"
        tab = el.find(f"{q}defaultTabStop")
        tab.set(f"{q}val", "567")
        # No hyphenation in UN documents (Editorial Manual); absent means off, stated anyway.
        tab.addnext(parse_xml(f'<w:autoHyphenation {_NSDECL} w:val="false"/>'))
        compat = el.find(f"{q}compat")
        compat.addprevious(
            parse_xml(
                f'<w:footnotePr {_NSDECL}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                "</w:footnotePr>"
            )
        )
        lang = el.find(f"{q}themeFontLang")
        if lang is not None:
            lang.set(f"{q}val", LANGUAGE)

    def _section(self, d: WordDocument, parse_xml: Any) -> None:
        from docx.shared import Twips

        p = self.profile
        sec = d.sections[0]
        sec.page_width, sec.page_height = Twips(p.width), Twips(p.height)
        sec.top_margin, sec.bottom_margin = Twips(p.top), Twips(p.bottom)
        sec.left_margin, sec.right_margin = Twips(p.left), Twips(p.right)
        sec.header_distance, sec.footer_distance = Twips(p.header), Twips(p.footer)
        sec.different_first_page_header_footer = True
        # Page 1 carries the masthead: empty header and footer.
        for part in (sec.first_page_header, sec.first_page_footer):
            # Word's template header paragraph carries the Header style, hence its rule.
            _replace(
                part, parse_xml, f'<w:p {_NSDECL}><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>'
            )
        symbol = escape(self.layout.symbol)
        header_style = "Header" if symbol else "Normal"
        # Symbol right on odd pages, left on even pages; page number likewise.
        for part, align in ((sec.header, "right"), (sec.even_page_header, "left")):
            run = f'<w:r><w:t xml:space="preserve">{symbol}</w:t></w:r>' if symbol else ""
            _replace(
                part,
                parse_xml,
                f'<w:p {_NSDECL}><w:pPr><w:pStyle w:val="{header_style}"/>'
                f'<w:jc w:val="{align}"/></w:pPr>{run}</w:p>',
            )
        for part, align in ((sec.footer, "right"), (sec.even_page_footer, "left")):
            _replace(
                part,
                parse_xml,
                f'<w:p {_NSDECL}><w:pPr><w:pStyle w:val="Footer"/>'
                f'<w:jc w:val="{align}"/></w:pPr>{_PAGE_FIELD}</w:p>',
            )

    def _footnotes(self, d: WordDocument, parse_xml: Any) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart

        notes = "".join(self._note(n) for n in self.layout.notes)
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

    def _note(self, n: Note) -> str:
        fid = self.note_ids[n.mark]
        if n.custom:
            mark = f'<w:r>{_REF_RPR}<w:t xml:space="preserve">{escape(n.mark)}</w:t></w:r>'
        else:
            mark = f"<w:r>{_REF_RPR}<w:footnoteRef/></w:r>"
        # Tab to the right-aligned number at 1021, tab to the hanging indent at 1134.
        return (
            f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f"{_TAB}{mark}{_TAB}{self._runs(n.runs)}</w:p></w:footnote>"
        )

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
        package = d.part.package
        for rel in list(package.rels.values()):
            if rel.reltype == _THUMBNAIL_RT:
                package.rels.pop(rel.rId)


def _property(text: str) -> str:
    """Core properties hold at most 255 characters (a long UN title is cut with an ellipsis)."""
    return text if len(text) <= 255 else text[:254].rstrip() + "…"


_PAGE_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE  \\* MERGEFORMAT </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>2</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def _replace(part: Any, parse_xml: Any, p_xml: str) -> None:
    """Make ``p_xml`` the only paragraph of a header or footer."""
    part.is_linked_to_previous = False
    root = part._element
    for child in list(root):
        root.remove(child)
    root.append(parse_xml(p_xml))


def _builtin(style_id: str, name: str, body: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>{body}</w:style>'
    )


def escape_run(text: str, *, bold: bool = False, size: int = 0) -> str:
    if not text:
        return ""
    rpr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _sized(text: str, size: int, *, bold: bool = False) -> str:
    return escape_run(text, bold=bold, size=size)


def _symbol_runs(symbol: str) -> str:
    """The symbol at top right; its first component is printed large ("CTOC/COP/…")."""
    head, sep, tail = symbol.partition("/")
    return _sized(head, 40) + escape_run(sep + tail)


def _mh_para(runs: str, align: str = "left") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="UNMasthead"/><w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'


def _styled(style: str, runs: str, before: int = -1) -> str:
    if not runs:
        return ""
    spacing = f'<w:spacing w:before="{before}"/>' if before >= 0 else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{spacing}</w:pPr>{runs}</w:p>'


def _distribution(mh: MastheadBlock) -> str:
    lines = [mh.distribution, mh.date, "", mh.original]
    out = []
    for i, line in enumerate(lines):
        before = '<w:spacing w:before="240"/>' if i == 0 else ""
        out.append(
            f'<w:p><w:pPr><w:pStyle w:val="UNMasthead"/>{before}<w:ind w:left="143"/></w:pPr>'
            f"{escape_run(line)}</w:p>"
        )
    return "".join(out)


def _cell(width: int, content: str, *, span: int = 1, bottom: bool = False) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    valign = '<w:vAlign w:val="bottom"/>' if bottom else ""
    content = content or '<w:p><w:pPr><w:pStyle w:val="UNMasthead"/></w:pPr></w:p>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{valign}</w:tcPr>{content}</w:tc>'
    )
