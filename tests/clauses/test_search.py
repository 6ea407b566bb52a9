"""Search as you type over the clause index (FTS5, BM25, prefixes, hostile input)."""

from __future__ import annotations

import pytest

from drafting_app.clauses.index import ClauseIndex
from drafting_app.clauses.query import fts_query, terms
from drafting_app.model.document import Part


def labels(index: ClauseIndex, query: str, **kw: object) -> list[str]:
    return [h.clause.provenance.label() for h in index.search(query, **kw)]  # type: ignore[arg-type]


def test_extrabudgetary_finds_both_sources_first(index: ClauseIndex) -> None:
    hits = index.search("extrabudgetary")
    top = hits[0]
    assert [s.label() for s in top.sources] == ["Resolution 5/2, op 18", "Resolution 10/3, op 17"]
    assert top.size == 2
    assert top.clause.text.startswith("Invites Member States and other donors")
    others = {h.clause.provenance.label() for h in hits[1:]}
    assert "Decision 3/3, op (i)" in others  # "subject to the availability of extrabudgetary…"


def test_every_term_is_a_prefix(index: ClauseIndex) -> None:
    assert labels(index, "extrab")[:1] == ["Resolution 5/2, op 18"]
    assert labels(index, "Invites donors extrab") == ["Resolution 5/2, op 18"]


def test_stop_words_are_dropped_and_case_ignored(index: ClauseIndex) -> None:
    assert labels(index, "resources for the purposes") == labels(index, "RESOURCES purposes")
    assert terms("the resources of the") == ["resources"]
    assert terms("the of") == ["the", "of"]  # nothing else: keep them


def test_filters_by_part_and_opener(index: ClauseIndex) -> None:
    hits = index.search("secretariat", part=Part.OPERATIVE, opener="Requests")
    assert hits
    assert all(h.clause.part is Part.OPERATIVE and h.clause.opener == "Requests" for h in hits)
    assert "Resolution 5/2, op 16" in {h.clause.provenance.label() for h in hits}
    pre = index.search("article 32", part=Part.PREAMBLE)
    assert pre and all(h.clause.part is Part.PREAMBLE for h in pre)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "NEAR(",
        "*",
        "a:b",
        "(((",
        "-",
        "^x",
        "'; DROP TABLE groups; --",
        "\x00",
        "ё" * 500,
        "x" * 10_000,
        "   ",
        "",
    ],
)
def test_user_input_never_raises(index: ClauseIndex, query: str) -> None:
    index.search(query)  # no exception, whatever the input
    assert isinstance(index.search(query), list)


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('NEAR(x "b"') == '"near"* AND "x"* AND "b"*'
    assert fts_query("") is None


def test_unknown_word_gives_nothing(index: ClauseIndex) -> None:
    assert index.search("zzzyxq") == []


def test_browse_by_opener(index: ClauseIndex) -> None:
    openers = dict(index.openers(Part.OPERATIVE))
    assert openers["Requests"] >= 10
    hits = index.browse(Part.OPERATIVE, "Invites")
    assert "Resolution 5/2, op 18" in {h.clause.provenance.label() for h in hits}


def test_the_index_groups_as_the_library_does(index: ClauseIndex, library) -> None:  # type: ignore[no-untyped-def]
    assert index.count() == (145, 141)
    stored = sorted(sorted(c.clause_id for c in index.group(g)) for g in range(1, 142))
    assert stored == sorted(sorted(c.clause_id for c in g) for g in library.groups)


def test_clause_round_trips_through_the_index(index: ClauseIndex, library) -> None:  # type: ignore[no-untyped-def]
    original = library.clause("bundled/002_ecb4862eedf5f58e:preamble:PP1")
    assert index.clause(original.clause_id) == original


def test_a_document_added_is_in_the_picker_without_reading_the_corpus_again(
    tmp_path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from drafting_app.clauses.library import open_clause_index
    from drafting_app.corpus.store import CorpusStore
    from tests.conftest import CORPUS, REALDOCS

    with CorpusStore.open(tmp_path / "corpus.sqlite3", [CORPUS], user_dir=tmp_path / "u") as s:
        index = open_clause_index(s)
        assert index.count() == (145, 141)

        def no_reading(doc_id: str) -> None:
            raise AssertionError("a corpus document was read again")

        monkeypatch.setattr(s, "document", no_reading)
        s.add_document(REALDOCS / "ga" / "A-RES-80-1_palestine-participation-2025.txt")
        clauses, _ = index.count()  # the same connection sees the new text at once
        assert clauses == 145 + 5 + 3 + 3  # A/RES/80/1: 5 preambular, 3 operative + 3 sub
        assert index.search("Palestine")
        index.close()


def test_a_clause_comes_with_its_sub_paragraphs(index: ClauseIndex) -> None:
    paragraph, notes = index.paragraph("bundled/002_ecb4862eedf5f58e:operative:8.")
    assert paragraph.text == "Encourages States to consider:"
    assert [c.text.split()[0].rstrip(",") for c in paragraph.children] == [
        "Integrating",
        "Establishing",
        "Raising",
        "Making",
        "Ensuring",
    ]
    assert notes == []
    france, france_notes = index.paragraph("bundled/001_6176a258725bf941:operative:9.")
    assert len(france.children) == 4
    assert [n.text for n in france_notes] == ["CTOC/COP/2008/8."]
    ids = {p.id for p in [france, *france.children]}
    assert len(ids) == 5


def _groups_out_of_step(conn) -> list[tuple[int, int, int, int, int]]:  # type: ignore[no-untyped-def]
    """Groups whose recorded size or head differ from their members'."""
    return conn.execute(
        "SELECT g.group_id, g.size, g.head, count(c.id), min(c.id) FROM groups g"
        " LEFT JOIN clauses c ON c.group_id = g.group_id GROUP BY g.group_id"
        " HAVING g.size != count(c.id) OR g.head != min(c.id)"
    ).fetchall()


def test_groups_keep_their_size_and_head_as_texts_come_and_go(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A text adopted again joins its groups: each grows by its new members (not counted
    # again from them all); a removal splits and counts again. Either way the record
    # must equal the members.
    from drafting_app.corpus.store import CorpusStore
    from tests.conftest import CORPUS, REALDOCS

    source = (REALDOCS / "ga" / "A-RES-80-1_palestine-participation-2025.txt").read_text("utf-8")
    user = tmp_path / "u"
    with CorpusStore.open(tmp_path / "corpus.sqlite3", [CORPUS], user_dir=user) as s:
        conn = s.connection()
        s.add_document(REALDOCS / "ga" / "A-RES-80-1_palestine-participation-2025.txt")
        again = tmp_path / "again.txt"
        again.write_text(source.replace("Palestine", "Palestine ", 1), encoding="utf-8")
        s.add_document(again)  # the same language adopted again: the groups grow
        sizes = dict(conn.execute("SELECT group_id, size FROM groups"))
        assert max(sizes.values()) >= 2
        assert _groups_out_of_step(conn) == []
        twice = tmp_path / "twice.txt"
        twice.write_text(source.replace("Palestine", "Palestine  ", 1), encoding="utf-8")
        s.add_document(twice)
        grown = dict(conn.execute("SELECT group_id, size FROM groups"))
        assert sum(grown.values()) > sum(sizes.values())
        assert _groups_out_of_step(conn) == []
        (user / "again.txt").unlink()
        s.sync()  # a removal: the groups it touched are split and counted again
        assert _groups_out_of_step(conn) == []
        assert sum(dict(conn.execute("SELECT group_id, size FROM groups")).values()) == sum(
            sizes.values()
        )


def _first_groups(
    index: ClauseIndex, query: str, where: str, args: tuple[object, ...], scan: int | None
) -> list[int]:
    """The groups a search ranks, found the plain way: every matching clause row with its
    paragraph's text, in index order (the first ``scan`` rows matching the words when a
    filter is given), a group taken at its first row that holds every prefix."""
    from drafting_app.clauses.index import CANDIDATES, SCAN, _holds
    from drafting_app.fulltext.vocabulary import TableVocabulary

    match = fts_query(query, TableVocabulary(index._conn, "vocabulary"))
    if match is None:
        return []
    limit = "" if scan is None else f" LIMIT {int(scan)}"
    rows = index._conn.execute(
        "SELECT c.group_id, p.text FROM (SELECT rowid FROM paragraphs_fts"
        f" WHERE paragraphs_fts MATCH ?{limit}) f JOIN clauses c ON c.id = f.rowid"
        " JOIN paragraphs p ON p.id = c.id JOIN groups g ON g.group_id = c.group_id"
        f" WHERE c.group_id != 0 {where}",
        (match, *args),
    ).fetchall()
    out: list[int] = []
    for n, (gid, body) in enumerate(rows):
        if gid not in out and _holds(body, terms(query)):
            out.append(gid)
            if len(out) >= CANDIDATES:
                break
        if n >= SCAN:
            break
    return sorted(out)


@pytest.mark.parametrize(
    "word", ["secretariat", "member states", "extrabudgetary", "rec", "t", "article 32"]
)
def test_the_groups_searched_are_those_the_matching_rows_give(
    index: ClauseIndex, word: str
) -> None:
    """A row's text is read only for a group not yet found: the groups ranked are exactly
    those of reading every matching row's text, for every prefix as it is typed."""
    for typed in (word[:i] for i in range(1, len(word) + 1)):
        if typed.endswith(" "):
            continue
        found = sorted(h.group_id for h in index.search(typed, limit=10_000))
        assert found == _first_groups(index, typed, "", (), None), typed
        operative = sorted(
            h.group_id for h in index.search(typed, limit=10_000, part=Part.OPERATIVE)
        )
        assert operative == _first_groups(index, typed, "AND g.part = ?", ("operative",), None), (
            typed
        )


def test_a_filtered_search_reads_a_bounded_number_of_matches(
    index: ClauseIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter few matching rows pass must not walk every match (at 100k documents
    "recalling" in the operative part read 486,000 rows on the window's thread): it looks
    at the first FILTERED_SCAN rows matching the words."""
    from drafting_app.clauses import index as index_module

    whole = sorted(h.group_id for h in index.search("states", limit=10_000, part=Part.OPERATIVE))
    monkeypatch.setattr(index_module, "FILTERED_SCAN", 12)
    bounded = sorted(h.group_id for h in index.search("states", limit=10_000, part=Part.OPERATIVE))
    assert bounded == _first_groups(index, "states", "AND g.part = ?", ("operative",), 12)
    assert 0 < len(bounded) < len(whole)  # the bound was reached, and it is what limits
