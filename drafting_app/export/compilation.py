"""The facilitator's compilation text and the clean text for the next round, as printed
(WORKFLOWS.md §2): a label column (PP1, OP5 bis) beside the text, square brackets,
alternatives, proposals in bold (added words) or struck through (deleted words) with the
delegation in parentheses after them, comments and the status at the end of each paragraph
("— Agreed ad ref"); deleted paragraphs keep their label, struck.

The clean text drops proposals, comments, deleted paragraphs and new paragraphs not
accepted; labels, brackets, alternatives and "Agreed ad ref" stay. Both are laid out here
as rows of runs (the intermediate form the Word writer renders); the words of each row come
from :func:`drafting_app.model.negotiation_view.pieces`, which the editor shows too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from drafting_app.export.blocks import Note, Run, clean, runs_of
from drafting_app.model.document import Anchor, Document, Paragraph, Span
from drafting_app.model.negotiation import Record, Status
from drafting_app.model.negotiation_final import clean_document, negotiated
from drafting_app.model.negotiation_labels import full_labels
from drafting_app.model.negotiation_view import CLEAN, COMPILATION, Piece, Role, ViewOptions, pieces
from drafting_app.model.numbering import footnote_numbers

LEGEND = (
    "Labels (PP, OP) are fixed for the whole negotiation; inserted paragraphs are numbered "
    "bis, ter …. Text in square brackets is not agreed. Proposals: words to add in bold, words "
    "to delete struck through, each followed by the delegation or group that made it. The "
    "status of each paragraph is given at its end."
)
CLEAN_LEGEND = (
    "Clean text for the next round: proposals not taken up are dropped; labels and brackets "
    "are kept."
)


class Mode(StrEnum):
    COMPILATION = "compilation"
    CLEAN = "clean"


@dataclass(frozen=True, slots=True)
class Row:
    """One paragraph of the compilation: its label ("OP5 bis", "OP7 Alt 2"), its runs, and
    its depth (0 for PP/OP, 1 for "(a)" …)."""

    label: str
    runs: tuple[Run, ...]
    level: int = 0
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Compilation:
    """The whole printed compilation (or clean) text."""

    mode: Mode
    title: str
    subtitle: str
    legend: str
    symbol: str
    authoring_body: str
    rows: tuple[Row, ...]
    notes: tuple[Note, ...]


def _text_runs(
    p: Paragraph, piece: Piece, marks: dict[str, str], strike: bool, proposed: bool
) -> list[Run]:
    start, end = piece.start, piece.end
    italics = [
        Span(max(s.start, start) - start, min(s.end, end) - start)
        for s in p.italics
        if s.start < end and s.end > start
    ]
    # A mark after the last character of a piece belongs to it ("Crime,¹"); one at the
    # very start of the paragraph to the first piece.
    anchors = [
        Anchor(a.offset - start, a.footnote_id)
        for a in p.anchors
        if start < a.offset <= end or (a.offset == start == 0)
    ]
    runs = runs_of(p.text[start:end], italics, anchors, marks)
    style = DELETION if proposed else ""
    return [r._replace(strike=True, style=style) if strike and r.text else r for r in runs]


# Added words and the status in bold; who said it (the delegation, the notes) in italics.
_BOLD = frozenset({Role.INSERTION, Role.STATUS})
_ITALIC = frozenset({Role.AUTHOR, Role.NOTES})
# Character styles of the Word export (word_styles.py): proposals and their delegations.
ADDITION, DELETION, DELEGATION = "UNProposedAddition", "UNProposedDeletion", "UNDelegation"
_STYLES = {Role.INSERTION: ADDITION, Role.AUTHOR: DELEGATION}


def paragraph_runs(
    p: Paragraph, record: Record, marks: dict[str, str], options: ViewOptions = COMPILATION
) -> tuple[Run, ...]:
    """The runs of one compilation paragraph (a deleted one struck through)."""
    deleted = record.status is Status.DELETED
    out: list[Run] = []
    for piece in pieces(p.text, record, options):
        if piece.role is Role.TEXT:
            if piece.end > piece.start:
                out += _text_runs(p, piece, marks, piece.struck or deleted, piece.struck)
            elif piece.text:  # derived text: a space, words of a void deletion
                style = DELETION if piece.struck else ""
                out.append(Run(clean(piece.text), strike=piece.struck, style=style))
        else:
            text = clean(piece.text)
            if text:
                role = piece.role
                out.append(Run(text, italic=role in _ITALIC, bold=role in _BOLD,
                               style=_STYLES.get(role, "")))  # fmt: skip
    return tuple(out)


def _walk(doc: Document) -> list[tuple[Paragraph, int]]:
    out: list[tuple[Paragraph, int]] = []

    def walk(p: Paragraph, level: int) -> None:
        out.append((p, level))
        for child in p.children:
            walk(child, level + 1)

    for p in (*doc.preamble, *doc.operative):
        walk(p, 0)
    return out


def build_compilation(doc: Document, mode: Mode = Mode.COMPILATION) -> Compilation:
    """The rows of the compilation (``mode`` CLEAN: of the clean text) of ``doc``."""
    source = clean_document(doc) if mode is Mode.CLEAN else doc
    nego = negotiated(source)
    numbers = footnote_numbers(source)
    marks = {fid: str(n) for fid, n in numbers.items()}
    labels = full_labels(source, nego)
    options = CLEAN if mode is Mode.CLEAN else COMPILATION
    rows: list[Row] = []
    for p, level in _walk(source):
        record = nego.records.get(p.id)
        label = labels.get(p.id, "")
        if record is None:
            rows.append(Row(label, runs_of(p.text, p.italics, p.anchors, marks), level))
            continue
        alternatives = record.paragraph_alternatives
        head = f"{label} Alt 1" if alternatives else label
        runs = paragraph_runs(p, record, marks, options)
        rows.append(Row(head, runs, level, record.status is Status.DELETED))
        for i, option in enumerate(alternatives, start=2):
            author = (Run(f" ({clean(option.author)})", italic=True),) if option.author else ()
            rows.append(Row(f"{label} Alt {i}", (Run(clean(option.text).strip()), *author), level))
    kind = "Clean text" if mode is Mode.CLEAN else "Compilation text"
    ordered = sorted(source.footnotes, key=lambda f: numbers[f.id])
    mh = source.masthead
    return Compilation(
        mode=mode,
        title=clean(source.title or source.heading) or "Draft resolution",
        subtitle=f"{kind} — round {nego.round}",
        legend=CLEAN_LEGEND if mode is Mode.CLEAN else LEGEND,
        symbol=clean(mh.symbol) if mh is not None else "",
        authoring_body=clean(source.authoring_body),
        rows=tuple(rows),
        notes=tuple(Note(marks[f.id], runs_of(f.text, f.italics)) for f in ordered),
    )


def plain_rows(rows: Sequence[Row]) -> list[str]:
    """ "LABEL<tab>text" per row, struck words in ~~tildes~~ and bold in **stars** (tests,
    the command line)."""
    out = []
    for row in rows:
        text = []
        for r in row.runs:
            if r.footnote_ref is not None:
                text.append(f"^{r.footnote_ref}")
            elif r.strike:
                text.append(f"~~{r.text}~~")
            elif r.bold:
                text.append(f"**{r.text}**")
            else:
                text.append(r.text)
        out.append(f"{row.label}\t{''.join(text)}")
    return out
