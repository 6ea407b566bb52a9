"""Where a source is footnoted (UN_FORMAT.md §4): under the current rule once, at first
mention, a needed repeat getting a *new* note with identical text; under the older rule also
at the first operative mention. The rule is a body setting (:class:`CitationRule`)."""

from __future__ import annotations

from drafting_app.citations.parse import citations_of
from drafting_app.citations.render import CitationRule, RepeatRule, full_text
from drafting_app.model.citation import Citation
from drafting_app.model.document import Document, Footnote, Part


def footnote_needed(
    doc: Document, paragraph_id: str, source: Citation, rule: CitationRule | None = None
) -> bool:
    """Whether a mention of ``source`` in paragraph ``paragraph_id`` takes a footnote: no
    earlier paragraph footnotes it (or, under the older rule, no earlier operative one does
    and this paragraph is operative)."""
    rule = rule or CitationRule()
    sources = citations_of(doc)
    earlier_any = earlier_operative = False
    for part, p in doc.body_paragraphs():
        if p.id == paragraph_id:
            if not earlier_any:
                return True
            return (
                rule.repeat is RepeatRule.FIRST_OPERATIVE
                and part is Part.OPERATIVE
                and not earlier_operative
            )
        if any(sources.get(a.footnote_id) == source for a in p.anchors):
            earlier_any = True
            earlier_operative = earlier_operative or part is Part.OPERATIVE
    raise KeyError(paragraph_id)


def new_footnote(source: Citation) -> Footnote:
    """A new note for ``source`` (a repeat never reuses an earlier note's number)."""
    text, italics = full_text(source)
    return Footnote(text, list(italics), citation=source)
