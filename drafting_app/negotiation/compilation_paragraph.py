"""One paragraph of a compilation text read back into words and negotiation marks.

What a facilitator writes around the words, in the order it is taken off:
- the status at the end ("— Agreed ad ref", "(agreed ad ref)", "[Under consultation]");
- notes in parentheses at the end ("(EU: delete “annually”; G77 and China: retain;
  US: add “within existing resources”)"): proposals when they say delete / add / replace
  quoted words or delete the paragraph, comments otherwise;
- a delegation in parentheses after struck words (a deletion), after bold words (an
  addition) or both (a replacement), or after a closing bracket (who put those words or
  that alternative forward) — "(EU)";
- square brackets, nested; adjacent groups "[Requests][Invites]" and "[Alt 1: …] [Alt 2:
  …]" are alternatives: the first stays the paragraph's words, the others become options.

Positions are kept as indices into the list of characters (cells), which only lose
members, so every span is exact after everything around it is taken off.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from drafting_app.model.document import Span
from drafting_app.model.ids import new_id
from drafting_app.model.negotiation import (
    AlternativeSet,
    Bracket,
    Comment,
    Option,
    Origin,
    Proposal,
    ProposalKind,
    Status,
    nested,
)
from drafting_app.negotiation.word_cells import ADDITION, DELEGATION, DELETION, Cell, text_of

UNATTRIBUTED = "Unattributed"
_STATUS_WORDS = {
    "agreed ad ref": Status.AGREED,
    "agreed ad referendum": Status.AGREED,
    "ad ref": Status.AGREED,
    "agreed": Status.AGREED,
    "under consultation": Status.CONSULTATION,
    "under discussion": Status.CONSULTATION,
    "pending": Status.PENDING,
    "deleted": Status.DELETED,
    "new": Status.NEW,
}
_STATUS = "|".join(sorted(map(re.escape, _STATUS_WORDS), key=len, reverse=True))
_DISTINCT = "agreed ad referendum|agreed ad ref|ad ref|under consultation"
# A status closes the paragraph after a dash or in brackets; the distinctive ones may also
# just follow the words ("… resources; agreed ad ref"), never "… as agreed."
_STATUS_END_RE = re.compile(
    rf"(?:\s*[—–]\s*|\s+-{{1,2}}\s*|\s*[(\[])(?P<w>{_STATUS})\.?[)\]]?\.?\s*$"
    rf"|\s+(?P<d>{_DISTINCT})\.?\s*$",
    re.IGNORECASE,
)
_STATUS_ALONE_RE = re.compile(rf"^\W*(?P<w>{_STATUS})\W*$", re.IGNORECASE)
_NAME_RE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*|G-?77|and|of|the|for)(?: (?:[A-Z][\w'’.\-]*|and|of|the|for|China))*$"
)
_QUOTED = r"[“\"‘']([^”\"’']+)[”\"’']"
_AT = rf"(?:\s+(after|before)\s+{_QUOTED})?"
_DELETE_RE = re.compile(rf"^(?:delete|strike|remove|drop)\s+{_QUOTED}{_AT}$", re.IGNORECASE)
_DELETE_PARA_RE = re.compile(
    r"^(?:delete|strike|remove|drop)(?:\s+(?:the\s+)?(?:paragraph|para\.?|PP|OP))?\.?$",
    re.IGNORECASE,
)
_ADD_RE = re.compile(
    rf"^(?:add|insert)\s+{_QUOTED}(?:\s+(?P<where>after|before)\s+{_QUOTED})?$", re.IGNORECASE
)
_REPLACE_RE = re.compile(
    rf"^(?:replace|change)\s+{_QUOTED}{_AT}\s+(?:with|by|to)\s+{_QUOTED}$", re.IGNORECASE
)
_ALT_RE = re.compile(r"^\s*Alt\.?\s*\d+\s*:\s*", re.IGNORECASE)


def plausible_author(name: str, known: set[str]) -> bool:
    """A delegation or group as facilitators write them ("EU", "G77 and China", "United
    States", "African Group"), not a symbol, a year or words of the text."""
    name = " ".join(name.split())
    if name in known:
        return True
    return 0 < len(name) <= 40 and len(name.split()) <= 5 and bool(_NAME_RE.match(name))


@dataclass
class Parsed:
    """A compilation paragraph read back: its words with italic spans and footnote marks
    (by the Word note id), and its negotiation marks; ``losses`` says what was not mapped."""

    text: str = ""
    italics: list[Span] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    status: Status | None = None
    brackets: list[Bracket] = field(default_factory=list)
    alternatives: list[AlternativeSet] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    origin: Origin | None = None
    losses: list[str] = field(default_factory=list)


@dataclass
class _Pending:
    """A proposal found by its formatting: cells ``[start, end)`` struck (replaced words)
    and the added words, before the cell indices become offsets."""

    kind: ProposalKind
    start: int
    end: int
    text: str
    author: str
    handmade: bool = False  # not in the app's styles: its spaces are guessed


class ParagraphReader:
    def __init__(self, cells: list[Cell], known: set[str], round_: int, extra: str = "") -> None:
        self.cells = cells
        self.gone = [False] * len(cells)
        self.known, self.round, self.extra = known, round_, extra
        self.own = False  # written by the app (delegations in their own style)
        self.out = Parsed()
        self.pending: list[_Pending] = []
        self.span_authors: dict[int, str] = {}  # index of a "]" → who
        self.consumed = [False] * len(cells)
        self.said: list[tuple[str, str]] = []  # (author, what) of the notes
        self.bracket_cells: list[tuple[int, int]] = []
        self.alternative_cells: list[tuple[int, int, tuple[Option, ...], str]] = []

    # -- helpers ------------------------------------------------------------------------------
    def _live(self) -> list[int]:
        return [i for i, g in enumerate(self.gone) if not g]

    def _text(self) -> tuple[str, list[int]]:
        idx = self._live()
        return "".join(self.cells[i].ch for i in idx), idx

    def _drop(self, indices: list[int]) -> None:
        for i in indices:
            self.gone[i] = True

    def offset(self, index: int) -> int:
        """Offset in the final text of the cell at ``index`` (or where it would be); call
        it once every cell to go has gone."""
        return sum(1 for i in range(index) if not self.gone[i] and not self.cells[i].note)

    # -- the end: status, notes, a new paragraph's author ------------------------------------
    def extra_column(self) -> None:
        """A third column: the status, notes ("EU: delete; G77 and China: retain"), or
        both on separate lines."""
        for line in re.split(r"[\n;]|(?<=[a-z])\.\s", self.extra):
            line = line.strip().strip("()")
            if not line:
                continue
            if m := _STATUS_ALONE_RE.match(line):
                self.out.status = _STATUS_WORDS[m.group("w").lower()]
                continue
            author, colon, what = line.partition(":")
            if colon and what.strip() and plausible_author(author, self.known):
                self.said.append((" ".join(author.split()), " ".join(what.split())))
            else:
                self.out.losses.append(f"third column: “{line}” is not a status or a note")

    def status(self) -> None:
        text, idx = self._text()
        m = _STATUS_END_RE.search(text)
        if m is None:
            return
        self.out.status = _STATUS_WORDS[(m.group("w") or m.group("d")).lower()]
        self._drop(idx[m.start() :])

    def notes(self) -> None:
        text, idx = self._text()
        stripped = text.rstrip()
        if not stripped.endswith(")"):
            return
        depth, start = 0, -1
        for i in range(len(stripped) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(stripped[i], 0)
            if depth == 0:
                start = i
                break
        if start < 0:
            return
        parts = [p.strip() for p in stripped[start + 1 : -1].split(";")]
        said = []
        for part in parts:
            author, colon, what = part.partition(":")
            if not colon or not what.strip() or not plausible_author(author, self.known):
                return  # a parenthesis of the text ("(A/79/159)"), not notes
            said.append((" ".join(author.split()), " ".join(what.split())))
        cut = start
        while cut > 0 and text[cut - 1] == " ":
            cut -= 1
        self._drop(idx[cut:])
        self.said = said + self.said

    def origin(self, inserted: bool) -> None:
        """ "… good practices; (African Group)": who proposed a new paragraph."""
        text, idx = self._text()
        m = re.search(r"\s*\(([^()]+)\)\s*$", text)
        if m is None or not plausible_author(m.group(1), self.known):
            return
        before = text[: m.start()].rstrip()
        last = idx[len(before) - 1] if before else -1
        if last >= 0 and (self.cells[last].bold or self.cells[last].strike):
            return  # the delegation of an inline proposal, handled with it
        if not inserted and self.out.status is not Status.NEW:
            return
        if before.endswith("]") and _closes_alternative(before):
            return  # who put the last alternative forward
        self.out.origin = Origin(" ".join(m.group(1).split()), self.round)
        self._drop(idx[m.start() :])

    # -- inline: delegations after struck or bold words, after brackets ----------------------
    def tags(self, deleted: bool) -> None:
        text, idx = self._text()
        for m in re.finditer(r"\(([^()\[\]]{1,60})\)", text):
            name = " ".join(m.group(1).split())
            if not plausible_author(name, self.known):
                continue
            if self.own and self.cells[idx[m.start()]].style != DELEGATION:
                # The app prints every delegation in its style: "[… Organization]
                # (INTERPOL)" is the text's own parenthesis, not who put the bracket.
                continue
            if any(self.cells[idx[i]].strike or self.cells[idx[i]].bold for i in range(*m.span())):
                # Struck or added words of a proposal that hold parentheses ("~~ Criminal
                # Police Organization (INTERPOL)~~ (EU)"): the delegation is printed plain.
                continue
            self._tag(idx, m.start(), m.end(), name, deleted)

    def _plain_space(self, i: int) -> bool:
        """A space between words and the delegation after them, or a footnote mark there
        ("~~… Crime,~~¹ (EU)")."""
        c = self.cells[i]
        return bool(c.note) or (c.ch == " " and not (c.bold or c.strike))

    def _tag(self, idx: list[int], start: int, end: int, name: str, deleted: bool) -> None:
        first, last = idx[start], idx[end - 1]
        j = start - 1
        while j >= 0 and self._plain_space(idx[j]):
            j -= 1
        if j >= 0 and self.cells[idx[j]].ch == "]" and not self.cells[idx[j]].strike:
            # "[Invites] (EU)": who put the bracketed words forward (a proposal's
            # delegation comes before the bracket that closes around it)
            self.span_authors[idx[j]] = name
            self._drop_tag([idx[m] for m in range(idx.index(first), idx.index(last) + 1)], idx)
            return
        bold_end = j + 1
        while j >= 0 and self.cells[idx[j]].bold and not self.consumed[idx[j]]:
            j -= 1
        bold = list(range(j + 1, bold_end))
        k = j
        while bold and k >= 0 and self._plain_space(idx[k]):
            k -= 1  # "~~Urges~~ **Encourages** (EU)": a replacement typed with a space
        if k >= 0 and self.cells[idx[k]].strike and not self.consumed[idx[k]]:
            j = k
        struck_end = j + 1
        j = self._struck_before(idx, j)
        struck = list(range(j + 1, struck_end))
        if deleted or (not bold and not struck):
            return  # words in parentheses of the text itself
        for m in bold + struck:
            self.consumed[idx[m]] = True
        added = "".join(self.cells[idx[m]].ch for m in bold)
        marked = [self.cells[idx[m]] for m in bold + struck]
        styles = {c.style for c in marked if c.bold or c.strike}
        handmade = not styles <= {ADDITION, DELETION}
        self._drop([idx[m] for m in bold])
        self._drop_tag([idx[m] for m in range(idx.index(first), idx.index(last) + 1)], idx)
        if struck:
            kind = ProposalKind.REPLACE if added else ProposalKind.DELETE
            lo, hi = idx[struck[0]], idx[struck[-1]] + 1
            self.pending.append(_Pending(kind, lo, hi, added, name, handmade))
        elif bold:
            at = idx[bold[0]]
            if handmade:
                self._one_space(at)
            self.pending.append(_Pending(ProposalKind.INSERT, at, at, added, name, handmade))

    def _struck_before(self, idx: list[int], j: int) -> int:
        """Back over struck words from ``idx[j]``; a bracket printed inside them (never
        struck itself: "~~the debate ~~[~~held~~ (EU)") does not end them."""
        while j >= 0:
            c = self.cells[idx[j]]
            if c.strike and not self.consumed[idx[j]]:
                j -= 1
                continue
            k = j
            while k >= 0 and (
                self.cells[idx[k]].note
                or (self.cells[idx[k]].ch in "[]" and not self.cells[idx[k]].strike)
            ):
                k -= 1
            if k < j and k >= 0 and self.cells[idx[k]].strike and not self.consumed[idx[k]]:
                j = k
                continue
            return j
        return j

    def _one_space(self, at: int) -> None:
        """Two spaces left side by side where hand-typed added words were: one goes (the
        added words take it)."""
        before = next((i for i in range(at - 1, -1, -1) if not self.gone[i]), None)
        after = next((i for i in range(at, len(self.cells)) if not self.gone[i]), None)
        if (
            before is not None
            and after is not None
            and self.cells[before].ch == " " == (self.cells[after].ch)
        ):
            self.gone[after] = True

    def _drop_tag(self, tag: list[int], idx: list[int]) -> None:
        """Take the "(EU)" off with the spaces the compilation put around it: the app
        writes them in the tag's own character style; in a hand-made text one of two
        spaces left side by side goes."""
        pos_lo, pos_hi = idx.index(tag[0]), idx.index(tag[-1])
        if self.cells[tag[0]].style == DELEGATION:
            while pos_lo > 0 and self.cells[idx[pos_lo - 1]].style == DELEGATION:
                pos_lo -= 1
            while pos_hi + 1 < len(idx) and self.cells[idx[pos_hi + 1]].style == DELEGATION:
                pos_hi += 1
            self._drop(idx[pos_lo : pos_hi + 1])
            return
        self._drop(idx[pos_lo : pos_hi + 1])
        live = [i for i in idx if not self.gone[i]]
        before = next((i for i in reversed(live) if i < tag[0]), None)
        after = next((i for i in live if i > tag[-1]), None)
        if (
            before is not None
            and self.cells[before].ch == " "
            and (after is None or self.cells[after].ch in " ,;:.)")
        ):
            self.gone[before] = True

    def strikes_without_delegation(self, deleted: bool) -> None:
        _text, idx = self._text()
        run: list[int] = []
        for _k, i in enumerate([*idx, -1]):
            struck = i >= 0 and self.cells[i].strike and not self.consumed[i]
            if struck:
                run.append(i)
                continue
            if run and not deleted and "".join(self.cells[r].ch for r in run).strip():
                words = "".join(self.cells[r].ch for r in run)
                self.pending.append(
                    _Pending(ProposalKind.DELETE, run[0], run[-1] + 1, "", UNATTRIBUTED)
                )
                self.out.losses.append(
                    f"struck words with no delegation after them (“{words.strip()}”): a "
                    f"deletion proposed by “{UNATTRIBUTED}”"
                )
            run = []
        bold = [
            i
            for i in idx
            if self.cells[i].bold and not self.consumed[i] and self.cells[i].ch.strip()
        ]
        if bold and not deleted:
            words = " ".join(text_of([self.cells[i] for i in bold]).split())
            self.out.losses.append(
                f"bold words with no delegation after them kept as text: “{words}”"
            )

    # -- brackets and alternatives ------------------------------------------------------------
    def brackets(self) -> None:
        idx = self._live()
        stack: list[int] = []
        pairs: list[tuple[int, int, int]] = []  # open, close, depth
        for k, i in enumerate(idx):
            ch = self.cells[i].ch
            if ch == "[":
                stack.append(i)
            elif ch == "]" and stack and self._typed_opening(idx, k, stack[-1]):
                # "[]" not side by side with another option: a bracket is never empty, so
                # that "[" is the text's own (typed in the paragraph: "[[[]]" is two
                # brackets round a "["), and this "]" closes the bracket opened before it.
                stack.pop()
                self.out.losses.append(
                    "an opening bracket with nothing before the closing one kept as text"
                )
                if stack:
                    pairs.append((stack.pop(), i, len(stack)))
                else:
                    self.out.losses.append("a closing bracket without its opening one kept as text")
            elif ch == "]" and stack:
                pairs.append((stack.pop(), i, len(stack)))
            elif ch == "]":
                self.out.losses.append("a closing bracket without its opening one kept as text")
        if stack:
            self.out.losses.append(
                f"{len(stack)} opening bracket(s) without a closing one kept as text"
            )
        pairs.sort()
        groups = self._groups(pairs)
        for group in groups:
            if len(group) == 1:
                o, c, _ = group[0]
                self._drop([o, c])
                self.bracket_cells.append((o + 1, c))
                if c in self.span_authors:
                    self.out.losses.append(
                        f"“({self.span_authors[c]})” after a bracket is not kept (brackets have "
                        "no author)"
                    )
                continue
            self._alternative(group)

    def _typed_opening(self, idx: list[int], k: int, opening: int) -> bool:
        """Whether the "]" at ``idx[k]`` follows the "[" at ``opening`` with nothing between
        and no option beside them: an empty option of an alternative set prints "[]" too,
        but always next to another ("[][x]")."""
        if k == 0 or idx[k - 1] != opening:
            return False
        j = k - 1
        before = self.cells[idx[j - 1]].ch if j > 0 else ""
        after = self.cells[idx[k + 1]].ch if k + 1 < len(idx) else ""
        return before != "]" and after != "["

    def _between(self, a: int, b: int) -> list[int]:
        return [i for i in range(a + 1, b) if not self.gone[i]]

    def _groups(self, pairs: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
        """Bracket pairs (in order of opening) gathered into alternative sets: pairs of one
        depth side by side ("][", or "] [" between "Alt n:" options)."""
        groups: list[list[tuple[int, int, int]]] = []
        open_at: dict[int, list[tuple[int, int, int]]] = {}
        for pair in pairs:
            depth = pair[2]
            for d in [d for d in open_at if d > depth]:
                del open_at[d]
            group = open_at.get(depth)
            if group is not None:
                last = group[-1]
                gap = "".join(self.cells[i].ch for i in self._between(last[1], pair[0]))
                labelled = bool(_ALT_RE.match(self._inner(pair)))
                set_labelled = bool(_ALT_RE.match(self._inner(group[0])))
                # A set of "Alt n:" options takes only labelled options: a plain bracket
                # printed just after it ("[Alt 2: …] (CANZ) [the]") is a bracket of its own.
                side_by_side = gap == "" and labelled == set_labelled
                spaced_alts = not gap.strip() and labelled and set_labelled
                if last[1] < pair[0] and (side_by_side or spaced_alts):
                    group.append(pair)
                    continue
            group = [pair]
            groups.append(group)
            open_at[depth] = group
        return groups

    def _inner(self, pair: tuple[int, int, int]) -> str:
        return "".join(self.cells[i].ch for i in self._between(pair[0], pair[1]))

    def _alternative(self, group: list[tuple[int, int, int]]) -> None:
        first_open, first_close, _ = group[0]
        for o, c, _ in group:
            inner = self._between(o, c)
            m = _ALT_RE.match("".join(self.cells[i].ch for i in inner))
            if m:
                self._drop(inner[: m.end()])
        options = []
        for prev, (o, c, _) in itertools.pairwise(group):
            words = text_of([self.cells[i] for i in self._between(o, c)])
            if any(p.start > o and p.end <= c for p in self.pending):
                self.out.losses.append("a proposal inside an alternative option was dropped")
                self.pending = [p for p in self.pending if not (p.start > o and p.end <= c)]
            options.append(Option(words, self.span_authors.get(c, ""), self.round))
            self._drop([*self._between(prev[1], o), o, c, *self._between(o, c)])
        self._drop([first_open, first_close])
        author = self.span_authors.get(first_close, "")
        self.alternative_cells.append((first_open + 1, first_close, tuple(options), author))

    # -- the result ----------------------------------------------------------------------------
    def finish(self, deleted: bool) -> Parsed:
        out = self.out
        kept = self._live()
        out.text = "".join(self.cells[i].ch for i in kept if not self.cells[i].note)
        for start, end in self.bracket_cells:
            if self.offset(start) < self.offset(end):
                out.brackets.append(Bracket(new_id("br"), self.offset(start), self.offset(end)))
        for start, end, options, author in self.alternative_cells:
            out.alternatives.append(
                AlternativeSet(new_id("alt"), self.offset(start), self.offset(end), options, author)
            )
        pos = 0
        italic_start = -1
        for i in kept:
            c = self.cells[i]
            if c.note:
                out.notes.append((pos, c.note))
                continue
            if c.italic and italic_start < 0:
                italic_start = pos
            elif not c.italic and italic_start >= 0:
                out.italics.append(Span(italic_start, pos))
                italic_start = -1
            pos += len(c.ch)
        if italic_start >= 0:
            out.italics.append(Span(italic_start, pos))
        for p in self.pending:
            start, end = self.offset(p.start), self.offset(p.end)
            words = p.text
            if p.kind is ProposalKind.INSERT:
                end = start
            if p.handmade:
                start, end, words = _spaced(out.text, p.kind, start, end, words)
            old = out.text[start:end]
            out.proposals.append(
                Proposal(new_id("pr"), p.kind, start, end, words, p.author, self.round, old)
            )
        self._said(out.text)
        spans = [(b.start, b.end) for b in out.brackets] + [
            (a.start, a.end) for a in out.alternatives
        ]
        if not nested(spans):
            out.losses.append("brackets that cross each other: the brackets were dropped")
            out.brackets, out.alternatives = [], []
        return out

    def _said(self, text: str) -> None:
        out = self.out
        for author, what in self.said:
            proposal = self._note_proposal(text, author, what)
            if proposal is not None:
                out.proposals.append(proposal)
            else:
                out.comments.append(Comment(new_id("cm"), author, what, self.round))

    def _note_proposal(self, text: str, author: str, what: str) -> Proposal | None:
        def make(kind: ProposalKind, start: int, end: int, words: str = "") -> Proposal:
            return Proposal(
                new_id("pr"), kind, start, end, words, author, self.round, text[start:end]
            )

        if _DELETE_PARA_RE.match(what):
            return make(ProposalKind.DELETE_PARAGRAPH, 0, 0)
        if m := _DELETE_RE.match(what):
            at = _find(text, m.group(1), m.group(2), m.group(3))
            if at >= 0:
                return make(ProposalKind.DELETE, at, at + len(m.group(1)))
            self.out.losses.append(
                f"{author}: “{what}” — the words are not in the text; kept as a comment"
            )
            return None
        if m := _REPLACE_RE.match(what):
            at = _find(text, m.group(1), m.group(2), m.group(3))
            if at >= 0:
                return make(ProposalKind.REPLACE, at, at + len(m.group(1)), m.group(4))
            self.out.losses.append(
                f"{author}: “{what}” — the words are not in the text; kept as a comment"
            )
            return None
        if m := _ADD_RE.match(what):
            words, where, anchor = m.group(1), m.group("where"), m.group(3)
            if anchor:
                at = text.find(anchor)
                if at < 0:
                    self.out.losses.append(
                        f"{author}: “{what}” — “{anchor}” is not in the text; kept as a comment"
                    )
                    return None
                at = at + len(anchor) if where.lower() == "after" else at
                return make(ProposalKind.INSERT, at, at, words)
            at = len(text.rstrip().rstrip(",;:."))
            space = "" if words.startswith(" ") or at == 0 else " "
            return make(ProposalKind.INSERT, at, at, space + words)
        return None


def _closes_alternative(text: str) -> bool:
    """Whether the bracket closing ``text`` ends an alternative set ("[a][b]", "[Alt 2: …]")."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {"]": 1, "[": -1}.get(text[i], 0)
        if depth == 0:
            return text[:i].endswith("]") or bool(_ALT_RE.match(text[i + 1 :]))
    return False


def _find(text: str, words: str, side: str | None, context: str | None) -> int:
    """Where quoted words are: just after (or before) the quoted context when one is given
    ("delete “annually” after “to report”"), else their first place."""
    if not context or not side:
        return text.find(words)
    around = text.find(context)
    if around < 0:
        return -1
    at = around + len(context) if side.lower() == "after" else around - len(words)
    return at if at >= 0 and text[at : at + len(words)] == words else -1


def _spaced(
    text: str, kind: ProposalKind, start: int, end: int, words: str
) -> tuple[int, int, str]:
    """A hand-made proposal's spaces: "to ~~consider~~ (CANZ) their" deletes "consider "
    (not leaving two spaces); "**strengthen** (EU) their" adds "strengthen " (not glued to
    the next word)."""
    if kind is ProposalKind.DELETE:
        if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] == " "):
            end += 1
        return start, end, words
    if start > 0 and text[start - 1] not in " ([“‘" and not words.startswith(" "):
        words = " " + words
    follows = text[end : end + 1]
    if follows[:1].isalnum() and not words.endswith(" "):
        words += " "
    return start, end, words


def read_paragraph(
    cells: list[Cell],
    known: set[str],
    round_: int,
    *,
    inserted: bool,
    extra: str = "",
    own: bool = False,
) -> Parsed:
    """The words and marks of one compilation paragraph (see the module docstring);
    ``own``: the app wrote it, so a delegation is a tag in its character style only."""
    reader = ParagraphReader(list(cells), known, round_, extra)
    reader.own = own
    reader.extra_column()
    reader.status()
    reader.notes()
    if reader.out.status is None:
        reader.status()  # "(EU: delete) — Agreed ad ref" and "… — Agreed ad ref (EU: …)"
    deleted = reader.out.status is Status.DELETED
    reader.origin(inserted)
    reader.tags(deleted)  # in a deleted paragraph, struck whole, only bracket authors
    reader.strikes_without_delegation(deleted)
    reader.brackets()
    return reader.finish(deleted)
