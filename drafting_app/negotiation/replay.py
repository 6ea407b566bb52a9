"""A negotiation written down as steps and replayed on a draft: what the facilitator does in
the window, in words rather than clicks — ``drafting-app negotiate FILE STEPS.json``.

A steps file is a JSON list; each step names the paragraph by its label in the compilation
text ("OP5", "OP5 bis", "OP9 (a)") and the words by quoting them (``"occurrence": 2`` when
they occur more than once), never by offsets, so it reads like the facilitator's notes:

    {"do": "start", "delegations": ["EU", "G77 and China"]}
    {"do": "round"}
    {"do": "propose", "at": "OP3", "by": "EU", "replace": "Urges", "with": "Encourages"}
    {"do": "propose", "at": "OP5", "by": "US", "delete": "if necessary, "}
    {"do": "propose", "at": "OP5", "by": "US", "insert": " within existing resources",
     "after": "communications"}                       ("before": … at the start)
    {"do": "propose", "at": "OP8", "by": "CANZ", "delete_paragraph": true}
    {"do": "propose_paragraph", "after": "OP5", "by": "African Group", "text": "Invites …"}
    {"do": "accept", "at": "OP3", "by": "EU"}        ("words": … when it made several)
    {"do": "drop", "at": "OP5", "by": "US", "words": "if necessary, "}
    {"do": "accept_paragraph", "at": "OP5 bis"}   /  {"do": "drop_paragraph", …}
    {"do": "bracket", "at": "PP3", "words": "in June 2008"}  /  {"do": "unbracket", …}
    {"do": "alternative", "at": "OP1", "words": "Urges", "with": "Calls upon", "by": "EU"}
    {"do": "choose", "at": "OP1", "words": "Urges", "option": 2}   (1: the text as it is)
    {"do": "status", "at": "OP1", "status": "agreed-ad-ref"}
    {"do": "comment", "at": "OP5", "by": "African Group", "text": "retain"}

Every step is the model edit the window's command makes, with the verb-ladder and
punctuation fixes the window's controller adds (so the replay and the window give the same
text). A step that cannot be made stops the replay with its number and the reason; nothing
is saved then.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from drafting_app.citations.keeping import with_reference_rewrites
from drafting_app.errors import DraftingError
from drafting_app.model.changes import Edit
from drafting_app.model.conventions import make_paragraph, with_fixes
from drafting_app.model.document import Document, Paragraph
from drafting_app.model.negotiation import Proposal, ProposalKind, Record, Status
from drafting_app.model.negotiation_edits import (
    AcceptNewParagraph,
    AcceptProposal,
    AddAlternative,
    AddBracket,
    AddComment,
    ChooseAlternative,
    DropNewParagraph,
    DropProposal,
    NewRound,
    Propose,
    ProposeParagraph,
    RemoveBracket,
    SetStatus,
    StartNegotiation,
)
from drafting_app.model.negotiation_labels import full_labels
from drafting_app.model.profiles import BodyProfile
from drafting_app.model.tree import locate

Step = Mapping[str, Any]


class StepError(DraftingError):
    """A step of a replay that cannot be made: which one and why."""


def read_steps(path: Path) -> list[Step]:
    """The steps of a JSON steps file (a list of objects, each with "do")."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DraftingError(f"{path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftingError(f"{path.name} could not be read: {exc}.") from None
    except json.JSONDecodeError as exc:
        raise DraftingError(f"{path.name} is not JSON: {exc.msg} (line {exc.lineno}).") from None
    if not isinstance(data, list) or not all(isinstance(s, dict) and "do" in s for s in data):
        raise DraftingError(f"{path.name}: a steps file is a list of objects, each with “do”.")
    return data


# -- finding what a step names ---------------------------------------------------------------
def paragraph_at(doc: Document, label: str) -> tuple[Paragraph, Record]:
    """The paragraph labelled ``label`` ("OP5 bis") in the compilation text."""
    nego = doc.negotiation
    if nego is None:
        raise DraftingError('The draft is not in negotiation: start with {"do": "start"}.')
    wanted = " ".join(str(label).split())
    for pid, name in full_labels(doc, nego).items():
        if name == wanted and pid in nego.records:
            return doc.paragraph(pid), nego.records[pid]
    raise DraftingError(f"There is no paragraph {wanted} in the compilation text.")


def find_words(p: Paragraph, label: str, words: str, occurrence: int | None = None) -> int:
    """Where ``words`` start in the paragraph (the ``occurrence``-th time, from 1)."""
    if not words:
        raise DraftingError(f"{label}: the step quotes no words.")
    starts: list[int] = []
    at = p.text.find(words)
    while at >= 0:
        starts.append(at)
        at = p.text.find(words, at + 1)
    if not starts:
        raise DraftingError(f"{label} has no “{words}”.")
    if occurrence is None:
        if len(starts) > 1:
            raise DraftingError(
                f"“{words}” occurs {len(starts)} times in {label}: say which (“occurrence”)."
            )
        return starts[0]
    if not 1 <= occurrence <= len(starts):
        raise DraftingError(f"“{words}” occurs {len(starts)} times in {label}, not {occurrence}.")
    return starts[occurrence - 1]


def _span(p: Paragraph, label: str, step: Step, key: str = "words") -> tuple[int, int]:
    words = str(step.get(key, ""))
    start = find_words(p, label, words, step.get("occurrence"))
    return start, start + len(words)


def _proposal(r: Record, label: str, step: Step, p: Paragraph) -> Proposal:
    """The proposal a step names: by its author, and its words when the author made several
    (the words it covers, or the words it adds)."""
    by = " ".join(str(step.get("by", "")).split())
    mine = [q for q in r.proposals if not by or q.author == by]
    words = step.get("words")
    if words is not None:
        mine = [q for q in mine if words in (q.text, q.old, p.text[q.start : q.end])]
    if len(mine) != 1:
        who = f" by {by}" if by else ""
        what = f" on “{words}”" if words is not None else ""
        n = "no" if not mine else str(len(mine))
        raise DraftingError(f"{label} has {n} open proposals{who}{what}: name one (“words”).")
    return mine[0]


# -- the steps ---------------------------------------------------------------------------------
def _propose(doc: Document, step: Step) -> Edit:
    label = str(step.get("at", ""))
    p, _ = paragraph_at(doc, label)
    by = str(step.get("by", ""))
    if step.get("delete_paragraph"):
        return Propose(p.id, ProposalKind.DELETE_PARAGRAPH, by)
    if "replace" in step:
        start, end = _span(p, label, step, "replace")
        return Propose(p.id, ProposalKind.REPLACE, by, start, end, str(step.get("with", "")))
    if "delete" in step:
        start, end = _span(p, label, step, "delete")
        return Propose(p.id, ProposalKind.DELETE, by, start, end)
    if "insert" in step:
        if "after" in step:
            _, at = _span(p, label, step, "after")
        elif "before" in step:
            at, _ = _span(p, label, step, "before")
        else:
            raise DraftingError(f"{label}: say where the words go (“after” or “before”).")
        return Propose(p.id, ProposalKind.INSERT, by, at, at, str(step["insert"]))
    raise DraftingError("A proposal replaces, deletes or inserts words, or deletes the paragraph.")


def _propose_paragraph(doc: Document, step: Step) -> Edit:
    after = str(step.get("after", ""))
    p, _ = paragraph_at(doc, after)
    where = locate(doc, p.id)
    text = " ".join(str(step.get("text", "")).split())
    if not text:
        raise DraftingError("The new paragraph has no text.")
    shaped = make_paragraph(text, where.part, sub=where.parent_id is not None)
    return ProposeParagraph(where.part, where.parent_id, where.index + 1, shaped,
                            str(step.get("by", "")))  # fmt: skip


def _decide(accept: bool) -> Callable[[Document, Step], Edit]:
    def make(doc: Document, step: Step) -> Edit:
        label = str(step.get("at", ""))
        p, r = paragraph_at(doc, label)
        q = _proposal(r, label, step, p)
        return AcceptProposal(p.id, q.id) if accept else DropProposal(p.id, q.id)

    return make


def _new_paragraph(accept: bool) -> Callable[[Document, Step], Edit]:
    def make(doc: Document, step: Step) -> Edit:
        p, _ = paragraph_at(doc, str(step.get("at", "")))
        return AcceptNewParagraph(p.id) if accept else DropNewParagraph(p.id)

    return make


def _bracket(doc: Document, step: Step) -> Edit:
    label = str(step.get("at", ""))
    p, _ = paragraph_at(doc, label)
    return AddBracket(p.id, *_span(p, label, step))


def _unbracket(doc: Document, step: Step) -> Edit:
    label = str(step.get("at", ""))
    p, r = paragraph_at(doc, label)
    span = _span(p, label, step)
    for b in r.brackets:
        if (b.start, b.end) == span:
            return RemoveBracket(p.id, b.id)
    raise DraftingError(f"“{step.get('words')}” in {label} is not in brackets of its own.")


def _alternative(doc: Document, step: Step) -> Edit:
    label = str(step.get("at", ""))
    p, _ = paragraph_at(doc, label)
    start, end = _span(p, label, step)
    return AddAlternative(p.id, start, end, str(step.get("with", "")), str(step.get("by", "")))


def _choose(doc: Document, step: Step) -> Edit:
    label = str(step.get("at", ""))
    p, r = paragraph_at(doc, label)
    span = _span(p, label, step)
    for a in r.alternatives:
        if (a.start, a.end) == span:
            return ChooseAlternative(p.id, a.id, int(step.get("option", 1)) - 1)
    raise DraftingError(f"“{step.get('words')}” in {label} has no alternatives.")


def _status(doc: Document, step: Step) -> Edit:
    p, _ = paragraph_at(doc, str(step.get("at", "")))
    try:
        status = Status(str(step.get("status", "")))
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise DraftingError(f"A status is one of {names}.") from None
    return SetStatus(p.id, status)


def _comment(doc: Document, step: Step) -> Edit:
    p, _ = paragraph_at(doc, str(step.get("at", "")))
    return AddComment(p.id, str(step.get("by", "")), str(step.get("text", "")))


def _start(doc: Document, step: Step) -> Edit:
    names = step.get("delegations")
    return StartNegotiation(list(names) if names is not None else None,
                            str(step.get("facilitator", "")))  # fmt: skip


STEPS: dict[str, Callable[[Document, Step], Edit]] = {
    "start": _start,
    "round": lambda _doc, _step: NewRound(),
    "propose": _propose,
    "propose_paragraph": _propose_paragraph,
    "accept": _decide(True),
    "drop": _decide(False),
    "accept_paragraph": _new_paragraph(True),
    "drop_paragraph": _new_paragraph(False),
    "bracket": _bracket,
    "unbracket": _unbracket,
    "alternative": _alternative,
    "choose": _choose,
    "status": _status,
    "comment": _comment,
}


def edit_of(doc: Document, step: Step) -> Edit:
    """The model edit of one step (not applied)."""
    make = STEPS.get(str(step.get("do", "")))
    if make is None:
        raise DraftingError(f"Unknown step “{step.get('do')}”: one of {', '.join(STEPS)}.")
    return make(doc, step)


def replay(doc: Document, steps: Sequence[Step], body: BodyProfile) -> int:
    """Apply ``steps`` to ``doc`` in order, as the window would (with its ladder and
    punctuation fixes); the number of steps made. :class:`StepError` names the step that
    could not be made (the steps before it stay made: replay on a copy to keep the draft)."""
    for n, step in enumerate(steps, start=1):
        try:
            edit = with_reference_rewrites(doc, edit_of(doc, step))
            with_fixes(doc, edit, body).apply(doc)
        except DraftingError as exc:
            raise StepError(f"Step {n} ({step.get('do')}): {exc}") from None
    return len(steps)
