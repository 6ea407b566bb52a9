"""Whether a text read from a file is a resolution or decision at all. One decision for
every way in — ``check``/``parse``/``export``, ``import-report``, File › Open and the
corpus — so that a file one of them refuses is refused by all, with the same reason."""

from __future__ import annotations

from drafting_app.errors import FormatError
from drafting_app.model.document import Document


def require_resolution(doc: Document, name: str) -> Document:
    """``doc`` when it reads as a resolution or decision; a clear refusal otherwise.

    Paragraphs alone are not enough (any list reads as paragraphs): a UN text has an
    authoring-body line, a heading, a masthead, a decision chapeau, or paragraphs that open
    with a UN opening phrase ("Recalling", "Requests")."""
    if not (doc.preamble or doc.operative or doc.chapeau or doc.annexes or doc.parts):
        raise FormatError(
            f"{name} holds no resolution or decision text "
            "(no preambular or operative paragraphs were found)."
        )
    if doc.authoring_body or doc.heading or doc.masthead or doc.chapeau or doc.parts:
        return doc
    from drafting_app.phrases import default_phrasebook

    phrases = default_phrasebook()
    if any(phrases.split(p.text) for p in doc.all_paragraphs()):
        return doc
    raise FormatError(
        f"{name} does not read as a resolution or decision: it has no authoring-body line "
        '("The General Assembly,"), no heading, and no paragraph opens with a UN opening '
        'phrase such as "Recalling" or "Requests".'
    )


def reads_as_text(doc: Document) -> bool:
    try:
        require_resolution(doc, "")
    except FormatError:
        return False
    return True


def text_name(doc: Document) -> str:
    """A text of a file as a list names it: "Decision 7/CMA.3 — Matters relating to …"."""
    from drafting_app.model.places import heading_label

    heading = heading_label(doc.heading, str(doc.kind)) if doc.heading else ""
    name = " — ".join(x for x in (heading, doc.title) if x)
    return name or (doc.masthead.symbol if doc.masthead else "") or "Untitled text"


def choose_text(docs: list[Document], number: int | None, name: str) -> Document:
    """Text ``number`` (from 1) of a file holding ``docs``; the first when None."""
    if number is None:
        return docs[0]
    if not 1 <= number <= len(docs):
        holds = "one text" if len(docs) == 1 else f"{len(docs)} texts"
        raise FormatError(f"{name} holds {holds}; --text takes 1 to {len(docs)}.")
    return docs[number - 1]


def texts_listing(docs: list[Document], name: str, chosen: Document, command: str) -> str:
    """The texts of a volume, numbered, the one shown marked (empty for one text)."""
    if len(docs) < 2:
        return ""
    lines = [f"{name} holds {len(docs)} texts ({command} --text N for another):"]
    for i, doc in enumerate(docs, start=1):
        mark = "*" if doc is chosen else " "
        lines.append(f" {mark}{i:>3}. {text_name(doc)[:90]}")
    return "\n".join(lines) + "\n"
