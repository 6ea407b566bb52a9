"""Which paragraph of the base each paragraph of the draft is, whatever its number now.

Renumbering is not a change ("a new OP3 must not mark OP4…OP38 as changed"), so paragraphs
are matched by what they are, never by their number:

1. the same id (a draft started from its base in the app keeps the base's ids, and moving
   a paragraph keeps its id);
2. the same words (two files compared: ids differ, most paragraphs are untouched);
3. similar words, first between the paragraphs that stayed in place on either side (a
   reworded paragraph), then anywhere (a moved and reworded one).

A matched paragraph is *moved* when it left its parent (indented, outdented, taken from
the preamble to the operative part, or into an annex) or changed its order among its
siblings: the order of the longest run of siblings that kept their order is the
reference, the others moved — so a paragraph moved up is one move, not a shift of all it
jumped over.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from drafting_app.revisions.units import Unit

# Dice similarity of the words of two paragraphs above which they are one paragraph
# reworded: in place, and (stricter) anywhere else in the text.
IN_PLACE = 0.5
ANYWHERE = 0.65
_WORD = re.compile(r"\w+")


def normal(text: str) -> str:
    return " ".join(text.split())


def word_bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    return 2 * sum((a & b).values()) / total


def increasing_run(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_at.append(i)
        else:
            tails[k] = v
            tail_at[k] = i
        back[i] = tail_at[k - 1] if k else -1
    out: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        out.add(i)
        i = back[i]
    return out


class _Matcher:
    def __init__(self, base: list[Unit], new: list[Unit]) -> None:
        self.base, self.new = base, new
        self.pairs: dict[int, int] = {}  # new index -> base index
        self.taken: set[int] = set()
        self._bags: dict[tuple[str, int], Counter[str]] = {}

    def pair(self, n: int, b: int) -> None:
        self.pairs[n] = b
        self.taken.add(b)

    def by_id(self) -> None:
        where = {u.id: u.index for u in self.base}
        for u in self.new:
            b = where.get(u.id)
            if b is not None and self.base[b].is_heading == u.is_heading:
                self.pair(u.index, b)

    def by_text(self) -> None:
        waiting: dict[tuple[bool, str], list[int]] = defaultdict(list)
        for u in self.base:
            if u.index not in self.taken:
                waiting[(u.is_heading, normal(u.text))].append(u.index)
        for u in self.new:
            if u.index in self.pairs:
                continue
            queue = waiting.get((u.is_heading, normal(u.text)))
            if queue:
                self.pair(u.index, queue.pop(0))

    def bag(self, side: str, i: int) -> Counter[str]:
        key = (side, i)
        if key not in self._bags:
            unit = (self.base if side == "b" else self.new)[i]
            self._bags[key] = word_bag(unit.text)
        return self._bags[key]

    def greedy(self, news: list[int], bases: list[int], threshold: float) -> None:
        """Pair the most similar first, each paragraph at most once."""
        scored: list[tuple[float, int, int, int]] = []
        for n in news:
            for b in bases:
                if self.base[b].is_heading != self.new[n].is_heading:
                    continue
                score = dice(self.bag("b", b), self.bag("n", n))
                if score >= threshold:
                    # Ties go to the nearest in reading order, then the earliest.
                    scored.append((-score, abs(b - n), n, b))
        scored.sort()
        for _, _, n, b in scored:
            if n not in self.pairs and b not in self.taken:
                self.pair(n, b)

    def in_gaps(self) -> None:
        """Similar paragraphs between two paragraphs that kept their order."""
        chain = sorted(self.pairs.items(), key=lambda nb: nb[1])
        keep = increasing_run([n for n, _ in chain])
        anchors = [chain[i] for i in sorted(keep)]
        bounds = [(-1, -1), *anchors, (len(self.new), len(self.base))]
        for (n0, b0), (n1, b1) in itertools.pairwise(bounds):
            news = [n for n in range(n0 + 1, n1) if n not in self.pairs]
            bases = [b for b in range(b0 + 1, b1) if b not in self.taken]
            if news and bases:
                self.greedy(news, bases, IN_PLACE)

    def anywhere(self) -> None:
        news = [u.index for u in self.new if u.index not in self.pairs]
        bases = [u.index for u in self.base if u.index not in self.taken]
        if news and bases:
            self.greedy(news, bases, ANYWHERE)


def match_units(base: list[Unit], new: list[Unit]) -> dict[int, int]:
    """Draft unit index → base unit index for every draft paragraph that has one."""
    m = _Matcher(base, new)
    m.by_id()
    m.by_text()
    m.in_gaps()
    m.anywhere()
    return m.pairs


def moved_units(
    base: list[Unit],
    new: list[Unit],
    pairs: dict[int, int],
    same_region: Callable[[str, str], bool],
) -> set[int]:
    """Draft unit indexes of the matched paragraphs that moved (see the module's note)."""
    base_id_to_new_id = {base[b].id: new[n].id for n, b in pairs.items()}
    moved: set[int] = set()
    groups: dict[tuple[str, str | None], list[tuple[int, int, int]]] = defaultdict(list)
    for n, b in pairs.items():
        nu, bu = new[n], base[b]
        if bu.parent is None and nu.parent is None:
            stays = same_region(bu.region, nu.region)
        elif bu.parent is not None and nu.parent is not None:
            stays = base_id_to_new_id.get(bu.parent) == nu.parent
        else:
            stays = False
        if not stays:
            moved.add(n)
            continue
        groups[(nu.region, nu.parent)].append((bu.sibling, nu.sibling, n))
    for members in groups.values():
        members.sort()
        keep = increasing_run([s for _, s, _ in members])
        moved.update(n for i, (_, _, n) in enumerate(members) if i not in keep)
    return moved
