"""What every family of checks shares in one run: paragraphs in document order with their
derived labels, footnote numbers and sources, and references found once per text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Generic, TypeVar

from drafting_app.checks.facts import CorpusFacts, KnownText
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.checks.profile import CheckProfile
from drafting_app.citations.parse import citations_of
from drafting_app.citations.short_titles import InstrumentNames
from drafting_app.model.citation import Citation
from drafting_app.model.document import Document, Footnote, Form, Paragraph, Part
from drafting_app.model.numbering import footnote_numbers, format_label, style_for
from drafting_app.model.references import (
    Reference,
    find_articles,
    find_citations,
    find_cited_paragraphs,
    find_internal,
    find_symbols,
    find_treaty_citations,
)
from drafting_app.phrases import Opener, PhraseBook, default_phrasebook


@dataclass(slots=True)
class Entry:
    """A paragraph in document order: its part, derived label, depth, parent and siblings.

    ``group`` numbers the bodies of the text: 0 the document's own, 1… the lettered parts of
    a multi-part decision (each with its own chapeau and numbering); ``form`` is the layout
    of that body.
    """

    paragraph: Paragraph
    part: Part
    label: str
    depth: int
    order: int
    parent: Paragraph | None
    siblings: list[Paragraph]
    in_annex: bool = False
    chapeau: bool = False
    group: int = 0
    form: Form = Form.RESOLUTION


def _parents(paras: list[Paragraph]) -> dict[str, Paragraph]:
    return {c.id: p for top in paras for p in top.walk() for c in p.children}


def _number(
    out: list[tuple[Part, Paragraph, str, int]],
    part: Part,
    paras: list[Paragraph],
    form: Form,
    depth: int,
    lone: bool,
) -> None:
    """``paras`` and their sub-paragraphs in document order with the labels and depths
    model.numbering derives (a lone paragraph of a resolution unnumbered) — a plain walk,
    without the generators and objects of ``number_operative`` (made 800 times a check;
    tests/checks/test_context.py holds the two equal on every real text)."""
    style = style_for(form, depth)
    for i, p in enumerate(paras):
        out.append((part, p, "" if lone and depth == 0 else format_label(style, i + 1), depth))
        if p.children:
            _number(out, part, p.children, form, depth + 1, False)


@dataclass
class CheckContext:
    doc: Document
    facts: CorpusFacts
    profile: CheckProfile
    phrases: PhraseBook = field(default_factory=default_phrasebook)

    @cached_property
    def entries(self) -> list[Entry]:
        out: list[Entry] = []
        doc = self.doc
        bodies = [(doc.chapeau, doc.preamble, doc.operative, doc.form)]
        bodies += [(p.chapeau, p.preamble, p.operative, p.form) for p in doc.parts]
        for group, (chapeau, preamble, operative, form) in enumerate(bodies):
            if chapeau is not None:
                out.append(
                    Entry(
                        chapeau,
                        Part.PREAMBLE,
                        "",
                        0,
                        len(out),
                        None,
                        [chapeau],
                        False,
                        True,
                        group,
                        form,
                    )
                )
            parents = _parents([*preamble, *operative])
            numbered: list[tuple[Part, Paragraph, str, int]] = []
            for p in preamble:  # unnumbered; their sub-paragraphs (a), (i) …
                numbered.append((Part.PREAMBLE, p, "", 0))
                _number(numbered, Part.PREAMBLE, p.children, Form.RESOLUTION, 1, False)
            lone = form is Form.RESOLUTION and len(operative) == 1
            _number(numbered, Part.OPERATIVE, operative, form, 0, lone)
            for part, p, label, depth in numbered:
                parent = parents.get(p.id)
                siblings = (
                    parent.children
                    if parent
                    else (preamble if part is Part.PREAMBLE else operative)
                )
                out.append(
                    Entry(p, part, label, depth, len(out), parent, siblings, group=group, form=form)
                )
        for annex in doc.annexes:
            paras = annex.paragraphs()
            parents = _parents(paras)
            numbered = []
            _number(numbered, Part.OPERATIVE, paras, Form.RESOLUTION, 0, len(paras) == 1)
            for part, p, label, depth in numbered:
                parent = parents.get(p.id)
                siblings = parent.children if parent else paras
                out.append(Entry(p, part, label, depth, len(out), parent, siblings, True))
        return out

    def for_this_run(self, name: str) -> dict[str, Any]:
        """A dict kept for this run only, by note or paragraph id: what a family's key
        (runner.WHOLE_TEXT_KEYS) and the family itself both read of a note — what the words
        before its mark name — is worked out once a run, not once for each."""
        memo = self._this_run.get(name)
        if memo is None:
            memo = self._this_run[name] = {}
        return memo

    @cached_property
    def _this_run(self) -> dict[str, dict[str, Any]]:
        return {}

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.paragraph.id: e for e in self.entries}

    def paragraph(self, pid: str) -> Paragraph:
        return self.by_id[pid].paragraph

    def tops(self, part: Part) -> list[Entry]:
        """Top-level paragraphs of the body (not the chapeau, not annexes) of ``part``."""
        return self._tops[part]

    @cached_property
    def _tops(self) -> dict[Part, list[Entry]]:
        out: dict[Part, list[Entry]] = {Part.PREAMBLE: [], Part.OPERATIVE: []}
        for e in self.entries:
            if e.depth == 0 and not e.in_annex and not e.chapeau:
                out[e.part].append(e)
        return out

    def groups(self, part: Part) -> list[list[Entry]]:
        """The top-level paragraphs of ``part`` per body (the text, then each lettered
        part of a multi-part decision); asked by several families in one run."""
        return self._groups[part]

    @cached_property
    def _groups(self) -> dict[Part, list[list[Entry]]]:
        out: dict[Part, list[list[Entry]]] = {}
        for part, tops in self._tops.items():
            groups: dict[int, list[Entry]] = {}
            for e in tops:
                groups.setdefault(e.group, []).append(e)
            out[part] = list(groups.values())
        return out

    @cached_property
    def _preamble_position(self) -> dict[str, int]:
        """Place of each top-level preambular paragraph among its siblings (``describe``
        asked ``siblings.index`` for it: a walk of the preamble per finding)."""
        out: dict[str, int] = {}
        seen: set[int] = set()
        for e in self.entries:
            if e.depth == 0 and e.part is Part.PREAMBLE and id(e.siblings) not in seen:
                seen.add(id(e.siblings))
                for i, q in enumerate(e.siblings):
                    out.setdefault(q.id, i)
        return out

    @cached_property
    def footnote_by_id(self) -> dict[str, Footnote]:
        out: dict[str, Footnote] = {}
        for f in self.doc.footnotes:
            out.setdefault(f.id, f)
        return out

    @cached_property
    def numbers(self) -> dict[str, int]:
        return footnote_numbers(self.doc)

    @cached_property
    def footnotes(self) -> list[Footnote]:
        """Footnotes in their current numbering order."""
        return sorted(self.doc.footnotes, key=lambda f: self.numbers[f.id])

    @cached_property
    def sources(self) -> dict[str, Citation]:
        return citations_of(self.doc)

    @cached_property
    def anchor_of(self) -> dict[str, tuple[Paragraph, int]]:
        out: dict[str, tuple[Paragraph, int]] = {}
        for e in self.entries:
            for a in e.paragraph.anchors:
                out.setdefault(a.footnote_id, (e.paragraph, a.offset))
        return out

    def references(self, text: str) -> tuple[Reference, ...]:
        return references_in(text)

    def opener(self, text: str, part: Part) -> Opener | None:
        """The opening phrase of ``text`` read as ``part`` (memoized by the text's start)."""
        return split_opener(self.phrases, text, part)

    def cited_text(self, body: str, number: str, kind: str) -> KnownText | None:
        """A registry look-up, remembered for this facts object (a registry is built once
        and replaced, never changed, when the corpus grows)."""
        lookups = self._lookups
        key = (body, number, kind)
        known = lookups.get(key, _UNASKED)
        if known is _UNASKED:
            if len(lookups) > 65536:
                lookups.clear()
            known = lookups[key] = self.facts.cited_text(body, number, kind)
        return known  # type: ignore[return-value]

    @cached_property
    def _lookups(self) -> dict[tuple[str, str, str], KnownText | None]:
        return _lookups_of(self.facts)

    @cached_property
    def names(self) -> InstrumentNames:
        return instrument_names(self.facts)

    # -- building findings -------------------------------------------------------------------
    def at(self, p: Paragraph, start: int = 0, end: int = 0) -> Location:
        e = self.by_id.get(p.id)
        label = e.label if e else ""
        part = str(e.part) if e else ""
        return Location(part, p.id, label, None, start, end)

    def at_note(self, f: Footnote, start: int = 0, end: int = 0) -> Location:
        return Location("footnote", "", "", self.numbers.get(f.id), start, end, f.id)

    def finding(
        self,
        code: str,
        severity: Severity,
        message: str,
        where: Location,
        evidence: str = "",
        fix: Fix | None = None,
        cause: str = "",
    ) -> Finding:
        return Finding(code, severity, message, where, evidence, fix, cause)

    def preamble_position(self, p: Paragraph) -> int | None:
        """The place among its siblings of a top-level preambular paragraph (the number
        :meth:`describe` gives it), None for any other paragraph."""
        e = self.by_id.get(p.id)
        if e is None or e.chapeau or e.depth > 0 or e.part is not Part.PREAMBLE:
            return None
        return self._preamble_position[p.id]

    def describe(self, p: Paragraph) -> str:
        """ "operative paragraph 3", "preambular paragraph 2", "subparagraph (b)"."""
        e = self.by_id.get(p.id)
        if e is None:
            return "a paragraph"
        if e.chapeau:
            return "the opening paragraph"
        if e.depth > 0:
            return f"subparagraph {e.label}"
        if e.form is Form.DECISION and e.part is Part.OPERATIVE:
            return f"paragraph {e.label}"
        if e.part is Part.PREAMBLE:
            return f"preambular paragraph {self._preamble_position[p.id] + 1}"
        return (
            f"operative paragraph {e.label.rstrip('.')}" if e.label else "the operative paragraph"
        )


T = TypeVar("T")

# Checks run on every keystroke and most paragraphs do not change between runs: what
# depends on a text alone is remembered by text (bounded), never by paragraph id.
_OPENER_REACH = 120


@lru_cache(maxsize=16384)
def references_in(text: str) -> tuple[Reference, ...]:
    """What :func:`find_references` finds, remembered by text."""
    # Each finder of model.references behind letters its pattern cannot match without
    # (most texts cite no article and refer to no other paragraph), tested one by one on
    # the text as written (the patterns are case-sensitive): a generator per finder cost
    # as much as the finders on a cold check. tests/checks/test_context.py holds this
    # equal to find_references on every real text.
    refs: list[Reference] = []
    if "esolution" in text or "ecision" in text:
        refs += find_citations(text)
    if "vol" in text:
        refs += find_treaty_citations(text)
    if "/" in text:
        refs += find_symbols(text)
    if "rticle" in text:
        refs += find_articles(text)
    paragraph = "paragraph" in text
    if paragraph or "the present " in text:
        refs += find_internal(text)
    if paragraph:
        refs += find_cited_paragraphs(text)
    if len(refs) > 1:
        refs.sort(key=_span)
    return tuple(refs)


def _span(r: Reference) -> tuple[int, int]:
    return (r.start, r.end)


class ByText(Generic[T]):
    """Answers about a text read as a part of a resolution with one phrase book,
    remembered by the text alone (bounded). An ``lru_cache`` of (book, text, part) made a
    key tuple on every call, hit or not, and kept 2,000 of them after a cold check of a
    long draft for the cyclic collector's first pass to walk; here the key is the text."""

    def __init__(self) -> None:
        self.by_part: dict[Part, tuple[PhraseBook, dict[str, T]]] = {}
        _CLEAR_HOOKS.append(self.by_part.clear)

    def of(self, book: PhraseBook, part: Part) -> dict[str, T]:
        """The answers remembered for ``book`` and ``part`` (another book starts afresh)."""
        hit = self.by_part.get(part)
        if hit is None or hit[0] is not book:
            hit = self.by_part[part] = (book, {})
        elif len(hit[1]) >= _TEXTS_KEPT:
            hit[1].clear()
        return hit[1]


def split_opener(book: PhraseBook, text: str, part: Part) -> Opener | None:
    """The opening phrase of ``text`` read as ``part`` (memoized by the text's start)."""
    head = text[:_OPENER_REACH]
    hit = _SPLITS.by_part.get(part)  # an answer given before, without a call of of()
    if hit is not None and hit[0] is book and head in hit[1]:
        return hit[1][head]
    known = _SPLITS.of(book, part)
    found = known[head] = book.split(head, part)
    return found


def clear_text_caches() -> None:
    """Forget what was remembered by text (benchmarks measure a cold check with it)."""
    references_in.cache_clear()
    _LOOKUPS.clear()
    for names in (n for _, n in _NAMES_CACHE.values()):
        names.forget()
    for hook in _CLEAR_HOOKS:
        hook()


_CLEAR_HOOKS: list[Callable[[], None]] = []
_TEXTS_KEPT = 16384
_SPLITS: ByText[Opener | None] = ByText()


_UNASKED = object()  # a look-up not made yet (None is an answer: not in the corpus)
_LOOKUPS: dict[int, tuple[CorpusFacts, dict[tuple[str, str, str], KnownText | None]]] = {}


def _lookups_of(facts: CorpusFacts) -> dict[tuple[str, str, str], KnownText | None]:
    hit = _LOOKUPS.get(id(facts))
    if hit is not None and hit[0] is facts:
        return hit[1]
    _LOOKUPS.clear()
    lookups: dict[tuple[str, str, str], KnownText | None] = {}
    _LOOKUPS[id(facts)] = (facts, lookups)
    return lookups


_NAMES_CACHE: dict[int, tuple[CorpusFacts, InstrumentNames]] = {}


def instrument_names(facts: CorpusFacts) -> InstrumentNames:
    """The compiled instrument-name matcher of ``facts``, built once per facts object."""
    hit = _NAMES_CACHE.get(id(facts))
    if hit is not None and hit[0] is facts:
        return hit[1]
    names = InstrumentNames(facts.instruments())
    _NAMES_CACHE.clear()
    _NAMES_CACHE[id(facts)] = (facts, names)
    return names
