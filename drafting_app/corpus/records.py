"""One text of the corpus as the index writes it: its listing, its passages (paragraphs
then footnotes), its clauses of agreed language and the references it makes.

Made where the file is read (in a worker process during a large build), as plain tuples:
the writer only numbers the rows and hands them to SQLite, and what crosses between
processes pickles small. Everything derived from the text alone is computed here, once:
labels and places, the clause's opener, category and normalised key, the body a citation
names in full.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from drafting_app.clauses.category import category_number
from drafting_app.clauses.extract import paragraph_clauses
from drafting_app.clauses.grouping import normalise, text_key
from drafting_app.corpus.facts import canonical_body
from drafting_app.corpus.rows import (
    FOOTNOTE,
    DocumentInfo,
    Origin,
    document_rows,
    indexed_references,
)
from drafting_app.model.document import Document, Span
from drafting_app.model.numbering import paragraph_labels
from drafting_app.model.references import RefKind

# (paragraph_id, part, label, parents JSON, opener length, text, footnote numbers JSON,
#  position)
Passage = tuple[str, str, str, str, int, str, str, int]
# (seq of its passage, key, number, opener, category, italics JSON, notes JSON,
#  children's passage seqs)
ClauseRecord = tuple[int, int, str, str, int, str, str, tuple[int, ...]]
# (seq of its passage, n within the passage, start, end, kind, body as written, body in
#  full, number, date, volumes, treaty number, ibid)
CitationRecord = tuple[int, int, int, int, str, str, str, str, str, str, str, int]

_CITED_TEXTS = (RefKind.RESOLUTION, RefKind.DECISION)


@dataclass(slots=True)
class TextRecord:
    """What the index holds of one text (see module doc)."""

    info: DocumentInfo
    passages: list[Passage]
    clauses: list[ClauseRecord]
    citations: list[CitationRecord]

    @property
    def paragraph_texts(self) -> list[str]:
        return [p[5] for p in self.passages]


# One encoder for every value (json.dumps with options makes one a call).
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _spans(spans: tuple[Span, ...] | list[Span]) -> str:
    # As _json writes a list of [start, end] pairs of integers.
    return "[" + ",".join(f"[{s.start:d},{s.end:d}]" for s in spans) + "]" if spans else ""


def text_record(doc_id: str, path: str, origin: Origin, doc: Document) -> TextRecord:
    """The record of ``doc`` under ``doc_id`` (see module doc)."""
    labels = paragraph_labels(doc)  # once for the passages and the clauses
    rows = document_rows(doc_id, path, origin, doc, citations=False, labels=labels)
    passages: list[Passage] = [
        (
            p.paragraph_id,
            p.part,
            p.label,
            _json(p.parents) if p.parents else "[]",
            len(p.opener),
            p.text,
            _json(p.footnotes) if p.footnotes else "[]",
            p.position,
        )
        for p in rows.paragraphs
    ]
    passages += [
        (f.paragraph_id, FOOTNOTE, str(f.number), "[]", 0, f.text, "[]", f.number)
        for f in rows.footnotes
    ]
    seq_of = {p.paragraph_id: seq for seq, p in enumerate(rows.paragraphs)}
    by_id = {p.id: p for p in doc.all_paragraphs()}
    clauses: list[ClauseRecord] = []
    for pid, clause in paragraph_clauses(doc_id, doc, rows.info.label, labels):
        seq = seq_of.get(pid)
        if seq is None:
            continue
        notes = [
            [f.offset, f.text, [[s.start, s.end] for s in f.italics]] for f in clause.footnotes
        ]
        children = tuple(seq_of[c.id] for c in by_id[pid].children if c.id in seq_of)
        clauses.append(
            (
                seq,
                text_key(normalise(clause.text)),
                clause.provenance.number,
                clause.opener,
                category_number(clause.category),
                _spans(clause.italics),
                _json(notes) if notes else "",
                children,
            )
        )
    return TextRecord(rows.info, passages, clauses, _citations(rows.info, passages))


def _citations(info: DocumentInfo, passages: list[Passage]) -> list[CitationRecord]:
    out: list[CitationRecord] = []
    for seq, passage in enumerate(passages):
        for n, r in enumerate(indexed_references(passage[5])):
            full = ""
            if r.kind in _CITED_TEXTS:
                # A body citing its own text may omit its name ("its resolution 70/1").
                full = canonical_body(r.body, info.body) if r.body else info.body
            out.append(
                (
                    seq,
                    n,
                    r.start,
                    r.end,
                    str(r.kind),
                    r.body,
                    full,
                    r.number,
                    r.date,
                    " ".join(r.volumes),
                    r.treaty_number,
                    int(r.ibid),
                )
            )
    return out
