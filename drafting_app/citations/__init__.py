"""Citations: footnote sources, UN citation formats, Ibid., short titles and internal
references ("paragraph 12 above") kept right as the text is edited.

Public API::

    parse_citation(text) -> Citation               # one footnote text → structured source
    citations_of(doc) -> dict[footnote id, Citation]
    render(citations, rule) -> list[RenderedFootnote]
    render_footnotes(doc, rule) -> list[RenderedFootnote]   # Ibid. recomputed every call
    footnote_needed(doc, paragraph_id, source, rule) -> bool; new_footnote(source)
    link_internal_refs(doc) -> list[InternalLink]
    rewrite_internal_refs(doc, links) -> InternalRewrite(document, edits, dangling)
    short_title_findings(doc, instruments) -> list[ShortTitleIssue]
    apply_edits(doc, edits) -> Document            # marks and italics kept in place
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting_app.lazy import exports

if TYPE_CHECKING:
    from drafting_app.citations.internal import (
        InternalLink,
        InternalRewrite,
        link_internal_refs,
        rewrite_internal_refs,
    )
    from drafting_app.citations.parse import attach_citations, citations_of, parse_citation
    from drafting_app.citations.placement import footnote_needed, new_footnote
    from drafting_app.citations.render import (
        CitationRule,
        RenderedFootnote,
        RepeatRule,
        render,
        render_footnotes,
    )
    from drafting_app.citations.short_titles import (
        InstrumentNames,
        ShortTitleIssue,
        short_title_findings,
    )
    from drafting_app.citations.textedit import TextEdit, apply_edits

# Loaded on first use: a module that needs one of these (the checker's findings need
# apply_edits) does not pay for the whole citation engine.
_HOMES = {
    "InternalLink": "internal",
    "InternalRewrite": "internal",
    "link_internal_refs": "internal",
    "rewrite_internal_refs": "internal",
    "attach_citations": "parse",
    "citations_of": "parse",
    "parse_citation": "parse",
    "footnote_needed": "placement",
    "new_footnote": "placement",
    "CitationRule": "render",
    "RenderedFootnote": "render",
    "RepeatRule": "render",
    "render": "render",
    "render_footnotes": "render",
    "InstrumentNames": "short_titles",
    "ShortTitleIssue": "short_titles",
    "short_title_findings": "short_titles",
    "TextEdit": "textedit",
    "apply_edits": "textedit",
}
__getattr__ = exports(__name__, _HOMES)

__all__ = [
    "CitationRule",
    "InstrumentNames",
    "InternalLink",
    "InternalRewrite",
    "RenderedFootnote",
    "RepeatRule",
    "ShortTitleIssue",
    "TextEdit",
    "apply_edits",
    "attach_citations",
    "citations_of",
    "footnote_needed",
    "link_internal_refs",
    "new_footnote",
    "parse_citation",
    "render",
    "render_footnotes",
    "rewrite_internal_refs",
    "short_title_findings",
]
