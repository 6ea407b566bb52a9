"""IBID and FN-NUMBER: Ibid. only after a note with the same source (never in footnote 1),
and the numbering of notes as the source document carried it (UN_FORMAT.md §4)."""

from __future__ import annotations

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.citations.parse import is_bare_ibid, parse_citation
from drafting_app.citations.render import full_text, ibid_text, same_source
from drafting_app.model.citation import Citation, FreeText, TreatyCitation
from drafting_app.model.document import Footnote


def _full_fix(f: Footnote, source: Citation, why: str) -> Fix | None:
    if isinstance(source, FreeText):
        return None
    text, italics = full_text(source)
    return Fix(f.id, 0, len(f.text), text, True, italics, why)


def check_ibid(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    previous: Citation | None = None
    previous_number = 0
    for f in ctx.footnotes:
        number = ctx.numbers[f.id]
        source = ctx.sources[f.id]
        if f.text.lstrip("*").startswith("Ibid"):
            own = parse_citation(f.text)
            where = ctx.at_note(f, 0, len(f.text))
            if previous is None:
                out.append(
                    ctx.finding(
                        "IBID",
                        Severity.ERROR,
                        f"Footnote {number} says “Ibid.” but no footnote comes before it: "
                        "the first note must give the full citation.",
                        where,
                        "UN Editorial Manual: Ibid. refers to the immediately preceding note.",
                        _full_fix(f, own, "Write the full citation"),
                    )
                )
            elif isinstance(own, TreatyCitation) and not isinstance(previous, TreatyCitation):
                out.append(
                    ctx.finding(
                        "IBID",
                        Severity.ERROR,
                        f"Footnote {number} says “Ibid.” for the Treaty Series, but footnote "
                        f"{previous_number} cites another source.",
                        where,
                        f"footnote {previous_number}: {full_text(previous)[0]}",
                        _full_fix(f, own, "Write the full citation"),
                    )
                )
            elif is_bare_ibid(own) and not same_source(previous, source):
                out.append(
                    ctx.finding(
                        "IBID",
                        Severity.ERROR,
                        f"Footnote {number} says “Ibid.”, but since the text was reordered the "
                        f"note before it (footnote {previous_number}) cites another source.",
                        where,
                        f"footnote {previous_number}: {full_text(previous)[0]}",
                        _full_fix(f, source, "Write the full citation"),
                    )
                )
        elif previous is not None and same_source(previous, source):
            out.append(_could_be_ibid(ctx, f, number, previous, source))
        previous, previous_number = source, number
    return out


def _could_be_ibid(
    ctx: CheckContext, f: Footnote, number: int, previous: Citation, source: Citation
) -> Finding:
    """A full citation right after a note with the same source: UN style writes Ibid."""
    text, _ = ibid_text(previous, source)
    return ctx.finding(
        "IBID",
        Severity.SUGGESTION,
        f"Footnote {number} repeats the source of footnote {number - 1}: UN style writes “{text}”.",
        ctx.at_note(f, 0, len(f.text)),
        fix=Fix(f.id, 0, len(f.text), text, True, description=f"Write “{text}”"),
    )


def ibid_key(ctx: CheckContext) -> tuple[object, ...]:
    """Everything :func:`check_ibid` reads: each note's text, stored source and number
    (its place in the numbering order and the source an Ibid. takes from the note listed
    before it follow from these)."""
    numbers = ctx.numbers
    return tuple((f.id, f.text, f.citation, numbers[f.id]) for f in ctx.doc.footnotes)


def numbering_key(ctx: CheckContext) -> tuple[object, ...]:
    """Everything :func:`check_numbering` reads: each note's source number, text and
    number, which notes have a mark, and where a mark without a note stands."""
    numbers, anchored = ctx.numbers, ctx.anchor_of
    known = ctx.footnote_by_id
    notes = tuple(
        (f.id, f.source_number, f.text, numbers[f.id], f.id in anchored) for f in ctx.doc.footnotes
    )
    dangling = tuple(
        ctx.at(e.paragraph, a.offset, a.offset)
        for e in ctx.entries
        if e.paragraph.anchors
        for a in e.paragraph.anchors
        if a.footnote_id not in known
    )
    return notes, dangling


def check_numbering(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, Footnote] = {}
    expected: int | None = None
    for f in ctx.doc.footnotes:
        n = f.source_number
        if n is None or not n.isdigit():
            continue
        where = ctx.at_note(f)
        if n in seen:
            out.append(
                ctx.finding(
                    "FN-NUMBER",
                    Severity.WARNING,
                    f"Two footnotes carried the number {n} in the source; notes are numbered "
                    "once each, in order.",
                    where,
                    f"source footnote {n}: {seen[n].text[:80]}",
                )
            )
        elif expected is not None and int(n) != expected:
            missing = "a gap" if int(n) > expected else "a step back"
            out.append(
                ctx.finding(
                    "FN-NUMBER",
                    Severity.WARNING,
                    f"The source numbered this footnote {n} after {expected - 1}: {missing} "
                    "in the footnote numbering (a note may be missing).",
                    where,
                )
            )
        seen.setdefault(n, f)
        expected = int(n) + 1
    anchored = set(ctx.anchor_of)
    for f in ctx.footnotes:
        if f.id not in anchored:
            out.append(
                ctx.finding(
                    "FN-NUMBER",
                    Severity.WARNING,
                    f"Footnote {ctx.numbers[f.id]} has no mark in the text.",
                    ctx.at_note(f),
                )
            )
    known = {f.id for f in ctx.doc.footnotes}
    for e in ctx.entries:
        for a in e.paragraph.anchors:
            if a.footnote_id not in known:
                out.append(
                    ctx.finding(
                        "FN-NUMBER",
                        Severity.ERROR,
                        "A footnote mark points to a footnote that does not exist.",
                        ctx.at(e.paragraph, a.offset, a.offset),
                    )
                )
    return out
