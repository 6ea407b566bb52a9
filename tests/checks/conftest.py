"""The real registry built from the five corpus documents (no fake facts)."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.conftest import CORPUS_FILES


def corpus_documents() -> dict[str, Document]:
    return {name: read_document(path) for name, path in CORPUS_FILES.items()}


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.from_documents(list(corpus_documents().items()))


@pytest.fixture
def docs() -> dict[str, Document]:
    return corpus_documents()
