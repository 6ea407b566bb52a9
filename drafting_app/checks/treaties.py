"""TREATY and ARTICLE: instruments cited against the registry (UN_FORMAT.md §3, §5). The
Treaty Series volume must be the named instrument's; an article must exist in it."""

from __future__ import annotations

import re
from typing import Any

from drafting_app.checks.context import CheckContext
from drafting_app.checks.facts import KnownInstrument
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.model.citation import TreatyCitation
from drafting_app.model.document import Footnote
from drafting_app.model.references import RefKind

_VOLUME_RE = re.compile(r"vols?\.\s(?P<v>\d+)")
_NUMBER_RE = re.compile(r"\bNo\.\s\d+")
_ARTICLE_NUMBER = re.compile(r"\d+")
_ANAPHORA = re.compile(r"(?:that|the|this)\s(?:Protocol|Convention)s?\b")


def _named_before(ctx: CheckContext, f: Footnote, known: dict[str, Any]) -> KnownInstrument | None:
    """The instrument whose name stands right before the footnote's mark (asked by
    :func:`treaties_key` and :func:`check_treaties` in one run: read once; ``known`` is
    ``ctx.for_this_run("treaties.named_before")``, asked once a loop)."""
    if f.id in known:
        return known[f.id]
    found = known[f.id] = _instrument_before(ctx, f)
    return found


def _instrument_before(ctx: CheckContext, f: Footnote) -> KnownInstrument | None:
    where = ctx.anchor_of.get(f.id)
    if where is None:
        return None
    p, offset = where
    end = len(p.text[:offset].rstrip(" \t\n,;:."))
    for _s, e, _name, key, _full in ctx.names.find(p.text):
        if e == end:
            return _instrument(ctx, key)
    return None


def _instrument(ctx: CheckContext, key: str) -> KnownInstrument | None:
    return ctx.facts.instrument(key)


def _short(i: KnownInstrument) -> str:
    shorts = [s for s in i.short_titles if s[:1].isupper()]
    return shorts[0] if shorts else i.full_title


def _written_in(ctx: CheckContext) -> dict[str, tuple[str, str]]:
    """For each note, the notes whose text states its volume and its number: a bare
    "Ibid." states neither and inherits both from the note before it (one fault written
    once, however many notes repeat it)."""
    out: dict[str, tuple[str, str]] = {}
    before = ("", "")
    for f in ctx.footnotes:
        ibid = f.text.lstrip("*").startswith("Ibid")
        volume = f.id if not ibid or _VOLUME_RE.search(f.text) else before[0] or f.id
        number = f.id if not ibid or _NUMBER_RE.search(f.text) else before[1] or f.id
        out[f.id] = before = (volume, number)
    return out


def treaties_key(ctx: CheckContext) -> tuple[object, ...]:
    """Everything :func:`check_treaties` reads besides the corpus: each note in numbering
    order with its text, number and source, and for a *Treaty Series* note the instrument
    named right before its mark (not the paragraph's words: typing elsewhere in it keeps
    the key)."""
    numbers, sources = ctx.numbers, ctx.sources
    known = ctx.for_this_run("treaties.named_before")
    out: list[tuple[object, ...]] = []
    for f in ctx.footnotes:
        source = sources[f.id]
        named = _named_before(ctx, f, known) if isinstance(source, TreatyCitation) else None
        out.append((f.id, f.text, numbers[f.id], source, named))
    return tuple(out)


def check_treaties(ctx: CheckContext) -> list[Finding]:
    known = ctx.for_this_run("treaties.named_before")
    out: list[Finding] = []
    known_numbers = {i.unts_number for i in ctx.facts.instruments()}
    written = _written_in(ctx)
    for f in ctx.footnotes:
        c = ctx.sources[f.id]
        if not isinstance(c, TreatyCitation):
            continue
        where = ctx.at_note(f, 0, len(f.text))
        volumes = list(_VOLUME_RE.finditer(f.text))
        in_volume, in_number = written[f.id]
        for v in c.volumes:
            inst = ctx.facts.instrument_by_volume(v)
            if inst is None and c.number in known_numbers:
                out.append(
                    ctx.finding(
                        "TREATY",
                        Severity.ERROR,
                        f"Footnote {ctx.numbers[f.id]}: No. {c.number} of the Treaty Series has "
                        f"no volume {v}.",
                        where,
                        "registry: "
                        + "; ".join(
                            f"{_short(i)} vol. {i.unts_volume}"
                            for i in ctx.facts.instruments()
                            if i.unts_number == c.number
                        ),
                        cause=f"treaty-volume:{in_volume}:{v}",
                    )
                )
            elif inst is not None and inst.unts_number != c.number:
                start = f.text.rfind(c.number)
                out.append(
                    ctx.finding(
                        "TREATY",
                        Severity.ERROR,
                        f"Footnote {ctx.numbers[f.id]}: volume {v} is the {_short(inst)}, "
                        f"registered as No. {inst.unts_number}, not No. {c.number}.",
                        where,
                        f"registry: {_short(inst)}, vol. {inst.unts_volume}, "
                        f"No. {inst.unts_number}",
                        Fix(
                            f.id,
                            start,
                            start + len(c.number),
                            inst.unts_number,
                            True,
                            description=f"Write “No. {inst.unts_number}”",
                        )
                        if start >= 0
                        else None,
                        cause=f"treaty-number:{in_number}:{v}:{c.number}",
                    )
                )
        named = _named_before(ctx, f, known)
        if named is not None and len(c.volumes) == 1 and c.volumes[0] != named.unts_volume:
            fix = None
            if len(volumes) == 1:
                m = volumes[0]
                fix = Fix(
                    f.id,
                    m.start("v"),
                    m.end("v"),
                    named.unts_volume,
                    True,
                    description=f"Write “vol. {named.unts_volume}”",
                )
            out.append(
                ctx.finding(
                    "TREATY",
                    Severity.ERROR,
                    f"Footnote {ctx.numbers[f.id]} cites vol. {c.volumes[0]} for the "
                    f"{_short(named)}, which is vol. {named.unts_volume}.",
                    where,
                    f"registry: {_short(named)}, United Nations, Treaty Series, "
                    f"vol. {named.unts_volume}, No. {named.unts_number}",
                    fix,
                    cause=f"treaty-volume:{in_volume}:{c.volumes[0]}",
                )
            )
    return out


def check_articles(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    last: str | None = None
    for e in ctx.entries:
        p = e.paragraph
        mentions = [(s, key) for s, _, _, key, _ in ctx.names.find(p.text)]
        for ref in ctx.references(p.text):
            if ref.kind is not RefKind.ARTICLE:
                continue
            before = [key for s, key in mentions if s < ref.start]
            if before:
                last = before[-1]
            key = _target(ctx, p.text, ref.end - len(ref.target), ref.target, last)
            if key is None:
                continue
            inst = _instrument(ctx, key)
            n = _ARTICLE_NUMBER.match(ref.article)
            if inst is None or n is None or inst.articles <= 0:
                continue
            if int(n.group(0)) > inst.articles:
                out.append(
                    ctx.finding(
                        "ARTICLE",
                        Severity.ERROR,
                        f"The {_short(inst)} has {inst.articles} articles; there is no "
                        f"article {ref.article}.",
                        ctx.at(p, ref.start, ref.end),
                        f"registry: {inst.full_title}, articles 1–{inst.articles}",
                    )
                )
        if mentions:
            last = mentions[-1][1]
    return out


def _target(ctx: CheckContext, text: str, start: int, target: str, last: str | None) -> str | None:
    if not target:
        return None
    pos = start + (4 if target.startswith("the ") else 0)
    hit = ctx.names.match_at(text, pos)
    if hit is not None:
        return hit[1]
    if _ANAPHORA.match(target):
        if target.split()[1].startswith("Convention"):
            found = ctx.facts.instrument_by_name("the Convention")
            return found.key if found else last
        return last
    found = ctx.facts.instrument_by_name(target)
    return found.key if found else None
