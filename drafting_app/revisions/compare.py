"""The comparison of a draft with its base, as a penholder reviews it: each paragraph
added, deleted, reworded or moved (named by its PP/OP in the base and in the draft), each
footnote reworded, and the front of the document (masthead, heading, title, the
authoring-body line, the adoption line, annex titles) where it differs.

Paragraphs are matched across renumbering and moves (:mod:`matching`), words compared
with their punctuation and footnote marks (:mod:`words`). A footnote is matched with the
base's by id, by its text, or by standing at the same word of a matched paragraph (the
report symbol of a rollover changes: "A/73/334." → "A/80/342." is the same footnote
reworded). Renumbered paragraphs and footnotes are no change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from enum import StrEnum

from drafting_app.model.document import Document, Footnote, Heading, Paragraph
from drafting_app.model.numbering import footnote_numbers
from drafting_app.model.revision import Attribution, RevisionKind
from drafting_app.model.text_edits import MASTHEAD_FIELDS
from drafting_app.revisions.matching import (
    IN_PLACE,
    dice,
    match_units,
    moved_units,
    normal,
    word_bag,
)
from drafting_app.revisions.tokens import Token, tokenize
from drafting_app.revisions.units import Unit, units
from drafting_app.revisions.words import WordDiff, word_diff


class ChangeKind(StrEnum):
    """What happened to a paragraph, a footnote or a part of the front."""

    ADDED = "added"
    DELETED = "deleted"
    REWORDED = "reworded"
    MOVED = "moved"


class Target(StrEnum):
    """What a change is a change of."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # an annex heading
    FOOTNOTE = "footnote"
    FRONT = "front"  # masthead, heading, title, authoring body, adoption, front matter
    ANNEX = "annex"  # an annex's title lines, or a whole annex added or deleted


# The front of a document as the drafter names it; each is one change.
FRONT_FIELDS: tuple[tuple[str, str], ...] = (
    ("masthead", "Masthead"),
    ("front_matter", "Front matter"),
    ("heading", "Heading"),
    ("title", "Title"),
    ("authoring_body", "Authoring body"),
    ("adoption", "Adoption line"),
)


@dataclass(frozen=True)
class Change:
    """One pending change. ``key`` identifies it while the texts change around it (the
    draft's paragraph or footnote id, the base's for a deletion, the field for the
    front); ``base_name`` / ``new_name`` are "OP5" / "OP6" (or "" on the side where it
    does not exist); ``diff`` holds the words for a rewording."""

    key: str
    target: Target
    kind: ChangeKind
    base_name: str
    new_name: str
    base_id: str | None = None
    new_id: str | None = None
    reworded: bool = False
    diff: WordDiff | None = None
    base_text: str = ""
    new_text: str = ""
    authors: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """ "OP5 → OP6", "OP3 (added)", "PP2 (deleted)", "Title"."""
        if self.target in (Target.FRONT, Target.ANNEX) and self.kind is ChangeKind.REWORDED:
            return self.new_name or self.base_name
        if self.kind is ChangeKind.ADDED:
            return self.new_name
        if self.kind is ChangeKind.DELETED:
            return self.base_name
        if self.base_name and self.new_name and self.base_name != self.new_name:
            return f"{self.base_name} → {self.new_name}"
        return self.new_name or self.base_name

    @property
    def description(self) -> str:
        """ "reworded", "moved and reworded", "added", "deleted", "moved"."""
        if self.kind is ChangeKind.MOVED and self.reworded:
            return "moved and reworded"
        return str(self.kind)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "key": self.key,
            "target": str(self.target),
            "kind": str(self.kind),
            "reworded": self.reworded,
            "base": self.base_name or None,
            "new": self.new_name or None,
        }
        if self.diff is not None and self.diff.changed:
            out["deleted"] = self.diff.deleted_text()
            out["inserted"] = self.diff.inserted_text()
        elif self.kind is ChangeKind.ADDED:
            out["inserted"] = self.new_text
        elif self.kind is ChangeKind.DELETED:
            out["deleted"] = self.base_text
        if self.authors:
            out["authors"] = list(self.authors)
        return out


@dataclass
class Comparison:
    """Everything the tracked export, the editor's marks and accept/reject need."""

    base: Document
    new: Document
    base_units: list[Unit]
    new_units: list[Unit]
    pairs: dict[str, str]  # draft paragraph/heading id -> base id
    moved: frozenset[str]  # draft ids of matched paragraphs that moved themselves
    notes: dict[str, str]  # draft footnote id -> base footnote id
    diffs: dict[str, WordDiff]  # draft id -> words of a matched, changed paragraph
    changes: list[Change] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    # What a footnote mark points to, the same on both sides for the same note: the base
    # footnote (the first of those with its very text), or a new note's own id.
    base_keys: dict[str, str] = field(default_factory=dict)
    new_keys: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.base_of_new = dict(self.pairs)
        self.new_of_base = {b: n for n, b in self.pairs.items()}
        self.notes_back = {b: n for n, b in self.notes.items()}
        self._new_unit = {u.id: u for u in self.new_units}
        self._base_unit = {u.id: u for u in self.base_units}

    def new_unit(self, pid: str) -> Unit:
        return self._new_unit[pid]

    def base_unit(self, pid: str) -> Unit:
        return self._base_unit[pid]

    def displaced(self, new_id: str) -> bool:
        """Whether a draft paragraph sits in a moved block (it or a parent moved)."""
        pid: str | None = new_id
        while pid is not None:
            if pid in self.moved:
                return True
            pid = self._new_unit[pid].parent
        return False

    def change(self, key: str) -> Change:
        for c in self.changes:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def empty(self) -> bool:
        return not self.changes


def paragraph_tokens(p: Paragraph | Heading) -> list[Token]:
    if isinstance(p, Heading):
        return tokenize(p.text)
    return tokenize(p.text, p.italics, p.anchors)


def _same_region(a: str, b: str) -> bool:
    return a == b


def _note_signature(f: Footnote) -> tuple[str, tuple[tuple[int, int], ...]]:
    return f.text, tuple((s.start, s.end) for s in f.italics)


class _Comparer:
    def __init__(self, base: Document, new: Document) -> None:
        self.base, self.new = base, new
        self.bu, self.nu = units(base), units(new)
        index_pairs = match_units(self.bu, self.nu)
        self.pairs = {self.nu[n].id: self.bu[b].id for n, b in index_pairs.items()}
        self.moved = frozenset(
            self.nu[n].id for n in moved_units(self.bu, self.nu, index_pairs, _same_region)
        )
        self._nmap = {u.id: u for u in self.nu}
        self._bmap = {u.id: u for u in self.bu}
        self.notes = self._match_notes()
        self.base_keys, self.new_keys = note_keys(base, new, self.notes)
        self.diffs: dict[str, WordDiff] = {}

    # -- footnotes ----------------------------------------------------------------------------
    def _match_notes(self) -> dict[str, str]:
        base_notes = {f.id: f for f in self.base.footnotes}
        out: dict[str, str] = {}
        taken: set[str] = set()

        def pair(n: str, b: str) -> None:
            out[n] = b
            taken.add(b)

        for f in self.new.footnotes:
            if f.id in base_notes:
                pair(f.id, f.id)
        by_text: dict[str, list[str]] = {}
        for f in self.base.footnotes:
            if f.id not in taken:
                by_text.setdefault(normal(f.text), []).append(f.id)
        for f in self.new.footnotes:
            queue = by_text.get(normal(f.text))
            if f.id not in out and queue:
                while queue and queue[0] in taken:
                    queue.pop(0)
                if queue:
                    pair(f.id, queue.pop(0))
        if len(out) < len(self.new.footnotes):
            self._notes_by_place(out, taken)
        rest_new = [f for f in self.new.footnotes if f.id not in out]
        rest_base = [f for f in self.base.footnotes if f.id not in taken]
        scored = sorted(
            (-dice(word_bag(n.text), word_bag(b.text)), i, j, n.id, b.id)
            for i, n in enumerate(rest_new)
            for j, b in enumerate(rest_base)
        )
        for score, _, _, n_id, b_id in scored:
            if -score >= IN_PLACE and n_id not in out and b_id not in taken:
                pair(n_id, b_id)
        return out

    def _notes_by_place(self, out: dict[str, str], taken: set[str]) -> None:
        """Footnotes at the same word of two matched paragraphs are one footnote."""
        for n_id, b_id in self.pairs.items():
            np_, bp = self._nmap[n_id].item, self._bmap[b_id].item
            if not isinstance(np_, Paragraph) or not isinstance(bp, Paragraph):
                continue
            if not any(a.footnote_id not in out for a in np_.anchors):
                continue
            if not any(a.footnote_id not in taken for a in bp.anchors):
                continue
            a = tokenize(bp.text, bp.italics, bp.anchors)
            b = tokenize(np_.text, np_.italics, np_.anchors)
            matcher = SequenceMatcher(
                None, [t.text for t in a], [t.text for t in b], autojunk=False
            )
            for block in matcher.get_matching_blocks():
                for k in range(block.size):
                    ta, tb = a[block.a + k], b[block.b + k]
                    for (_, fa), (_, fb) in zip(ta.notes, tb.notes, strict=False):
                        if fb not in out and fa not in taken:
                            out[fb] = fa
                            taken.add(fa)
            # The word before the mark changed too ("2017/18;⁴" → "2024/25;⁴"): as many
            # notes left on both sides are the same notes, in order.
            left_b = [x.footnote_id for x in bp.anchors if x.footnote_id not in taken]
            left_n = [x.footnote_id for x in np_.anchors if x.footnote_id not in out]
            if left_b and len(left_b) == len(left_n):
                for fb, fn in zip(left_b, left_n, strict=True):
                    if fn not in out and fb not in taken:
                        out[fn] = fb
                        taken.add(fb)

    # -- paragraphs ---------------------------------------------------------------------------
    def diff(self, new_id: str) -> WordDiff:
        nu, bu = self._nunit(new_id), self._bunit(self.pairs[new_id])
        return word_diff(
            paragraph_tokens(bu.item), paragraph_tokens(nu.item), self.new_keys, self.base_keys
        )

    def _nunit(self, pid: str) -> Unit:
        return self._nmap[pid]

    def _bunit(self, pid: str) -> Unit:
        return self._bmap[pid]

    def paragraph_changes(self) -> Iterator[Change]:
        gone_annexes = {f"annex:{k}" for k in range(len(self.new.annexes), len(self.base.annexes))}
        new_annexes = {f"annex:{k}" for k in range(len(self.base.annexes), len(self.new.annexes))}
        base_matched = set(self.pairs.values())
        # In reading order of the draft, deletions placed after the base paragraph before
        # them: the list reads like the document.
        deleted_after: dict[str | None, list[Unit]] = {}
        last_new: str | None = None
        new_of_base = {b: n for n, b in self.pairs.items()}
        for u in self.bu:
            if u.id in new_of_base:
                last_new = new_of_base[u.id]
                continue
            if u.parent is not None and u.parent not in base_matched:
                continue  # inside a deleted paragraph: part of its change
            if u.region in gone_annexes:
                continue
            deleted_after.setdefault(last_new, []).append(u)
        yield from self._deleted(deleted_after.get(None, []))
        for u in self.nu:
            target = Target.HEADING if u.is_heading else Target.PARAGRAPH
            b_id = self.pairs.get(u.id)
            if b_id is None:
                inside = u.parent is not None and u.parent not in self.pairs
                if not inside and u.region not in new_annexes:
                    yield Change(
                        f"new:{u.id}", target, ChangeKind.ADDED, "", u.name, None, u.id,
                        new_text=u.text,
                    )  # fmt: skip
            else:
                yield from self._matched(u, b_id, target)
            yield from self._deleted(deleted_after.get(u.id, []))

    def _matched(self, u: Unit, b_id: str, target: Target) -> Iterator[Change]:
        bu = self._bunit(b_id)
        same = _same_content(bu.item, u.item, self.new_keys, self.base_keys)
        d = None if same else self.diff(u.id)
        if d is not None and d.changed:
            self.diffs[u.id] = d
        changed = d is not None and d.changed
        if u.id in self.moved:
            yield Change(
                f"new:{u.id}", target, ChangeKind.MOVED, bu.name, u.name, b_id, u.id,
                reworded=changed, diff=d, base_text=bu.text, new_text=u.text,
            )  # fmt: skip
        elif changed:
            yield Change(
                f"new:{u.id}", target, ChangeKind.REWORDED, bu.name, u.name, b_id, u.id,
                diff=d, base_text=bu.text, new_text=u.text,
            )  # fmt: skip

    def _deleted(self, gone: Iterable[Unit]) -> Iterator[Change]:
        for u in gone:
            target = Target.HEADING if u.is_heading else Target.PARAGRAPH
            yield Change(
                f"base:{u.id}", target, ChangeKind.DELETED, u.name, "", u.id, None,
                base_text=u.text,
            )  # fmt: skip

    def footnote_changes(self) -> Iterator[Change]:
        base_notes = {f.id: f for f in self.base.footnotes}
        bnum, nnum = footnote_numbers(self.base), footnote_numbers(self.new)
        for f in self.new.anchored_footnotes():
            b_id = self.notes.get(f.id)
            if b_id is None:
                continue  # a new note comes with its mark: part of that paragraph's change
            b = base_notes[b_id]
            if _note_signature(b) == _note_signature(f):
                continue
            d = word_diff(tokenize(b.text, b.italics), tokenize(f.text, f.italics))
            yield Change(
                f"note:{f.id}", Target.FOOTNOTE, ChangeKind.REWORDED,
                f"footnote {bnum.get(b_id, '')}", f"footnote {nnum.get(f.id, '')}",
                b_id, f.id, diff=d, base_text=b.text, new_text=f.text,
            )  # fmt: skip

    def front_changes(self) -> Iterator[Change]:
        for name, title in FRONT_FIELDS:
            old, new = front_text(self.base, name), front_text(self.new, name)
            if old == new:
                continue
            d = word_diff(tokenize(old), tokenize(new))
            kind = ChangeKind.REWORDED
            if not old:
                kind = ChangeKind.ADDED
            elif not new:
                kind = ChangeKind.DELETED
            yield Change(
                f"front:{name}", Target.FRONT, kind, title if old else "", title if new else "",
                diff=d, base_text=old, new_text=new,
            )  # fmt: skip
        for k in range(max(len(self.base.annexes), len(self.new.annexes))):
            old = annex_text(self.base, k)
            new = annex_text(self.new, k)
            if old == new:
                continue
            name = (
                f"Annex {k + 1}"
                if max(len(self.base.annexes), len(self.new.annexes)) > 1
                else "Annex"
            )
            if k >= len(self.base.annexes):
                yield Change(f"annex:{k}", Target.ANNEX, ChangeKind.ADDED, "", name, new_text=new)
            elif k >= len(self.new.annexes):
                yield Change(
                    f"annex:{k}", Target.ANNEX, ChangeKind.DELETED, name, "", base_text=old
                )
            else:
                d = word_diff(tokenize(old), tokenize(new))
                yield Change(
                    f"annex:{k}", Target.ANNEX, ChangeKind.REWORDED, f"{name} title",
                    f"{name} title", diff=d, base_text=old, new_text=new,
                )  # fmt: skip


def front_text(doc: Document, name: str) -> str:
    """The text of one part of the front, as one string (masthead fields one a line)."""
    if name == "masthead":
        mh = doc.masthead
        if mh is None:
            return ""
        lines = []
        for key in MASTHEAD_FIELDS:
            value = getattr(mh, key)
            value = "; ".join(value) if isinstance(value, list) else value
            if value:
                lines.append(value)
        return "\n".join(lines)
    if name == "front_matter":
        return "\n".join(doc.front_matter)
    return str(getattr(doc, name))


def annex_text(doc: Document, k: int) -> str:
    """An annex's "Annex" line and title lines (its paragraphs are compared one by one)."""
    if k >= len(doc.annexes):
        return ""
    a = doc.annexes[k]
    return "\n".join(x for x in (a.title, *a.lines))


def note_keys(
    base: Document, new: Document, notes: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """What each footnote mark of the base and of the draft points to, for comparing marks:
    a draft note's matched base note; base notes of the very same text are one (a note
    marked twice is one footnote in a PDF, one per mark in a Word file: the same marks);
    a draft note matched to none is the base note of its very text, if there is one."""
    first: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
    base_keys = {f.id: first.setdefault(_note_signature(f), f.id) for f in base.footnotes}
    new_keys: dict[str, str] = {}
    for f in new.footnotes:
        b = notes.get(f.id)
        new_keys[f.id] = base_keys[b] if b is not None else first.get(_note_signature(f), f.id)
    return base_keys, new_keys


def _same_content(
    b: Paragraph | Heading,
    n: Paragraph | Heading,
    new_keys: dict[str, str],
    base_keys: dict[str, str],
) -> bool:
    if b.text != n.text:
        return False
    if isinstance(b, Heading) or isinstance(n, Heading):
        return True
    if [(s.start, s.end) for s in b.italics] != [(s.start, s.end) for s in n.italics]:
        return False
    mapped = [(a.offset, new_keys.get(a.footnote_id, a.footnote_id)) for a in n.anchors]
    return sorted(mapped) == sorted(
        (a.offset, base_keys.get(a.footnote_id, a.footnote_id)) for a in b.anchors
    )


def compare(base: Document, new: Document, attributions: Iterable[Attribution] = ()) -> Comparison:
    """The changes that turn ``base`` into ``new``, in reading order of the draft (the front
    first, then paragraphs with deletions where they stood, then footnotes)."""
    c = _Comparer(base, new)
    changes = [*c.front_changes(), *c.paragraph_changes(), *c.footnote_changes()]
    who = list(attributions)
    if who:
        changes = [_attributed(ch, who) for ch in changes]
    return Comparison(
        base, new, c.bu, c.nu, c.pairs, c.moved, c.notes, c.diffs, changes, who,
        c.base_keys, c.new_keys,
    )  # fmt: skip


def _attributed(change: Change, who: list[Attribution]) -> Change:
    """The authors of Word's tracked changes that make up ``change``."""
    inserted = normal(change.diff.inserted_text() if change.diff else change.new_text)
    deleted = normal(change.diff.deleted_text() if change.diff else change.base_text)
    if change.kind is ChangeKind.ADDED:
        inserted, deleted = normal(change.new_text), ""
    elif change.kind is ChangeKind.DELETED:
        inserted, deleted = "", normal(change.base_text)
    new_ctx, base_ctx = normal(change.new_text), normal(change.base_text)
    found: list[Attribution] = []
    for a in who:
        text = normal(a.text)
        if not text:
            continue
        if a.kind == RevisionKind.INSERTION:
            hit = text in inserted and _in_context(a, new_ctx)
        elif a.kind == RevisionKind.DELETION:
            hit = text in deleted and _in_context(a, base_ctx)
        elif a.kind == RevisionKind.MOVE:
            hit = change.kind is ChangeKind.MOVED and (
                _in_context(a, new_ctx) or _in_context(a, base_ctx)
            )
        else:
            hit = _in_context(a, new_ctx) and bool(change.diff and change.diff.changed)
        if hit:
            found.append(a)
    if not found:
        return change
    authors = tuple(dict.fromkeys(a.author for a in found))
    dates = tuple(dict.fromkeys(a.date for a in found if a.date))
    return replace(change, authors=authors, dates=dates)


def _in_context(a: Attribution, text: str) -> bool:
    ctx = normal(a.context)
    return not ctx or not text or text in ctx or ctx in text
