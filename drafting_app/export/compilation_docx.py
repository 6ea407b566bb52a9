"""Word files of a negotiation: the compilation text, the clean text for the next round and
the final text (``drafting-app export FILE --mode compilation|clean|final``).

The compilation and the clean text are a title, a line saying which text and round it is,
a legend, the authoring-body line and a two-column table — the label (PP1, OP5 bis) beside
the paragraph — in the UN styles of the issued-document export (its page, running header
and real Word footnotes). The final text is the ordinary UN export of
:func:`~drafting_app.model.negotiation_final.final_document`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting_app.export.blocks import Layout, Run
from drafting_app.export.compilation import Compilation, Mode, Row, build_compilation
from drafting_app.export.docx_writer import _text_run, _WordWriter, docx_bytes, escape
from drafting_app.export.files import write_atomic
from drafting_app.export.page import PageProfile, profile_for
from drafting_app.model.document import Document
from drafting_app.model.negotiation_final import final_document
from drafting_app.model.profiles import BodyProfile

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

_NSDECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LABEL_WIDTH = 1418  # 2.5 cm: "OP12 quater" on one line
# Cell paragraphs take the body style without its 2 cm side indents.
_CELL_PPR = '<w:pStyle w:val="UNBodyText"/><w:ind w:left="0" w:right="0"/>'
_SUB_INDENT = 567


def _cell(width: int, content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


class _CompilationWriter(_WordWriter):
    """The Word writer with a compilation table for a body."""

    def __init__(
        self, comp: Compilation, layout: Layout, page: PageProfile, when: datetime | None
    ) -> None:
        super().__init__(layout, page, when)
        self.comp = comp

    def _body(self, d: WordDocument, parse_xml: Any) -> None:
        comp = self.comp
        parts = [
            _line("UNTitle", comp.title, bold=True),
            _line("UNHeading3", comp.subtitle, bold=True),
            _line("UNBodyText", comp.legend, italic=True),
            _line("UNAuthoringBody", comp.authoring_body, italic=True),
            self._table(comp.rows),
        ]
        body = d.element.body
        fragment = parse_xml(f"<w:body {_NSDECL}>{''.join(p for p in parts if p)}</w:body>")
        for child in list(fragment):
            body.sectPr.addprevious(child)

    def _table(self, rows: tuple[Row, ...]) -> str:
        width = self.profile.text_width
        text_width = width - LABEL_WIDTH
        head = (
            "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            f"{_cell(LABEL_WIDTH, _cell_para('Label', bold=True))}"
            f"{_cell(text_width, _cell_para('Text', bold=True))}</w:tr>"
        )
        body = "".join(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            f"{_cell(LABEL_WIDTH, _cell_para(row.label, bold=True, strike=row.deleted))}"
            f"{_cell(text_width, self._row_para(row))}</w:tr>"
            for row in rows
        )
        return (
            "<w:tbl><w:tblPr>"
            f'<w:tblW w:w="{width}" w:type="dxa"/>'
            '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
            f'<w:tblGrid><w:gridCol w:w="{LABEL_WIDTH}"/><w:gridCol w:w="{text_width}"/>'
            f"</w:tblGrid>{head}{body}</w:tbl>"
            # Word needs a paragraph after a table that ends the body.
            '<w:p><w:pPr><w:pStyle w:val="UNBodyText"/></w:pPr></w:p>'
        )

    def _row_para(self, row: Row) -> str:
        indent = _SUB_INDENT * row.level
        ppr = _CELL_PPR.replace('w:left="0"', f'w:left="{indent}"') if indent else _CELL_PPR
        return f"<w:p><w:pPr>{ppr}</w:pPr>{self._runs(row.runs)}</w:p>"


def _line(style: str, text: str, *, bold: bool = False, italic: bool = False) -> str:
    if not text:
        return ""
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p>'


def _cell_para(text: str, *, bold: bool = False, strike: bool = False) -> str:
    run = _text_run(Run(text, bold=bold, strike=strike)) if text else ""
    return f"<w:p><w:pPr>{_CELL_PPR}</w:pPr>{run}</w:p>"


def compilation_bytes(
    doc: Document,
    mode: Mode = Mode.COMPILATION,
    profile: PageProfile | None = None,
    *,
    when: datetime | None = None,
) -> bytes:
    """The compilation (or clean) text of a negotiated ``doc`` as a .docx file's bytes."""
    comp = build_compilation(doc, mode)
    mh = doc.masthead
    layout = Layout(
        title=comp.title,
        symbol=comp.symbol,
        body=mh.body if mh is not None else "",
        authoring_body=comp.authoring_body,
        heading=doc.heading,
        masthead=None,
        blocks=(),
        notes=comp.notes,
    )
    return _CompilationWriter(comp, layout, profile or profile_for(layout), when).render()


def write_negotiation(
    doc: Document,
    path: str | Path,
    mode: str,
    body: BodyProfile,
    page: PageProfile | None = None,
    *,
    when: datetime | None = None,
) -> Path:
    """Write the ``mode`` ("compilation", "clean" or "final") text of ``doc`` at ``path``
    atomically. The final text raises
    :class:`~drafting_app.model.negotiation_final.UnresolvedError` (nothing is written)
    while brackets, alternatives or open proposals remain."""
    if mode == "final":
        data = docx_bytes(final_document(doc, body), page, when=when)
    else:
        data = compilation_bytes(doc, Mode(mode), page, when=when)
    target = Path(path)
    write_atomic(target, data)
    return target
