"""OPENER and LADDER: preambular paragraphs open with a participle or adjective, operative
ones with a present-tense verb (the decision form: one tense throughout); repeated verbs take
"Also"/"Further" — before the verb in the operative part, after it in the preamble
(UN_FORMAT.md §1–2)."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from drafting_app.checks.context import ByText, CheckContext, Entry, split_opener
from drafting_app.checks.facts import KnownClause
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.model.document import Form, Paragraph, Part, Span
from drafting_app.phrases import ADVERBS, Opener, PhraseBook

_PART_WORD = {Part.PREAMBLE: "preambular", Part.OPERATIVE: "operative"}


def _is_past(base: str) -> bool:
    return base.split()[0].endswith("ed")


def _groups(ctx: CheckContext, part: Part) -> list[list[Entry]]:
    """Top-level paragraphs of ``part`` per body (the text, then each lettered part)."""
    return ctx.groups(part)


def _italic_verb_later(ctx: CheckContext, p: Paragraph, part: Part) -> bool:
    """A paragraph may lead with a phrase and put its verb later, in italics ("With regard
    to the report …, *welcomes*:", France draft op 9): the italic verb is the opener."""
    for span in p.italics:
        if span.start == 0:
            continue
        phrase = p.text[span.start : span.end]
        found = ctx.opener(phrase[:1].upper() + phrase[1:], part)
        if found is not None and found.part is part and len(found.text) == len(phrase):
            return True
    return False


def _capitalize_fix(ctx: CheckContext, p: Paragraph, part: Part) -> Fix:
    """The whole correction of a lower-case opener: capitalized and, when it is a known
    opener of this part, set in italics as a typed one is ("urges " → "*Urges* "; UN_FORMAT.md
    §1) — never half a fix that the next run reports again."""
    lead = len(p.text) - len(p.text.lstrip())
    text = p.text[lead:]
    found = ctx.opener(text[0].upper() + text[1:], part)
    if found is None or found.part is not part:
        return Fix(p.id, 0, lead + 1, text[0].upper(), description="Capitalize")
    # An italic opener already there stays (its span covers the replaced letters).
    italic = lead == 0 and any(s.start == 0 for s in p.italics)
    spans = () if italic else (Span(0, len(found.text)),)
    how = "capitalized" if italic else "capitalized, in italics"
    return Fix(
        p.id,
        0,
        lead + len(found.text),
        found.text,
        italics=spans,
        description=f"Write “{found.text}” ({how})",
    )


def _opener_finding(ctx: CheckContext, e: Entry, part: Part) -> Finding | None:
    p = e.paragraph
    text = p.text
    first = text.lstrip()[:1]
    if first.islower():
        return ctx.finding(
            "OPENER",
            Severity.ERROR,
            f"{ctx.describe(p).capitalize()} begins with a lower-case letter.",
            ctx.at(p, 0, len(text) - len(text.lstrip()) + 1),
            fix=_capitalize_fix(ctx, p, part),
        )
    found = ctx.opener(text, part)
    if found is None and (_italic_verb_later(ctx, p, part) or _led_in(ctx, text, part)):
        return None
    if found is None:
        word = text.split()[0]
        if part is Part.OPERATIVE and e.form is Form.RESOLUTION:
            # "6. The States …": in a resolution an operative paragraph opens with a verb
            # in the present tense; an unknown verb ("Agrees", "Initiates") is only info,
            # unless the corpus adopted the same words after a verb of its own
            lead = len(text) - len(text.lstrip())
            known = ctx.facts.clause_with_opener(text[lead:])
            if known is not None or not _verb_like(text):
                return _verbless_finding(ctx, p, word, known)
        return ctx.finding(
            "OPENER",
            Severity.INFO,
            f"“{word}” is not a known {_PART_WORD[part]} opening phrase.",
            ctx.at(p, 0, len(word)),
        )
    if found.part is part or (part is Part.OPERATIVE and _is_past(found.base)):
        return None
    expected = (
        "a participle or adjective (Recalling, Noting, Concerned)"
        if part is Part.PREAMBLE
        else "a verb in the present tense (Requests, Urges, Decides)"
    )
    return ctx.finding(
        "OPENER",
        Severity.ERROR,
        f"“{found.text}” opens {ctx.describe(p)}; a {_PART_WORD[part]} paragraph opens "
        f"with {expected}.",
        ctx.at(p, 0, len(found.text)),
    )


def _verbless_finding(
    ctx: CheckContext, p: Paragraph, word: str, known: KnownClause | None
) -> Finding:
    """An operative paragraph of a resolution without its verb; when the corpus adopted the
    same clause after a verb (``known``: "Urges the States Parties …"), that verb is the
    fix."""
    text = p.text
    evidence = (
        "Adopted resolutions open every operative paragraph with its verb (UN_FORMAT.md §1); "
        f"the known operative openers list has none for “{' '.join(text.split()[:3])}”."
    )
    fix = None
    lead = len(text) - len(text.lstrip())
    if known is not None:
        # the clause's first word as the corpus writes it after the verb ("the States")
        first = known.rest.split()[0] if known.rest.split() else word
        if first.lower() != word.lower():
            first = word
        new = f"{known.opener} {first}"
        fix = Fix(
            p.id,
            lead,
            lead + len(word),
            new,
            italics=(Span(0, len(known.opener)),),
            description=f"Write “{new} …” (as {known.source})",
        )
        evidence += (
            f" The corpus adopted the same clause with “{known.opener}”: {known.source}, "
            f"“{_short(known.text)}”."
        )
    return ctx.finding(
        "OPENER",
        Severity.WARNING,
        f"{ctx.describe(p).capitalize()} opens with “{word}”, not with a verb: an "
        "operative paragraph of a resolution opens with a verb in the present "
        "tense (Requests, Urges, Decides).",
        ctx.at(p, 0, len(word)),
        evidence,
        fix,
    )


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# Words that lead into the verb of an operative paragraph ("Once again urges", A/RES/80/4).
_LEAD_INS = {"once", "again", "also", "further", "furthermore", "hereby", "strongly", "firmly"}
# Words no verb is: an article, a determiner, a pronoun, a preposition ("6. The States …").
_NOT_VERBS = {
    "the", "a", "an", "this", "these", "those", "that", "such", "all", "each", "every", "its",
    "their", "his", "her", "our", "it", "they", "in", "on", "at", "for", "with", "by",
    "from", "under", "of", "to", "as", "member", "states", "governments", "parties",
}  # fmt: skip


# "Continues to welcome", "Continue to urge" (A/RES/80/6 op 22; the plural of a body of
# Parties): the verb that follows is the paragraph's verb.
_CONTINUES = re.compile(r"(Continues?|Continuing) to ([a-z]+)\b")


# An introductory phrase before the verb, closed by a comma: "2. Pending the total
# elimination of nuclear weapons, urges those nuclear-weapon States …" (A/RES/80/23), "In
# this regard, encourages …", "To this end, requests …".
_INTRODUCED = re.compile(
    r"(?:Pending|In|To|With|Within|Through|Upon|On|Following|For|At|After|Before|Consistent)"
    r"\b[^,;:]{0,200}, (?P<rest>[a-z][a-z\-]+\b.*)",
    re.S,
)


def _led_in(ctx: CheckContext, text: str, part: Part) -> bool:
    """Whether ``text`` opens with lead-in words of practice before a known opener of
    ``part``: "Once again urges" (A/RES/80/4 op 3), "Continues to welcome" (A/RES/80/6 op
    22), "Pending …, urges" (A/RES/80/23 op 2). These are adopted language, not unknown
    openers."""
    words = text.split()
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in _LEAD_INS:
        lead += 1
    candidates: list[str] = []
    if lead:
        rest = " ".join(words[lead:])
        candidates.append(rest[:1].upper() + rest[1:])
    m_intro = _INTRODUCED.match(text.lstrip())
    if m_intro is not None:
        rest = m_intro.group("rest")
        candidates.append(rest[:1].upper() + rest[1:])
    m = _CONTINUES.match(text.lstrip())
    if m is not None:
        verb = m.group(2)
        if part is Part.PREAMBLE:
            stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
            candidates.append(f"{stem.capitalize()}ing")
        else:
            candidates += [f"{verb.capitalize()}s", f"{verb.capitalize()}es"]
    for candidate in candidates:
        found = ctx.opener(candidate, part)
        if found is not None and found.part is part:
            return True
    return False


def _continues_the_chapeau(ctx: CheckContext, group: int) -> bool:
    """A decision whose chapeau ends with its verb ("…, the General Assembly, on the
    proposal of …, decided:", decision 79/537 A): the lettered items that follow continue
    that sentence ("(a) That …", "(b) On an exceptional basis, to convene …", "(c) To
    request …") and open with no verb of their own."""
    for e in ctx.entries:
        if e.chapeau and e.group == group and e.form is Form.DECISION:
            words = e.paragraph.text.rstrip().rstrip(":").split()
            ends = e.paragraph.text.rstrip().endswith(":")
            return ends and bool(words) and (words[-1].endswith("ed") or words[-1] == "that")
    return False


def _verb_like(text: str) -> bool:
    """Whether an unknown first word may be a verb of the operative part: a word in -s
    ("Agrees", "Initiates"), the plural form of a body of Parties ("Express"), after the
    lead-ins of practice ("Once again urges"); not an article, pronoun or noun of States."""
    words = [w.strip(",;:.").lower() for w in text.split()[:6]]
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    if not words or words[0] in _NOT_VERBS or not words[0].isalpha():
        return False
    return words[0].endswith("s") or not words[0].endswith(("ing", "ed", "ion", "ity"))


def _tense_finding(ctx: CheckContext, entries: list[Entry]) -> Finding | None:
    """A decision is written in one tense ("Urges" … or "Urged" …, Decisions 3/3 and 4/4)."""
    tenses: dict[bool, Entry] = {}
    for e in entries:
        found = ctx.opener(e.paragraph.text, Part.OPERATIVE)
        if found is not None and found.part is Part.OPERATIVE:
            tenses.setdefault(_is_past(found.base), e)
    if len(tenses) < 2:
        return None
    later = max(tenses.values(), key=lambda e: e.order)
    earlier = min(tenses.values(), key=lambda e: e.order)
    past = tenses[True]
    return ctx.finding(
        "OPENER",
        Severity.WARNING,
        f"The decision mixes tenses: {ctx.describe(earlier.paragraph)} is in the "
        f"{'past' if earlier is past else 'present'} tense, {ctx.describe(later.paragraph)} "
        f"in the {'past' if later is past else 'present'}.",
        ctx.at(later.paragraph, 0, len(later.paragraph.text.split()[0])),
    )


def opener_parts(ctx: CheckContext) -> dict[str, Part]:
    """The paragraphs whose opening phrase is checked, each with the part it opens: the
    top-level paragraphs of each body, but not the items that continue a decision's
    chapeau."""
    out: dict[str, Part] = {}
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        for entries in _groups(ctx, part):
            if part is Part.OPERATIVE and entries and _continues_the_chapeau(ctx, entries[0].group):
                continue
            for e in entries:
                if e.paragraph.text.strip():
                    out[e.paragraph.id] = part
    return out


def opener_finding(ctx: CheckContext, e: Entry, part: Part | None) -> Finding | None:
    """OPENER for one paragraph (``part``: from :func:`opener_parts`, None: not checked)."""
    return None if part is None else _opener_finding(ctx, e, part)


def check_tenses(ctx: CheckContext) -> list[Finding]:
    """OPENER of a whole decision: one tense throughout."""
    out: list[Finding] = []
    for entries in _groups(ctx, Part.OPERATIVE):
        if entries and _continues_the_chapeau(ctx, entries[0].group):
            continue
        if entries and entries[0].form is Form.DECISION:
            tense = _tense_finding(ctx, entries)
            if tense is not None:
                out.append(tense)
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


def _split_laddered(
    split: Callable[[str, Part], Opener | None], text: str, part: Part
) -> Opener | None:
    """The opener with its ladder adverb, also when the adverb sits inside a phrase the
    list holds whole ("Expressing solidarity also with")."""
    text = text[:_REACH]
    found = split(text, part)
    if found is not None and found.adverb:
        return found
    # The pattern holds " also " or " further " literally: most openings have neither.
    m = _INNER_ADVERB.match(text) if " also " in text or " further " in text else None
    inner = None if m is None else split(m.group(1) + text[m.end() - 1 :], part)
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


def _ladder_opener(
    book: PhraseBook, known: dict[str, Opener | None], text: str, part: Part
) -> Opener | None:
    """:func:`_ladder_opener_of` the opening of ``text``, in ``known`` (the answers of
    ``_LADDER_OPENERS`` for the book and part, asked once a body, not once a paragraph:
    a re-check reads every paragraph's)."""
    head = text[:_REACH]
    if head in known:
        return known[head]
    found = known[head] = _ladder_opener_of(book, head, part)
    return found


def _ladder_opener_of(book: PhraseBook, text: str, part: Part) -> Opener | None:
    """The ladder reading of a paragraph's opening (``_ladder_opener`` remembers it by
    the paragraph's first words)."""
    found = _split_laddered(lambda t, p: split_opener(book, t, p), text, part)
    if found is None or part is Part.PREAMBLE or _is_past(found.base):
        return found
    # In a present-tense operative part the adverb comes first ("Further encourages"); a
    # word after the verb is the verb's object ("Encourages further efforts", A/RES/80/6).
    if found.position == "after":
        return Opener(found.base, found.base, "", "", found.known, found.part)
    return found


def check_ladder(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        position = (
            ctx.profile.preamble_adverb if part is Part.PREAMBLE else ctx.profile.operative_adverb
        )
        for entries in _groups(ctx, part):
            _ladder_group(ctx, entries, part, position, out)
    return out


def _rewrite(
    ctx: CheckContext,
    p: Paragraph,
    span: tuple[int, int],
    severity: Severity,
    message: str,
    new: str,
    evidence: str = "",
) -> Finding:
    fix = Fix(p.id, *span, new, description=f"Write “{new}”")
    return ctx.finding("LADDER", severity, message, ctx.at(p, *span), evidence, fix)


# A verb the paragraph says again later, after "and": "…, and requests the Standing
# Committee on Finance to submit a synthesis …;" then "Also requests …" (decision 10/CMA.3).
_AND_VERB_RE = re.compile(r"\band (?:also |further )?(?=[a-z])")
_WORD_RE = re.compile(r"[\w\-']+")  # the first word, as PhraseBook.split reads it


# ``_AND_VERB_RE`` with its word boundary asked after the literal "and " (a lookbehind),
# so that the engine looks for "and " itself instead of trying the pattern at every
# character: the same matches, ends and order (the lookbehind also holds at the text's
# start, where "\b" does).
_AND_VERB_AT_RE = re.compile(r"and (?<!\wand )(?:also |further )?(?=[a-z])")


def _after_and(text: str) -> list[int]:
    """Where each match of ``_AND_VERB_RE`` ends."""
    return [m.end() for m in _AND_VERB_AT_RE.finditer(text)]


def embedded_verbs(
    split: Callable[[str, Part], Opener | None],
    text: str,
    part: Part,
    first_words: Container[str] | None = None,
) -> set[str]:
    """First words of the opening phrases a paragraph uses after "and" ("and requests the
    Secretary-General …" → "requests"): an "Also requests" further on ladders from it.
    ``split`` reads an opening phrase (``CheckContext.opener``, ``PhraseBook.split``);
    ``first_words``, the lower-case first words of the phrases it knows, skips the words
    no phrase starts with (most words after "and") without reading them."""
    out: set[str] = set()
    if " and " not in text:
        return out
    for at in _after_and(text):
        if first_words is not None:
            word = _WORD_RE.match(text, at)
            if word is not None:
                w = word.group(0).lower()
                if w not in first_words and w not in ADVERBS:
                    continue
        rest = text[at : at + _REACH]
        found = split(rest[:1].upper() + rest[1:], part)
        if found is not None and found.part is part and not found.adverb:
            out.add(found.base.split()[0].lower())
    return out


def _embedded_of(
    book: PhraseBook, known: dict[str, frozenset[str]], text: str, part: Part
) -> frozenset[str]:
    """:func:`embedded_verbs` remembered by text in ``known`` (as ``_ladder_opener``)."""
    hit = known.get(text)
    if hit is not None:
        return hit
    found = known[text] = frozenset(
        embedded_verbs(lambda t, p: split_opener(book, t, p), text, part, book.first_words(part))
    )
    return found


def _ladder_group(
    ctx: CheckContext, entries: list[Entry], part: Part, position: str, out: list[Finding]
) -> None:
    seen: set[str] = set()
    previous: Opener | None = None
    book = ctx.phrases
    openers, verbs = _LADDER_OPENERS.of(book, part), _EMBEDDED.of(book, part)
    for e in entries:
        p = e.paragraph
        found = _ladder_opener(book, openers, p.text, part)
        embedded = _embedded_of(book, verbs, p.text, part)
        if found is None:
            seen |= embedded
            previous = None
            continue
        past = _is_past(found.base)
        base = found.base.split()[0].lower()
        span = (0, len(found.text))

        if found.adverb and base not in seen:
            out.append(
                _rewrite(
                    ctx,
                    p,
                    span,
                    Severity.ERROR,
                    f"“{found.text}” in {ctx.describe(p)}, but no earlier paragraph says "
                    f"“{found.base}”.",
                    found.base,
                )
            )
        elif found.adverb and found.position != position and not past:
            out.append(
                _rewrite(
                    ctx,
                    p,
                    span,
                    Severity.SUGGESTION,
                    f"“{found.text}”: this body puts “{found.adverb}” {position} the "
                    f"{'verb' if part is Part.OPERATIVE else 'participle'}.",
                    _laddered(found, found.adverb, position),
                )
            )
        elif (
            not found.adverb
            and previous is not None
            and previous.base.split()[0].lower() == base
            and not previous.adverb
        ):
            better = _laddered(found, "also", position)
            out.append(
                _rewrite(
                    ctx,
                    p,
                    span,
                    Severity.SUGGESTION,
                    f"{ctx.describe(p).capitalize()} repeats “{found.base}” from the "
                    f"paragraph before; UN practice often writes “{better}”.",
                    better,
                    "Adopted texts also repeat the verb (Resolution 10/3, operative 14–15).",
                )
            )
        seen.add(base)
        seen |= embedded
        previous = found


_LADDER_OPENERS: ByText[Opener | None] = ByText()
_EMBEDDED: ByText[frozenset[str]] = ByText()
