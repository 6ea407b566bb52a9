"""A digest of every table of a corpus index, row by row: two builds of the same files
must give the same digests (a faster build that changes one row is a bug).

    python -m benchmarks.index_digest DB [DB2]

Prints, per table, its row count and a SHA-256 of its rows in primary-key order (the
full-text index as its (term, row) pairs, read through ``fts5vocab``, plus the answers to a
few searches); with two databases, the tables that differ and the first differing row.
``meta`` leaves out the folders' times, which a copy of the corpus changes.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

# Table: the ORDER BY that makes its rows' order depend on their content only.
TABLES = {
    "meta": "key",
    "files": "key",
    "documents": "doc",
    "paragraphs": "id",
    "citations": "row, seq",
    "bodies": "id",
    "clauses": "id",
    "groups": "group_id",
    "vocabulary": "term",
    "vocabulary_totals": "key",
}
# Searches whose hits (ids in rank order) are compared too: words, prefixes of one to
# three letters (the prefix lists) and a phrase.
SEARCHES = ("technical assistance", "traff", "hu", "a", '"human rights"', "recall")


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[tuple[object, ...]]:
    where = " WHERE key != 'folders'" if table == "meta" else ""
    sql = f"SELECT * FROM {table}{where} ORDER BY {TABLES[table]}"
    yield from conn.execute(sql)


def _fts_rows(conn: sqlite3.Connection) -> Iterator[tuple[object, ...]]:
    conn.execute(
        "CREATE VIRTUAL TABLE temp.digest_v USING fts5vocab(main, paragraphs_fts, instance)"
    )
    yield from conn.execute("SELECT term, doc FROM temp.digest_v")


def digests(db: Path) -> dict[str, tuple[int, str]]:
    """(rows, hex digest) per table of the index at ``db``."""
    from drafting_app.corpus.store import CorpusStore

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: dict[str, tuple[int, str]] = {}
    try:
        sources = [(t, _rows(conn, t)) for t in TABLES]
        sources.append(("paragraphs_fts", _fts_rows(conn)))
        for name, rows in sources:
            h, n = hashlib.sha256(), 0
            for row in rows:
                h.update(repr(row).encode())
                n += 1
            out[name] = (n, h.hexdigest()[:16])
    finally:
        conn.close()
    store = CorpusStore.open(db, sources=[], user_dir=db.parent / "no-such-folder", sync=False)
    try:
        for query in SEARCHES:
            hits = store.search(query, limit=50)
            text = repr([(h.doc_id, h.paragraph_id, round(h.rank, 9), h.snippet) for h in hits])
            out[f"search {query}"] = (len(hits), hashlib.sha256(text.encode()).hexdigest()[:16])
    finally:
        store.close()
    return out


def first_difference(a: Path, b: Path, table: str) -> str:
    ca = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    cb = sqlite3.connect(f"file:{b}?mode=ro", uri=True)
    try:
        rows_a = _fts_rows(ca) if table == "paragraphs_fts" else _rows(ca, table)
        rows_b = _fts_rows(cb) if table == "paragraphs_fts" else _rows(cb, table)
        for n, (x, y) in enumerate(zip(rows_a, rows_b, strict=False)):
            if x != y:
                return f"row {n}: {x!r:.300}\n      vs {y!r:.300}"
        return "one has more rows"
    finally:
        ca.close()
        cb.close()


def main(argv: list[str]) -> int:
    dbs = [Path(a) for a in argv]
    found = [digests(db) for db in dbs]
    for name in found[0]:
        cells = [f"{d[name][0]:>10} {d[name][1]}" for d in found]
        same = len({d[name] for d in found}) == 1
        print(f"{name:<28} {'  '.join(cells)}{'' if same else '   DIFFERENT'}")
    if len(dbs) == 2:
        differ = [t for t in found[0] if found[0][t] != found[1][t]]
        for t in differ:
            if not t.startswith("search"):
                print(f"{t}: {first_difference(dbs[0], dbs[1], t)}")
        print("identical" if not differ else f"{len(differ)} differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
