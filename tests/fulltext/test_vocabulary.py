"""The shared search-as-you-type pieces: the two vocabularies agree, a prefix expands into
an FTS5 expression that finds what FTS5's own prefix query finds, words fold as the
tokenizer splits them, BM25 prefers more hits of a rarer word."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest

from drafting_app.fulltext import ranking, upkeep
from drafting_app.fulltext import vocabulary as vocabulary_module
from drafting_app.fulltext.vocabulary import (
    SortedVocabulary,
    TableVocabulary,
    expand,
    prefix_end,
)
from drafting_app.fulltext.words import fold, plain, tokens
from tests.conftest import CORPUS, REALDOCS

TOKENIZE = "unicode61 remove_diacritics 2"


def _texts() -> list[str]:
    files = [*sorted(CORPUS.glob("*.txt")), *sorted((REALDOCS / "ga").glob("*.txt"))]
    return [
        block
        for path in files
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if block.strip()
    ]


@pytest.fixture(scope="module")
def index() -> Iterator[sqlite3.Connection]:
    """An FTS5 table (prefix lists for 2–4 letters, as the corpus store's) over the
    corpus and real documents, with its vocabulary counted by fts5vocab."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        f"CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
        f"CREATE VIRTUAL TABLE t_fts USING fts5(text, content='t', content_rowid='id',"
        f" tokenize='{TOKENIZE}', prefix='2 3 4');" + upkeep.schema("vocabulary")
    )
    conn.executemany("INSERT INTO t(text) VALUES (?)", [(t,) for t in _texts()])
    conn.execute("INSERT INTO t_fts(t_fts) VALUES ('rebuild')")
    upkeep.recount(conn, "t_fts", "vocabulary", "t")
    yield conn
    conn.close()


def _rows(conn: sqlite3.Connection, match: str) -> set[int]:
    return {r[0] for r in conn.execute("SELECT rowid FROM t_fts WHERE t_fts MATCH ?", (match,))}


def _prefixes(conn: sqlite3.Connection) -> list[str]:
    words = [r[0] for r in conn.execute("SELECT term FROM vocabulary ORDER BY term")]
    found = {w[:n] for w in words[::37] for n in range(1, len(w) + 1)}
    found |= set("abcdefghijklmnopqrstuvwxyz0123456789")
    return sorted(found)


def test_table_and_sorted_vocabularies_agree(index: sqlite3.Connection) -> None:
    table = TableVocabulary(index, "vocabulary")
    memory = SortedVocabulary(index.execute("SELECT term, docs FROM vocabulary"))
    for prefix in _prefixes(index):
        assert table.rows_with_prefix(prefix) == memory.rows_with_prefix(prefix), prefix
        assert table.completions(prefix, 30) == memory.completions(prefix, 30), prefix
        assert table.branches(prefix, 2, 40) == memory.branches(prefix, 2, 40), prefix
    assert table.completions("zzzzq", 5) == [] and table.rows_with_prefix("zzzzq") == 0
    assert table.rows_with("trafficking") == memory.rows["trafficking"] > 0


def test_expanded_prefix_finds_what_the_fts5_prefix_query_finds(
    index: sqlite3.Connection,
) -> None:
    vocabulary = TableVocabulary(index, "vocabulary")
    expanded = 0
    for prefix in _prefixes(index):
        term = expand(prefix, vocabulary, range(2, 5), 64)
        assert term is not None, prefix  # every prefix here starts some word
        expanded += term != f'"{prefix}"*'
        assert _rows(index, term) == _rows(index, f'"{prefix}"*'), (prefix, term)
    assert expanded > 100  # the test exercised the expansion, not only the native form
    assert expand("zzzzq", vocabulary, range(2, 5), 64) is None
    assert expand("t", vocabulary, range(2, 5), 64) != '"t"*'  # branches: "ta"* OR "te"* …


def test_an_expansion_too_wide_falls_back_to_the_native_prefix(
    index: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocabulary = TableVocabulary(index, "vocabulary")
    # A short prefix may have many more branches than a prefix has completions (an OR of
    # 3-letter lists is walked lazily), up to MAX_BRANCHES.
    branches = expand("c", vocabulary, range(3, 4), 3)
    assert branches is not None and branches.count(" OR ") >= 3
    assert _rows(index, branches) == _rows(index, '"c"*')
    monkeypatch.setattr(vocabulary_module, "MAX_BRANCHES", 3)
    assert expand("c", vocabulary, range(2, 5), 3) == '"c"*'
    # Longer than the native prefixes: widened to the longest one (the caller checks the
    # prefix on the rows), never FTS5's merge of every list of "inter".
    widened = expand("inter", vocabulary, range(2, 5), 2)
    assert widened == '"inte"*'
    assert set(_rows(index, '"inter"*')) <= set(_rows(index, widened))
    assert expand("inter", None, range(2, 5), 64) == '"inter"*'


def test_prefix_end_bounds_every_completion() -> None:
    assert prefix_end("traff") == "trafg"
    assert prefix_end("traff") > "trafficking"
    assert prefix_end("a\U0010ffff") == "a\U0010ffff\U0010ffff"
    assert prefix_end("\ud7ff") == "\ue000"  # never a lone surrogate SQLite cannot store


def test_folding_splits_words_as_the_tokenizer_does(index: sqlite3.Connection) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE f USING fts5(text, tokenize='{TOKENIZE}')")
    conn.execute("CREATE VIRTUAL TABLE f_terms USING fts5vocab(f, instance)")
    samples = [
        *_texts()[:200],
        "Développement durable — “Rôle” des États, l’ONU; Türkiye’s non‑punishment_rule",
        "COVID‑19 2024–2034 «citation» São Tomé and Príncipe",
    ]
    for text in samples:
        conn.execute("DELETE FROM f")
        conn.execute("INSERT INTO f(rowid, text) VALUES (1, ?)", (text,))
        theirs = [r[0] for r in conn.execute("SELECT term FROM f_terms ORDER BY offset")]
        assert tokens(text) == theirs, text
    conn.close()
    assert fold("Anti-Trafficking (2024)") == "anti trafficking  2024 "
    assert plain("Côte d’Ivoire") == "cote d’ivoire"


def test_more_hits_of_a_rarer_word_rank_first() -> None:
    words = [
        " " + fold(t)
        for t in (
            "The zeppelin registry and the zeppelin fleet, zeppelin owners",
            "The zeppelin registry and the airship fleet, balloon owners",
            "The States and the States fleet, States owners of States",
        )
    ]
    weights = [ranking.idf(1000, 3), ranking.idf(1000, 900)]
    scores = ranking.scores(words, [len(w) for w in words], ["zeppelin", "states"], weights, 60)
    assert scores[0] > scores[1] > 0
    assert scores[1] > scores[2] > 0  # one hit of a rare word beats four of a common one
    assert ranking.scores(words, [1, 1, 1], ["zzz"], [1.0], 60) == [0.0, 0.0, 0.0]


def test_tokens_match_the_old_regex_split() -> None:
    word = re.compile(r"\w+")
    for text in _texts():
        old = [w for part in word.findall(plain(text)) for w in part.split("_") if w]
        assert tokens(text) == old
