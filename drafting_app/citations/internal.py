"""Internal references ("paragraph 12 above", "subparagraph (b) of paragraph 3", "paragraph 1
of the present decision", "the present resolution") held as links to paragraph ids, so that
after any renumbering the numbers and above/below are rewritten from the actual order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafting_app.citations.textedit import TextEdit, apply_edits
from drafting_app.model.document import Document, Form, Paragraph
from drafting_app.model.numbering import from_letters, from_roman, number_operative
from drafting_app.model.references import matches_at, occurrences

_REF_RE = re.compile(
    r"\b(?:(?:sub)?paragraph\s(?P<sub1>\([a-z]+\))\sof\s)?"
    r"(?P<kind>paragraph|subparagraph)\s(?P<num>\d+|\([a-z]+\))(?:\s(?P<sub2>\([a-z]+\)))?"
    r"(?:\s(?P<dir>above|below)|\sof\sthe\spresent\s(?P<present>resolution|decision|annex))"
)
_PRESENT_RE = re.compile(r"\bthe present (?P<present>resolution|decision)\b")


@dataclass(frozen=True)
class InternalLink:
    """One internal reference in paragraph ``source_id`` at ``[start, end)``.

    ``target_id`` is the paragraph referred to ("" for "the present resolution", which names
    the document itself); ``sub_id`` the sub-paragraph when one is named. ``direction`` is
    "above", "below" or "present"; ``present`` the word after "the present" when used.
    ``resolved`` is False when the label pointed at no paragraph (reported, never guessed).
    """

    source_id: str
    start: int
    end: int
    text: str
    target_id: str = ""
    sub_id: str = ""
    direction: str = "present"
    present: str = ""
    label: str = ""
    sub_label: str = ""
    resolved: bool = True


@dataclass(frozen=True)
class InternalRewrite:
    """The document with its internal references renumbered, the edits made, and the links
    whose target paragraph no longer exists (the drafter must decide)."""

    document: Document
    edits: tuple[TextEdit, ...]
    dangling: tuple[InternalLink, ...]


def _containers(doc: Document) -> Iterator[list[Paragraph]]:
    yield doc.operative
    for annex in doc.annexes:
        yield annex.paragraphs()


def _order(doc: Document) -> dict[str, int]:
    return {p.id: i for i, p in enumerate(doc.all_paragraphs())}


def _index(label: str) -> int | None:
    label = label.strip("()")
    if label.isdigit():
        return int(label)
    return from_letters(label) or from_roman(label)


def _child_by_label(parent: Paragraph, label: str) -> Paragraph | None:
    """(b) is the second child; (ii) the second child at the roman level."""
    n = from_letters(label.strip("()"))
    roman_n = from_roman(label.strip("()"))
    for value in (n, roman_n):
        if value is not None and 0 < value <= len(parent.children):
            return parent.children[value - 1]
    return None


def _container_of(doc: Document, pid: str) -> list[Paragraph]:
    for paras in list(_containers(doc))[1:]:
        if any(q.id == pid for p in paras for q in p.walk()):
            return paras
    return doc.operative


def _resolve(
    doc: Document, source: Paragraph, m: re.Match[str]
) -> tuple[Paragraph | None, Paragraph | None]:
    paras = doc.operative if m.group("present") else _container_of(doc, source.id)
    n = _index(m.group("num"))
    if n is None or not 0 < n <= len(paras):
        return None, None
    target = paras[n - 1]
    sub_label = m.group("sub1") or m.group("sub2")
    if not sub_label:
        return target, None
    return target, _child_by_label(target, sub_label)


def link_internal_refs(doc: Document) -> list[InternalLink]:
    """Internal references of every paragraph, resolved against the current numbering."""
    links: list[InternalLink] = []
    for p in doc.all_paragraphs():
        if "paragraph" not in p.text and "present" not in p.text:
            continue
        taken: list[tuple[int, int]] = []
        # Every match opens with "paragraph" or "subparagraph": tried only there (the
        # pattern scanned over each text was most of the INTERNAL check's time).
        for m in matches_at(_REF_RE, p.text, occurrences(p.text, "paragraph", ("sub",))):
            target, sub = _resolve(doc, p, m)
            sub_label = m.group("sub1") or m.group("sub2") or ""
            resolved = target is not None and (not sub_label or sub is not None)
            links.append(
                InternalLink(
                    p.id,
                    m.start(),
                    m.end(),
                    m.group(0),
                    target.id if target else "",
                    sub.id if sub else "",
                    m.group("dir") or "present",
                    m.group("present") or "",
                    m.group("num"),
                    sub_label,
                    resolved,
                )
            )
            taken.append((m.start(), m.end()))
        for m in _PRESENT_RE.finditer(p.text) if "the present " in p.text else ():
            if not any(s <= m.start() < e for s, e in taken):
                links.append(
                    InternalLink(p.id, m.start(), m.end(), m.group(0), present=m.group("present"))
                )
    return links


def _labels(doc: Document) -> dict[str, tuple[str, str]]:
    """Paragraph id → (label of its top-level paragraph as cited, its own sub label or "")."""
    out: dict[str, tuple[str, str]] = {}
    forms = [(doc.operative, doc.form)] + [(a.paragraphs(), Form.RESOLUTION) for a in doc.annexes]
    for paras, form in forms:
        top = ""
        for n in number_operative(paras, form):
            if n.depth == 0:
                top = n.label.rstrip(".")
                out[n.paragraph.id] = (top, "")
            elif n.depth == 1:
                out[n.paragraph.id] = (top, n.label)
    return out


def _locate(doc: Document, link: InternalLink) -> tuple[int, int] | None:
    """Where the link's text is now (its span, or the nearest occurrence after edits)."""
    try:
        text = doc.paragraph(link.source_id).text
    except KeyError:
        return None
    if text[link.start : link.end] == link.text:
        return link.start, link.end
    hits = [m.start() for m in re.finditer(re.escape(link.text), text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - link.start))
    return best, best + len(link.text)


def _new_text(link: InternalLink, doc: Document, order: dict[str, int]) -> str:
    labels = _labels(doc)
    number, _ = labels[link.target_id]
    m = _REF_RE.fullmatch(link.text)
    if m is None:
        return link.text
    pieces: list[tuple[int, int, str]] = [(m.start("num"), m.end("num"), number)]
    for group in ("sub1", "sub2"):
        if m.group(group) and link.sub_id:
            pieces.append((m.start(group), m.end(group), labels[link.sub_id][1]))
    if m.group("dir"):
        target = link.sub_id or link.target_id
        where = "above" if order[target] < order[link.source_id] else "below"
        pieces.append((m.start("dir"), m.end("dir"), where))
    out = link.text
    for s, e, new in sorted(pieces, reverse=True):
        out = out[:s] + new + out[e:]
    return out


def rewrite_internal_refs(doc: Document, links: list[InternalLink]) -> InternalRewrite:
    """Rewrite each linked reference from the current order ("paragraph 12 above" →
    "paragraph 18 below"); links whose target was deleted are returned as dangling."""
    order = _order(doc)
    numbered = _labels(doc)
    edits: list[TextEdit] = []
    dangling: list[InternalLink] = []
    for link in links:
        if not link.target_id:
            continue
        span = _locate(doc, link)
        if span is None:
            continue
        # A target converted to a preambular paragraph is still in the text but has no
        # number any more: as lost to the reference as a deleted one.
        if link.target_id not in numbered or (link.sub_id and link.sub_id not in numbered):
            dangling.append(link)
            continue
        new = _new_text(link, doc, order)
        if new != link.text:
            edits.append(TextEdit(link.source_id, span[0], span[1], new))
    return InternalRewrite(apply_edits(doc, edits), tuple(edits), tuple(dangling))
