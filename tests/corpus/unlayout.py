"""A .docx in the UN Word layout, written with python-docx independently of the exporter
(round-trip tests of the importer): typed "1." + tab numbers, italic openers, real
footnotes added with the UN_FORMAT.md §8 recipe, the sponsor line's asterisk as a
custom-mark footnote."""

from __future__ import annotations

import io
import itertools

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from drafting_app.model import Document, Paragraph
from drafting_app.model.document import Heading, Span
from drafting_app.model.numbering import footnote_numbers, paragraph_labels

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SEP = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
    '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote>"
)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _runs_xml(text: str, italics: list[Span]) -> str:
    cuts = sorted({0, len(text), *(s.start for s in italics), *(s.end for s in italics)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        ital = any(s.start <= a and b <= s.end for s in italics)
        rpr = "<w:rPr><w:i/></w:rPr>" if ital else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text[a:b])}</w:t></w:r>')
    return "".join(out)


class UNLayoutWriter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.word = docx.Document()
        self.notes: list[str] = []
        self.numbers = footnote_numbers(doc)
        self.labels = paragraph_labels(doc)

    def _append(self, xml: str) -> None:
        p = self.word.add_paragraph()
        for child in parse_xml(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'):
            p._p.append(child)

    def _note(self, text: str, italics: list[Span], mark: str = "") -> int:
        fid = len(self.notes) + 1
        ref = (
            f'<w:r><w:t xml:space="preserve">{mark}</w:t></w:r>'
            if mark
            else ("<w:r><w:footnoteRef/></w:r>")
        )
        self.notes.append(
            f'<w:footnote w:id="{fid}"><w:p>{ref}<w:r><w:tab/></w:r>'
            f"{_runs_xml(text, italics)}</w:p></w:footnote>"
        )
        return fid

    def line(self, text: str, italic: bool = False) -> None:
        if text:
            self._append(_runs_xml(text, [Span(0, len(text))] if italic else []))

    def paragraph(self, p: Paragraph, label: str, indent_tab: bool) -> None:
        head = (
            f'<w:r><w:t xml:space="preserve">{label}</w:t></w:r><w:r><w:tab/></w:r>'
            if (label)
            else ("<w:r><w:tab/></w:r>" if indent_tab else "")
        )
        cuts = sorted({a.offset for a in p.anchors} | {0, len(p.text)})
        body = []
        for a, b in itertools.pairwise(cuts):
            spans = [
                Span(max(s.start, a) - a, min(s.end, b) - a)
                for s in p.italics
                if s.end > a and s.start < b
            ]
            body.append(_runs_xml(p.text[a:b], spans))
            for anchor in (x for x in p.anchors if x.offset == b):
                fn = self.doc.footnote(anchor.footnote_id)
                fid = self._note(fn.text, fn.italics)
                body.append(f'<w:r><w:footnoteReference w:id="{fid}"/></w:r>')
        self._append(head + "".join(body))
        for child in p.children:
            self.paragraph(child, self.labels.get(child.id, ""), False)

    def render(self) -> bytes:
        d, mh = self.doc, self.doc.masthead
        if mh is not None:
            for text in (mh.body, f"Distr.: {mh.distribution}", mh.date):
                self.line(text)
            self.line(f"Original: {mh.original_language}")
            for text in (mh.session, mh.place_and_dates, mh.agenda_item, mh.agenda_title):
                self.line(text)
            star = self._note(mh.sponsor_note, [], mark="*")
            self._append(
                _runs_xml(f"{', '.join(mh.sponsors)}:", [])
                + f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{star}"/>'
                "<w:t>*</w:t></w:r>" + _runs_xml(f" {mh.document_type}", [])
            )
        for text in (*d.front_matter, d.heading, d.title):
            self.line(text)
        self.line(d.authoring_body, italic=True)
        if d.chapeau is not None:
            self.paragraph(d.chapeau, "", False)
        for p in d.preamble:
            self.paragraph(p, "", True)
        for p in d.operative:
            self.paragraph(p, self.labels.get(p.id, ""), False)
        for annex in d.annexes:
            for text in (annex.title, *annex.lines):
                self.line(text)
            for block in annex.blocks:
                if isinstance(block, Heading):
                    self.line(block.text)
                else:
                    self.paragraph(block, self.labels.get(block.id, ""), False)
        for text in d.adoption.splitlines():
            self.line(text, italic=True)
        blob = f'<w:footnotes xmlns:w="{W_NS}">{_SEP}{"".join(self.notes)}</w:footnotes>'
        part = Part(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob.encode(), self.word.part.package
        )
        self.word.part.relate_to(part, RT.FOOTNOTES)
        buf = io.BytesIO()
        self.word.save(buf)
        return buf.getvalue()


def un_layout_docx(doc: Document) -> bytes:
    return UNLayoutWriter(doc).render()
