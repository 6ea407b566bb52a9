"""Places in a text as a drafter names them: "preamble 2", "operative 3", "operative 9 (a)",
"annex 1 4" — the same words in the checks panel, the command line and the import report."""

from __future__ import annotations

import re

from drafting_app.model.document import Document, Paragraph
from drafting_app.model.numbering import paragraph_labels

# A GA number line: "73/7.", "79/537 A, B and C." (the Official Records print it so).
_GA_HEADING_RE = re.compile(r"^\d{1,4}/\d{1,4}(?:\s[A-H](?:,\s[A-H])*(?:\sand\s[A-H])?)?\.$")


def heading_label(heading: str, kind: str) -> str:
    """How a text is named in lists: its heading ("Resolution 5/2", "Decision 4/4"); a GA
    number line ("73/7.", "79/537 A, B and C.") says what it numbers: "Resolution 73/7",
    "Decision 79/537 A, B and C"."""
    heading = heading.strip()
    if _GA_HEADING_RE.match(heading):
        what = "Decision" if kind == "decision" else "Resolution"
        return f"{what} {heading.rstrip('.')}"
    return heading


def paragraph_names(doc: Document) -> dict[str, str]:
    """Paragraph id → "preamble 2", "operative 3", "operative 9 (a)", "annex 1 4"; the
    lettered parts of a multi-part decision as "A (a)", "B chapeau"."""
    labels = paragraph_labels(doc)
    names: dict[str, str] = {}
    if doc.chapeau is not None:
        names[doc.chapeau.id] = "chapeau"
    for i, top in enumerate(doc.preamble, start=1):
        _name_tree(top, f"preamble {i}", labels, names)
    for top in doc.operative:
        _name_tree(top, _numbered("operative", top, labels), labels, names)
    for part in doc.parts:
        if part.chapeau is not None:
            names[part.chapeau.id] = f"{part.label} chapeau"
        for i, top in enumerate(part.preamble, start=1):
            _name_tree(top, f"{part.label} preamble {i}", labels, names)
        for top in part.operative:
            _name_tree(top, _numbered(part.label, top, labels), labels, names)
    for n, annex in enumerate(doc.annexes, start=1):
        for p in annex.paragraphs():
            _name_tree(p, _numbered(f"annex {n}", p, labels), labels, names)
    return names


def _numbered(prefix: str, p: Paragraph, labels: dict[str, str]) -> str:
    return f"{prefix} {labels.get(p.id, '').rstrip('.')}".rstrip()


def _name_tree(p: Paragraph, name: str, labels: dict[str, str], out: dict[str, str]) -> None:
    out[p.id] = name
    for c in p.children:
        _name_tree(c, f"{name} {labels.get(c.id, '')}".rstrip(), labels, out)
