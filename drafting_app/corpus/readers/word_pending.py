"""A Word file with tracked changes imported as a draft with *pending* changes: nothing is
silently accepted or dropped.

The file is read twice — every change accepted (the text the reviewers propose: the
draft) and every change rejected (the text they started from: the draft's base) — with
Word's own rules (:mod:`word_revisions`). The draft remembers that base and who made each
change (author and date), so the drafter accepts or rejects each one, shown per author.
The import report counts the pending changes by author.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import TYPE_CHECKING

from drafting_app.corpus.readers.import_report import Element, ImportReport
from drafting_app.corpus.readers.word_package import WordFileError, WordPackage
from drafting_app.corpus.readers.word_revisions import Revision, has_revisions, resolve, revisions
from drafting_app.model.document import Document
from drafting_app.model.revision import Attribution, RevisionBase, RevisionKind

if TYPE_CHECKING:
    from drafting_app.corpus.readers.docx import _WordImport

_VERB = {
    RevisionKind.INSERTION: "inserted",
    RevisionKind.DELETION: "deleted",
    RevisionKind.MOVE: "moved",
    RevisionKind.FORMATTING: "changed the formatting of",
}


def tracked_parts(pkg: WordPackage) -> list[str]:
    """The parts of the document (body, notes, headers, comments) with tracked changes."""
    return [
        p for p, root in sorted(pkg.xml.items()) if p.startswith("word/") and has_revisions(root)
    ]


def resolved(pkg: WordPackage, accept: bool) -> WordPackage:
    """The package with every tracked change accepted (or rejected)."""
    out = copy.copy(pkg)
    out.xml = {
        part: resolve(root, accept) if part.startswith("word/") and has_revisions(root) else root
        for part, root in pkg.xml.items()
    }
    return out


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def import_pending(
    reader: type[_WordImport], data: bytes, name: str, pkg: WordPackage
) -> tuple[list[Document], ImportReport]:
    """The texts of a Word file with tracked changes, each carrying its base and the
    authors of its pending changes."""
    docs, report = reader(data, name, resolved(pkg, True)).run()
    try:
        bases, _ = reader(data, name, resolved(pkg, False)).run()
    except WordFileError:
        # Every paragraph was inserted: the text the changes start from is empty.
        bases = [Document(kind=d.kind, form=d.form) for d in docs]
    found = [r for part in tracked_parts(pkg) for r in revisions(pkg.xml[part], _where(part))]
    who = [Attribution(r.author, r.date, r.kind, r.text, r.context) for r in found]
    for i, doc in enumerate(docs):
        base = bases[i] if len(bases) == len(docs) else (bases[0] if i == 0 else Document())
        doc.revision_base = RevisionBase(base, f"{name} before its tracked changes", name, who)
    _report(report, found)
    return docs, report


def _where(part: str) -> str:
    if part.endswith("footnotes.xml"):
        return "footnotes"
    if part.endswith("document.xml"):
        return "body"
    return part.removeprefix("word/")


def _report(report: ImportReport, found: list[Revision]) -> None:
    """Each tracked change, by author: kept as a pending change (formatting the model does
    not hold — bold, underline — is said to be taken as it is after the change)."""
    for r in found:
        verb = _VERB.get(r.kind, r.kind)
        text = f"{r.author}: {verb} “{_clip(r.text)}”" if r.text else f"{r.author}: {verb}"
        kind = (
            Element.FORMAT_CHANGE if r.kind == RevisionKind.FORMATTING else Element.PENDING_CHANGE
        )
        report.add(kind, text, f"{r.part}: {_clip(r.context, 50)}")
    by_author = Counter(r.author for r in found if r.kind != RevisionKind.FORMATTING)
    for author, n in by_author.items():
        report.add(
            Element.PENDING_AUTHOR, f"{author}: {n} tracked change{'s' if n != 1 else ''}", ""
        )
