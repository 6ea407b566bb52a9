"""REF-DATE, REF-UNKNOWN, REF-BODY, REF-ORDER: resolutions and decisions cited in the text,
checked against the corpus (UN_FORMAT.md §3).

"its decision 4/4 of 17 October 2008" must name a text of the authoring body with that date;
a text of another body must be cited with that body's name; lists run in ascending date order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from drafting_app.checks.context import CheckContext
from drafting_app.checks.facts import KnownText
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.checks.profile import GENERAL_ASSEMBLY
from drafting_app.model.document import Footnote, Paragraph
from drafting_app.model.references import MONTHS, Reference, RefKind, slots_set_directly

_MONTH = {m: i for i, m in enumerate(MONTHS, start=1)}
_LIST_GAP = re.compile(r",?\s(?:and\s)?|,\s")


@slots_set_directly
@dataclass(frozen=True, slots=True)
class _Cite:
    """A cited text in a paragraph or footnote."""

    ref: Reference
    text: str
    target_id: str
    footnote: bool
    where: Location


def _cited(ctx: CheckContext, text: str) -> list[Reference]:
    return [r for r in ctx.references(text) if r.kind in (RefKind.RESOLUTION, RefKind.DECISION)]


def references_in_paragraph(ctx: CheckContext, p: Paragraph) -> list[Finding]:
    """The REF findings of one paragraph's citations."""
    refs = _cited(ctx, p.text)
    if not refs:
        return []
    return _check_text(
        ctx, [_Cite(r, p.text, p.id, False, ctx.at(p, r.start, r.end)) for r in refs]
    )


def references_in_note(ctx: CheckContext, f: Footnote) -> list[Finding]:
    """The REF findings of one footnote's citations."""
    refs = _cited(ctx, f.text)
    if not refs:
        return []
    return _check_text(
        ctx, [_Cite(r, f.text, f.id, True, ctx.at_note(f, r.start, r.end)) for r in refs]
    )


def _check_text(ctx: CheckContext, cites: list[_Cite]) -> list[Finding]:
    out: list[Finding] = []
    for c in cites:
        _check_one(ctx, c, out)
    _check_order(ctx, cites, out)
    return out


def parse_date(text: str) -> date | None:
    parts = text.split()
    if len(parts) != 3 or parts[1] not in _MONTH:
        return None
    try:
        return date(int(parts[2]), _MONTH[parts[1]], int(parts[0]))
    except ValueError:
        return None


def _evidence(known: KnownText) -> str:
    """Where the corpus gives the right date (a look-up, never a scan of the citations)."""
    seen = known.dates_seen.get(known.date)
    if seen:
        c = seen[0]
        where = " ".join(x for x in (c.doc_label + ",", c.part, c.paragraph_label) if x)
        return f"corpus: {where} says {known.date}"
    return f"registry: {known.body} {known.kind} {known.number} is dated {known.date}"


def _body(ctx: CheckContext, ref: Reference) -> str:
    """The body as the registry takes it: "its" and an omitted body mean the author."""
    if not ref.body or ref.body == "its":
        return ctx.profile.body
    return ctx.profile.body_of(ref.body)


def _kind(ref: Reference) -> str:
    return "decision" if ref.kind is RefKind.DECISION else "resolution"


def _elsewhere(ctx: CheckContext, body: str, ref: Reference) -> tuple[str, str, KnownText] | None:
    """The (body, kind) under which the corpus knows ``ref.number`` when not as written."""
    kind = _kind(ref)
    other_kind = "resolution" if kind == "decision" else "decision"
    # The author and the General Assembly: the bodies a text is mis-attributed to in practice.
    candidates = [(body, other_kind)]
    for b in (ctx.profile.body, GENERAL_ASSEMBLY):
        if b != body:
            candidates += [(b, kind), (b, other_kind)]
    for b, k in candidates:
        known = ctx.cited_text(b, ref.number, k)
        if known is not None:
            return b, k, known
    return None


def _check_one(ctx: CheckContext, c: _Cite, out: list[Finding]) -> None:
    ref = c.ref
    body = _body(ctx, ref)
    known = ctx.cited_text(body, ref.number, _kind(ref))
    written = f"{_kind(ref)} {ref.number}"
    if known is not None and not known.citations and not known.doc_id:
        # Known only from its session (a Conference text dated by the session's closing
        # day): the number itself is unverified.
        out.append(
            ctx.finding(
                "REF-UNKNOWN",
                Severity.INFO,
                f"{_sentence(written)} is not in the corpus; only its session date is known "
                f"({known.date}).",
                c.where,
                cause=f"ref-session-only:{body}:{written}",
            )
        )
    if known is None:
        other = _elsewhere(ctx, body, ref)
        if other is None or (not ref.body and other[1] == _kind(ref)):
            out.append(
                ctx.finding(
                    "REF-UNKNOWN",
                    Severity.INFO,
                    f"{_sentence(written)} is not in the corpus; its body and date cannot be "
                    "checked.",
                    c.where,
                    # One note per text, however often it is cited (A/RES/80/4 lists the same
                    # 33 resolutions in two paragraphs): the other places are named in it.
                    cause=f"ref-unknown:{body}:{written}",
                )
            )
            return
        real_body, real_kind, known = other
        who = "its" if real_body == ctx.profile.body else real_body
        out.append(
            ctx.finding(
                "REF-BODY",
                Severity.ERROR,
                f"{ref.number} is a {real_kind} of the {_short(real_body)}, not a {_kind(ref)} "
                f"of the {_short(body)}: write “{who} {real_kind} {ref.number}”.",
                c.where,
                _evidence(known) if known.date else f"corpus: {real_body} {real_kind} {ref.number}",
                _body_fix(c, who, real_kind),
            )
        )
    if known.date and ref.date and ref.date != known.date:
        start = c.text.find(ref.date, ref.start)
        fix = None
        if start >= 0:
            fix = Fix(
                c.target_id,
                start,
                start + len(ref.date),
                known.date,
                c.footnote,
                description=f"Write “{known.date}”",
            )
        out.append(
            ctx.finding(
                "REF-DATE",
                Severity.ERROR,
                f"{_sentence(written)} is dated {known.date}, not {ref.date}.",
                c.where,
                _evidence(known),
                fix,
            )
        )


def _short(body: str) -> str:
    if body.startswith("Conference of the Parties"):
        return "Conference"
    return body


def _body_fix(c: _Cite, who: str, kind: str) -> Fix | None:
    """Rewrite "General Assembly resolution" as "its resolution" (a single citation only:
    in a list the body governs the other items too)."""
    ref = c.ref
    m = _HEAD_RE.match(ref.text)
    if m is None or m.group("plural"):
        return None
    start = ref.start + (m.start("body") if m.group("body") else m.start("kind"))
    end = ref.start + m.end("kind")
    new = f"{who} {kind}"
    return Fix(c.target_id, start, end, new, c.footnote, description=f"Write “{new}”")


_HEAD_RE = re.compile(r"(?:(?P<body>.+?)\s)?(?P<kind>resolution|decision)(?P<plural>s)?\s")


def _lists(cites: list[_Cite]) -> Iterator[list[_Cite]]:
    """Runs of citations of one body and kind written as a list ("61/144 of …, 61/180 of …
    and 63/194 of …")."""
    run: list[_Cite] = []
    for c in cites:
        if run:
            prev = run[-1].ref
            gap = c.text[prev.end : c.ref.start]
            same = c.ref.body == prev.body and c.ref.kind is prev.kind
            if same and _LIST_GAP.fullmatch(gap):
                run.append(c)
                continue
            yield run
        run = [c]
    if run:
        yield run


def _check_order(ctx: CheckContext, cites: list[_Cite], out: list[Finding]) -> None:
    for run in _lists(cites):
        dated = [(parse_date(c.ref.date), c) for c in run if c.ref.date]
        if len(dated) < 2 or any(d is None for d, _ in dated):
            continue
        dates = [d for d, _ in dated]
        if dates == sorted(dates):  # type: ignore[type-var]
            continue
        first, last = run[0], run[-1]
        out.append(
            ctx.finding(
                "REF-ORDER",
                Severity.WARNING,
                "The texts in this list are not in ascending date order: "
                + ", ".join(c.ref.number for c in run)
                + ".",
                Location(
                    first.where.part,
                    first.where.paragraph_id,
                    first.where.paragraph_label,
                    first.where.footnote_number,
                    first.ref.start,
                    last.ref.end,
                    first.where.footnote_id,
                ),
                "UN Editorial Manual: lists of resolutions run in ascending date order.",
                _order_fix(run),
            )
        )


def _order_fix(run: list[_Cite]) -> Fix | None:
    """Re-order the items ("number of date") keeping the separators where they were."""
    text = run[0].text
    items: list[tuple[int, int]] = []
    for c in run:
        start = text.find(c.ref.number, c.ref.start)
        if start < 0 or not c.ref.date:
            return None
        end = text.find(c.ref.date, start) + len(c.ref.date)
        items.append((start, end))
    ordered = sorted(
        items, key=lambda se: parse_date(text[se[0] : se[1]].split(" of ", 1)[1]) or date.min
    )
    pieces = [text[s:e] for s, e in ordered]
    gaps = [text[items[i][1] : items[i + 1][0]] for i in range(len(items) - 1)]
    new = pieces[0] + "".join(g + p for g, p in zip(gaps, pieces[1:], strict=True))
    c0 = run[0]
    return Fix(
        c0.target_id,
        items[0][0],
        items[-1][1],
        new,
        c0.footnote,
        description="Put the list in ascending date order",
    )


def _sentence(words: str) -> str:
    """``words`` opening a sentence: the first letter raised, the symbol kept as written
    ("Resolution 2200 A (XXI)", "Decision 6/CMA.1"; str.capitalize lowers the rest)."""
    return words[:1].upper() + words[1:]
