"""Keeping the groups of agreed language right in the corpus index as texts come and go.

A group is identical or near-identical language adopted in several texts
(:mod:`drafting_app.clauses.grouping`: the same normalised words, or a Jaccard similarity
of at least 0.85 between two texts that share two of their three rarest words).

- After a few texts were added or removed (:func:`settle`), only their clauses and the
  groups they touched are looked at: a new clause joins the group of an exact duplicate
  (an index look-up of its key) or of the near duplicates the full-text index finds for
  its rarest words; a group that lost members is split if what is left no longer holds
  together. A few milliseconds per text, whatever the size of the corpus.
- After a bulk build (:func:`regroup_all`) every group is made again in one streaming
  pass: exact duplicates by SQL, near duplicates bucket by bucket, the union-find in
  arrays of integers; memory stays bounded at any corpus size. Group ids then run from
  the most adopted language down, the order the picker ranks its candidates in.
"""

from __future__ import annotations

import itertools
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator

from drafting_app.clauses.grouping import SIMILARITY, jaccard, normalise
from drafting_app.corpus import schema

_RARE_KEYS = 3
_MAX_BUCKET = 400
# Near-duplicate candidates asked of the full-text index per pair of rare words.
_CANDIDATES = 200
# Beyond this many new clauses (or a quarter of the corpus), regrouping everything in one
# pass is cheaper than placing each clause.
BULK_CLAUSES = 20_000


def _close(a: frozenset[str], b: frozenset[str]) -> bool:
    small, large = sorted((len(a), len(b)))
    if not large or small / large < SIMILARITY:
        return False
    return jaccard(a, b) >= SIMILARITY


def _searchable(token: str) -> bool:
    # One FTS5 token that is a word (digits fold to "0": a number is never a rare word).
    return token.isalnum() and "0" not in token


def _rare_pairs(tokens: frozenset[str], frequency: Counter[str] | dict[str, int]) -> list[str]:
    words = [t for t in tokens if _searchable(t)]
    rare = sorted(words, key=lambda t: (frequency.get(t, 0), t))[:_RARE_KEYS]
    return [f"{a} {b}" for a, b in itertools.combinations(sorted(rare), 2)]


def _texts(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, frozenset[str]]:
    wanted = list(ids)
    out: dict[int, frozenset[str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for i, text in conn.execute(
            f"SELECT id, text FROM paragraphs WHERE id IN ({marks})", chunk
        ):
            out[int(i)] = frozenset(normalise(str(text)))
    return out


def _refresh_groups(conn: sqlite3.Connection, groups: Iterable[int]) -> None:
    """Head, size, part, opener and category of each group again from its members."""
    for gid in groups:
        row = conn.execute(
            "SELECT min(id), count(*) FROM clauses WHERE group_id = ?", (gid,)
        ).fetchone()
        if not row or not row[1]:
            conn.execute("DELETE FROM groups WHERE group_id = ?", (gid,))
            continue
        head, size = int(row[0]), int(row[1])
        conn.execute(
            "INSERT OR REPLACE INTO groups SELECT ?, c.id, ?, p.part, c.opener, c.category"
            " FROM clauses c JOIN paragraphs p ON p.id = c.id WHERE c.id = ?",
            (gid, size, head),
        )


def _next_group(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(group_id), 0) + 1 FROM groups").fetchone()[0])


# -- a few texts -------------------------------------------------------------------------
def _split(conn: sqlite3.Connection, gid: int) -> set[int]:
    """Split group ``gid`` into the parts that still hold together; the groups changed."""
    members = conn.execute(
        "SELECT key, min(id) FROM clauses WHERE group_id = ? GROUP BY key ORDER BY 2", (gid,)
    ).fetchall()
    if len(members) <= 1:
        return {gid}
    heads = [int(h) for _, h in members]
    sets = _texts(conn, heads)
    parent = list(range(len(heads)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in itertools.combinations(range(len(heads)), 2):
        if find(a) != find(b) and _close(sets[heads[a]], sets[heads[b]]):
            parent[max(find(a), find(b))] = min(find(a), find(b))
    roots = sorted({find(i) for i in range(len(heads))})
    changed = {gid}
    for root in roots[1:]:  # the part holding the first clause keeps the group's id
        new = _next_group(conn)
        conn.execute("INSERT INTO groups VALUES (?, 0, 0, '', '', 0)", (new,))
        keys = [members[i][0] for i in range(len(heads)) if find(i) == root]
        conn.executemany(
            "UPDATE clauses SET group_id = ? WHERE group_id = ? AND key = ?",
            [(new, gid, k) for k in keys],
        )
        changed.add(new)
    return changed


class _Placer:
    """Puts new clauses into groups one by one (see module doc)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.changed: set[int] = set()  # groups made or merged: refreshed from their members
        # Clauses that joined a group as it was: its size grows by so many, its head (the
        # first clause in corpus order, a new clause's id being the largest) stays. Counting
        # the members again read the whole group: agreed language a hundred thousand long.
        self.grown: Counter[int] = Counter()
        self._frequency: dict[str, int] = {}

    def _docs(self, tokens: Iterable[str]) -> dict[str, int]:
        missing = [t for t in tokens if t not in self._frequency]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(
                self.conn.execute(
                    f"SELECT term, docs FROM vocabulary WHERE term IN ({marks})", chunk
                )
            )
            for t in chunk:
                self._frequency[t] = int(found.get(t, 0))
        return self._frequency

    def place(self, cid: int, key: int, text: str) -> None:
        conn = self.conn
        row = conn.execute(
            "SELECT group_id FROM clauses WHERE key = ? AND group_id != 0 LIMIT 1", (key,)
        ).fetchone()
        if row is not None:
            self._join(cid, key, {int(row[0])})
            return
        tokens = frozenset(normalise(text))
        found: set[int] = set()
        for pair in _rare_pairs(tokens, self._docs(t for t in tokens if _searchable(t))):
            match = " AND ".join(f'"{w}"' for w in pair.split())
            rows = conn.execute(
                "SELECT c.id, c.group_id FROM paragraphs_fts JOIN clauses c"
                " ON c.id = paragraphs_fts.rowid WHERE paragraphs_fts MATCH ?"
                " AND c.group_id != 0 LIMIT ?",
                (match, _CANDIDATES),
            ).fetchall()
            pending = {int(i): int(g) for i, g in rows if int(g) not in found}
            for i, other in _texts(conn, pending).items():
                if pending[i] not in found and _close(tokens, other):
                    found.add(pending[i])
        self._join(cid, key, found)

    def _join(self, cid: int, key: int, groups: set[int]) -> None:
        conn = self.conn
        if not groups:
            gid = _next_group(conn)
            conn.execute("INSERT INTO groups VALUES (?, 0, 0, '', '', 0)", (gid,))
            self.changed.add(gid)
        else:
            gid = min(groups)
            for other in sorted(groups - {gid}):  # the new text joins them: one group
                conn.execute("UPDATE clauses SET group_id = ? WHERE group_id = ?", (gid, other))
                conn.execute("DELETE FROM groups WHERE group_id = ?", (other,))
                self.changed.discard(other)
                self.grown.pop(other, None)
                self.changed.add(gid)
        # Through the group index: the clauses still waiting (group 0) are the few just
        # added, while a key may be shared by a hundred thousand clauses of agreed language.
        joined = conn.execute(
            "UPDATE clauses INDEXED BY clauses_group SET group_id = ? WHERE group_id = 0"
            " AND key = ?",
            (gid, key),
        ).rowcount
        joined += conn.execute(
            "UPDATE clauses SET group_id = ? WHERE id = ? AND group_id = 0", (gid, cid)
        ).rowcount
        self.grown[gid] += joined

    def refresh(self, also: set[int]) -> None:
        """Put right the groups this placer changed and ``also`` (groups split)."""
        whole = self.changed | also
        _refresh_groups(self.conn, whole)
        self.conn.executemany(
            "UPDATE groups SET size = size + ? WHERE group_id = ?",
            [(n, gid) for gid, n in sorted(self.grown.items()) if gid not in whole],
        )


def ungrouped(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM clauses WHERE group_id = 0").fetchone()[0])


def settle(conn: sqlite3.Connection, touched: Iterable[int] = ()) -> None:
    """Put the groups right after texts were added (their clauses are in group 0) or
    removed (``touched``: the groups that lost members). Inside the caller's transaction."""
    waiting = ungrouped(conn)
    # Counting every clause reads a whole index (seconds at 100,000 documents): only
    # when enough are waiting for the count to matter.
    if waiting >= BULK_CLAUSES:
        total = int(conn.execute("SELECT count(*) FROM clauses").fetchone()[0])
        if waiting >= total // 4:
            regroup_all(conn)
            return
    changed: set[int] = set()
    for gid in sorted(set(touched)):
        changed |= _split(conn, gid)
    placer = _Placer(conn)
    rows = conn.execute(
        "SELECT c.id, c.key, p.text FROM clauses c JOIN paragraphs p ON p.id = c.id"
        " WHERE c.group_id = 0 ORDER BY c.id"
    ).fetchall()
    for cid, key, text in rows:
        still = conn.execute("SELECT group_id FROM clauses WHERE id = ?", (cid,)).fetchone()
        if still is not None and int(still[0]) == 0:  # an exact duplicate placed it already
            placer.place(int(cid), int(key), str(text))
    placer.refresh(changed)


# -- everything ----------------------------------------------------------------------------
class _Union:
    """Union-find over 0..n-1 in an array of C integers (millions of distinct texts)."""

    def __init__(self, n: int) -> None:
        self.parent = array("i", range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _distinct(conn: sqlite3.Connection) -> Iterator[tuple[int, int, str]]:
    """(dense index, key, representative text) of each distinct normalised text."""
    rows = conn.execute(
        "SELECT k.n - 1, k.key, p.text FROM regroup_keys k JOIN paragraphs p ON p.id = k.head"
        " ORDER BY k.n"
    )
    for n, key, text in rows:
        yield int(n), int(key), str(text)


def regroup_all(conn: sqlite3.Connection) -> None:
    """Make every group again (see module doc). Inside the caller's transaction."""
    conn.execute("DROP TABLE IF EXISTS regroup_keys")
    conn.execute("DROP TABLE IF EXISTS regroup_pairs")
    # Work tables in the database file, not in memory: at 100,000 documents they hold
    # millions of rows.
    conn.execute(
        "CREATE TABLE regroup_keys (n INTEGER PRIMARY KEY, key INTEGER NOT NULL,"
        " head INTEGER NOT NULL, size INTEGER NOT NULL)"
    )
    conn.execute(
        "INSERT INTO regroup_keys (key, head, size)"
        " SELECT key, min(id), count(*) FROM clauses GROUP BY key ORDER BY min(id)"
    )
    count = int(conn.execute("SELECT count(*) FROM regroup_keys").fetchone()[0])
    frequency: Counter[str] = Counter()
    for _, _, text in _distinct(conn):
        frequency.update(frozenset(normalise(text)))
    conn.execute("CREATE TABLE regroup_pairs (pair TEXT NOT NULL, n INTEGER NOT NULL)")
    batch: list[tuple[str, int]] = []
    for n, _, text in _distinct(conn):
        batch += [(pair, n) for pair in _rare_pairs(frozenset(normalise(text)), frequency)]
        if len(batch) >= 10_000:
            conn.executemany("INSERT INTO regroup_pairs VALUES (?, ?)", batch)
            batch = []
    conn.executemany("INSERT INTO regroup_pairs VALUES (?, ?)", batch)
    del frequency
    union = _Union(count)
    _join_buckets(conn, union)
    _write_groups(conn, union, count)
    conn.execute("DROP TABLE regroup_pairs")
    conn.execute("DROP TABLE regroup_keys")


def _buckets(conn: sqlite3.Connection) -> Iterator[list[int]]:
    rows = conn.execute(
        "SELECT pair, group_concat(n) FROM regroup_pairs GROUP BY pair"
        " HAVING count(*) BETWEEN 2 AND ?",
        (_MAX_BUCKET,),
    )
    for _, members in rows:
        yield [int(m) for m in str(members).split(",")]


def _join_buckets(conn: sqlite3.Connection, union: _Union) -> None:
    cache: dict[int, frozenset[str]] = {}
    for members in _buckets(conn):
        missing = [m for m in members if m not in cache]
        if missing:
            if len(cache) > 50_000:
                cache.clear()
            marks = ",".join("?" * len(missing))
            heads = {
                int(n) - 1: int(h)
                for n, h in conn.execute(
                    f"SELECT n, head FROM regroup_keys WHERE n IN ({marks})",
                    [m + 1 for m in missing],
                )
            }
            sets = _texts(conn, heads.values())
            for m in missing:
                cache[m] = sets[int(heads[m])]
        ordered = sorted(members, key=lambda m: len(cache[m]))
        for x, a in enumerate(ordered):
            limit = len(cache[a]) / SIMILARITY
            for b in ordered[x + 1 :]:
                if len(cache[b]) > limit:
                    break  # sorted by size: no later member can be close enough
                if union.find(a) != union.find(b) and _close(cache[a], cache[b]):
                    union.join(a, b)


def _write_groups(conn: sqlite3.Connection, union: _Union, count: int) -> None:
    size = array("i", bytes(4 * count))
    head = array("i", bytes(4 * count))
    roots = array("i", bytes(4 * count))
    for n, h, s in conn.execute("SELECT n - 1, head, size FROM regroup_keys ORDER BY n"):
        r = union.find(int(n))
        roots[n] = r
        size[r] += int(s)
        if r == n:
            head[r] = int(h)  # keys come in order of their first clause: the root's is first
    order = sorted((r for r in range(count) if roots[r] == r), key=lambda r: (-size[r], head[r]))
    gid = array("i", bytes(4 * count))
    for g, r in enumerate(order, start=1):
        gid[r] = g
    del order
    conn.execute("DELETE FROM groups")
    conn.execute("CREATE TABLE regroup_map (key INTEGER PRIMARY KEY, gid INTEGER NOT NULL)")
    batch: list[tuple[int, int]] = []
    for n, key in conn.execute("SELECT n - 1, key FROM regroup_keys ORDER BY n"):
        batch.append((int(key), gid[roots[int(n)]]))
        if len(batch) >= 10_000:
            conn.executemany("INSERT INTO regroup_map VALUES (?, ?)", batch)
            batch = []
    conn.executemany("INSERT INTO regroup_map VALUES (?, ?)", batch)
    # Every clause's group changes: its index is made again after, from the new ids (moving
    # each of 4 million entries to a random place cost more than sorting them once).
    schema.drop_indexes(conn, ["clauses_group"])
    conn.execute(
        "UPDATE clauses SET group_id = (SELECT gid FROM regroup_map m WHERE m.key = clauses.key)"
    )
    schema.make_indexes(conn, ["clauses_group"])
    conn.execute(
        "INSERT INTO groups SELECT c.group_id, min(c.id), count(*), '', '', 0 FROM clauses c"
        " GROUP BY c.group_id"
    )
    conn.execute(
        "UPDATE groups SET (part, opener, category) = (SELECT p.part, c.opener, c.category"
        " FROM clauses c JOIN paragraphs p ON p.id = c.id WHERE c.id = groups.head)"
    )
    conn.execute("DROP TABLE regroup_map")
