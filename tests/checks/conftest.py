"""The real registry built from the five corpus documents (no fake facts)."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.conftest import CORPUS_FILES, REALDOCS


def corpus_documents() -> dict[str, Document]:
    return {name: read_document(path) for name, path in CORPUS_FILES.items()}


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.from_documents(list(corpus_documents().items()))


@pytest.fixture
def docs() -> dict[str, Document]:
    return corpus_documents()


@pytest.fixture(scope="session")
def ga_texts() -> dict[str, Document]:
    """The ten GA texts of tests/data/realdocs/ga (resolutions and two decisions)."""
    return {p.stem: read_document(p) for p in sorted((REALDOCS / "ga").glob("*.txt"))}


@pytest.fixture(scope="session")
def ga_registry(ga_texts: dict[str, Document]) -> Registry:
    """The registry of the corpus and the GA texts (as benchmarks/check_accuracy.py)."""
    return Registry.from_documents([*corpus_documents().items(), *ga_texts.items()])
