"""The fuzz targets of issue 11 §3: each reader (or loader) with the real files it starts
from and how those are mutated. A loaded project must also be usable: it is described,
numbered, laid out for export and saved again (a loader that lets a broken document
through only moves the crash)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from drafting_app.clauses.document_templates import list_templates, new_document
from drafting_app.corpus.readers import decode_text, read_document, read_text
from drafting_app.corpus.readers.docx import read_docx_bytes
from drafting_app.corpus.readers.pdf import read_pdf_bytes
from drafting_app.export.blocks import build_blocks
from drafting_app.model.describe import describe
from drafting_app.storage.project import decode_project, encode_project
from tests.conftest import CORPUS_FILES, REALDOCS
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
    return encode_project(doc)


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
            p.setdefault("anchors", []).append([rng.choice([n + 1, -3, 10**12]), "nope"])
            p.setdefault("italics", []).append(rng.choice([[n, n + 50], [5, 2], [-1, 3]]))
    elif op == 3 and paras:
        p = rng.choice(paras)
        p["id"] = rng.choice([q.get("id") for q in paras] + ["", " ", "../x", 7])
    elif op == 4 and paras:
        p = rng.choice(paras)
        if isinstance(p.get("children"), list):
            p["children"].append(json.loads(json.dumps(p)))  # the paragraph inside itself
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
    Target("text (corpus, Markdown, PDF text)", text_seeds, mutate, read_text_bytes),
    Target("docx bytes", docx_seeds, mutate, lambda d: read_docx_bytes(d, "fuzzed.docx")),
    Target("docx members/XML", docx_seeds, mutate_package,
           lambda d: read_docx_bytes(d, "fuzzed.docx")),
    Target("pdf bytes", pdf_seeds, mutate, lambda d: read_pdf_bytes(d, "fuzzed.pdf")),
    Target("project JSON", project_seeds, mutate_project, load_and_use_project),
]  # fmt: skip
