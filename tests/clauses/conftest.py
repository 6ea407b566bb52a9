"""Shared fixtures for the clause tests: the five corpus documents through the real store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drafting_app.clauses.index import ClauseIndex
from drafting_app.clauses.library import ClauseLibrary, open_clause_index
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusStore]:
    db = tmp_path_factory.mktemp("store") / "corpus.sqlite3"
    user = tmp_path_factory.mktemp("user-corpus")
    with CorpusStore.open(db, [CORPUS], user_dir=user) as s:
        yield s


@pytest.fixture(scope="module")
def library(store: CorpusStore) -> ClauseLibrary:
    return ClauseLibrary.from_store(store)


@pytest.fixture(scope="module")
def registry(store: CorpusStore) -> Registry:
    return Registry.from_store(store)


@pytest.fixture(scope="module")
def index(store: CorpusStore) -> Iterator[ClauseIndex]:
    idx = open_clause_index(store)
    yield idx
    idx.close()
