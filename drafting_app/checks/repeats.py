"""FN-REPEAT and FN-OPERATIVE: the footnote repeat rule of the authoring body (UN_FORMAT.md §4).

Current rule: a source is footnoted once, at its first mention; a needed repeat gets a *new*
note with identical text. Older practice (a body setting, :class:`RepeatRule`): a source
footnoted in the preamble is footnoted again at its first operative mention.

What a note is *about* (its subject) is read, in order, from the instrument named right
before the mark of a treaty or resolution note ("…Organized Crime,¹"), the instrument its
*Treaty Series* volume holds, or its source itself. Notes whose subject cannot be told (free
text) are never judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafting_app.checks.context import CheckContext, Entry
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.citations.render import RepeatRule, full_text
from drafting_app.model.citation import (
    Citation,
    DocumentSymbols,
    FreeText,
    OfficialRecords,
    TextCitation,
    TreatyCitation,
    UNPublication,
)
from drafting_app.model.document import Footnote, Paragraph, Part
from drafting_app.model.references import RefKind

Subject = tuple[str, ...]

# What may stand between a name and its mark: "Crime,¹", "Crime;⁶", "“…”,²", "(2000),³".
_TRAIL = " \t\n,;:.\u201d\u2019\"')"
_CURRENT = "under the current UN rule a source is footnoted once, at its first mention"
_OLDER_ONCE = (
    "under the older UN footnote rule this body follows, a source is footnoted once, at its "
    "first mention, and again only at its first operative mention"
)
_OLDER = (
    "under the older UN footnote rule this body follows, a source footnoted in the preamble "
    "is footnoted again, with identical text, at its first operative mention"
)


@dataclass(frozen=True)
class _Note:
    """An anchored footnote with its subject and the body it sits in (``scope``: a group of
    the text, or an annex — an annexed text cites its sources afresh)."""

    footnote: Footnote
    number: int
    source: Citation
    subject: Subject | None
    named: bool
    entry: Entry
    offset: int
    scope: tuple[str, int]


def check_repeats(ctx: CheckContext) -> list[Finding]:
    if not ctx.doc.footnotes:
        return []
    notes = _notes(ctx)
    by_subject: dict[Subject, list[_Note]] = {}
    for n in notes:
        if n.subject is not None:
            by_subject.setdefault(n.subject, []).append(n)
    out: list[Finding] = []
    for group in by_subject.values():
        out += _repeats(ctx, group)
    if ctx.profile.citation.repeat is RepeatRule.FIRST_OPERATIVE:
        out += _missing_at_first_operative(ctx, notes, by_subject)
    return out


def repeats_key(ctx: CheckContext) -> tuple[object, ...] | None:
    """Everything :func:`check_repeats` reads under the current rule: each anchored note in
    numbering order with its text, number, source and subject (what the words before its
    mark name: the words themselves are not in the key, so typing elsewhere in a marked
    paragraph keeps it), and the place of its mark's paragraph (part, body, annex, and
    what :meth:`describe` names it by). None under the older rule, whose first-operative
    test reads every operative paragraph: it is computed on every run."""
    if ctx.profile.citation.repeat is RepeatRule.FIRST_OPERATIVE:
        return None
    annex_of = _annex_of(ctx) if ctx.doc.annexes else {}
    numbers, sources, by_id = ctx.numbers, ctx.sources, ctx.by_id
    known = ctx.for_this_run("repeats.subject")
    out: list[tuple[object, ...]] = []
    for f in ctx.footnotes:
        where = ctx.anchor_of.get(f.id)
        if where is None:
            continue
        p, offset = where
        e = by_id[p.id]
        source = sources[f.id]
        out.append(
            (
                f.id, f.text, numbers[f.id], source,
                _subject_of(known, ctx, f.id, p, offset, source), p.id, offset, e.part, e.group,
                e.in_annex, annex_of.get(p.id, 0), e.depth, e.chapeau, e.form, e.label,
                ctx.preamble_position(p),
            )
        )  # fmt: skip
    return tuple(out)


def _annex_of(ctx: CheckContext) -> dict[str, int]:
    """The annex each annex paragraph stands in."""
    return {
        p.id: i
        for i, annex in enumerate(ctx.doc.annexes)
        for top in annex.paragraphs()
        for p in top.walk()
    }


# -- reading the notes -------------------------------------------------------------------
def _notes(ctx: CheckContext) -> list[_Note]:
    annex_of = _annex_of(ctx)
    known = ctx.for_this_run("repeats.subject")
    out: list[_Note] = []
    for f in ctx.footnotes:
        where = ctx.anchor_of.get(f.id)
        if where is None:
            continue  # FN-NUMBER reports a note without a mark
        p, offset = where
        entry = ctx.by_id[p.id]
        source = ctx.sources[f.id]
        subject, named = _subject_of(known, ctx, f.id, p, offset, source)
        scope = ("annex", annex_of.get(p.id, 0)) if entry.in_annex else ("body", entry.group)
        out.append(_Note(f, ctx.numbers[f.id], source, subject, named, entry, offset, scope))
    return out


def _subject_of(
    known: dict[str, Any],
    ctx: CheckContext,
    note_id: str,
    p: Paragraph,
    offset: int,
    source: Citation,
) -> tuple[Subject | None, bool]:
    """:func:`_subject` of a note's mark (``p``, ``offset``) and source, as the run has
    them for ``note_id``: asked by :func:`repeats_key` and :func:`check_repeats` in one
    run, read once (``known``: ``ctx.for_this_run("repeats.subject")``, asked once a loop)."""
    hit = known.get(note_id)
    if hit is None:
        hit = known[note_id] = _subject(ctx, p, offset, source)
    return hit


def _subject(
    ctx: CheckContext, p: Paragraph, offset: int, source: Citation
) -> tuple[Subject | None, bool]:
    """What the note is about, and whether the text names it right before the mark (so
    that its later mentions can be found in the text)."""
    end = len(p.text[:offset].rstrip(_TRAIL))
    if isinstance(source, TreatyCitation | TextCitation):
        # Only a treaty or its adopting resolution is the instrument's own source: a
        # document noted after a name is a report *about* it ("the report … on the
        # implementation of the Protocol …,⁵" — CTOC/COP/2008/8).
        for _s, e, _name, key, _full in ctx.names.find(p.text):
            if e == end:
                return ("instrument", key), True
    if isinstance(source, TreatyCitation):
        if len(source.volumes) == 1:
            inst = ctx.facts.instrument_by_volume(source.volumes[0])
            if inst is not None and inst.unts_number == source.number:
                return ("instrument", inst.key), False
        return ("treaty", source.number, *source.volumes), False
    if isinstance(source, TextCitation):
        body = ctx.profile.body_of(source.body or "its")
        named = any(
            r.end == end and r.number == source.number and r.kind == source.kind
            for r in ctx.references(p.text)
        )
        return ("text", source.kind, body, source.number, source.part), named
    if isinstance(source, OfficialRecords):
        return ("records", source.body, source.session, source.supplement), False
    if isinstance(source, UNPublication):
        return ("publication", source.sales_no), False
    if isinstance(source, DocumentSymbols):
        return ("symbols", *source.symbols), False
    return None, False


def _same(a: Citation, b: Citation) -> bool:
    if isinstance(a, TreatyCitation) and isinstance(b, TreatyCitation):
        return a.same_source(b)
    return a == b


def _what(ctx: CheckContext, subject: Subject) -> str:
    if subject[0] == "instrument":
        return "the " + ctx.names.short_title(subject[1])
    return "the same source"


# -- repeats: identical text, and only where needed ----------------------------------------
def _repeats(ctx: CheckContext, group: list[_Note]) -> list[Finding]:
    head = group[0]
    older = ctx.profile.citation.repeat is RepeatRule.FIRST_OPERATIVE
    first_operative = None
    if head.entry.part is Part.PREAMBLE and head.scope[0] == "body":
        first_operative = next(
            (n for n in group[1:] if n.scope == head.scope and n.entry.part is Part.OPERATIVE),
            None,
        )
    out: list[Finding] = []
    for n in group[1:]:
        if not _same(head.source, n.source):
            found = _differing(ctx, head, n)
            if found is not None:
                out.append(found)
            continue
        if n.scope != head.scope or n is first_operative:
            continue  # a needed repeat: an annexed text, another part, the operative part
        where = ctx.describe(n.entry.paragraph)
        rule = _OLDER_ONCE if older else _CURRENT
        out.append(
            ctx.finding(
                "FN-REPEAT",
                Severity.SUGGESTION,
                f"Footnote {n.number} (in {where}) repeats footnote {head.number}, "
                f"{_what(ctx, head.subject or ())}: {rule}. Keep the repeat only if the "
                "text needs the source again here.",
                ctx.at_note(n.footnote, 0, len(n.footnote.text)),
                f"footnote {head.number}: {head.footnote.text}",
            )
        )
    return out


def _text_name(c: TextCitation) -> str:
    return f"{c.kind} {c.number}" + (f", {c.part}" if c.part else "")


def _contradiction(a: Citation, b: Citation) -> str:
    """What makes two notes for one source contradict each other ("" if they only word it
    differently): a text has one number, annex and date; a document one symbol."""
    if isinstance(a, TextCitation) and isinstance(b, TextCitation):
        if (a.number, a.part) != (b.number, b.part):
            return f"it names {_text_name(b)}, not {_text_name(a)}"
        if a.date and b.date and a.date != b.date:
            return f"it dates it {b.date}, not {a.date}"
    if isinstance(a, OfficialRecords) and isinstance(b, OfficialRecords):
        if (a.body, a.session, a.supplement) != (b.body, b.session, b.supplement):
            return f"it cites Supplement No. {b.supplement} of the {b.session}"
        if a.symbol and b.symbol and a.symbol != b.symbol:
            return f"it gives the symbol {b.symbol}, not {a.symbol}"
    if isinstance(a, UNPublication) and isinstance(b, UNPublication) and a.sales_no != b.sales_no:
        return f"it gives Sales No. {b.sales_no}, not {a.sales_no}"
    if isinstance(a, DocumentSymbols) and isinstance(b, DocumentSymbols):
        return f"it cites {', '.join(b.symbols)}, not {', '.join(a.symbols)}"
    return ""


def _differing(ctx: CheckContext, head: _Note, n: _Note) -> Finding | None:
    """A note for the subject of an earlier note whose source differs from it.

    Free-text notes are not compared (their subject is a guess), nor two *Treaty Series*
    notes (a volume that is not the named instrument's is TREATY's error; a list of
    volumes is a note for several instruments, not a repeat)."""
    a, b = head.source, n.source
    if isinstance(a, FreeText) or isinstance(b, FreeText):
        return None
    if isinstance(a, TreatyCitation) and isinstance(b, TreatyCitation):
        return None
    what = _what(ctx, head.subject or ())
    where = ctx.at_note(n.footnote, 0, len(n.footnote.text))
    evidence = f"footnote {head.number}: {head.footnote.text}"
    clash = _contradiction(a, b) if type(a) is type(b) else ""
    if clash:
        # One of the two is wrong and only the drafter can tell which: no automatic fix.
        return ctx.finding(
            "FN-REPEAT",
            Severity.ERROR,
            f"Footnote {n.number} repeats footnote {head.number} ({what}) but {clash}: "
            "a repeated source gets a new note with identical text.",
            where,
            evidence,
        )
    text, italics = full_text(a)
    return ctx.finding(
        "FN-REPEAT",
        Severity.WARNING,
        f"Footnote {n.number} cites {what} of footnote {head.number} in other words: a "
        "repeated source gets a new note with identical text.",
        where,
        evidence,
        Fix(
            n.footnote.id,
            0,
            len(n.footnote.text),
            text,
            True,
            italics,
            f"Write the text of footnote {head.number}",
        ),
    )


# -- the older rule: a note again at the first operative mention -------------------------------
def _mentions(ctx: CheckContext, e: Entry) -> list[tuple[int, int, Subject]]:
    """(start, end, subject) of instruments and resolutions/decisions named in ``e``."""
    text = e.paragraph.text
    found: list[tuple[int, int, Subject]] = [
        (s, end, ("instrument", key)) for s, end, _n, key, _f in ctx.names.find(text)
    ]
    for r in ctx.references(text):
        if r.kind in (RefKind.RESOLUTION, RefKind.DECISION):
            found.append(
                (r.start, r.end, ("text", str(r.kind), ctx.profile.body_of(r.body), r.number))
            )
    return found


def _covers(n: _Note, subject: Subject, head: _Note) -> bool:
    """Whether note ``n`` gives the source of ``subject`` (a list of *Treaty Series*
    volumes gives each instrument it lists)."""
    if n.subject == subject:
        return True
    a, b = head.source, n.source
    return (
        isinstance(a, TreatyCitation)
        and isinstance(b, TreatyCitation)
        and a.number == b.number
        and set(a.volumes) <= set(b.volumes)
    )


def _missing_at_first_operative(
    ctx: CheckContext, notes: list[_Note], by_subject: dict[Subject, list[_Note]]
) -> list[Finding]:
    wanted: dict[tuple[int, Subject], _Note] = {}
    for subject, group in by_subject.items():
        head = group[0]
        mentionable = subject[0] == "instrument" or (subject[0] == "text" and head.named)
        if mentionable and head.entry.part is Part.PREAMBLE and head.scope[0] == "body":
            wanted.setdefault((head.entry.group, subject[:4]), head)
    if not wanted:
        return []
    by_paragraph: dict[str, list[_Note]] = {}
    for n in notes:
        by_paragraph.setdefault(n.entry.paragraph.id, []).append(n)
    out: list[Finding] = []
    for e in ctx.entries:
        if e.part is not Part.OPERATIVE or e.in_annex or e.chapeau:
            continue
        for start, end, mentioned in _mentions(ctx, e):
            if (e.group, mentioned) not in wanted:
                continue
            head = wanted.pop((e.group, mentioned))
            if head.subject is None:
                continue
            here = by_paragraph.get(e.paragraph.id, [])
            if any(n.offset >= start and _covers(n, head.subject, head) for n in here):
                continue
            out.append(_missing(ctx, e, start, end, head, by_subject[head.subject]))
        if not wanted:
            break
    return out


def _missing(
    ctx: CheckContext, e: Entry, start: int, end: int, head: _Note, group: list[_Note]
) -> Finding:
    p = e.paragraph
    later = next(
        (n for n in group if n.entry.part is Part.OPERATIVE and n.entry.order > e.order), None
    )
    also = ""
    if later is not None:
        also = f" (footnote {later.number}, in {ctx.describe(later.entry.paragraph)}, comes later)"
    # A fix rewrites text only; it cannot add a footnote, so the finding says what to add.
    return ctx.finding(
        "FN-OPERATIVE",
        Severity.WARNING,
        f"“{p.text[start:end]}” is footnoted in the preamble (footnote {head.number}) but not "
        f"at its first operative mention, in {ctx.describe(p)}{also}: {_OLDER}. Add a new "
        "note with that text after the mention.",
        ctx.at(p, start, end),
        f"footnote {head.number}: {head.footnote.text}",
    )
