"""What a project file may hold beyond its JSON types: paragraph nesting no deeper than any
UN document goes, paragraphs of sane size, ids that are strings with content, italics and
footnote anchors inside the text they mark. A file that breaks these was not written by
the app (hand-edited, damaged, hostile); it is refused with the place named, before a
broken document reaches the editor or an export."""

from __future__ import annotations

from drafting_app.errors import ProjectError
from drafting_app.model.document import MAX_PARAGRAPH_CHARS, Document, Paragraph, Span

# Issued texts go three levels down (1., (a), (i)); eight leaves room for any drafter.
MAX_DEPTH = 8


def _damaged(where: str, what: str) -> ProjectError:
    return ProjectError(f"{where} {what}.")


def check_depth(depth: int, where: str) -> None:
    """Called by the codec while it descends, so deep nesting never recurses far."""
    if depth > MAX_DEPTH:
        raise _damaged(where, f"nests paragraphs more than {MAX_DEPTH} levels deep")


def _spans(spans: list[Span], size: int, where: str) -> None:
    for s in spans:
        if not 0 <= s.start <= s.end <= size:
            raise _damaged(where, f"has italics ({s.start}–{s.end}) outside its text")


def _item(item_id: str, text: str, italics: list[Span], where: str) -> None:
    if not item_id.strip():
        raise _damaged(where, "has no id")
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise _damaged(where, f"has more than {MAX_PARAGRAPH_CHARS:,} characters")
    _spans(italics, len(text), where)


def _paragraph(p: Paragraph, where: str) -> None:
    _item(p.id, p.text, p.italics, where)
    for a in p.anchors:
        if not 0 <= a.offset <= len(p.text):
            raise _damaged(where, f"has a footnote mark at {a.offset}, outside its text")


def check_document(doc: Document, where: str = "") -> None:
    """Refuse a decoded document that the editor and the exports could not work with (and
    the same of the base text a revision remembers)."""
    for i, p in enumerate(doc.all_paragraphs()):
        _paragraph(p, f"{where}paragraph {i + 1} (id {p.id[:20]!r})")
    for i, f in enumerate(doc.footnotes):
        _item(f.id, f.text, f.italics, f"{where}footnote {i + 1}")
    for i, c in enumerate(doc.comments):
        _item(c.id, c.text, [], f"{where}comment {i + 1}")
    if doc.revision_base is not None:
        check_document(doc.revision_base.document, "the base text's ")
