"""Where a negotiation stands, the clean text for the next round and the final text.

- :func:`summary`: counts by status, the open paragraphs, brackets, alternatives and
  proposals left, proposals by author (``drafting-app status``, the negotiation panel);
- :func:`clean_document`: the next round's text: proposals and comments dropped, deleted
  paragraphs out, labels, brackets, alternatives and statuses kept;
- :func:`final_document`: the text as adopted: no labels, deleted paragraphs out, numbers,
  the verb ladder and closing punctuation recomputed, references to labels ("paragraph 5
  bis above") rewritten to the final numbers. Refused, with the list of what remains, while
  brackets, alternatives or open proposals remain.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from drafting_app.errors import DraftingError
from drafting_app.model.changes import Compound
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.ladder import ladder_fixes, read_rung
from drafting_app.model.negotiation import Negotiation, Record, Status
from drafting_app.model.negotiation_labels import LATIN, full_labels, local_labels
from drafting_app.model.numbering import operative_labels
from drafting_app.model.profiles import BodyProfile
from drafting_app.model.punctuation import punctuation_fixes
from drafting_app.model.text_edits import splice
from drafting_app.phrases import PhraseBook, default_phrasebook


class UnresolvedError(DraftingError):
    """The final text cannot be made yet: ``blockers`` says what remains, paragraph by
    paragraph."""

    def __init__(self, blockers: list[str]) -> None:
        head = (
            "The final text cannot be made while brackets, alternatives or open proposals remain:"
        )
        super().__init__("\n".join([head, *(f"  {b}" for b in blockers)]))
        self.blockers = blockers


@dataclass
class Summary:
    """A negotiation at a glance."""

    round: int
    by_status: dict[str, int]
    open_paragraphs: list[str]
    bracketed: list[str]
    brackets: int
    alternatives: int
    proposals: int
    proposals_by_author: dict[str, int]
    blockers: list[str] = field(default_factory=list)

    @property
    def final_ready(self) -> bool:
        return not self.blockers

    def as_dict(self) -> dict[str, object]:
        return {
            "round": self.round,
            "by_status": dict(self.by_status),
            "open_paragraphs": list(self.open_paragraphs),
            "bracketed_paragraphs": list(self.bracketed),
            "brackets": self.brackets,
            "alternatives": self.alternatives,
            "open_proposals": self.proposals,
            "proposals_by_author": dict(self.proposals_by_author),
            "final_ready": self.final_ready,
            "blockers": list(self.blockers),
        }


def negotiated(doc: Document) -> Negotiation:
    if doc.negotiation is None:
        raise DraftingError("The draft is not in negotiation (Negotiation › Start negotiation).")
    return doc.negotiation


def records(doc: Document) -> list[tuple[Paragraph, Record]]:
    """The labelled paragraphs of the text, in document order."""
    nego = negotiated(doc)
    out = []
    for p in doc.all_paragraphs():
        r = nego.records.get(p.id)
        if r is not None:
            out.append((p, r))
    return out


def _blocker(label: str, r: Record) -> str:
    what = []
    if r.brackets:
        what.append(f"{len(r.brackets)} bracket{'s' if len(r.brackets) > 1 else ''}")
    if r.alternatives:
        n = len(r.alternatives)
        what.append(f"{n} alternative set{'s' if n > 1 else ''}")
    if r.paragraph_alternatives:
        what.append(f"{len(r.paragraph_alternatives) + 1} alternative paragraphs")
    if r.proposals:
        authors = ", ".join(dict.fromkeys(q.author for q in r.proposals))
        n = len(r.proposals)
        what.append(f"{n} open proposal{'s' if n > 1 else ''} ({authors})")
    if r.open_new_paragraph and r.origin is not None:
        what.append(f"a new paragraph proposed by {r.origin.author} not yet accepted")
    return f"{label}: {', '.join(what)}"


def summary(doc: Document) -> Summary:
    nego = negotiated(doc)
    labels = full_labels(doc, nego)
    by_status: Counter[str] = Counter({s.words: 0 for s in Status})
    authors: Counter[str] = Counter()
    out = Summary(nego.round, {}, [], [], 0, 0, 0, {})
    for p, r in records(doc):
        label = labels.get(p.id, r.label)
        by_status[r.status.words] += 1
        if r.status.is_open:
            out.open_paragraphs.append(label)
        if r.status is Status.DELETED:
            continue  # a deleted paragraph leaves the text with all it holds
        if r.brackets or r.alternatives:
            out.bracketed.append(label)
        out.brackets += len(r.brackets)
        out.alternatives += len(r.alternatives) + (1 if r.paragraph_alternatives else 0)
        out.proposals += r.open_proposals()
        authors.update(q.author for q in r.proposals)
        if r.open_new_paragraph and r.origin is not None:
            authors[r.origin.author] += 1
        if r.unresolved():
            out.blockers.append(_blocker(label, r))
    out.by_status = dict(by_status)
    out.proposals_by_author = dict(sorted(authors.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def _drop_deleted(doc: Document, nego: Negotiation, *, proposed: bool = False) -> None:
    """Take deleted paragraphs (and, ``proposed``, new ones not accepted) out of ``doc``,
    with the footnotes marked only there."""
    gone = {
        pid
        for pid, r in nego.records.items()
        if r.status is Status.DELETED or (proposed and r.open_new_paragraph)
    }

    def keep(paras: list[Paragraph]) -> list[Paragraph]:
        kept = [p for p in paras if p.id not in gone]
        for p in kept:
            p.children = keep(p.children)
        return kept

    doc.preamble = keep(doc.preamble)
    doc.operative = keep(doc.operative)
    marked = {a.footnote_id for p in doc.all_paragraphs() for a in p.anchors}
    doc.footnotes = [f for f in doc.footnotes if f.id in marked]


def clean_document(doc: Document) -> Document:
    """The clean text for the next round (a copy): deleted paragraphs out, proposals not
    taken up dropped (a new paragraph not accepted included), comments dropped; labels,
    statuses, brackets and alternatives kept."""
    out = copy.deepcopy(doc)
    nego = negotiated(out)
    _drop_deleted(out, nego, proposed=True)
    present = {p.id for p in out.all_paragraphs()}
    nego.records = {
        pid: replace(r, proposals=(), comments=())
        for pid, r in nego.records.items()
        if pid in present
    }
    return out


# "paragraph 5 bis above", "subparagraph (a) of paragraph 5 ter of the present resolution":
# an internal reference names a label while the text is negotiated.
_LABEL_REF_RE = re.compile(
    r"\b(?:sub)?paragraphs?\s(?P<num>\d+)(?P<suffix>\s(?:" + "|".join(LATIN) + r"))?"
    r"(?=(?:\s\([a-z]+\))?(?:\s(?:above|below)\b|\sof\sthe\spresent\s(?:resolution|decision)))"
)


def label_references(text: str) -> list[tuple[int, int, str]]:
    """Internal references to operative paragraphs in ``text``: ``(start, end, label)`` of
    the number and its suffix ("paragraph 5 bis above" → the span of "5 bis", "OP5 bis")."""
    out = []
    for m in _LABEL_REF_RE.finditer(text):
        suffix = (m.group("suffix") or "").strip()
        label = f"OP{m.group('num')}" + (f" {suffix}" if suffix else "")
        out.append((m.start("num"), m.end(), label))
    return out


def final_numbers(doc: Document) -> dict[str, str]:
    """Operative label → its number in the final text ("OP5 bis" → "6"), for the
    operative paragraphs that stay."""
    final = _without_deleted(doc)
    numbers = operative_labels(final)
    local = local_labels(doc, negotiated(doc))
    return {
        local[p.id]: numbers[p.id].rstrip(".")
        for p in final.operative
        if p.id in local and numbers.get(p.id)
    }


def _without_deleted(doc: Document) -> Document:
    out = copy.deepcopy(doc)
    _drop_deleted(out, negotiated(out))
    return out


def _rewrite_label_refs(doc: Document, numbers: dict[str, str]) -> None:
    """ "paragraph 5 bis above" → "paragraph 6 above" (see :func:`label_references`)."""
    for p in doc.all_paragraphs():
        for start, end, label in reversed(label_references(p.text)):
            new = numbers.get(label)
            if new is not None and new != p.text[start:end]:
                splice(p, start, end, new, "Final numbers").apply(doc)


def touched_families(doc: Document, phrases: PhraseBook | None = None) -> set[str]:
    """The verb families the negotiation touched: those of paragraphs added or deleted and
    of openers it changed. The final text puts their ladder strictly right ("Requests",
    "Also requests", "Further requests") and leaves the other families as they were
    negotiated, so an adopted text's own ladder is not rewritten for nothing (the same
    families an edit outside negotiation would have put right)."""
    phrases = phrases or default_phrasebook()
    out: set[str] = set()
    for p, r in records(doc):
        now_rung = read_rung(p.text, None, phrases)
        if r.base is None or r.status is Status.DELETED:
            found = [now_rung]
        else:
            before = read_rung(r.base, None, phrases)
            same = before == now_rung and (
                before is None
                or r.base[before.start : before.end] == p.text[before.start : before.end]
            )
            found = [] if same else [before, now_rung]
        out.update(rung.family for rung in found if rung is not None)
    return out


def final_document(doc: Document, profile: BodyProfile) -> Document:
    """The final text (a copy, not in negotiation), or :class:`UnresolvedError`."""
    state = summary(doc)
    if state.blockers:
        raise UnresolvedError(state.blockers)
    numbers = final_numbers(doc)
    families = touched_families(doc)
    out = _without_deleted(doc)
    out.negotiation = None
    _rewrite_label_refs(out, numbers)
    Compound(ladder_fixes(out, profile, families, untouched=False)).apply(out)
    Compound(punctuation_fixes(out)).apply(out)
    return out
