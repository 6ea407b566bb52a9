"""OPENER and LADDER: preambular paragraphs open with a participle or adjective, operative
ones with a present-tense verb (the decision form: one tense throughout); repeated verbs take
"Also"/"Further" — before the verb in the operative part, after it in the preamble
(UN_FORMAT.md §1–2)."""

from __future__ import annotations

import re

from drafting_app.checks.context import CheckContext, Entry
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.model.document import Form, Part
from drafting_app.phrases import ADVERBS, Opener

_PART_WORD = {Part.PREAMBLE: "preambular", Part.OPERATIVE: "operative"}


def _is_past(base: str) -> bool:
    return base.split()[0].endswith("ed")


def check_openers(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    tenses: dict[bool, Entry] = {}
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        for e in ctx.tops(part):
            p = e.paragraph
            text = p.text
            if not text.strip():
                continue
            found = ctx.opener(text, part)
            if text[0].islower():
                out.append(
                    ctx.finding(
                        "OPENER",
                        Severity.ERROR,
                        f"{ctx.describe(p).capitalize()} begins with a lower-case letter.",
                        ctx.at(p, 0, 1),
                        fix=Fix(p.id, 0, 1, text[0].upper(), description="Capitalize"),
                    )
                )
                continue
            if found is None:
                word = text.split()[0]
                out.append(
                    ctx.finding(
                        "OPENER",
                        Severity.INFO,
                        f"“{word}” is not a known {_PART_WORD[part]} opening phrase.",
                        ctx.at(p, 0, len(word)),
                    )
                )
                continue
            if found.part is not part:
                expected = (
                    "a participle or adjective (Recalling, Noting, Concerned)"
                    if part is Part.PREAMBLE
                    else "a verb in the present tense (Requests, Urges, Decides)"
                )
                if (
                    part is Part.OPERATIVE
                    and ctx.doc.form is Form.DECISION
                    and _is_past(found.base)
                ):
                    pass
                else:
                    out.append(
                        ctx.finding(
                            "OPENER",
                            Severity.ERROR,
                            f"“{found.text}” opens {ctx.describe(p)}; a {_PART_WORD[part]} "
                            f"paragraph opens with {expected}.",
                            ctx.at(p, 0, len(found.text)),
                        )
                    )
            if part is Part.OPERATIVE and ctx.doc.form is Form.DECISION:
                tenses.setdefault(_is_past(found.base), e)
    if len(tenses) == 2:
        first_past, first_present = tenses[True], tenses[False]
        later = max(first_past, first_present, key=lambda e: e.order)
        earlier = first_present if later is first_past else first_past
        out.append(
            ctx.finding(
                "OPENER",
                Severity.WARNING,
                f"The decision mixes tenses: {ctx.describe(earlier.paragraph)} is in the "
                f"{'past' if earlier is first_past else 'present'} tense, "
                f"{ctx.describe(later.paragraph)} in the "
                f"{'past' if later is first_past else 'present'}.",
                ctx.at(later.paragraph, 0, len(later.paragraph.text.split()[0])),
            )
        )
    return out


def _laddered(found: Opener, adverb: str, position: str) -> str:
    if position == "before":
        return f"{adverb.capitalize()} {found.base[0].lower()}{found.base[1:]}"
    # The adverb follows the whole phrase, before a closing preposition: "Taking note also of".
    head, _, last = found.base.rpartition(" ")
    if head and last in ("of", "with", "that"):
        return f"{head} {adverb} {last}"
    return f"{found.base} {adverb}"


_REACH = 120  # no opening phrase is longer
_INNER_ADVERB = re.compile(r"^((?:\S+ ){0,3}?\S+) (also|further) ")


def _split_laddered(ctx: CheckContext, text: str, part: Part) -> Opener | None:
    """The opener with its ladder adverb, also when the adverb sits inside a phrase the
    list holds whole ("Expressing solidarity also with")."""
    text = text[:_REACH]
    found = ctx.opener(text, part)
    if found is not None and found.adverb:
        return found
    m = _INNER_ADVERB.match(text)
    inner = None if m is None else ctx.opener(m.group(1) + text[m.end() - 1 :], part)
    if m is None or inner is None or len(inner.text) <= len(m.group(1)):
        return None if found is None else _normalised(found)
    written = text[: len(inner.text) + len(m.group(2)) + 1]
    return Opener(written, inner.base, m.group(2), "after", inner.known, inner.part)


def _normalised(found: Opener) -> Opener:
    """ "Noting also" listed as one phrase is still the participle "Noting" plus "also"."""
    head, _, last = found.base.rpartition(" ")
    if not found.adverb and head and last.lower() in ADVERBS:
        return Opener(found.text, head, last.lower(), "after", found.known, found.part)
    return found


def check_ladder(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    decision = ctx.doc.form is Form.DECISION
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        position = (
            ctx.profile.preamble_adverb if part is Part.PREAMBLE else ctx.profile.operative_adverb
        )
        seen: set[str] = set()
        previous: Opener | None = None
        for e in ctx.tops(part):
            p = e.paragraph
            found = _split_laddered(ctx, p.text, part)
            if found is None:
                previous = None
                continue
            base = found.base.split()[0].lower()
            span = (0, len(found.text))
            if found.adverb and base not in seen:
                plain = found.base
                out.append(
                    ctx.finding(
                        "LADDER",
                        Severity.ERROR,
                        f"“{found.text}” in {ctx.describe(p)}, but no earlier paragraph says "
                        f"“{found.base}”.",
                        ctx.at(p, *span),
                        fix=Fix(p.id, *span, plain, description=f"Write “{plain}”"),
                    )
                )
            elif found.adverb and found.position != position and not decision:
                better = _laddered(found, found.adverb, position)
                out.append(
                    ctx.finding(
                        "LADDER",
                        Severity.SUGGESTION,
                        f"“{found.text}”: this body puts “{found.adverb}” {position} the "
                        f"{'verb' if part is Part.OPERATIVE else 'participle'}.",
                        ctx.at(p, *span),
                        fix=Fix(p.id, *span, better, description=f"Write “{better}”"),
                    )
                )
            elif (
                not found.adverb
                and previous is not None
                and previous.base.split()[0].lower() == base
                and not previous.adverb
            ):
                better = _laddered(
                    found, "also", "after" if decision and found.position == "after" else position
                )
                out.append(
                    ctx.finding(
                        "LADDER",
                        Severity.SUGGESTION,
                        f"{ctx.describe(p).capitalize()} repeats “{found.base}” from the "
                        f"paragraph before; UN practice often writes “{better}”.",
                        ctx.at(p, *span),
                        "Adopted texts also repeat the verb (Resolution 10/3, operative 14–15).",
                        Fix(p.id, *span, better, description=f"Write “{better}”"),
                    )
                )
            seen.add(base)
            previous = found
    return out
