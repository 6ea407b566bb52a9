"""The project JSON codec: the document model ↔ plain JSON values, field by field in a
fixed order (stable diffs), every id kept. Decoding checks types and turns any mismatch
into a :class:`ProjectError` naming the place."""

from __future__ import annotations

from typing import Any

from drafting_app.errors import ProjectError
from drafting_app.model.document import (
    Anchor,
    Annex,
    BrokenRef,
    Document,
    DocumentKind,
    DocumentPart,
    Footnote,
    Form,
    Heading,
    Masthead,
    Paragraph,
    Span,
)
from drafting_app.model.revision import Attribution, Comment, RevisionBase
from drafting_app.model.text_edits import MASTHEAD_FIELDS
from drafting_app.storage.negotiation_codec import negotiation_from_json, negotiation_to_json
from drafting_app.storage.validate import check_depth


def _spans(spans: list[Span]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def paragraph_to_json(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "text": p.text,
        "italics": _spans(p.italics),
        "anchors": [[a.offset, a.footnote_id] for a in p.anchors],
        "source_label": p.source_label,
        "children": [paragraph_to_json(c) for c in p.children],
    }
    if p.provenance is not None:  # a clause inserted from agreed language (clauses/)
        out["provenance"] = dict(p.provenance)
    if p.broken_refs:  # additive: written only when there is one (older files unchanged)
        out["broken_refs"] = [[b.start, b.end, b.target_label] for b in p.broken_refs]
    if p.headings:  # format 5: the section headings above an operative paragraph
        out["headings"] = list(p.headings)
    if p.unnumbered:  # additive: an annex's paragraph printed without a number
        out["unnumbered"] = True
    return out


def _broken_refs(value: Any, where: str) -> list[BrokenRef]:
    out = []
    for triple in _want(value, list, where):
        start, end, label = _want(triple, list, where)
        out.append(BrokenRef(_want(start, int, where), _want(end, int, where),
                             _want(label, str, where)))  # fmt: skip
    return out


def _provenance(value: Any, where: str) -> dict[str, str] | None:
    if value is None:
        return None
    record = _want(value, dict, where)
    return {_want(k, str, where): _want(v, str, where) for k, v in record.items()}


def _footnote(f: Footnote) -> dict[str, Any]:
    return {
        "id": f.id,
        "text": f.text,
        "italics": _spans(f.italics),
        "source_number": f.source_number,
    }


def _annex(a: Annex) -> dict[str, Any]:
    blocks = [
        {"heading": {"id": b.id, "text": b.text}}
        if isinstance(b, Heading)
        else {"paragraph": paragraph_to_json(b)}
        for b in a.blocks
    ]
    out: dict[str, Any] = {"title": a.title, "lines": list(a.lines), "blocks": blocks}
    if a.restarts:  # additive: numbered within each article (an annexed convention)
        out["restarts"] = True
    return out


def _part(part: DocumentPart) -> dict[str, Any]:
    return {
        "label": part.label,
        "form": str(part.form),
        "title": part.title,
        "authoring_body": part.authoring_body,
        "chapeau": None if part.chapeau is None else paragraph_to_json(part.chapeau),
        "preamble": [paragraph_to_json(p) for p in part.preamble],
        "operative": [paragraph_to_json(p) for p in part.operative],
        "adoption": part.adoption,
    }


def _revision_base(rb: RevisionBase) -> dict[str, Any]:
    return {
        "label": rb.label,
        "source": rb.source,
        "attributions": [
            {
                "author": a.author,
                "date": a.date,
                "kind": a.kind,
                "text": a.text,
                "context": a.context,
            }
            for a in rb.attributions
        ],
        "document": document_to_json(rb.document),
    }


def _comment(c: Comment) -> dict[str, Any]:
    return {
        "id": c.id,
        "author": c.author,
        "initials": c.initials,
        "date": c.date,
        "paragraph_id": c.paragraph_id,
        "quoted": c.quoted,
        "text": c.text,
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    out = _document_body(doc)
    # Format 3, written only when there is one (a draft that is no revision reads as
    # before): the base text it revises and reviewers' comments.
    if doc.revision_base is not None:
        out["revision_base"] = _revision_base(doc.revision_base)
    if doc.comments:
        out["comments"] = [_comment(c) for c in doc.comments]
    return out


def _document_body(doc: Document) -> dict[str, Any]:
    mh = doc.masthead
    return {
        "kind": str(doc.kind),
        "form": str(doc.form),
        "source": doc.source,
        "masthead": None if mh is None else {k: getattr(mh, k) for k in MASTHEAD_FIELDS},
        "heading": doc.heading,
        "title": doc.title,
        "front_matter": list(doc.front_matter),
        "authoring_body": doc.authoring_body,
        "chapeau": None if doc.chapeau is None else paragraph_to_json(doc.chapeau),
        "preamble": [paragraph_to_json(p) for p in doc.preamble],
        "operative": [paragraph_to_json(p) for p in doc.operative],
        "annexes": [_annex(a) for a in doc.annexes],
        "parts": [_part(p) for p in doc.parts],
        "adoption": doc.adoption,
        "footnotes": [_footnote(f) for f in doc.footnotes],
        "unplaced": list(doc.unplaced),
        "negotiation": negotiation_to_json(doc),
    }


# -- decoding ------------------------------------------------------------------------------


def _want(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ProjectError(f"The project file is damaged: {where} has the wrong type.")
    return value


def _text(d: dict[str, Any], key: str, where: str) -> str:
    return str(_want(d.get(key, ""), str, f"{where}.{key}"))


def _strings(value: Any, where: str) -> list[str]:
    return [str(_want(v, str, where)) for v in _want(value, list, where)]


def _span_list(value: Any, where: str) -> list[Span]:
    out = []
    for pair in _want(value, list, where):
        start, end = _want(pair, list, where)
        out.append(Span(_want(start, int, where), _want(end, int, where)))
    return out


def paragraph_from_json(d: Any, where: str, depth: int = 0) -> Paragraph:
    check_depth(depth, where)
    d = _want(d, dict, where)
    anchors = []
    for pair in _want(d.get("anchors", []), list, f"{where}.anchors"):
        offset, fid = _want(pair, list, f"{where}.anchors")
        anchors.append(Anchor(_want(offset, int, where), _want(fid, str, where)))
    label = d.get("source_label")
    return Paragraph(
        text=_text(d, "text", where),
        italics=_span_list(d.get("italics", []), f"{where}.italics"),
        anchors=anchors,
        children=[
            paragraph_from_json(c, f"{where}.children[{i}]", depth + 1)
            for i, c in enumerate(_want(d.get("children", []), list, where))
        ],
        id=_want(d["id"], str, f"{where}.id"),
        source_label=None if label is None else _want(label, str, where),
        provenance=_provenance(d.get("provenance"), f"{where}.provenance"),
        broken_refs=_broken_refs(d.get("broken_refs", []), f"{where}.broken_refs"),
        headings=_strings(d.get("headings", []), f"{where}.headings"),
        unnumbered=_want(d.get("unnumbered", False), bool, f"{where}.unnumbered"),
    )


def _masthead(d: Any) -> Masthead | None:
    if d is None:
        return None
    d = _want(d, dict, "masthead")
    values: dict[str, Any] = {}
    for key in MASTHEAD_FIELDS:
        if key in d:
            is_list = key == "sponsors"
            values[key] = (
                _strings(d[key], "masthead.sponsors") if is_list else _text(d, key, "masthead")
            )
    return Masthead(**values)


def _annex_from(d: Any, where: str) -> Annex:
    d = _want(d, dict, where)
    blocks: list[Heading | Paragraph] = []
    for i, b in enumerate(_want(d.get("blocks", []), list, where)):
        b = _want(b, dict, f"{where}.blocks[{i}]")
        if "heading" in b:
            h = _want(b["heading"], dict, where)
            blocks.append(Heading(_text(h, "text", where), id=_want(h["id"], str, where)))
        else:
            blocks.append(paragraph_from_json(b["paragraph"], f"{where}.blocks[{i}]"))
    restarts = _want(d.get("restarts", False), bool, f"{where}.restarts")
    return Annex(_text(d, "title", where), _strings(d.get("lines", []), where), blocks, restarts)


def _part_from(d: Any, where: str) -> DocumentPart:
    d = _want(d, dict, where)
    try:
        form = Form(d["form"])
    except (KeyError, ValueError) as exc:
        raise ProjectError(f"The project file is damaged: bad form of {where} ({exc}).") from exc
    chapeau = d.get("chapeau")

    def paras(key: str) -> list[Paragraph]:
        items = _want(d.get(key, []), list, f"{where}.{key}")
        return [paragraph_from_json(p, f"{where}.{key}[{i}]") for i, p in enumerate(items)]

    return DocumentPart(
        label=_text(d, "label", where),
        form=form,
        chapeau=None if chapeau is None else paragraph_from_json(chapeau, f"{where}.chapeau"),
        preamble=paras("preamble"),
        operative=paras("operative"),
        adoption=_text(d, "adoption", where),
        title=_text(d, "title", where),
        authoring_body=_text(d, "authoring_body", where),
    )


def _footnote_from(d: Any, where: str) -> Footnote:
    d = _want(d, dict, where)
    number = d.get("source_number")
    return Footnote(
        _text(d, "text", where),
        _span_list(d.get("italics", []), where),
        id=_want(d["id"], str, where),
        source_number=None if number is None else _want(number, str, where),
    )


def _attribution(d: Any, where: str) -> Attribution:
    d = _want(d, dict, where)
    return Attribution(
        _text(d, "author", where),
        _text(d, "date", where),
        _text(d, "kind", where),
        _text(d, "text", where),
        _text(d, "context", where),
    )


def _revision_base_from(d: Any) -> RevisionBase | None:
    if d is None:
        return None
    d = _want(d, dict, "revision_base")
    items = _want(d.get("attributions", []), list, "revision_base.attributions")
    return RevisionBase(
        document_from_json(d.get("document"), where="revision_base.document", nested=True),
        _text(d, "label", "revision_base"),
        _text(d, "source", "revision_base"),
        [_attribution(a, f"revision_base.attributions[{i}]") for i, a in enumerate(items)],
    )


def _comment_from(d: Any, where: str) -> Comment:
    d = _want(d, dict, where)
    pid = d.get("paragraph_id")
    return Comment(
        _text(d, "author", where),
        _text(d, "text", where),
        _text(d, "date", where),
        None if pid is None else _want(pid, str, f"{where}.paragraph_id"),
        _text(d, "quoted", where),
        _text(d, "initials", where),
        id=_want(d.get("id"), str, f"{where}.id"),
    )


def document_from_json(d: Any, where: str = "document", *, nested: bool = False) -> Document:
    doc = _document_from(d, where)
    if nested and ("revision_base" in d or "comments" in d):
        raise ProjectError(f"The project file is damaged: {where} is a base with a base.")
    doc.revision_base = _revision_base_from(d.get("revision_base"))
    doc.comments = [
        _comment_from(c, f"comments[{i}]")
        for i, c in enumerate(_want(d.get("comments", []), list, "comments"))
    ]
    return doc


def _document_from(d: Any, where: str) -> Document:
    d = _want(d, dict, where)
    try:
        kind, form = DocumentKind(d["kind"]), Form(d["form"])
    except (KeyError, ValueError) as exc:
        raise ProjectError(f"The project file is damaged: bad document kind ({exc}).") from exc
    chapeau = d.get("chapeau")

    def paras(key: str) -> list[Paragraph]:
        items = _want(d.get(key, []), list, key)
        return [paragraph_from_json(p, f"{key}[{i}]") for i, p in enumerate(items)]

    doc = Document(
        kind=kind,
        form=form,
        heading=_text(d, "heading", "document"),
        title=_text(d, "title", "document"),
        authoring_body=_text(d, "authoring_body", "document"),
        chapeau=None if chapeau is None else paragraph_from_json(chapeau, "chapeau"),
        preamble=paras("preamble"),
        operative=paras("operative"),
        footnotes=[
            _footnote_from(f, f"footnotes[{i}]")
            for i, f in enumerate(_want(d.get("footnotes", []), list, "footnotes"))
        ],
        masthead=_masthead(d.get("masthead")),
        annexes=[
            _annex_from(a, f"annexes[{i}]")
            for i, a in enumerate(_want(d.get("annexes", []), list, "annexes"))
        ],
        parts=[
            _part_from(p, f"parts[{i}]")
            for i, p in enumerate(_want(d.get("parts", []), list, "parts"))
        ],
        adoption=_text(d, "adoption", "document"),
        front_matter=_strings(d.get("front_matter", []), "front_matter"),
        unplaced=_strings(d.get("unplaced", []), "unplaced"),
        source=_text(d, "source", "document"),
    )
    doc.negotiation = negotiation_from_json(d.get("negotiation"), doc)
    return doc
