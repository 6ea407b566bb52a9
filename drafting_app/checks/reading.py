"""READING: what the reader of a source file said about it, as findings of ``drafting-app
check FILE``. Printed operative numbers with a gap or a duplicate ("1.", "2.", "4.") are a
fault of the text — a paragraph lost or numbered twice — and a warning at the paragraph
where the count breaks: the reader numbers by position and never renumbers silently, so
the check says where the printed numbers disagree (issue 16). Where the reader took one of
two readings (a heading in the operative part, a lettered item without a colon before it)
it is information, with the line of the file.

Only a text read from its file carries these (``Document.warnings``, not kept in a
project): they belong to that reading, so the checks run as the user types do not repeat
them; the GUI shows them in its import report.
"""

from __future__ import annotations

from drafting_app.checks.findings import Finding, Location, Severity
from drafting_app.model.document import Document
from drafting_app.model.numbering import paragraph_labels

CODE = "READING"


def reading_findings(doc: Document) -> list[Finding]:
    """A finding for each of the reader's warnings on ``doc``, in the order of the file."""
    if not doc.warnings:
        return []
    labels = paragraph_labels(doc)
    parts = {p.id: str(part) for part, p in doc.body_paragraphs()}
    for annex in doc.annexes:
        for top in annex.paragraphs():
            parts.update((p.id, "annex") for p in top.walk())
    source = f" of {doc.source}" if doc.source else ""
    out: list[Finding] = []
    for w in doc.warnings:
        where = (
            Location(parts[w.paragraph_id], w.paragraph_id, labels.get(w.paragraph_id, ""))
            if w.paragraph_id in parts
            else Location("document")
        )
        line = f"line {w.line}{source}" if w.line else f"the source{source}"
        if w.numbering:
            severity = Severity.WARNING
            evidence = (
                f"As printed at {line}: compare with the original that no paragraph was lost "
                "or numbered twice."
            )
        else:
            severity = Severity.INFO
            evidence = f"As read at {line}: the reader took one of two readings."
        out.append(Finding(CODE, severity, w.message, where, evidence))
    return out
