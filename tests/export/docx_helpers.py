"""Helpers for export tests: canonical XML of a .docx part, golden files with a readable diff."""

from __future__ import annotations

import difflib
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from drafting_app.corpus.readers import read_document
from drafting_app.model import Document, deterministic_ids
from tests.conftest import CORPUS_FILES

GOLDEN = Path(__file__).parent / "golden"
FIXED_WHEN = datetime(2008, 10, 9, 12, 0, tzinfo=UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UPDATE_ENV = "DRAFTING_APP_UPDATE_GOLDEN"


def corpus_doc(key: str) -> Document:
    with deterministic_ids():
        return read_document(CORPUS_FILES[key])


def part_xml(docx_path: Path, name: str) -> bytes:
    with zipfile.ZipFile(docx_path) as z:
        return z.read(name)


def canonical(xml: bytes) -> str:
    """C14N (sorted attributes, no insignificant blanks), then indented: stable and diffable."""
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    c14n = etree.canonicalize(etree.tostring(root).decode())
    root = etree.fromstring(c14n.encode())
    etree.indent(root, "  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def assert_golden(actual: str, name: str) -> None:
    """Compare with tests/export/golden/NAME; DRAFTING_APP_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get(UPDATE_ENV) == "1":
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run with {UPDATE_ENV}=1 to create it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{name}",
                "exported",
                n=2,
            )
        )
        pytest.fail(
            f"{name} differs from the golden file ({UPDATE_ENV}=1 to accept):\n{diff[:20000]}"
        )


def footnote_texts(docx_path: Path) -> list[str]:
    """Texts of the real footnotes (separators left out), in file order."""
    root = etree.fromstring(part_xml(docx_path, "word/footnotes.xml"))
    out = []
    for fn in root.iter(f"{W}footnote"):
        if fn.get(f"{W}type"):
            continue
        out.append("".join(t.text or "" for t in fn.iter(f"{W}t")))
    return out
