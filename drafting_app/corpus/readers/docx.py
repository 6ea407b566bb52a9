"""Word (.docx) drafts → the resolution model, with a report of everything not mapped.

Drafts come back from other delegations as Word files: typed "1." + tab numbers or Word
automatic numbering, italic openers, real footnotes, a masthead laid out in a table, and
whatever else people put in Word (comments, tracked changes, pictures). The package is
checked first and only the parts read are parsed (:mod:`word_package`), the
paragraphs become logical blocks (:mod:`word_body`) and the :class:`StructureBuilder` makes
the document, as for every other reader. What has no place in the model goes to the
:class:`ImportReport` with its text.

A report volume holding several decisions ("Decision 6/CMA.3", "Decision 7/CMA.3", …)
gives one document per decision (:func:`import_docx_texts`); :func:`import_docx` returns
the first and lists the others in the report.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from drafting_app.corpus.readers.acceptance import reads_as_text, require_resolution
from drafting_app.corpus.readers.blocks import Block, FootnoteDef, normalise_spaces
from drafting_app.corpus.readers.import_report import Element, ImportReport
from drafting_app.corpus.readers.limits import (
    MAX_BLOCKS,
    MAX_FOOTNOTES,
    MAX_NESTING,
    check_count,
    check_fits,
    current,
    reading,
    spend,
)
from drafting_app.corpus.readers.structure import StructureBuilder, text_starts
from drafting_app.corpus.readers.word_body import (
    MC,
    SILENT,
    WordTextReader,
    alternative,
    plain_text,
)
from drafting_app.corpus.readers.word_comments import attach_comments, quoted_texts, read_comments
from drafting_app.corpus.readers.word_numbering import MAX_START, Numbering, Styles, W, wval
from drafting_app.corpus.readers.word_package import WordFileError, WordPackage, open_package
from drafting_app.model.describe import document_text
from drafting_app.model.document import Document
from drafting_app.model.numbering import paragraph_labels
from drafting_app.model.places import paragraph_names

_SPECIAL_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_LABEL_EDGES = "().: \t"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PAGE_FIELD = re.compile(r"^(?:PAGE|NUMPAGES|SECTIONPAGES)\b")
_MASTHEAD_HINTS = ("Distr.", "United Nations")
_CONTAINERS = {W + n for n in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}


def read_docx_bytes(data: bytes, name: str) -> Document:
    """The document of a .docx (the first text when the file holds several)."""
    return import_docx(data, name)[0]


def import_docx(data: bytes, name: str) -> tuple[Document, ImportReport]:
    """The document of a .docx and the report of what was not mapped. Further texts of a
    volume (a session report with several decisions) are listed in the report."""
    docs, report = import_docx_texts(data, name)
    for extra in docs[1:]:
        report.add(Element.FURTHER_TEXT, document_text(extra), extra.heading or extra.title)
    return docs[0], report


def import_docx_texts(data: bytes, name: str) -> tuple[list[Document], ImportReport]:
    """Every text of a .docx (one per decision of a session report) and the report. A file
    with tracked changes gives texts with those changes pending (word_pending). The work is
    bounded (:mod:`.limits`): a file past a limit is a WorkLimitError."""
    with reading(name):
        pkg = open_package(data, name)
        from drafting_app.corpus.readers.word_pending import import_pending, tracked_parts

        if tracked_parts(pkg):
            return import_pending(_WordImport, data, name, pkg)
        return _WordImport(data, name, pkg).run()


def _label_core(label: str) -> str:
    """ "(a)", "a." and "a)" are one number in two styles; "1." and "1" too."""
    return label.strip(_LABEL_EDGES).lower()


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def block_paragraphs(container: Any, depth: int = 0) -> Iterator[Any]:
    """Paragraphs at block level (inside tables and content controls, not text boxes)."""
    if depth > MAX_NESTING:
        raise _too_deep()
    spend(len(container))
    for child in container:
        if child.tag == W + "p":
            yield child
        elif child.tag in _CONTAINERS:
            yield from block_paragraphs(child, depth + 1)


def _too_deep() -> WordFileError:
    r = current()
    return WordFileError(
        f"{r.name if r else 'The file'} was not read: its tables or content controls nest "
        f"more than {MAX_NESTING} deep, far more than any resolution (a damaged or hostile "
        "file)."
    )


class _WordImport:
    def __init__(self, data: bytes, name: str, pkg: WordPackage | None = None) -> None:
        self.name = name
        self.pkg = pkg if pkg is not None else open_package(data, name)
        self.rels = self.pkg.rels
        self.report = ImportReport(source=name)
        self.styles = Styles(self._tree(RT.STYLES))
        numbering = Numbering(self._tree(RT.NUMBERING), self.styles)
        for value in dict.fromkeys(numbering.out_of_range):
            self.report.add(
                Element.NUMBERING_REPAIR,
                f"a list starts at {value}, out of Word's range 0–{MAX_START:,}: numbered "
                "as Word does, from the nearest value in range",
                "numbering",
            )
        self.body = WordTextReader(name, self.styles, numbering, self.report, "body")
        self.body.links = self._links(self.pkg.main)
        self.blocks: list[Block] = []
        self.comment_places: dict[str, str] = {}  # comment id -> its paragraph's text
        self.paragraphs = 0  # every paragraph read, blank or not, in every part
        self.paragraphs_seen = 0  # of the body: where Word users look
        self.section = 0
        self.mark_sections: list[int] = []
        self.restarts: list[bool] = []

    def _links(self, part: str) -> dict[str, str]:
        """Relationship id → address of the hyperlinks of ``part`` (its .rels part)."""
        folder, _, file = part.rpartition("/")
        rels = self.pkg.tree(f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels")
        if rels is None:
            return {}
        return {
            rel.get("Id", ""): rel.get("Target", "")
            for rel in rels.iter(_REL + "Relationship")
            if rel.get("Type", "").endswith("/hyperlink")
        }

    def _tree(self, reltype: str) -> Any | None:
        parts = self.rels.get(reltype, [])
        return self.pkg.tree(parts[0]) if parts else None

    # -- the whole file -----------------------------------------------------------------------
    def run(self) -> tuple[list[Document], ImportReport]:
        notes = self._footnotes()
        root = self.pkg.tree(self.pkg.main)
        body = root.find(W + "body") if root is not None else None
        if body is None:
            raise WordFileError(f"{self.name} has no document body; it is not a Word document.")
        self.restarts = self._section_restarts(body)
        self._walk(body)
        defs = self._definitions(notes)
        docs = self._documents(defs)
        self._side_parts(docs)
        return docs, self.report

    def _documents(self, defs: list[FootnoteDef]) -> list[Document]:
        starts = text_starts(self.blocks)
        bounds = [*starts, len(self.blocks)]
        segments = [self.blocks[a:b] for a, b in itertools.pairwise(bounds)]
        keys = [{m.key for b in seg for m in b.marks} for seg in segments]
        docs: list[Document] = []
        for i, seg in enumerate(segments):
            mine = [d for d in defs if d.key in keys[i]]
            if i == 0:  # custom-mark ("*") and unreferenced notes go with the first text
                mine += [d for d in defs if not any(d.key in k for k in keys)]
            builder = StructureBuilder()
            docs.append(check_fits(builder.build(seg, mine, self.name), self.name))
            for key, target in builder.mapped_fields:
                self.report.add(Element.MASTHEAD_FIELD, f"{key}: read as the {target}", "masthead")
        if not any(d.preamble or d.operative or d.chapeau or d.annexes or d.parts for d in docs):
            raise WordFileError(
                f"{self.name} holds no resolution or decision text "
                "(no preambular or operative paragraphs were found)."
            )
        # The same decision as every other way in (check, parse, the corpus): the first
        # text must read as a resolution; a later one that does not (a volume's list of
        # participants) is not a text of its own, and the report says so.
        first = require_resolution(docs[0], self.name)
        kept = [first]
        for extra in docs[1:]:
            if reads_as_text(extra):
                kept.append(extra)
            else:
                self.report.add(Element.NOT_A_TEXT, document_text(extra), extra.title or "")
        for doc in kept:
            self._numbering_repairs(doc, len(kept) > 1)
        self._only_formats_of(kept)
        return kept

    def _only_formats_of(self, docs: list[Document]) -> None:
        """Formatting lost on text the model holds; not that of wording read as masthead
        fields ("Committee:" in bold), which is not in the draft at all."""
        held = "\n".join(document_text(d) for d in docs)
        held = " ".join(held.split())
        self.report.items = [
            i
            for i in self.report.items
            if i.kind is not Element.FORMAT_DROPPED
            or i.text.split(": “", 1)[-1].rstrip("”") in held
        ]

    def _numbering_repairs(self, doc: Document, volume: bool) -> None:
        """Every paragraph the import numbers otherwise than the Word file showed it (a
        list broken into several, restarted, or jumping a level): the numbers are derived
        from the structure, so the report says where they changed."""
        names = paragraph_names(doc)
        labels = paragraph_labels(doc)
        which = f" of {doc.heading}" if volume and doc.heading else ""
        for p in doc.all_paragraphs():
            shown = p.source_label
            if shown is None or p.id not in names:
                continue
            now = labels.get(p.id, "")
            if not now or _label_core(shown) == _label_core(now):
                continue  # a lone operative paragraph is unnumbered: a UN rule, no repair
            self.report.add(
                Element.NUMBERING_REPAIR,
                f"Word shows “{shown}” before “{_clip(p.text)}”; imported as {names[p.id]}{which}",
                names[p.id],
            )

    # -- body ---------------------------------------------------------------------------------
    def _where(self) -> str:
        if not self.blocks:
            return "at the start"
        return f"after “{self.blocks[-1].text[:50]}”"

    def _count_paragraph(self) -> None:
        self.paragraphs += 1
        check_count(self.name, self.paragraphs, MAX_BLOCKS, "paragraphs")

    def _paragraph(self, p: Any, keep: bool = True) -> None:
        self._count_paragraph()
        before = len(self.body.mark_order)
        self.paragraphs_seen += 1
        block = self.body.paragraph(p, self._where())
        block.line = self.paragraphs_seen  # where Word users look: the n-th paragraph
        for mark in p.iter(W + "commentRangeStart", W + "commentReference"):
            self.comment_places.setdefault(mark.get(W + "id", ""), block.text)
        self.mark_sections += [self.section] * (len(self.body.mark_order) - before)
        ppr = p.find(W + "pPr")
        if ppr is not None and ppr.find(W + "sectPr") is not None:
            self.section += 1
        if not keep:
            return
        if block.text:
            self.blocks.append(block)
        else:
            self.report.blank_paragraphs += 1

    def _walk(self, container: Any, depth: int = 0) -> None:
        if depth > MAX_NESTING:
            raise _too_deep()
        spend(len(container))
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child)
            elif tag == W + "tbl":
                self._table(child)
            elif tag == W + "sdt":
                pr = child.find(W + "sdtPr")
                label = wval(pr, "alias") or wval(pr, "tag") or "unnamed"
                self.report.add(
                    Element.CONTENT_CONTROL, f"{label}: {plain_text(child)}", self._where()
                )
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._walk(content, depth + 1)
            elif tag == W + "customXml":
                self.report.add(Element.CUSTOM_XML, plain_text(child), self._where())
                self._walk(child, depth + 1)
            elif tag == MC + "AlternateContent":
                self._walk(alternative(child), depth + 1)
            elif isinstance(tag, str) and tag not in SILENT:
                name = tag.split("}")[-1]
                self.report.add(Element.OTHER, f"<{name}> {plain_text(child)}", self._where())

    def _table(self, tbl: Any) -> None:
        text = plain_text(tbl)
        if not self.blocks and any(h in text for h in _MASTHEAD_HINTS):
            for p in block_paragraphs(tbl):  # the UN masthead is a layout table
                self._paragraph(p)
            return
        self.report.add(Element.TABLE, text, self._where())
        for p in block_paragraphs(tbl):  # pictures, fields and notes inside are reported
            self._paragraph(p, keep=False)

    # -- footnotes ----------------------------------------------------------------------------
    def _footnotes(self) -> dict[str, Block]:
        root = self._tree(RT.FOOTNOTES)
        notes: dict[str, Block] = {}
        if root is None:
            return notes
        reader = WordTextReader(self.name, self.styles, None, self.report, "footnotes")
        reader.links = self._links(self.rels[RT.FOOTNOTES][0])
        for fn in root.iter(W + "footnote"):
            if fn.get(W + "type") in _SPECIAL_NOTES:
                continue
            check_count(self.name, len(notes), MAX_FOOTNOTES, "footnotes")
            fid = fn.get(W + "id", "")
            parts = []
            for p in block_paragraphs(fn):
                self._count_paragraph()
                parts.append(reader.paragraph(p, f"footnote {fid}"))
            parts = [b for b in parts if b.text]
            if not parts:
                self.body.empty_notes.add(fid)
                continue
            block = parts[0]
            for more in parts[1:]:
                block = block.join(more)
            notes[fid] = normalise_spaces(block)
        return notes

    def _section_restarts(self, body: Any) -> list[bool]:
        """Per section, whether footnote numbers restart (UN volumes restart per decision)."""
        settings = self._tree(RT.SETTINGS)
        default = wval(
            settings.find(W + "footnotePr") if settings is not None else None, "numRestart"
        )
        sects = [p.find(f"{W}pPr/{W}sectPr") for p in body.iter(W + "p")]
        found = [s for s in sects if s is not None]
        final = body.find(W + "sectPr")
        if final is not None:
            found.append(final)
        return [
            (wval(s.find(W + "footnotePr"), "numRestart") or default) == "eachSect" for s in found
        ]

    def _definitions(self, notes: dict[str, Block]) -> list[FootnoteDef]:
        """Notes in order of their first mark, numbered as Word shows them."""
        numbers: dict[str, int] = {}
        counter = 0
        section = -1
        for fid, sect in zip(self.body.mark_order, self.mark_sections, strict=False):
            if sect != section:
                if 0 <= sect < len(self.restarts) and self.restarts[sect]:
                    counter = 0
                section = sect
            if fid in self.body.custom_marks or fid in self.body.empty_notes:
                continue
            counter += 1
            numbers.setdefault(fid, counter)
        for block in self.blocks:  # marks show the number Word displays
            for m in block.marks:
                m.label = str(numbers.get(m.key or "", ""))
        rank = {fid: i for i, fid in enumerate(numbers)}
        ordered = sorted(notes, key=lambda f: rank.get(f, len(rank)))
        out: list[FootnoteDef] = []
        for fid in ordered:
            b = notes[fid]
            mark = self.body.custom_marks.get(fid)
            if mark is not None:
                # a custom-mark note repeats its mark as typed text ("*<tab>On behalf of …")
                if mark and b.text.startswith(mark):
                    b = b.slice(len(mark)).strip()
                out.append(FootnoteDef(mark or "*", b.text, b.italics))
            else:
                out.append(FootnoteDef(str(numbers.get(fid, "")), b.text, b.italics, key=fid))
        return out

    # -- other parts --------------------------------------------------------------------------
    def _side_part(
        self, kind: Element, part: str, text: str, seen: ImportReport, symbols: set[str]
    ) -> None:
        """A header or footer: the furniture of a UN document (the symbol as running
        header, a PAGE field as page number) is made again on export and is no loss;
        anything else in it is reported with its text."""
        fields = seen.of(Element.FIELD)
        page_fields = [i for i in fields if _PAGE_FIELD.match(i.text)]
        others = [i for i in seen.items if i not in page_fields]
        words = [w for w in text.split() if not (page_fields and w.isdigit())]
        page_only = bool(page_fields) and not others and not words
        if page_only:
            self.report.add(Element.PAGE_NUMBER, page_fields[0].text, part)
            return
        if not others and not page_fields and " ".join(words) in symbols:
            self.report.add(Element.RUNNING_HEADER, text, part)
            return
        for item in seen.items:
            for where in item.where:
                self.report.add(item.kind, item.text, where)
        if text:
            self.report.add(kind, text, part)

    @staticmethod
    def _paragraph_text(docs: list[Document], pid: str) -> str:
        for d in docs:
            for p in d.all_paragraphs():
                if p.id == pid:
                    return p.text
        return ""

    def _side_parts(self, docs: list[Document]) -> None:
        symbols = {d.masthead.symbol for d in docs if d.masthead and d.masthead.symbol}
        for reltype, kind in ((RT.HEADER, Element.HEADER), (RT.FOOTER, Element.FOOTER)):
            for part in self.rels.get(reltype, []):
                root = self.pkg.tree(part)
                if root is None:
                    continue
                seen = ImportReport(source=self.name)
                reader = WordTextReader(self.name, self.styles, None, seen, part)
                for p in block_paragraphs(root):
                    self._count_paragraph()
                    reader.paragraph(p, part)
                self._side_part(kind, part, plain_text(root), seen, symbols)
        comments = list(read_comments(self._tree(RT.COMMENTS)))
        if comments:
            quotes = quoted_texts(self.pkg.tree(self.pkg.main))
            for c in attach_comments(docs, comments, self.comment_places, quotes):
                where = "comments (its paragraph was not found)"
                if c.paragraph_id is not None:
                    where = f"beside “{_clip(self._paragraph_text(docs, c.paragraph_id), 50)}”"
                self.report.add(Element.COMMENT, f"{c.author}: {c.text}", where)
        endnotes = self._tree(RT.ENDNOTES)
        if endnotes is not None:
            for en in endnotes.iter(W + "endnote"):
                text = plain_text(en)
                if en.get(W + "type") not in _SPECIAL_NOTES and text:
                    self.report.add(Element.ENDNOTE, text, f"endnote {en.get(W + 'id')}")
        for part, size in sorted(self.pkg.custom_xml.items()):
            # Data a program stored in the file, never shown by Word: named, not read.
            self.report.add(Element.CUSTOM_XML, f"custom XML data ({size:,} bytes), not read", part)
