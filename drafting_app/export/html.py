"""HTML preview of a document as the UN prints it (italic openers, typed numbers, superscript
footnote marks, notes at the end), from the same blocks as the Word export.

The page comes from the jinja2 template ``templates/preview/document.html.j2`` rendered in a
sandbox with autoescaping on: every piece of user text is escaped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from drafting_app.errors import ExportError, TemplateError
from drafting_app.export.blocks import Block, Kind, Layout, MastheadBlock, Note, build_blocks
from drafting_app.export.word_styles import style_of
from drafting_app.model.document import Document
from drafting_app.paths import templates_dir
from drafting_app.yielding import checkpoint

if TYPE_CHECKING:
    from jinja2 import Template

TEMPLATE = "document.html.j2"

# CSS class of each block, after the Word style of the same block (one vocabulary).
_CLASS = {
    "UNBodyText": "body",
    "UNFrontMatter": "front",
    "UNHeading1": "h1",
    "UNHeading2": "h2",
    "UNHeading3": "h3",
    "UNSponsors": "sponsors",
    "UNTitle": "title",
    "UNAuthoringBody": "author",
    "UNPreambular": "pre",
    "UNOperative": "op",
    "UNSubparagraph1": "sub1",
    "UNSubparagraph2": "sub2",
    "UNAdoption": "adoption",
    "UNAdoptionNext": "adoption",
}


@lru_cache(maxsize=1)
def _template() -> Template:
    try:
        from jinja2 import FileSystemLoader
        from jinja2 import TemplateError as JinjaError
        from jinja2.sandbox import SandboxedEnvironment
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ExportError("The preview is not available: jinja2 is missing.") from exc
    folder = templates_dir() / "preview"
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        return env.get_template(TEMPLATE)
    except JinjaError as exc:
        raise TemplateError(f"The preview template {folder / TEMPLATE} is unusable: {exc}") from exc


def css_class(kind: Kind, level: int) -> str:
    return _CLASS[style_of(kind, level)]


def render_layout_html(layout: Layout) -> str:
    """The preview page of a built layout."""
    return _page(layout, layout.masthead, layout.blocks, layout.notes, rule=bool(layout.notes))


def render_layout_slices(layout: Layout, first: int, size: int) -> list[str]:
    """The preview page of a built layout in slices, each a whole page with the same style
    sheet: the first holds the masthead and the first ``first`` blocks, each of the others
    the next ``size`` blocks and then notes (the rule above the first note). Laid one after
    another into one rich-text document, they give what the whole page gives — a long
    draft's preview is laid out a slice per turn of the window (issue 21 §6)."""
    items: list[Block | Note] = [*layout.blocks, *layout.notes]
    cuts = (
        [0, *range(first, len(items), size), len(items)] if first < len(items) else [0, len(items)]
    )
    slices = []
    for i, (start, end) in enumerate(itertools.pairwise(cuts)):
        checkpoint()  # the preview's worker pauses while a turn of the window runs
        blocks = [b for b in items[start:end] if isinstance(b, Block)]
        notes = [n for n in items[start:end] if isinstance(n, Note)]
        rule = bool(notes) and notes[0] is layout.notes[0]
        slices.append(_page(layout, layout.masthead if i == 0 else None, blocks, notes, rule))
    return slices


def _page(
    layout: Layout,
    masthead: MastheadBlock | None,
    blocks: Sequence[Block],
    notes: Sequence[Note],
    rule: bool,
) -> str:
    return _template().render(
        layout=layout,
        masthead=masthead,
        blocks=blocks,
        notes=notes,
        rule=rule,
        css_class=css_class,
        Kind=Kind,
    )


def render_html(doc: Document) -> str:
    """The preview page of ``doc`` (what the editor's live preview shows)."""
    return render_layout_html(build_blocks(doc))
