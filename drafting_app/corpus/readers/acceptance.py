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
