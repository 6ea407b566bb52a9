"""A compilation text (.docx) read back into a draft in negotiation, with a loss report.

Reads the app's own compilation and clean texts and hand-made ones in the usual layouts:
labels in a first table column or at the start of each paragraph (PP1, OP5 bis, OP9 (a),
OP7 Alt 2), square brackets, alternatives, statuses ("Agreed ad ref"), proposals by
formatting (struck / bold words followed by "(EU)") or in notes ("(EU: delete
“annually”; G77 and China: retain)"), real footnotes. Labels are kept as read, so the
negotiation goes on with the same labels. What could not be mapped is listed in the
:class:`LossReport`, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafting_app.errors import ImportError_
from drafting_app.model.conventions import make_paragraph
from drafting_app.model.document import Anchor, Document, DocumentKind, Footnote, Paragraph, Part
from drafting_app.model.ids import new_id
from drafting_app.model.negotiation import (
    USUAL_GROUPS,
    Agreement,
    Negotiation,
    Option,
    Record,
    Status,
    now,
    problems,
)
from drafting_app.model.negotiation_labels import is_inserted, next_label
from drafting_app.negotiation.compilation_paragraph import Parsed, plausible_author, read_paragraph
from drafting_app.negotiation.word_cells import Item, Label, read_sheet, text_of

_ROUND_RE = re.compile(r"\bround\s+(\d{1,2})\b", re.IGNORECASE)
_REV_RE = re.compile(r"\brev(?:ision)?\.?\s*(\d{1,2})\b", re.IGNORECASE)
_OWN_LINES = ("Labels (PP, OP) are fixed", "Clean text for the next round")
_KIND_RE = re.compile(r"^(?:Compilation|Clean) text\b", re.IGNORECASE)


@dataclass
class LossReport:
    """What of the compilation did not land in the draft, and where it stood."""

    source: str
    items: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.items.append((where, what))

    def render(self) -> str:
        lines = [f"Import report for {self.source}"]
        if not self.items:
            lines.append("  Everything was imported; nothing was left out.")
        lines += [f"  note: {n}" for n in self.notes]
        lines += [f"- {where}: {what}" for where, what in self.items]
        return "\n".join(lines) + "\n"

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "notes": list(self.notes),
            "items": [{"where": w, "what": t} for w, t in self.items],
        }


@dataclass
class _Built:
    paragraph: Paragraph
    record: Record
    label: Label


class _Importer:
    def __init__(self, name: str) -> None:
        self.report = LossReport(name)
        self.known = set(USUAL_GROUPS)
        self.footnotes: dict[str, Footnote] = {}
        self.round = 1
        self.tops: dict[str, _Built] = {}
        self.subs: dict[str, _Built] = {}
        self.preamble: list[Paragraph] = []
        self.operative: list[Paragraph] = []
        self.records: dict[str, Record] = {}
        self.authors: list[str] = []
        self.own = False
        self.own_compilation = False  # prints every status but "pending"

    def front(self, lines: list[str]) -> tuple[str, str, list[str]]:
        title, body, rest = "", "", []
        for line in lines:
            if line.startswith(_OWN_LINES):
                self.own = True  # the app's own: italics are as printed
                self.own_compilation |= line.startswith(_OWN_LINES[0])
                continue
            if _KIND_RE.match(line) or _ROUND_RE.search(line) or _REV_RE.search(line):
                if m := _ROUND_RE.search(line):
                    self.round = int(m.group(1))
                elif m := _REV_RE.search(line):
                    self.round = int(m.group(1)) + 1
                continue
            if line.startswith("The ") and line.endswith(","):
                body = line
            elif not title:
                title = line
            else:
                rest.append(line)
        return title, body, rest

    def item(self, item: Item, notes: dict[str, str]) -> None:
        label = item.label
        if label.alt >= 2:
            self._alternative(label, text_of(item.cells))
            return
        inserted = bool(label.sub_suffix if label.sub else label.suffix)
        parsed = read_paragraph(
            item.cells, self.known, self.round, inserted=inserted, extra=item.extra, own=self.own
        )
        for loss in parsed.losses:
            self.report.add(label.full, loss)
        p = self._paragraph(parsed, notes, label)
        record = self._record(label, parsed, p)
        built = _Built(p, record, label)
        if label.sub:
            parent = self.tops.get(label.top)
            if parent is None:
                self.report.add(
                    label.full, f"no paragraph {label.top} above it: read as {label.top}"
                )
                self._top(built, label)
                return
            own = self._unique(
                label.own, {self.records[c.id].label for c in parent.paragraph.children}
            )
            built.record = record.with_(label=own)
            parent.paragraph.children.append(p)
            self.subs[f"{label.top} {own}"] = built
        else:
            self._top(built, label)
        self.records[p.id] = built.record
        self.authors += [q.author for q in record.proposals] + [c.author for c in record.comments]

    def _top(self, built: _Built, label: Label) -> None:
        own = self._unique(label.top, set(self.tops))
        built.record = built.record.with_(label=own)
        self.tops[own] = built
        (self.preamble if label.part == "PP" else self.operative).append(built.paragraph)
        self.records[built.paragraph.id] = built.record

    def _unique(self, label: str, used: set[str]) -> str:
        if label not in used:
            return label
        fresh = next_label(label, used, label)
        self.report.add(label, f"the label is used twice; the second paragraph is now {fresh}")
        return fresh

    def _paragraph(self, parsed: Parsed, notes: dict[str, str], label: Label) -> Paragraph:
        anchors = []
        for offset, word_id in parsed.notes:
            note = self.footnotes.get(word_id)
            if note is None:
                text = notes.get(word_id, "")
                if not text:
                    self.report.add(label.full, f"footnote mark {word_id} has no text in the file")
                note = self.footnotes[word_id] = Footnote(text)
            anchors.append(Anchor(offset, note.id))
        italics = parsed.italics
        if not italics and not label.sub and not self.own:
            part = Part.PREAMBLE if label.part == "PP" else Part.OPERATIVE
            italics = make_paragraph(parsed.text, part).italics
        return Paragraph(
            parsed.text, list(italics), anchors, id=new_id("p"), source_label=label.full
        )

    def _record(self, label: Label, parsed: Parsed, p: Paragraph) -> Record:
        inserted = is_inserted(label.own) if label.sub else is_inserted(label.top)
        # A hand-made text says "new" or nothing of an inserted paragraph; the app's own
        # compilation prints every status but "pending", so nothing there means pending.
        fallback = Status.NEW if inserted and not self.own_compilation else Status.PENDING
        status = parsed.status or fallback
        record = Record(
            label.own,
            status=status,
            brackets=tuple(parsed.brackets),
            alternatives=tuple(parsed.alternatives),
            proposals=tuple(parsed.proposals),
            comments=tuple(parsed.comments),
            origin=parsed.origin,
            agreed=Agreement(self.round, now(), p.text) if status is Status.AGREED else None,
            base=None if inserted else p.text,
        )
        wrong = problems(record, p.text)
        if wrong:
            self.report.add(label.full, f"{wrong[0]}: its brackets and proposals were dropped")
            record = record.with_(brackets=(), alternatives=(), proposals=())
        return record

    def _alternative(self, label: Label, words: str) -> None:
        """ "OP7 Alt 2 [words] (EU)": a whole alternative paragraph of OP7."""
        head_key = f"{label.top} {label.own}" if label.sub else label.top
        head = (self.subs if label.sub else self.tops).get(head_key)
        text, author = " ".join(words.split()), ""
        m = re.search(r"\s*\(([^()]+)\)\s*$", text)
        if m and plausible_author(m.group(1), self.known):
            text, author = text[: m.start()].rstrip(), " ".join(m.group(1).split())
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1].strip()
        if head is None:
            self.report.add(label.full, f"no {head_key} (Alt 1) before it: it was not imported")
            return
        if not text:
            return
        option = Option(text, author, self.round)
        record = self.records[head.paragraph.id]
        record = record.with_(paragraph_alternatives=(*record.paragraph_alternatives, option))
        self.records[head.paragraph.id] = head.record = record
        if author:
            self.authors.append(author)


def import_compilation(data: bytes, name: str) -> tuple[Document, LossReport]:
    """The draft in negotiation a compilation (or clean) text holds, and what was lost."""
    sheet = read_sheet(data, name)
    if not sheet.items:
        raise ImportError_(
            f"{name} has no labelled paragraphs (PP1 …, OP1 …, at the start of a paragraph or "
            "in a first table column): it is not a compilation text. Open it as a draft."
        )
    imp = _Importer(name)
    title, body, rest = imp.front(sheet.front)
    for item in sheet.items:
        imp.item(item, sheet.notes)
    for where, what in sheet.unread:
        imp.report.add(where, what)
    for line in rest:
        imp.report.add("before the text", f"“{line}” kept as a line before the title")
    if imp.authors or any(r.proposals or r.comments for r in imp.records.values()):
        imp.report.notes.append(
            f"proposals and comments are dated round {imp.round}: a compilation does not "
            "print the round each was made in"
        )
    delegations = list(dict.fromkeys([*USUAL_GROUPS, *imp.authors]))
    nego = Negotiation(round=imp.round, started=now(), delegations=delegations,
                       records=imp.records)  # fmt: skip
    doc = Document(
        kind=DocumentKind.DRAFT,
        title=title,
        authoring_body=body,
        preamble=imp.preamble,
        operative=imp.operative,
        footnotes=list(imp.footnotes.values()),
        front_matter=rest,
        source=name,
        negotiation=nego,
    )
    return doc, imp.report


def looks_like_compilation(data: bytes, name: str) -> bool:
    """Whether a .docx is laid out as a compilation (most of its text paragraphs labelled),
    so that opening it can offer to read it as one."""
    try:
        sheet = read_sheet(data, name)
    except ImportError_:
        return False
    words = [text_of(i.cells) for i in sheet.items]
    return len(words) >= 2 and len(words) >= len(sheet.front) + len(sheet.unread)
