"""Export with changes: the draft as a Word file with genuine tracked changes against its
base — what a penholder circulates so that delegations see at a glance what is new.

The same document as the clean export (the same layout, styles, typed numbers, footnotes,
masthead; with no change the two are the same document), with each difference from the
base written as Word writes a revision (WORKFLOWS.md §3): inserted runs in ``w:ins``,
deleted runs in ``w:del`` with ``w:delText``; a moved paragraph as ``w:moveFrom`` where it
stood and ``w:moveTo`` where it is now, inside named move ranges; a whole inserted,
deleted or moved paragraph also marks its paragraph mark, so that Accept All gives exactly
the draft and Reject All exactly the base, typed numbers included (a renumbered paragraph
has only its label run tracked: the comparison does not call that a change). A footnote
inserted with its mark has its text marked inserted in footnotes.xml, a reworded one has
its words tracked there. Every revision carries an author (the user's name, or the author
of a tracked change imported from Word) and a date; ``w:trackRevisions`` keeps tracking on
for the recipient.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting_app.export.blocks import Block, Layout, MastheadBlock, Run, build_blocks
from drafting_app.export.docx_writer import (
    _TAB,
    MASTHEAD_LINES,
    _plain_run,
    _styled,
    _symbol_runs,
    _text_run,
    _WordWriter,
    escape,
    note_xml,
    paragraph_parts,
    paragraph_xml,
    reference_xml,
)
from drafting_app.export.files import write_atomic
from drafting_app.export.page import PageProfile, profile_for
from drafting_app.model.numbering import footnote_numbers
from drafting_app.model.revision import Attribution, RevisionKind
from drafting_app.revisions.compare import Comparison
from drafting_app.revisions.matching import increasing_run
from drafting_app.revisions.words import fold_hunks, is_filler

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REF_RPR = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
_WORDS = re.compile(r"\s*\S+|\s+")
# A paragraph mark revision joins its paragraph to the next one: the last one needs a next.
_EMPTY_LAST = '<w:p><w:pPr><w:pStyle w:val="UNBodyText"/></w:pPr></w:p>'
DEFAULT_AUTHOR = "Drafting App"
# LibreOffice joins two revisions of one author and kind less than a minute apart that
# touch across a paragraph end — an insertion ending one paragraph, another opening the
# next (a renumbered label) — into one, the paragraph mark between them included: its
# Reject All then runs the two paragraphs together. Such a next paragraph's revisions are
# dated this much later (Word keeps each revision's own date; nothing else changes).
_APART = timedelta(minutes=2)
_STARTS = re.compile(
    r"</w:pPr>(?:<w:move(?:From|To)RangeStart [^>]*/>)*<w:(ins|del|moveFrom|moveTo) "
)
_ENDS = re.compile(r"</w:(ins|del|moveFrom|moveTo)>(?:<w:move(?:From|To)RangeEnd [^>]*/>)*</w:p>$")
_SAME_KIND = {"ins": "ins", "moveTo": "ins", "del": "del", "moveFrom": "del"}

# How a paragraph or a run stands in the merged document.
EQUAL, INS, DEL, FROM, TO = "equal", "ins", "del", "from", "to"
_TAGS = {INS: "ins", DEL: "del", FROM: "moveFrom", TO: "moveTo"}
_KINDS = {INS: RevisionKind.INSERTION, DEL: RevisionKind.DELETION}
Token = tuple[Run, ...]


def write_tracked_docx(
    comparison: Comparison,
    path: str | Path,
    *,
    author: str = "",
    when: datetime | None = None,
    profile: PageProfile | None = None,
) -> Path:
    """Export the draft of ``comparison`` with its changes against the base tracked."""
    target = Path(path)
    write_atomic(target, tracked_docx_bytes(comparison, author=author, when=when, profile=profile))
    return target


def tracked_docx_bytes(
    comparison: Comparison,
    *,
    author: str = "",
    when: datetime | None = None,
    profile: PageProfile | None = None,
) -> bytes:
    """The .docx bytes of the draft with tracked changes (``when`` dates the revisions and
    the file; ``author`` signs the changes that are not imported from Word)."""
    new = build_blocks(comparison.new)
    base = build_blocks(comparison.base)
    moment = when or datetime.now(UTC).replace(microsecond=0)
    writer = _TrackedWriter(comparison, base, new, profile or profile_for(new), moment, author)
    return writer.render()


# -- runs as words -------------------------------------------------------------------------


def run_tokens(runs: Sequence[Run]) -> list[Token]:
    """Runs cut into words as the comparison cuts a paragraph (each word with the space
    before it, its punctuation and the footnote marks after it); each a tuple of pieces
    keeping their run's formatting (a word half in italics is one token of two pieces)."""
    out: list[Token] = []
    cur: list[Run] = []
    blank = True  # cur holds spaces only (they join the word after them)
    for r in runs:
        if r.footnote_ref is not None or r.superscript:
            cur.append(r)  # a mark (and the comma between two marks) stays with its word
            blank = False
            continue
        for m in _WORDS.finditer(r.text):
            piece = m.group()
            if cur and not blank and piece[0].isspace():
                out.append(tuple(cur))
                cur = []
            cur.append(Run(piece, r.italic, r.bold, r.footnote_ref, r.superscript))
            blank = piece.isspace() and all(p.text.isspace() for p in cur)
    if cur:
        out.append(tuple(cur))
    return out


def _text(runs: Sequence[Run]) -> str:
    return "".join(r.text for r in runs if r.footnote_ref is None)


def _formatting(r: Run) -> tuple[bool, bool, bool]:
    return r.italic, r.bold, r.superscript


def _merged(pieces: Sequence[Run]) -> list[Run]:
    """Adjacent text pieces of one formatting as one run."""
    out: list[Run] = []
    for r in pieces:
        last = out[-1] if out else None
        mergeable = last is not None and r.footnote_ref is None and last.footnote_ref is None
        if mergeable and not r.superscript and last and _formatting(r) == _formatting(last):
            out[-1] = last._replace(text=last.text + r.text)
        else:
            out.append(r)
    return out


def _deleted(xml: str) -> str:
    """Runs as deleted text: ``w:delText`` instead of ``w:t``."""
    xml = xml.replace("<w:t ", "<w:delText ").replace("<w:t>", "<w:delText>")
    return xml.replace("</w:t>", "</w:delText>")


def _normal(text: str) -> str:
    return " ".join(text.split())


def _marked(p_xml: str, mark: str) -> str:
    """A paragraph of the masthead with a paragraph-mark revision."""
    return p_xml.replace("</w:pPr>", f"<w:rPr>{mark}</w:rPr></w:pPr>", 1)


class _NoteKeys:
    """Mark strings of each side's layout, named by the footnote both sides share."""

    def __init__(self, cmp: Comparison) -> None:
        self.base_fid = {str(n): fid for fid, n in footnote_numbers(cmp.base).items()}
        self.new_fid = {str(n): fid for fid, n in footnote_numbers(cmp.new).items()}
        self.base_mark = {fid: m for m, fid in self.base_fid.items()}
        self.cmp = cmp

    def key(self, mark: str, base: bool) -> tuple[str, str]:
        """What the mark points to, alike on both sides (the comparison's note keys)."""
        if not mark.isdigit():
            return ("*", mark)  # the masthead's asterisk notes, by their mark
        if base:
            fid = self.base_fid.get(mark, "")
            return ("n", self.cmp.base_keys.get(fid, fid))
        fid = self.new_fid.get(mark, "")
        return ("n", self.cmp.new_keys.get(fid, fid))

    def base_of(self, new_mark: str) -> str | None:
        """The base's mark of the same note (matched, or of the very same text)."""
        if not new_mark.isdigit():
            return new_mark
        fid = self.new_fid.get(new_mark, "")
        base = self.cmp.notes.get(fid) or self.cmp.new_keys.get(fid)
        return self.base_mark.get(base) if base is not None else None


class _TrackedWriter(_WordWriter):
    def __init__(
        self,
        cmp: Comparison,
        base: Layout,
        new: Layout,
        profile: PageProfile,
        when: datetime,
        author: str,
    ) -> None:
        super().__init__(new, profile, when)
        self.cmp, self.base = cmp, base
        self.author = author.strip() or DEFAULT_AUTHOR
        moment = when.astimezone(UTC).replace(microsecond=0)
        self.date = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.later = (moment + _APART).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.last_end = ""  # the kind of revision the previous paragraph ended with
        self.last_date = self.date
        self.keys = _NoteKeys(cmp)
        self.who: list[Attribution] = list(cmp.attributions)
        self.rev_id = 0
        self.context = ""  # the paragraph being written (to find who made a change)
        self.ranges: dict[tuple[str, str], int] = {}
        self.base_notes = {n.mark: n for n in base.notes}
        self.new_notes = {n.mark: n for n in new.notes}
        self.mh_base: MastheadBlock | None = None
        self.mh_all = EQUAL  # INS/DEL: the whole masthead is new, or gone

    # -- revision elements -----------------------------------------------------------------
    def _attrs(self, status: str, text: str = "") -> str:
        self.rev_id += 1
        author, date = self.author, self.date
        found = self._imported(status, text)
        if found is not None:
            author, date = found.author, found.date or date
        return f'w:id="{self.rev_id}" w:author="{escape(author)}" w:date="{escape(date)}"'

    def _imported(self, status: str, text: str) -> Attribution | None:
        """The tracked change imported from Word that these words are, if any."""
        if not self.who or not text.strip():
            return None
        words, ctx = _normal(text), self.context
        kind = _KINDS.get(status, RevisionKind.MOVE)
        for a in self.who:
            theirs = _normal(a.text)
            if a.kind != kind or not theirs or not (theirs in words or words in theirs):
                continue
            where = _normal(a.context)
            if not ctx or not where or ctx in where or where in ctx:
                return a
        return None

    def _wrap(self, status: str, inner: str, text: str = "") -> str:
        if not inner:
            return ""
        if status in (DEL, FROM):
            inner = _deleted(inner)
        tag = _TAGS[status]
        return f"<w:{tag} {self._attrs(status, text)}>{inner}</w:{tag}>"

    def _mark(self, status: str, text: str = "") -> str:
        return f"<w:{_TAGS[status]} {self._attrs(status, text)}/>"

    # -- footnote references and their notes -------------------------------------------------
    def _reference(self, mark: str) -> str:
        """The clean writer's reference: a mark of an unchanged paragraph."""
        return self._ref(mark, self.keys.base_of(mark), EQUAL)

    def _ref(self, new_mark: str | None, base_mark: str | None, status: str) -> str:
        """A footnote reference run; its note is written to footnotes.xml as its mark is
        (an inserted mark's note inserted, a deleted one's deleted), one note per mark as
        in the clean export."""
        fid = len(self.notes_written) + 1
        self.notes_written.append(self._note(fid, new_mark, base_mark, status))
        if new_mark is not None:
            self.marks_written.add(new_mark)
        mark = new_mark if status in (EQUAL, INS, TO) else base_mark
        return reference_xml(fid, mark or "")

    def _note(self, fid: int, new_mark: str | None, base_mark: str | None, status: str) -> str:
        new = self.new_notes.get(new_mark or "")
        base = self.base_notes.get(base_mark or "")
        if status == EQUAL and new is not None and base is not None:
            return note_xml(fid, new, self._diff(base.runs, new.runs, note=True))
        if status in (INS, TO) and new is not None:
            return note_xml(fid, new, self._wrap(INS, self._plain(new.runs), new.text))
        note = base or new
        assert note is not None, "a footnote reference without its note"
        return note_xml(fid, note, self._wrap(DEL, self._plain(note.runs), note.text))

    # -- runs ------------------------------------------------------------------------------
    def _plain(self, runs: Sequence[Run]) -> str:
        return "".join(_text_run(r) for r in runs if r.text and r.footnote_ref is None)

    def _pieces(self, pieces: Sequence[Run], status: str, base: Sequence[Run] = ()) -> str:
        """Runs of one status; in an unchanged stretch ``base`` gives the base's marks."""
        base_refs = iter([r.footnote_ref for r in base if r.footnote_ref is not None])
        out: list[str] = []
        for r in _merged(pieces):
            if r.footnote_ref is not None:
                if status == EQUAL:
                    out.append(self._ref(r.footnote_ref, next(base_refs, None), EQUAL))
                elif status in (INS, TO):
                    out.append(self._ref(r.footnote_ref, None, status))
                else:
                    out.append(self._ref(None, r.footnote_ref, status))
            elif r.text:
                out.append(_text_run(r))
        return "".join(out)

    def _key(self, token: Token, base: bool) -> tuple[object, ...]:
        return tuple(
            (r.text, r.italic, r.bold, r.superscript,
             None if r.footnote_ref is None else self.keys.key(r.footnote_ref, base))
            for r in token
        )  # fmt: skip

    def _same(self, base: Sequence[Run], new: Sequence[Run]) -> bool:
        return self._key(tuple(base), True) == self._key(tuple(new), False)

    def _diff(
        self, base: Sequence[Run], new: Sequence[Run], *, moved: bool = False, note: bool = False
    ) -> str:
        """Runs of a matched paragraph (or note) with its changed words tracked. Where a
        paragraph moved to (``moved``) its words are moved text and only insertions are
        added: its deletions stand in its old place."""
        if self._same(base, new) and not moved:
            return self._plain(new) if note else self._pieces(new, EQUAL, base)
        a, b = run_tokens(base), run_tokens(new)
        ka = [self._key(t, True) for t in a]
        kb = [self._key(t, False) for t in b]

        def filler(i: int, j: int) -> bool:
            texts = [_text(t) for t in a[i:j]]
            return is_filler(texts, any(r.footnote_ref for t in a[i:j] for r in t))

        out: list[str] = []
        i = j = 0
        for h in [*fold_hunks(ka, kb, filler), None]:
            a0, b0 = (h.a0, h.b0) if h is not None else (len(a), len(b))
            same_old = [r for t in a[i:a0] for r in t]
            same_new = [r for t in b[j:b0] for r in t]
            if moved:
                out.append(self._wrap(TO, self._pieces(same_new, TO), _text(same_new)))
            else:
                out.append(self._pieces(same_new, EQUAL, same_old))
            if h is None:
                break
            old = [r for t in a[h.a0 : h.a1] for r in t]
            now = [r for t in b[h.b0 : h.b1] for r in t]
            if old and not moved:
                out.append(self._wrap(DEL, self._pieces(old, DEL), _text(old)))
            if now:
                out.append(self._wrap(INS, self._pieces(now, INS), _text(now)))
            i, j = h.a1, h.b1
        return "".join(out)

    # -- body ------------------------------------------------------------------------------
    def _body(self, d: WordDocument, parse_xml: Any) -> None:
        parts = [self._tracked_masthead()]
        marked_last = False
        for status, base, new, move in merge_blocks(self.cmp, self.base.blocks, self.layout.blocks):
            xml, marked_last = self._item(status, base, new, move)
            parts.append(xml)
        if marked_last:
            parts.append(_EMPTY_LAST)
        xml = "".join(parts) or _EMPTY_LAST
        fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
        sect = d.element.body.sectPr
        for child in list(fragment):
            sect.addprevious(child)

    def _label(self, label: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{escape(label)}</w:t></w:r>' if label else ""

    def _apart(self, xml: str, mark_revised: bool) -> str:
        """A paragraph's revisions kept apart from the previous paragraph's (``_APART``)."""
        start = _STARTS.search(xml)
        kind = _SAME_KIND[start.group(1)] if start else ""
        date = self.date
        if kind and kind == self.last_end and self.last_date == self.date:
            date = self.later
            xml = xml.replace(f'w:date="{self.date}"', f'w:date="{self.later}"')
        end = _ENDS.search(xml)
        # A revised paragraph mark is itself the revision at the end (joining is right).
        self.last_end = "" if mark_revised or not end else _SAME_KIND[end.group(1)]
        self.last_date = date
        return xml

    def _item(
        self, status: str, base: Block | None, new: Block | None, move: tuple[str, bool, bool]
    ) -> tuple[str, bool]:
        xml, marked = self._item_xml(status, base, new, move)
        return self._apart(xml, marked), marked

    def _item_xml(
        self, status: str, base: Block | None, new: Block | None, move: tuple[str, bool, bool]
    ) -> tuple[str, bool]:
        """One paragraph of the merged document, and whether its mark is a revision."""
        block = new if new is not None else base
        assert block is not None
        self.context = _normal(block.text)
        if status == EQUAL:
            assert base is not None and new is not None
            return self._matched(base, new), False
        if status in (DEL, FROM):
            assert base is not None
            block = base
        if status == TO and base is not None:
            runs = self._diff(base.runs, block.runs, moved=True)
        else:
            runs = self._wrap(status, self._pieces(block.runs, status), block.text)
        label = block.label

        def lead(xml: str) -> str:
            return self._wrap(status, xml, label)

        xml = paragraph_xml(block, self._label(label), runs, self._mark(status), lead)
        if status in (FROM, TO):
            xml = self._move_range(xml, status, *move)
        return xml, True

    def _matched(self, base: Block, new: Block) -> str:
        """A paragraph kept in its place: its changed words tracked; a new number only as
        its typed label; a lead that changed shape (a title that lost its GA number "73/7.",
        a preambular paragraph made operative) tracked whole, tab included; another style
        or indent (an operative paragraph made a sub-paragraph, a heading's level) as a
        paragraph-property change keeping the base's."""
        props_b, lead_b = paragraph_parts(base, self._label(base.label))
        props, lead = paragraph_parts(new, self._label(new.label))
        if lead_b == lead and props_b == props and self._same(base.runs, new.runs):
            return self._paragraph(new)
        if lead_b != lead:
            if lead_b and lead and base.label and new.label:  # renumbered: the label only
                lead = self._wrap(DEL, self._label(base.label), base.label) + self._wrap(
                    INS, self._label(new.label), new.label
                ) + _TAB  # fmt: skip
            else:
                lead = self._wrap(DEL, lead_b, base.label) + self._wrap(INS, lead, new.label)
        change = ""
        if props_b != props:
            change = f"<w:pPrChange {self._attrs(INS)}><w:pPr>{props_b}</w:pPr></w:pPrChange>"
        runs = self._diff(base.runs, new.runs)
        return f"<w:p><w:pPr>{props}{change}</w:pPr>{lead}{runs}</w:p>"

    def _move_range(self, xml: str, status: str, name: str, first: bool, last: bool) -> str:
        """The named range around a moved block (Word pairs moveFrom and moveTo by name)."""
        tag = _TAGS[status]
        if first:
            self.rev_id += 1
            self.ranges[(tag, name)] = self.rev_id
            start = (
                f'<w:{tag}RangeStart w:id="{self.rev_id}" w:author="{escape(self.author)}" '
                f'w:date="{self.date}" w:name="{escape(name)}"/>'
            )
            head = xml.index("</w:pPr>") + len("</w:pPr>")
            xml = xml[:head] + start + xml[head:]
        if last:
            rid = self.ranges.get((tag, name), self.rev_id)
            xml = xml[: -len("</w:p>")] + f'<w:{tag}RangeEnd w:id="{rid}"/></w:p>'
        return xml

    # -- masthead --------------------------------------------------------------------------
    def _tracked_masthead(self) -> str:
        base, new = self.base.masthead, self.layout.masthead
        if new is not None and base is not None:
            self.mh_base = base
            return self._masthead(new)
        status, mh = (INS, new) if new is not None else (DEL, base)
        if mh is None:
            return ""
        saved, self.layout = self.layout, replace(self.layout, masthead=mh)
        self.mh_all = status
        try:  # rows inserted or deleted as a whole, their text with them
            return self._masthead(mh).replace("</w:trPr>", f"{self._mark(status)}</w:trPr>")
        finally:
            self.layout, self.mh_all = saved, EQUAL

    def _mh_field(self, name: str, render: Any) -> str:
        assert self.layout.masthead is not None
        now = getattr(self.layout.masthead, name)
        if self.mh_all != EQUAL:
            return self._wrap(self.mh_all, render(now), now)
        old = getattr(self.mh_base, name) if self.mh_base is not None else now
        if old == now:
            return str(render(now))
        # A field of the masthead table changes whole (a symbol, a date).
        return self._wrap(DEL, render(old), old) + self._wrap(INS, render(now), now)

    def _mh_text(self, name: str, *, bold: bool = False, size: int = 0) -> str:
        return self._mh_field(name, lambda v: _plain_run(v, bold=bold, size=size))

    def _mh_symbol(self) -> str:
        return self._mh_field("symbol", _symbol_runs)

    def _line_runs(self, mh: MastheadBlock, name: str, bold: bool) -> tuple[Run, ...]:
        value = getattr(mh, name)
        if name == "agenda_item":
            return tuple(value)
        return (Run(value, bold=bold),) if value else ()

    def _masthead_lines(self, mh: MastheadBlock) -> str:
        """The lines under the table, each compared with the base's (a line only one side
        has is an inserted or deleted paragraph)."""
        base = mh if self.mh_all != EQUAL else self.mh_base
        assert base is not None
        lines = []
        for style, name, bold, before in MASTHEAD_LINES:
            old = () if self.mh_all == INS else self._line_runs(base, name, bold)
            now = () if self.mh_all == DEL else self._line_runs(mh, name, bold)
            if old or now:
                lines.append((style, before, old, now))
        # The room before the text follows each side's last line (a line the draft adds
        # after the base's last one takes it over: a paragraph-property change).
        last_old = max((i for i, line in enumerate(lines) if line[2]), default=-1)
        last_now = max((i for i, line in enumerate(lines) if line[3]), default=-1)
        out = []
        for i, (style, before, old, now) in enumerate(lines):
            after_old, after = (360 if i == last_old else -1), (360 if i == last_now else -1)
            if old and now:
                xml = _styled(style, self._diff(old, now), before, after)
                if after_old != after:
                    was = _styled(style, "x", before, after_old)
                    was = was[was.index("<w:pPr>") : was.index("</w:pPr>")] + "</w:pPr>"
                    change = f"<w:pPrChange {self._attrs(INS)}>{was}</w:pPrChange>"
                    xml = xml.replace("</w:pPr>", f"{change}</w:pPr>", 1)
                out.append(self._apart(xml, False))
                continue
            status, runs = (INS, now) if now else (DEL, old)
            body = self._wrap(status, self._pieces(runs, status), _text(runs))
            spacing = after if now else after_old
            xml = _marked(_styled(style, body, before, spacing), self._mark(status))
            out.append(self._apart(xml, True))
        return "".join(out)

    # -- header, settings ------------------------------------------------------------------
    def _header_runs(self) -> str:
        old, now = self.base.symbol, self.layout.symbol
        if old == now:
            return super()._header_runs()
        return self._wrap(DEL, self._label(old), old) + self._wrap(INS, self._label(now), now)

    def _finish(self, d: WordDocument, parse_xml: Any) -> None:
        """Tracking stays on for the recipient (settings.xml, after the zoom)."""
        settings = d.settings.element
        track = parse_xml(f'<w:trackRevisions xmlns:w="{W_NS}"/>')
        zoom = settings.find(f"{{{W_NS}}}zoom")
        if zoom is not None:
            zoom.addnext(track)
        else:
            settings.insert(0, track)


# -- the merged order ----------------------------------------------------------------------
Planned = tuple[str, Block | None, Block | None, str]


def merge_blocks(
    cmp: Comparison, base: Sequence[Block], new: Sequence[Block]
) -> Iterator[tuple[str, Block | None, Block | None, tuple[str, bool, bool]]]:
    """The paragraphs of the merged document in order: ``(status, base block, draft
    block, (move name, first of its move, last of its move))``. Matched paragraphs that
    kept their place are ``equal``; in each gap between them the base's deleted paragraphs
    and the old places of moved ones come first, then the draft's new paragraphs and the
    new places of moved ones."""
    base_at = {b.key: i for i, b in enumerate(base)}
    partner: dict[int, int] = {}
    displaced: set[int] = set()
    for i, nb in enumerate(new):
        unit = _is_unit(cmp, nb.key)
        # The front, annex title lines and adoption lines pair by kind and rank.
        bkey = cmp.pairs.get(nb.key) if unit else nb.key
        if bkey is None or bkey not in base_at:
            continue
        partner[i] = base_at[bkey]
        if unit and cmp.displaced(nb.key):
            displaced.add(i)
    # The blocks that kept their order frame the merge; any other matched block moved.
    stay = [i for i in sorted(partner) if i not in displaced]
    keep = increasing_run([partner[i] for i in stay])
    anchors = {stay[k]: partner[stay[k]] for k in keep}
    displaced |= set(partner) - set(anchors)
    moved_from = {partner[i]: i for i in displaced}
    names = _move_names(cmp, new, displaced)
    next_anchor = [len(base)] * (len(new) + 1)
    for i in range(len(new) - 1, -1, -1):
        next_anchor[i] = anchors.get(i, next_anchor[i + 1])
    plan: list[Planned] = []
    ptr = 0

    def flush(until: int) -> None:
        nonlocal ptr
        for j in range(ptr, until):
            if j in moved_from:
                plan.append((FROM, base[j], None, names[moved_from[j]]))
            else:
                plan.append((DEL, base[j], None, ""))
        ptr = max(ptr, until)

    for i, nb in enumerate(new):
        if i in anchors:
            flush(anchors[i])
            plan.append((EQUAL, base[anchors[i]], nb, ""))
            ptr = anchors[i] + 1
        else:
            flush(next_anchor[i])
            if i in displaced:
                plan.append((TO, base[partner[i]], nb, names[i]))
            else:
                plan.append((INS, None, nb, ""))
    flush(len(base))
    yield from _with_ranges(plan)


def _is_unit(cmp: Comparison, key: str) -> bool:
    try:
        cmp.new_unit(key)
    except KeyError:
        return False
    return True


def _move_names(cmp: Comparison, new: Sequence[Block], displaced: set[int]) -> dict[int, str]:
    """Each moved block's move name, shared by everything under the paragraph that moved."""
    names: dict[str, str] = {}
    out: dict[int, str] = {}
    for i in sorted(displaced):
        top = new[i].key
        if _is_unit(cmp, top):
            pid: str | None = top
            while pid is not None:
                if pid in cmp.moved:
                    top = pid
                pid = cmp.new_unit(pid).parent
        out[i] = names.setdefault(top, f"move{len(names) + 1}")
    return out


def _with_ranges(
    plan: list[Planned],
) -> Iterator[tuple[str, Block | None, Block | None, tuple[str, bool, bool]]]:
    first: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    for k, (status, _, _, name) in enumerate(plan):
        if status in (FROM, TO):
            first.setdefault((status, name), k)
            last[(status, name)] = k
    for k, (status, b, n, name) in enumerate(plan):
        where = (status, name)
        yield status, b, n, (name, first.get(where) == k, last.get(where) == k)
