"""A plain, JSON-ready description of a document with its derived numbers: the output of
``drafting-app parse FILE --json`` and the shape tests compare."""

from __future__ import annotations

from typing import Any

from drafting_app.model.document import (
    Annex,
    Document,
    DocumentPart,
    Footnote,
    Heading,
    Paragraph,
    Part,
)
from drafting_app.model.numbering import (
    footnote_numbers,
    number_operative,
    paragraph_labels,
)
from drafting_app.model.references import find_references


def opener_of(p: Paragraph) -> str:
    """The italic opening phrase (the span that starts the paragraph), or ""."""
    for span in p.italics:
        if span.start == 0:
            return p.text[: span.end]
    return ""


def _paragraph(
    p: Paragraph, label: str, part: Part, fn: dict[str, int], labels: dict[str, str]
) -> dict[str, Any]:
    return {
        "id": p.id,
        "part": str(part),
        "number": label,
        "opener": opener_of(p),
        "text": p.text,
        "italics": [[s.start, s.end] for s in p.italics],
        "footnotes": [{"offset": a.offset, "number": fn.get(a.footnote_id)} for a in p.anchors],
        "references": [r.as_dict() for r in find_references(p.text)],
        "children": [_paragraph(c, labels.get(c.id, ""), part, fn, labels) for c in p.children],
        # only when there are some: every other description reads as before
        **({"headings": list(p.headings)} if p.headings else {}),
    }


def _footnote(f: Footnote, number: int, anchors: dict[str, tuple[str, int]]) -> dict[str, Any]:
    where = anchors.get(f.id)
    return {
        "id": f.id,
        "number": number,
        "source_number": f.source_number,
        "text": f.text,
        "italics": [[s.start, s.end] for s in f.italics],
        "anchor": {"paragraph": where[0], "offset": where[1]} if where else None,
        "references": [r.as_dict() for r in find_references(f.text)],
    }


def _annex(a: Annex, fn: dict[str, int], labels: dict[str, str]) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    for b in a.blocks:
        if isinstance(b, Heading):
            blocks.append({"heading": b.text})
        else:
            blocks.append(_paragraph(b, labels.get(b.id, ""), Part.OPERATIVE, fn, labels))
    return {"title": a.title, "lines": a.lines, "blocks": blocks}


def _body(
    body: Document | DocumentPart, fn: dict[str, int], labels: dict[str, str]
) -> dict[str, Any]:
    """Chapeau, preamble and numbered operative paragraphs of a document or a part."""
    top = {n.paragraph.id for n in number_operative(body.operative, body.form) if n.depth == 0}
    chapeau = body.chapeau
    return {
        "chapeau": None if chapeau is None else _paragraph(chapeau, "", Part.PREAMBLE, fn, labels),
        "preamble": [_paragraph(p, "", Part.PREAMBLE, fn, labels) for p in body.preamble],
        "operative": [
            _paragraph(p, labels.get(p.id, ""), Part.OPERATIVE, fn, labels)
            for p in body.operative
            if p.id in top
        ],
    }


def _part(part: DocumentPart, fn: dict[str, int], labels: dict[str, str]) -> dict[str, Any]:
    return {
        "label": part.label,
        "form": str(part.form),
        "title": part.title,
        "authoring_body": part.authoring_body,
        **_body(part, fn, labels),
        "adoption": part.adoption,
    }


def describe(doc: Document) -> dict[str, Any]:
    """The document as nested dicts, with derived paragraph and footnote numbers."""
    fn = footnote_numbers(doc)
    labels = paragraph_labels(doc)
    anchors: dict[str, tuple[str, int]] = {}
    for p in doc.all_paragraphs():
        for a in p.anchors:
            anchors.setdefault(a.footnote_id, (p.id, a.offset))
    return {
        "kind": str(doc.kind),
        "form": str(doc.form),
        "heading": doc.heading,
        "title": doc.title,
        "masthead": None if doc.masthead is None else vars(doc.masthead).copy(),
        "front_matter": doc.front_matter,
        "authoring_body": doc.authoring_body,
        **_body(doc, fn, labels),
        "annexes": [_annex(a, fn, labels) for a in doc.annexes],
        "parts": [_part(p, fn, labels) for p in doc.parts],
        "adoption": doc.adoption,
        "footnotes": sorted(
            (_footnote(f, fn[f.id], anchors) for f in doc.footnotes), key=lambda d: d["number"]
        ),
        "unplaced": doc.unplaced,
        "warnings": [w.as_dict() for w in doc.warnings],
    }


def document_text(doc: Document) -> str:
    """Every character of text the model holds (coverage tests: nothing silently lost)."""
    parts: list[str] = [doc.heading, doc.title, doc.authoring_body, doc.adoption]
    parts += [
        x
        for part in doc.parts
        for x in (part.label, part.title, part.authoring_body, part.adoption)
    ]
    parts += doc.front_matter
    if doc.masthead is not None:
        mh = doc.masthead
        parts += [
            mh.organization,
            mh.body,
            mh.symbol,
            mh.date,
            mh.session,
            mh.committee,
            mh.place_and_dates,
            mh.agenda_item,
            mh.agenda_title,
            mh.agenda_note,
            mh.sponsor_note,
            mh.document_type,
        ]
        parts += [f"Distr.: {mh.distribution}", f"Original: {mh.original_language}"]
        parts += mh.sponsors
    parts += [p.text for p in doc.all_paragraphs()]
    parts += [h for p in doc.all_paragraphs() for h in p.headings]
    for a in doc.annexes:
        parts += [a.title, *a.lines]
        parts += [b.text for b in a.blocks if isinstance(b, Heading)]
    parts += [f.text for f in doc.footnotes]
    parts += doc.unplaced
    return "\n".join(x for x in parts if x)
