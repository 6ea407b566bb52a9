"""The fuzz targets of issue 11 §3 and issue 22 §12: each reader (or loader) with the real
files it starts from and how those are mutated — Word, PDF, the text forms, project JSON
and clause collections. A loaded project must also be usable: it is described, numbered,
saved and exported to Word again (a loader that lets a broken document through only moves
the crash: a lone surrogate loaded, then Save raised UnicodeEncodeError); a loaded
collection gives its paragraphs. ``kind`` names the reader for bounded_child.py."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from drafting_app.clauses.collection import SavedClause, parse_collection, serialize
from drafting_app.clauses.document_templates import list_templates, new_document
from drafting_app.corpus.readers import decode_text, read_document, read_text
from drafting_app.corpus.readers.docx import import_docx_texts, read_docx_bytes
from drafting_app.corpus.readers.pdf import read_pdf_bytes
from drafting_app.export.blocks import build_blocks
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.model.describe import describe, document_text
from drafting_app.model.document import Part
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.storage.project import decode_project, encode_project
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.corpus.wordbuild import source_words, words
from tests.reliability.fuzzing import mutate, mutate_package

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Path("fuzzed.unres.json")
Mutator = Callable[[bytes, random.Random], bytes]


@dataclass(frozen=True)
class Target:
    name: str
    seeds: Callable[[], list[bytes]]
    mutator: Mutator
    reader: Callable[[bytes], object]
    kind: str = ""


def _files(*patterns: str) -> list[bytes]:
    return [p.read_bytes() for pattern in patterns for p in sorted(REALDOCS.glob(pattern))]


@cache
def text_seeds() -> list[bytes]:
    corpus = [p.read_bytes() for p in CORPUS_FILES.values()]
    return corpus + _files("ga/*.txt", "mun-docx/*.txt")


@cache
def docx_seeds() -> list[bytes]:
    return _files("mun-docx/*.docx", "un-docx/*.docx")


@cache
def pdf_seeds() -> list[bytes]:
    return _files("pdf/*.pdf")


@cache
def project_seeds() -> list[bytes]:
    docs = [new_document(t.key) for t in list_templates()]
    docs += [read_document(p) for p in CORPUS_FILES.values()]
    docs += [read_document(p) for p in sorted((REALDOCS / "ga").glob("*.txt"))[:3]]
    fixtures = sorted((ROOT / "tests" / "data" / "projects").glob("*.json"))
    return [encode_project(d, {"profile": "cop"}) for d in docs] + [
        p.read_bytes() for p in fixtures
    ]


def read_text_bytes(data: bytes) -> object:
    return read_text(decode_text(data, "fuzzed.txt"), "fuzzed.txt")


def load_and_use_project(data: bytes) -> object:
    doc = decode_project(data, PROJECT).document
    describe(doc)
    build_blocks(doc)
    docx_bytes(doc)  # what opens can be exported …
    return encode_project(doc)  # … and saved


class SilentLoss(Exception):
    """Words a Word file shows that are neither in the imported texts nor in the report."""


def import_docx_checking_loss(data: bytes) -> object:
    """Import a Word file and hold it to the silent-loss oracle (issue 22 §12): every word
    of the visible text of the document and footnote parts (Word's text runs, deleted text
    aside) is in the imported texts — with their numbers, typed labels and footnote
    numbers — or in the import report."""
    docs, report = import_docx_texts(data, "fuzzed.docx")
    held = words(report.text())
    for doc in docs:
        held += words(document_text(doc))
        held += words(" ".join(paragraph_labels(doc).values()))
        held += words(" ".join(p.source_label or "" for p in doc.all_paragraphs()))
        held += words(" ".join(str(n) for n in footnote_numbers(doc).values()))
    missing = source_words(data, ("document", "footnotes")) - held
    if missing:
        raise SilentLoss(f"lost without a word in the report: {sorted(missing)[:12]}")
    return docs


@cache
def collection_seeds() -> list[bytes]:
    """Collections of the paragraphs (with their footnotes) of real texts."""
    out = []
    for path in [*CORPUS_FILES.values(), *sorted((REALDOCS / "ga").glob("*.txt"))[:3]]:
        doc = read_document(path)
        clauses = [
            SavedClause.from_paragraph(p, doc.footnotes, part, note="seed")
            for part, paras in ((Part.PREAMBLE, doc.preamble), (Part.OPERATIVE, doc.operative))
            for p in paras
        ]
        out.append(serialize(clauses))
    return out


def load_and_use_collection(data: bytes) -> object:
    clauses = parse_collection(data, "fuzzed.json")
    return [c.to_paragraph() for c in clauses]


# -- project JSON mutations ----------------------------------------------------------------
_ODD_VALUES: list[Any] = [
    None, True, 0, -1, 2**64, -(2**63), 10**400, 1e308, float("nan"), "", "x" * 5000,
    [], {}, [[1, 2]], {"id": "p"}, "\u202e\x00", [None], -0.0,
]  # fmt: skip


def _nodes(value: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) under ``value``."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        out.append((value, key))
        if isinstance(child, dict | list):
            _nodes(child, out)
    return out


def _paragraphs(value: Any) -> list[dict[str, Any]]:
    return [c[k] for c, k in _nodes(value, []) if isinstance(c[k], dict) and "text" in c[k]]


def _list(value: Any) -> list[Any]:
    """An earlier mutation may have put anything where a list was."""
    return value if isinstance(value, list) else []


def _deep(depth: int) -> str:
    return '{"id": "d%d", "text": "t", "children": [' * depth % tuple(range(depth)) + "]}" * depth


def mutate_project(data: bytes, rng: random.Random) -> bytes:
    """A project file changed in its structure: wrong types, missing keys, huge numbers,
    deep nesting, bad and repeated ids (a paragraph inside itself), anchors and italics
    out of range, odd format versions."""
    try:
        obj = json.loads(data)
        nodes = _nodes(obj, [])
    except (ValueError, RecursionError, AttributeError, TypeError):
        return mutate(data, rng)
    if not nodes:
        return mutate(data, rng)
    paras = _paragraphs(obj)
    op = rng.randrange(9)
    container, key = rng.choice(nodes)
    if op == 0:
        container[key] = rng.choice(_ODD_VALUES)
    elif op == 1 and isinstance(container, dict):
        del container[key]
    elif op == 2 and paras:
        p = rng.choice(paras)
        if isinstance(p.get("text"), str):
            n = len(p["text"])
            p["anchors"] = [*_list(p.get("anchors")), [rng.choice([n + 1, -3, 10**12]), "nope"]]
            p["italics"] = [*_list(p.get("italics")), rng.choice([[n, n + 50], [5, 2], [-1, 3]])]
    elif op == 3 and paras:
        p = rng.choice(paras)
        p["id"] = rng.choice([q.get("id") for q in paras] + ["", " ", "../x", 7])
    elif op == 4 and paras:
        p = rng.choice(paras)
        p["children"] = [*_list(p.get("children")), json.loads(json.dumps(p))]  # inside itself
    elif op == 5 and isinstance(obj, dict):
        obj["format_version"] = rng.choice([0, -1, "2", 1, 3, 2**70, 1.5, None])
    elif op == 6 and paras:
        rng.choice(paras)["text"] = "word " * rng.choice([10_000, 300_000])
    elif op == 7:
        text = json.dumps(obj)
        at = text.find('"children": []')
        if at >= 0:
            deep = '"children": [' + _deep(rng.choice([50, 900, 5000])) + "]"
            return (text[:at] + deep + text[at + len('"children": []') :]).encode()
    else:
        return mutate(data, rng)
    return json.dumps(obj).encode()


TARGETS = [
    Target("text (corpus, Markdown, PDF text)", text_seeds, mutate, read_text_bytes, "text"),
    Target("docx bytes", docx_seeds, mutate, lambda d: read_docx_bytes(d, "fuzzed.docx"), "docx"),
    Target("docx members/XML", docx_seeds, mutate_package,
           lambda d: read_docx_bytes(d, "fuzzed.docx"), "docx"),
    Target("docx silent loss", docx_seeds, mutate_package, import_docx_checking_loss,
           "docx-oracle"),
    Target("pdf bytes", pdf_seeds, mutate, lambda d: read_pdf_bytes(d, "fuzzed.pdf"), "pdf"),
    Target("project JSON", project_seeds, mutate_project, load_and_use_project, "project"),
    Target("clause collection", collection_seeds, mutate_project, load_and_use_collection,
           "collection"),
]  # fmt: skip
