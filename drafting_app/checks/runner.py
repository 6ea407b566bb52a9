"""Running every family of checks over a document, in a deterministic order — and again
after an edit, recomputing only the paragraphs and footnotes it touched.

Most families judge one paragraph or one footnote at a time (its dates, symbols, capitals,
spacing, citations, marks, opening phrase, closing punctuation): their findings are kept
per paragraph and per footnote with everything they were computed from (the text, its
italics and marks, its place: part, label, the name the message gives it, the numbers of
its notes, the punctuation its place wants). A :class:`Checker` kept for a draft reuses
them while that key is unchanged. The families of the whole text (footnote numbering,
Ibid. chains, internal references, repeats, the ladder, short titles, treaties and
articles) are computed again on each run from the per-text facts the context remembers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import blake2b
from json.encoder import c_encode_basestring, c_make_encoder  # type: ignore[attr-defined]

from drafting_app import collector
from drafting_app.checks.capitalization import capitals_in_note, capitals_in_paragraph
from drafting_app.checks.causes import one_per_cause
from drafting_app.checks.clean import clean_text, learn
from drafting_app.checks.completeness import check_completeness, check_formula
from drafting_app.checks.context import CheckContext, Entry
from drafting_app.checks.dates import dates_in_note, dates_in_paragraph
from drafting_app.checks.facts import CorpusFacts
from drafting_app.checks.findings import Finding, Severity
from drafting_app.checks.footnotes import check_ibid, check_numbering, ibid_key, numbering_key
from drafting_app.checks.internal import check_internal
from drafting_app.checks.marks import marks_in
from drafting_app.checks.negotiation import CODES as NEGOTIATION_CODES
from drafting_app.checks.negotiation import check_negotiation
from drafting_app.checks.openers import check_ladder, check_tenses, opener_finding, opener_parts
from drafting_app.checks.profile import CheckProfile, profile_for
from drafting_app.checks.punctuation import Closing, closing_finding, closings, document_punctuation
from drafting_app.checks.references import references_in_note, references_in_paragraph
from drafting_app.checks.repeats import check_repeats, repeats_key
from drafting_app.checks.short_titles import check_short_titles
from drafting_app.checks.spacing import empty_paragraph, spacing_in
from drafting_app.checks.symbols import symbols_in_note, symbols_in_paragraph
from drafting_app.checks.treaties import check_articles, check_treaties, treaties_key
from drafting_app.model.document import SOURCE_CUT, Document, Footnote, Part
from drafting_app.yielding import checkpoint

Family = Callable[[CheckContext], list[Finding]]

# The families of the whole text, computed on every run. REF-DATE, REF-UNKNOWN, REF-BODY
# and REF-ORDER come from one pass per text, and FN-REPEAT and FN-OPERATIVE from another.
WHOLE_TEXT: dict[str, Family] = {
    "MISSING": check_completeness,
    "FORMULA": check_formula,
    "TREATY": check_treaties,
    "ARTICLE": check_articles,
    "IBID": check_ibid,
    "FN-NUMBER": check_numbering,
    "FN-REPEAT": check_repeats,
    "INTERNAL": check_internal,
    "SHORT-TITLE": check_short_titles,
    "OPENER": check_tenses,
    "LADDER": check_ladder,
    "PUNCT": document_punctuation,
    "NEGO": check_negotiation,
}

# What some of them read, as a key (None: not kept this run): a checker reuses the
# family's findings of its last run while the key is unchanged. The footnote families
# read the notes and their marks' places only, not the words of the paragraphs: typing
# in a paragraph without a mark leaves them as they were (4-6 ms of a re-check). The
# corpus and the profile are not in the keys: another one starts the checker afresh.
WHOLE_TEXT_KEYS: dict[str, Callable[[CheckContext], object]] = {
    "TREATY": treaties_key,
    "IBID": ibid_key,
    "FN-NUMBER": numbering_key,
    "FN-REPEAT": repeats_key,
}

CODES = (
    "MISSING", "FORMULA", "REF-DATE", "REF-UNKNOWN", "REF-BODY", "REF-ORDER", "TREATY",
    "ARTICLE", "IBID", "FN-NUMBER", "FN-REPEAT", "FN-OPERATIVE", "FN-MARK", "INTERNAL",
    "SHORT-TITLE", "OPENER", "LADDER", "PUNCT", "DATE", "SYMBOL", "CAPITALS", "SPACING",
    *NEGOTIATION_CODES,
)  # fmt: skip

_SEVERITY_ORDER = {s: i for i, s in enumerate(Severity)}


def paragraph_findings(
    ctx: CheckContext, e: Entry, closing: Closing | None, opener: Part | None
) -> list[Finding]:
    """Every finding of the families that judge one paragraph alone."""
    p = e.paragraph
    out = references_in_paragraph(ctx, p)
    out += marks_in(ctx, p)
    for one in (opener_finding(ctx, e, opener), closing_finding(ctx, e, closing)):
        if one is not None:
            out.append(one)
    clean = clean_text(p.text)
    if not clean:
        out += dates_in_paragraph(ctx, p)
        out += symbols_in_paragraph(ctx, p)
        out += capitals_in_paragraph(ctx, p)
    empty = empty_paragraph(ctx, p)
    if empty is not None:
        out.append(empty)
    if not clean:
        out += spacing_in(ctx, p.text, lambda s, e: ctx.at(p, s, e), p.id, False)
    return out


def note_findings(ctx: CheckContext, f: Footnote) -> list[Finding]:
    """Every finding of the families that judge one footnote alone."""
    out = references_in_note(ctx, f)
    if not clean_text(f.text):
        out += dates_in_note(ctx, f)
        out += symbols_in_note(ctx, f)
        out += capitals_in_note(ctx, f)
        out += spacing_in(ctx, f.text, lambda s, e: ctx.at_note(f, s, e), f.id, True)
    return out


Key = tuple[object, ...]


def paragraph_key(ctx: CheckContext, e: Entry, closing: Closing | None, opener: Part | None) -> Key:
    """Everything :func:`paragraph_findings` reads of a paragraph and its place."""
    p = e.paragraph
    return (
        p.text,
        tuple(p.italics),
        tuple(p.anchors),
        tuple(ctx.numbers.get(a.footnote_id) for a in p.anchors) if p.anchors else (),
        bool(p.children),
        p.provenance.get(SOURCE_CUT) if p.provenance else None,
        e.part,
        e.label,
        e.depth,
        e.form,
        e.chapeau,
        e.in_annex,
        e.parent is not None,
        e.siblings[-1] is p,
        # what ctx.describe(p) reads besides the place above (its words are built only
        # for a finding)
        ctx.preamble_position(p),
        closing,
        opener,
    )


def _fields_of(record: object) -> list[object]:
    """A frozen record of a key (a span, a mark, a citation) as its type's name and its
    fields; anything else in a key is not digested (TypeError: the key is never found)."""
    names = getattr(type(record), "__dataclass_fields__", None)
    if names is None:
        raise TypeError(f"{type(record).__name__} in a check's key")
    return [type(record).__qualname__, *[getattr(record, n) for n in names]]


# JSON by the json module's C encoder (texts, numbers, enums by their values, tuples and
# lists, maps; records as their type's name and fields): 1,200 keys of an 800 / 400 draft
# in ~2.5 ms, where repr (the enums' and records' Python-level __repr__) took 4.
_encode: Callable[[object, int], list[str]] = (
    c_make_encoder(None, _fields_of, c_encode_basestring, None, ":", ",", False, False, True)
    if c_make_encoder is not None and c_encode_basestring is not None
    else lambda value, _: [json.dumps(value, default=_fields_of, separators=(",", ":"))]
)


def canonical(value: object) -> str | None:
    """``value`` written the same way in every process (unlike ``hash()``, salted per
    process), or None when it holds what has no such writing (a set, an object that is
    not a record)."""
    try:
        return "".join(_encode(value, 0))
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None


def key_digest(kind: str, ident: str, key: object) -> str | None:
    """A digest of what a paragraph's ("p"), footnote's ("n") or whole-text family's ("f")
    findings were computed from — its id (its findings name it) and its key — the same in
    every process (:func:`canonical`): how a checker's results are found again in the
    memo of a draft's last session (drafting_app.checks.memo). None for a key holding
    what has no canonical writing: such results are not kept on disk."""
    text = canonical((kind, ident, key))
    return None if text is None else blake2b(text.encode(), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Seed:
    """What a draft's checker found in an earlier session, by :func:`key_digest`: the
    paragraphs and footnotes it found nothing in (``clean``), the findings of the others
    (``found``, as the families gave them, before :func:`one_per_cause` merges them), and
    each kept whole-text family's key digest and findings."""

    clean: frozenset[str]
    found: dict[str, list[Finding]]
    families: dict[str, tuple[str, list[Finding]]]

    def findings(self, kind: str, ident: str, key: Key) -> list[Finding] | None:
        digest = key_digest(kind, ident, key)
        if digest is None:
            return None
        if digest in self.clean:
            return []
        return self.found.get(digest)


# What a checker kept from its last run, as :meth:`Checker.kept` gives it.
Kept = tuple[
    dict[str, tuple[Key, list[Finding]]],
    dict[str, tuple[Key, list[Finding]]],
    dict[str, tuple[object, list[Finding]]],
]


class Checker:
    """The checks of one open draft, kept from one run to the next: a run after an edit
    recomputes the per-paragraph and per-footnote findings only where their key changed
    (texts are compared, not trusted to an edit's report), and the whole-text families.
    A new corpus (``facts``) or another profile starts afresh. A checker may be seeded
    with what the draft's checker found in an earlier session (:meth:`seed`): its first
    run then judges only what differs from then, as a run after an edit."""

    def __init__(self) -> None:
        self._facts: CorpusFacts | None = None
        self._profile: CheckProfile | None = None
        self._paragraphs: dict[str, tuple[Key, list[Finding]]] = {}
        self._notes: dict[str, tuple[Key, list[Finding]]] = {}
        self._families: dict[str, tuple[object, list[Finding]]] = {}
        self._seed: Seed | None = None
        # (paragraphs, footnotes) recomputed by the last run: what an edit touched.
        self.recomputed = (0, 0)

    def seed(self, facts: CorpusFacts, profile: CheckProfile, seed: Seed) -> None:
        """Start from ``seed``, found with ``facts`` and ``profile`` (by this code: the
        memo checks that): the next run with them reuses its results where the digest of a
        paragraph's, footnote's or family's key is one it holds. Used by that run only."""
        self._facts, self._profile = facts, profile
        self._paragraphs, self._notes, self._families = {}, {}, {}
        self._seed = seed

    def kept(self, facts: CorpusFacts, profile: CheckProfile) -> Kept | None:
        """What the last run kept (its dicts are replaced by the next run, never changed:
        they may be read on another thread), if it ran with ``facts`` and ``profile``."""
        if facts is not self._facts or profile != self._profile:
            return None
        return self._paragraphs, self._notes, self._families

    def run(
        self, doc: Document, facts: CorpusFacts, profile: CheckProfile | None = None
    ) -> list[Finding]:
        """Every finding for ``doc``, as :func:`run_checks` gives it."""
        profile = profile or profile_for(doc)
        if facts is not self._facts or profile != self._profile:
            self._facts, self._profile = facts, profile
            self._paragraphs, self._notes, self._families = {}, {}, {}
            self._seed = None
        seed, self._seed = self._seed, None
        # A check makes tens of thousands of objects (references, findings, keys) and no
        # reference cycles: the collector's passes over them were 2-4 ms of a cold check of
        # a long draft (tests/checks/test_check_collector.py: no garbage left behind).
        with collector.paused(freeze=False):
            ctx = CheckContext(doc, facts, profile)
            findings = self._whole_text(ctx, seed)
            findings += self._per_text(ctx, seed)
            return _in_order(ctx, findings)

    def _whole_text(self, ctx: CheckContext, seed: Seed | None) -> list[Finding]:
        kept, families = self._families, {}
        out: list[Finding] = []
        for code, family in WHOLE_TEXT.items():
            checkpoint()  # a worker's pause while a turn of the window runs (issue 21 §6)
            reads = WHOLE_TEXT_KEYS.get(code)
            key = None if reads is None else reads(ctx)
            if key is None:
                out += family(ctx)
                continue
            hit = kept.get(code)
            if hit is not None and hit[0] == key:
                found = hit[1]
            else:
                old = None if seed is None else seed.families.get(code)
                same = old is not None and old[0] == key_digest("f", code, key)
                found = old[1] if old is not None and same else family(ctx)
            families[code] = (key, found)
            out += found
        self._families = families
        return out

    def _per_text(self, ctx: CheckContext, seed: Seed | None) -> list[Finding]:
        wanted = closings(ctx)
        openers = opener_parts(ctx)
        kept, paragraphs = self._paragraphs, {}
        places: list[tuple[Entry, Closing | None, Part | None, Key, list[Finding] | None]] = []
        for e in ctx.entries:
            pid = e.paragraph.id
            closing, opener = wanted.get(pid), openers.get(pid)
            key = paragraph_key(ctx, e, closing, opener)
            hit = kept.get(pid)
            found = hit[1] if hit and hit[0] == key else None
            if found is None and seed is not None:
                found = seed.findings("p", pid, key)
            places.append((e, closing, opener, key, found))
        kept_notes, notes = self._notes, {}
        note_places: list[tuple[Footnote, Key, list[Finding] | None]] = []
        for f in ctx.footnotes:
            note_key: Key = (f.text, ctx.numbers.get(f.id))
            hit = kept_notes.get(f.id)
            found = hit[1] if hit and hit[0] == note_key else None
            if found is None and seed is not None:
                found = seed.findings("n", f.id, note_key)
            note_places.append((f, note_key, found))
        # The texts to judge again, told at once which of them the text-alone families
        # have nothing to say about (drafting_app.checks.clean).
        learn(
            [e.paragraph.text for e, _, _, _, found in places if found is None]
            + [f.text for f, _, found in note_places if found is None]
        )
        out: list[Finding] = []
        done = 0
        for e, closing, opener, key, found in places:
            if found is None:
                checkpoint()
                found = paragraph_findings(ctx, e, closing, opener)
                done += 1
            paragraphs[e.paragraph.id] = (key, found)
            out += found
        done_notes = 0
        for f, note_key, found in note_places:
            if found is None:
                checkpoint()
                found = note_findings(ctx, f)
                done_notes += 1
            notes[f.id] = (note_key, found)
            out += found
        self._paragraphs, self._notes = paragraphs, notes
        self.recomputed = (done, done_notes)
        return out


def run_checks(
    doc: Document, facts: CorpusFacts, profile: CheckProfile | None = None
) -> list[Finding]:
    """Every finding for ``doc``: in document order (paragraphs, then footnotes), then by
    position, severity and code — the same input always gives the same list."""
    return Checker().run(doc, facts, profile)


def _in_order(ctx: CheckContext, findings: list[Finding]) -> list[Finding]:
    order = {e.paragraph.id: e.order for e in ctx.entries}
    far = len(order) + 1

    def key(f: Finding) -> tuple[int, int, int, int, str, str]:
        loc = f.location
        if loc.footnote_number is not None:
            place = far + loc.footnote_number
        elif loc.paragraph_id:
            place = order.get(loc.paragraph_id, far)
        else:
            place = -1
        return (place, loc.start, loc.end, _SEVERITY_ORDER[f.severity], f.code, f.message)

    return one_per_cause(ctx, sorted(findings, key=key))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
