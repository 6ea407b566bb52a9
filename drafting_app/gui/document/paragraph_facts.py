"""What the side panel says about the paragraph the caret is in: the state of its opening
phrase (UN style: a preambular or operative paragraph opens with an italic phrase from the
phrase lists; sub-paragraphs and annex paragraphs stay roman) and where it came from (a
clause of agreed language, a template)."""

from __future__ import annotations

from drafting_app.errors import EditError
from drafting_app.model.document import Document, Part
from drafting_app.model.tree import locate
from drafting_app.phrases import PhraseBook


def opener_hint(doc: Document, pid: str, phrases: PhraseBook) -> str:
    """One line on the paragraph's opening phrase ("" for no paragraph)."""
    if not pid:
        return ""
    try:
        p = doc.paragraph(pid)
    except KeyError:
        return ""
    if doc.chapeau is p:
        return "Chapeau of the decision: it ends with a colon."
    try:
        loc = locate(doc, pid)
    except EditError:
        return ""
    if loc.parent_id is not None or loc.annex is not None:
        what = "Annex paragraph" if loc.annex is not None else "Sub-paragraph"
        return f"{what}: its lead words stay in roman type."
    if not p.text.strip():
        return "Type the opening phrase; completions come from the UN phrase lists."
    opener = next((s for s in p.italics if s.start == 0), None)
    if opener is not None:
        return f"Opening phrase: “{p.text[: opener.end]}”"
    first = p.text.split(" ", 1)[0]
    part = "preamble" if loc.part is Part.PREAMBLE else "operative"
    return (
        f"“{first}…” is not a known {part} opening phrase — allowed; select the opening "
        "words and press Ctrl+I to set them in italics."
    )


def origin_line(doc: Document, pid: str) -> str:
    """Where the paragraph came from, when it was inserted from the corpus's agreed
    language or a clause template ("" otherwise)."""
    try:
        p = doc.paragraph(pid) if pid else None
    except KeyError:
        return ""
    record = p.provenance if p is not None else None
    if not record:
        return ""
    label = record.get("label", "")
    if record.get("template"):
        return f"From the clause template {label}."
    if "agreed_text" not in record:
        return f"From {label}." if label else ""
    changed = record["agreed_text"] != p.text if p is not None else False
    state = "changed since — see the Agreed language panel" if changed else "unchanged"
    return f"Agreed language from {label} ({state})."
