"""Error injection for the checker: each mutator takes a clean document and yields copies
with one real-world mistake of one family, with the paragraph or footnote it touched.

Used by tests/checks/test_mutations.py (detection per family) and
benchmarks/check_accuracy.py (recall table). Mutations are made with the same text-edit
functions the application uses, so footnote marks and italics stay where they belong.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from drafting_app.checks.facts import CorpusFacts
from drafting_app.checks.openers import embedded_verbs
from drafting_app.checks.profile import CheckProfile, profile_for
from drafting_app.citations.parse import attach_citations, citations_of
from drafting_app.citations.placement import footnote_needed, new_footnote
from drafting_app.citations.render import CitationRule, RepeatRule
from drafting_app.citations.short_titles import InstrumentNames, mentions
from drafting_app.citations.textedit import TextEdit, apply_edits
from drafting_app.model.citation import Citation, OfficialRecords, TextCitation, TreatyCitation
from drafting_app.model.document import Anchor, Document, Paragraph, Part
from drafting_app.model.numbering import footnote_numbers
from drafting_app.model.references import MONTHS, Reference, RefKind, find_references
from drafting_app.phrases import default_phrasebook


@dataclass(frozen=True)
class Mutant:
    """A mutated document; ``target`` is the paragraph or footnote id where the mistake is;
    ``profile`` the body settings to check it under (None: the text's own)."""

    family: str
    doc: Document
    target: str
    what: str
    profile: CheckProfile | None = None


Mutator = Callable[[Document, CorpusFacts], Iterator[Mutant]]
LIMIT = 6  # mutants per family and document: enough sites, a fast suite


def _edit(doc: Document, target: str, start: int, end: int, new: str, fn: bool = False) -> Document:
    return apply_edits(doc, [TextEdit(target, start, end, new, (), fn)])


def _body(doc: Document) -> Iterator[tuple[Part, Paragraph]]:
    yield from doc.body_paragraphs()


def _tops(doc: Document, part: Part) -> list[Paragraph]:
    return list(doc.preamble if part is Part.PREAMBLE else doc.operative)


def _group(family: str, doc: Document, p: Paragraph, m: re.Match[str], new: str) -> Mutant:
    """Replace group 1 of match ``m`` in paragraph ``p``."""
    return Mutant(
        family, _edit(doc, p.id, m.start(1), m.end(1), new), p.id, f"{m.group(0)} → {new}"
    )


def _cited(doc: Document) -> Iterator[tuple[Paragraph, Reference]]:
    """Resolutions and decisions cited in the body, with their paragraph."""
    for _, p in _body(doc):
        for r in find_references(p.text):
            if r.kind in (RefKind.RESOLUTION, RefKind.DECISION):
                yield p, r


def _replace(family: str, doc: Document, p: Paragraph, r: Reference, old: str, new: str) -> Mutant:
    start = p.text.index(old, r.start)
    return Mutant(family, _edit(doc, p.id, start, start + len(old), new), p.id, f"{old} → {new}")


def ref_date(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for p, r in _cited(doc):
        if r.date and r.date in r.text:
            day, month, year = r.date.split()
            yield _replace("REF-DATE", doc, p, r, r.date, f"{int(day) % 27 + 1} {month} {year}")


def ref_body(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    """A text attributed to the wrong body: the author's own text given to another body, or
    another body's text called "its"."""
    author = profile_for(doc).body
    for _, p in _body(doc):
        pattern = r"\b(its|General Assembly|Conference) (resolution|decision) (\d+/\d+)"
        for m in re.finditer(pattern, p.text):
            if p.text[: m.start()].endswith(", in "):  # "the General Assembly, in its resolution"
                continue
            own = m.group(1) == "its" or author.startswith(m.group(1))
            yield _group("REF-BODY", doc, p, m, "Economic and Social Council" if own else "its")


def ref_unknown(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for p, r in _cited(doc):
        if "/" in r.number:
            session, number = r.number.split("/", 1)
            yield _replace("REF-UNKNOWN", doc, p, r, r.number, f"{session}/9{number[:2]}")


def ref_order(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for _, p in _body(doc):
        items = [r for r in find_references(p.text) if r.kind is RefKind.RESOLUTION and r.date]
        for a, b in itertools.pairwise(items):
            gap = p.text[a.end : b.start]
            own_dates = a.date in a.text and b.date in b.text
            if (
                a.body != b.body
                or not own_dates
                or not re.fullmatch(r",?\s(?:and\s)?|,\s", gap)
                or a.date == b.date
            ):
                continue
            sa = p.text.index(a.number, a.start)
            sb = p.text.index(b.number, b.start)
            first, second = p.text[sa : a.end], p.text[sb : b.end]
            new = second + gap + first
            yield Mutant(
                "REF-ORDER", _edit(doc, p.id, sa, b.end, new), p.id, f"swap {a.number} {b.number}"
            )


def treaty(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    volumes = [i.unts_volume for i in facts.instruments()]
    for f in doc.footnotes:
        m = re.search(r"vol\. (\d+), No\. (\d+)", f.text)
        if m and m.group(1) in volumes:
            wrong = volumes[(volumes.index(m.group(1)) + 1) % len(volumes)]
            yield Mutant(
                "TREATY",
                _edit(doc, f.id, m.start(1), m.end(1), wrong, True),
                f.id,
                f"vol. {m.group(1)} → {wrong}",
            )
            wrong = m.group(1)[:2] + m.group(1)[3] + m.group(1)[2]
            if wrong not in volumes:
                yield Mutant(
                    "TREATY",
                    _edit(doc, f.id, m.start(1), m.end(1), wrong, True),
                    f.id,
                    f"vol. {m.group(1)} → {wrong}",
                )


def article(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    names = InstrumentNames(facts.instruments())
    for _, p in _body(doc):
        for m in re.finditer(
            r"\barticle (\d+)(?:, paragraph \d+(?: \([a-z]\))?,)? of (?:the )?", p.text
        ):
            hit = names.match_at(p.text, m.end())
            inst = facts.instrument(hit[1]) if hit else None
            if inst is None:
                continue
            wrong = str(inst.articles + 4)
            yield _group("ARTICLE", doc, p, m, wrong)


def ibid(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    numbers = footnote_numbers(doc)
    ordered = sorted(doc.footnotes, key=lambda f: numbers[f.id])
    sources = citations_of(doc)
    for i, f in enumerate(ordered):
        c = sources[f.id]
        if i == 0 and isinstance(c, TreatyCitation) and not f.text.startswith("Ibid"):
            new = f"Ibid., vol. {c.volumes[0]}, No. {c.number}."
            yield Mutant("IBID", _edit(doc, f.id, 0, len(f.text), new, True), f.id, "fn 1 → Ibid.")
        if i > 0 and f.text.startswith("Ibid., vol"):  # a bare Ibid. follows whatever precedes
            before = ordered[i - 1]
            yield Mutant(
                "IBID",
                _edit(doc, before.id, 0, len(before.text), "A/64/293.", True),
                f.id,
                "note before an Ibid. cites another source",
            )


def fn_number(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for i, f in enumerate(doc.footnotes):
        if i == 0 or f.source_number is None or not f.source_number.isdigit():
            continue
        for wrong, what in (
            (doc.footnotes[i - 1].source_number, "duplicate"),
            (str(int(f.source_number) + 1), "gap"),
        ):
            out = copy.deepcopy(doc)
            out.footnotes[i].source_number = wrong
            yield Mutant("FN-NUMBER", out, f.id, f"{what}: {f.source_number} → {wrong}")


def internal(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for _, p in _body(doc):
        for m in re.finditer(r"paragraph \d+ (above|below)", p.text):
            flip = "below" if m.group(1) == "above" else "above"
            yield Mutant(
                "INTERNAL",
                _edit(doc, p.id, m.start(1), m.end(1), flip),
                p.id,
                f"{m.group(0)} → {flip}",
            )
    if doc.operative and doc.form.value == "resolution":
        p = doc.operative[-1]
        end = len(p.text.rstrip(".;"))
        n = len(doc.operative) + 3
        yield Mutant(
            "INTERNAL",
            _edit(doc, p.id, end, end, f", as set out in paragraph {n} above"),
            p.id,
            f"reference to missing paragraph {n}",
        )
        if len(doc.operative) > 2:
            q = doc.operative[1]
            end = len(q.text.rstrip(".;"))
            yield Mutant(
                "INTERNAL",
                _edit(doc, q.id, end, end, f", as set out in paragraph {len(doc.operative)} above"),
                q.id,
                "reference points the wrong way",
            )


def short_title(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    names = InstrumentNames(facts.instruments())
    seen: set[str] = set()
    for m in mentions(doc, names):
        if m.key in seen:
            continue
        seen.add(m.key)
        if m.full:
            short = names.short_title(m.key)
            yield Mutant(
                "SHORT-TITLE",
                _edit(doc, m.paragraph_id, m.start, m.end, short),
                m.paragraph_id,
                f"first mention written {short}",
            )


def opener(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    book = default_phrasebook()
    for part, wrong in ((Part.PREAMBLE, "Requests"), (Part.OPERATIVE, "Recalling")):
        for p in _tops(doc, part)[:3]:
            o = book.split(p.text, part)
            if o is None:
                continue
            yield Mutant(
                "OPENER", _edit(doc, p.id, 0, len(o.text), wrong), p.id, f"{o.text} → {wrong}"
            )
            yield Mutant(
                "OPENER", _edit(doc, p.id, 0, 1, p.text[0].lower()), p.id, "lower-case opener"
            )


def ladder(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    book = default_phrasebook()
    for part in (Part.PREAMBLE, Part.OPERATIVE):
        seen: set[str] = set()
        for p in _tops(doc, part):
            o = book.split(p.text, part)
            if o is None:
                seen |= embedded_verbs(book.split, p.text, part)
                continue
            base = o.base.split()[0].lower()
            if base not in seen and not o.adverb:
                if part is Part.OPERATIVE:
                    new = "Also " + o.text[0].lower() + o.text[1:]
                elif o.text.split()[-1] in ("of", "with", "that"):  # "Taking note also of"
                    head, last = o.text.rsplit(" ", 1)
                    new = f"{head} also {last}"
                else:
                    new = o.text + " also"
                yield Mutant(
                    "LADDER", _edit(doc, p.id, 0, len(o.text), new), p.id, f"{o.text} → {new}"
                )
            seen.add(base)
            # "…, and requests the Secretary-General …" before it: an "Also requests" there
            # is adopted practice (decision 10/CMA.3), not a mistake to inject
            seen |= embedded_verbs(book.split, p.text, part)


_SWAP = {",": ";", ";": ",", ".": ";", ":": ";"}


def punct(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for _, p in _body(doc):
        text = p.text.rstrip()
        if text and text[-1] in _SWAP:
            yield Mutant(
                "PUNCT",
                _edit(doc, p.id, len(text) - 1, len(text), _SWAP[text[-1]]),
                p.id,
                f"closing {text[-1]} → {_SWAP[text[-1]]}",
            )


_DATE_RE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


def date(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    for _, p in _body(doc):
        for m in _DATE_RE.finditer(p.text):
            us = f"{m.group(2)} {m.group(1)}, {m.group(3)}"
            yield Mutant(
                "DATE", _edit(doc, p.id, m.start(), m.end(), us), p.id, f"{m.group(0)} → {us}"
            )
            if m.group(2) in ("April", "June", "September", "November", "February"):
                continue
            bad = f"32 {m.group(2)} {m.group(3)}"
            yield Mutant(
                "DATE", _edit(doc, p.id, m.start(), m.end(), bad), p.id, f"{m.group(0)} → {bad}"
            )


_SYMBOL_RE = re.compile(r"\b(?:A|E|CTOC|CEDAW)/[A-Z][\w./]*\d")


def symbol(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    def bad(s: str) -> str | None:
        if re.search(r"/L\.\d", s):
            return re.sub(r"/L\.(\d)", r"/L\1", s)
        return s.replace("/", "//", 1)

    for _, p in _body(doc):
        for m in _SYMBOL_RE.finditer(p.text):
            wrong = bad(m.group(0))
            if wrong:
                yield Mutant(
                    "SYMBOL",
                    _edit(doc, p.id, m.start(), m.end(), wrong),
                    p.id,
                    f"{m.group(0)} → {wrong}",
                )
    for f in doc.footnotes:
        for m in _SYMBOL_RE.finditer(f.text):
            wrong = bad(m.group(0))
            if wrong:
                yield Mutant(
                    "SYMBOL",
                    _edit(doc, f.id, m.start(), m.end(), wrong, True),
                    f.id,
                    f"{m.group(0)} → {wrong}",
                )


_CAPITALIZED_RE = re.compile(
    r"\b(?:Member States?|General Assembly|Secretary-General|Security Council|"
    r"Economic and Social Council|States parties|State party|United Nations)\b"
)


def capitals(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    """A name of the Organization or an organ written in lower case ("member states")."""
    for _, p in _body(doc):
        for m in _CAPITALIZED_RE.finditer(p.text):
            low = m.group(0).lower()
            yield Mutant(
                "CAPITALS", _edit(doc, p.id, m.start(), m.end(), low), p.id, f"{m.group(0)} → {low}"
            )


def fn_mark(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    """A footnote mark put before the comma or semicolon it follows ("Crime¹,")."""
    for _, p in _body(doc):
        for i, a in enumerate(p.anchors):
            if a.offset > 1 and p.text[a.offset - 1] in ",;" and p.text[a.offset - 2] != " ":
                out = copy.deepcopy(doc)
                q = out.paragraph(p.id)
                q.anchors[i] = Anchor(a.offset - 1, a.footnote_id)
                yield Mutant("FN-MARK", out, p.id, f"mark before the “{p.text[a.offset - 1]}”")


OLDER = CitationRule(repeat=RepeatRule.FIRST_OPERATIVE)


def _without_note(doc: Document, footnote_id: str) -> Document:
    out = copy.deepcopy(doc)
    attach_citations(out)  # a later bare "Ibid." keeps the source it had
    for p in out.all_paragraphs():
        p.anchors = [a for a in p.anchors if a.footnote_id != footnote_id]
    out.footnotes = [f for f in out.footnotes if f.id != footnote_id]
    return out


def fn_operative(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    """Under the older rule, the note repeated at the first operative mention removed (the
    oracle is citations.placement, not the checker)."""
    profile = dataclasses.replace(profile_for(doc), citation=OLDER)
    sources = citations_of(doc)
    in_preamble = [
        sources[a.footnote_id] for part, p in _body(doc) if part is Part.PREAMBLE for a in p.anchors
    ]
    for part, p in _body(doc):
        if part is not Part.OPERATIVE:
            continue
        for a in p.anchors:
            source = sources[a.footnote_id]
            if source not in in_preamble:
                continue  # a first mention, not a repeat
            out = _without_note(doc, a.footnote_id)
            if footnote_needed(out, p.id, source, OLDER):
                yield Mutant("FN-OPERATIVE", out, p.id, "first-operative repeat removed", profile)


def _redated(c: TextCitation, body: str, facts: CorpusFacts) -> TextCitation | None:
    """The citation with another date, or with the date its first note leaves out."""
    if c.date:
        day, rest = c.date.split(" ", 1)
        return dataclasses.replace(c, date=f"{int(day) % 27 + 1} {rest}")
    known = facts.cited_text(body, c.number, c.kind)
    return dataclasses.replace(c, date=known.date) if known and known.date else None


def _repeated_otherwise(c: Citation, body: str, facts: CorpusFacts) -> tuple[Citation, str] | None:
    """A repeat of source ``c`` that differs from it: a resolution with another date (or a
    date its note leaves out), Official Records with another document symbol."""
    if isinstance(c, TextCitation):
        new = _redated(c, body, facts)
        return (new, f"repeat of “{c.number}” dated {new.date}") if new else None
    if isinstance(c, OfficialRecords) and c.symbol[-1:].isdigit():
        symbol = c.symbol[:-1] + str((int(c.symbol[-1]) + 1) % 10)
        return dataclasses.replace(c, symbol=symbol), f"repeat of {c.symbol} as {symbol}"
    return None


def fn_repeat(doc: Document, facts: CorpusFacts) -> Iterator[Mutant]:
    """A note repeated at a later mention of what it cites, differing from the first."""
    names = InstrumentNames(facts.instruments())
    profile = profile_for(doc)
    sources = citations_of(doc)
    body = [p for _, p in _body(doc)]
    for i, p in enumerate(body):
        for a in p.anchors:
            c = sources[a.footnote_id]
            own = profile.body_of(c.body or "its") if isinstance(c, TextCitation) else ""
            changed = _repeated_otherwise(c, own, facts)
            if changed is None:
                continue
            before = len(p.text[: a.offset].rstrip(" ,;:."))
            keys = [key for _s, e, _n, key, _f in names.find(p.text) if e == before]
            place = _later_mention(body[i + 1 :], names, keys[0]) if keys else None
            if keys and place is None:
                continue
            q, offset = place or (body[-1], len(body[-1].text))
            out = copy.deepcopy(doc)
            attach_citations(out)
            note = new_footnote(changed[0])
            out.footnotes.append(note)
            anchors = out.paragraph(q.id).anchors
            anchors.append(Anchor(offset, note.id))
            anchors.sort(key=lambda x: x.offset)
            yield Mutant("FN-REPEAT", out, note.id, changed[1])


def _later_mention(
    paras: list[Paragraph], names: InstrumentNames, key: str
) -> tuple[Paragraph, int] | None:
    for q in paras:
        for _s, e, _n, k, _f in names.find(q.text):
            if k == key:
                return q, e + (1 if q.text[e : e + 1] in (",", ";") else 0)
    return None


MUTATORS: dict[str, Mutator] = {
    "REF-DATE": ref_date,
    "REF-UNKNOWN": ref_unknown,
    "REF-BODY": ref_body,
    "REF-ORDER": ref_order,
    "TREATY": treaty,
    "ARTICLE": article,
    "IBID": ibid,
    "FN-NUMBER": fn_number,
    "FN-REPEAT": fn_repeat,
    "FN-OPERATIVE": fn_operative,
    "INTERNAL": internal,
    "SHORT-TITLE": short_title,
    "OPENER": opener,
    "LADDER": ladder,
    "PUNCT": punct,
    "DATE": date,
    "SYMBOL": symbol,
    "CAPITALS": capitals,
    "FN-MARK": fn_mark,
}


def mutants(
    doc: Document, facts: CorpusFacts, family: str, limit: int | None = LIMIT
) -> list[Mutant]:
    out: list[Mutant] = []
    for m in MUTATORS[family](doc, facts):
        out.append(m)
        if limit is not None and len(out) >= limit:
            break
    return out


def detected(m: Mutant, facts: CorpusFacts) -> bool:
    """Whether the checker reports the injected mistake where it was made."""
    from drafting_app.checks.runner import run_checks

    for f in run_checks(m.doc, facts, m.profile):
        loc = f.location
        if f.code == m.family and m.target in (loc.paragraph_id, loc.footnote_id):
            return True
    return False


@dataclass
class Score:
    found: int = 0
    total: int = 0
    missed: list[str] | None = None

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else float("nan")


def recall(
    docs: dict[str, Document], facts: CorpusFacts, limit: int | None = LIMIT
) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for family in MUTATORS:
        s = scores[family] = Score(missed=[])
        for name, doc in docs.items():
            for m in mutants(doc, facts, family, limit):
                s.total += 1
                if detected(m, facts):
                    s.found += 1
                else:
                    assert s.missed is not None
                    s.missed.append(f"{name}: {m.what}")
    return scores
