"""The registry of cited texts, instruments, treaty citations, symbols and sessions, built
from the five corpus documents and the curated facts (issue 2 §7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting_app.corpus.facts import CCPCJ, ECOSOC, GA, SECURITY_COUNCIL, canonical_body
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.registry import COP, Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.model.ids import deterministic_ids
from tests.conftest import CORPUS_FILES

RES_5_2 = "bundled/002_ecb4862eedf5f58e"
RES_10_3 = "bundled/003_8415577429e917a7"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    folder = tmp_path_factory.mktemp("reg")
    with CorpusStore.open(folder / "c.sqlite", user_dir=folder / "user") as store:
        return Registry.from_store(store)


def places(text) -> list[tuple[str, str, str]]:
    return [(c.doc_label, c.part, c.paragraph_label) for c in text.citations]


def test_decision_4_4_is_dated_and_cited_where_expected(registry: Registry) -> None:
    text = registry.cited_text("Conference", "4/4", "decision")
    assert text is not None
    assert (text.body, text.date, text.doc_id) == (
        COP,
        "17 October 2008",
        "bundled/004_796db3f20302c02f",
    )
    assert places(text) == [
        ("Resolution 5/2", "preamble", "2"),
        ("Resolution 5/2", "operative", "14"),
        ("Resolution 10/3", "preamble", "2"),
    ]
    assert text.citations[0].where == "Resolution 5/2, preamble 2"
    assert set(text.dates_seen) == {"17 October 2008"}
    # every way of naming the Conference finds the same text
    for body in ("its", "Conference of the Parties", COP):
        assert registry.cited_text(body, "4/4", "decisions") is text


def test_corpus_documents_are_texts_dated_by_their_session(registry: Registry) -> None:
    res = registry.cited_text(COP, "5/2", "resolution")
    assert res is not None and res.date == "22 October 2010" and res.doc_id == RES_5_2
    assert places(res) == [("Resolution 10/3", "preamble", "2")]
    own = registry.cited_text(COP, "10/3", "resolution")
    assert own is not None and own.doc_id == RES_10_3 and own.date == "16 October 2020"
    assert own.citations == []
    d33 = registry.cited_text("its", "3/3", "decision")
    assert d33 is not None and d33.date == "18 October 2006" and d33.date_source == "curated"
    assert ("Decision 4/4", "preamble", "chapeau") in places(d33)
    assert [c.where for c in d33.citations][-1] == "Decision 4/4, chapeau"


def test_dates_from_citations_and_bodies_carried_through_lists(registry: Registry) -> None:
    ga = registry.cited_text("General Assembly", "61/144", "resolution")
    assert ga is not None and ga.date == "19 December 2006" and ga.date_source == "citations"
    assert len(ga.citations) == 4
    # "27/2, 27/3 and 27/4 of 18 May 2018": the Commission's, all of that date
    for n in ("27/2", "27/3", "27/4"):
        t = registry.cited_text("Commission", n, "resolution")
        assert t is not None and (t.body, t.date) == (CCPCJ, "18 May 2018")
    ecosoc = registry.cited_text("Council", "2017/18", "resolution")
    assert ecosoc is not None and (ecosoc.body, ecosoc.date) == (ECOSOC, "6 July 2017")
    sc = registry.cited_text("Security Council", "2331 (2016)", "resolution")
    assert sc is not None and sc.body == SECURITY_COUNCIL and sc.date == ""


def test_its_in_a_general_assembly_clause_is_the_assembly(registry: Registry) -> None:
    # 5/2 preamble 2: "the adoption by the General Assembly, in its resolution 64/293"
    assert registry.cited_text(COP, "64/293", "resolution") is None
    ga = registry.cited_text(GA, "64/293", "resolution")
    assert ga is not None and ga.date == "30 July 2010"
    assert places(ga) == [
        ("Resolution 5/2", "preamble", "2"),
        ("Resolution 5/2", "operative", "3"),
        ("Resolution 10/3", "preamble", "11"),
    ]
    seventy = registry.cited_text(GA, "70/1", "resolution")
    assert seventy is not None and places(seventy) == [("Resolution 10/3", "preamble", "18")]


def test_texts_are_sorted_and_include_the_adopting_resolutions(registry: Registry) -> None:
    bodies = [t.body for t in registry.texts()]
    assert bodies == sorted(bodies)
    ga = [t for t in registry.texts() if t.body == GA]
    numbers = [t.number for t in ga]
    assert numbers.index("55/25") < numbers.index("55/255") < numbers.index("61/144")
    adopting = registry.cited_text(GA, "55/25", "resolution")
    assert adopting is not None and adopting.date == "15 November 2000"
    assert [c.where for c in adopting.citations] == [
        "Decision 3/3, footnote 1",
        "Decision 3/3, footnote 2",
        "Decision 3/3, footnote 3",
    ]


def test_a_conflicting_citation_date_is_kept_as_a_variant() -> None:
    doc_text = (
        "Resolution 12/1\n\nDates\n\nThe Conference of the Parties to the United Nations "
        "Convention against Transnational Organized Crime,\n\nRecalling its decision 4/4 of "
        "18 October 2008,\n\n1. *Recalls* General Assembly resolution 61/144 of 19 December "
        "2006 and General Assembly resolution 61/144 of 19 December 2007;\n\n"
        "2. *Notes* General Assembly resolution 61/144 of 19 December 2006.\n"
    )
    from drafting_app.corpus.readers import read_text

    reg = Registry.from_documents([("user/dates", read_text(doc_text))])
    d44 = reg.cited_text("its", "4/4", "decision")
    assert d44 is not None and d44.date == "17 October 2008"  # curated wins
    assert list(d44.dates_seen) == ["18 October 2008"]
    ga = reg.cited_text(GA, "61/144", "resolution")
    assert ga is not None and ga.date == "19 December 2006"  # the date most citations give
    assert {d: len(c) for d, c in ga.dates_seen.items()} == {
        "19 December 2006": 2,
        "19 December 2007": 1,
    }
    assert [c.where for c in ga.dates_seen["19 December 2007"]] == ["Resolution 12/1, operative 1"]


def test_from_documents_matches_from_store(registry: Registry) -> None:
    docs = []
    for path in sorted(CORPUS_FILES.values()):
        with deterministic_ids():
            docs.append((f"bundled/{Path(path).stem}", read_document(path)))
    other = Registry.from_documents(docs)
    assert [(t.name, t.date, len(t.citations)) for t in other.texts()] == [
        (t.name, t.date, len(t.citations)) for t in registry.texts()
    ]


def test_instruments(registry: Registry) -> None:
    keys = [i.key for i in registry.instruments()]
    assert keys == ["UNTOC", "TIP", "SOM", "FIREARMS"]
    tip = registry.instrument("TIP")
    assert tip is not None
    assert (tip.unts_volume, tip.unts_number, tip.articles) == ("2237", "39574", 20)
    assert tip.adopted_by == "General Assembly resolution 55/25, annex II"
    assert tip.entry_into_force == "25 December 2003"
    fa = registry.instrument("firearms")
    assert fa is not None and fa.adopted_by == "General Assembly resolution 55/255"
    assert fa.articles == 21 and fa.unts_volume == "2326"
    untoc = registry.instrument("UNTOC")
    assert (
        untoc is not None and untoc.articles == 41 and untoc.entry_into_force == "29 September 2003"
    )
    som = registry.instrument("SOM")
    assert som is not None and som.short_titles == (
        "Smuggling of Migrants Protocol",
        "Migrants Protocol",
    )


@pytest.mark.parametrize(
    "name, key",
    [
        ("United Nations Convention against Transnational Organized Crime", "UNTOC"),
        ("Organized Crime Convention", "UNTOC"),
        ("the Convention", "UNTOC"),
        ("Trafficking in Persons Protocol", "TIP"),
        (
            "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
            "Women and Children",
            "TIP",
        ),
        (
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women "
            "and Children, supplementing the United Nations Convention against Transnational "
            "Organized Crime",
            "TIP",
        ),
        ("the Migrants Protocol", "SOM"),
        ("Smuggling of Migrants Protocol", "SOM"),
        ("Firearms Protocol", "FIREARMS"),
        ("Protocol against the Smuggling of Migrants by Land, Sea and Air", "SOM"),
    ],
)
def test_instrument_by_name(registry: Registry, name: str, key: str) -> None:
    found = registry.instrument_by_name(name)
    assert found is not None and found.key == key


def test_unknown_names_and_volumes(registry: Registry) -> None:
    assert registry.instrument_by_name("Rome Statute") is None
    assert registry.instrument_by_name("") is None
    assert registry.instrument_by_volume("2237") == registry.instrument("TIP")
    assert registry.instrument_by_volume("9999") is None
    assert registry.instrument("NOPE") is None
    assert registry.cited_text("General Assembly", "99/999", "resolution") is None


def test_treaty_citations(registry: Registry) -> None:
    cites = registry.treaty_citations()
    unts = [t for t in cites if t.form == "unts"]
    assert len(unts) == 11
    chain = [t for t in unts if t.citation.doc_label == "France: draft resolution"]
    assert [(t.ibid, t.instruments) for t in chain] == [
        (False, ("UNTOC",)),
        (True, ("TIP",)),
        (True, ("SOM",)),
        (True, ("UNTOC", "TIP", "SOM", "FIREARMS")),
    ]
    first = next(t for t in unts if t.citation.doc_id == RES_5_2)
    assert first.ibid and first.citation.where == "Resolution 5/2, footnote 1"
    assert first.citation.paragraph_id  # the paragraph that carries the mark
    adoption = [(t.text, t.instruments) for t in cites if t.form == "adoption"]
    assert adoption == [
        ("General Assembly resolution 55/25, annex I", ("UNTOC",)),
        ("General Assembly resolution 55/25, annex II", ("TIP",)),
        ("General Assembly resolution 55/25, annex III", ("SOM",)),
    ]


def test_symbols(registry: Registry) -> None:
    symbols = registry.symbols()
    assert list(symbols) == sorted(symbols)
    assert [c.where for c in symbols["CTOC/COP/2010/6"]] == [
        "Resolution 5/2, footnote 3",
        "Resolution 5/2, footnote 7",
    ]
    assert [c.where for c in symbols["CTOC/COP/2008/8"]] == [
        "France: draft resolution, footnote 5",
        "Decision 4/4, footnote 2",
    ]
    assert "E/CN.15/2006/10" in symbols


def test_sessions_and_curated_only_registry() -> None:
    reg = Registry.load_curated()
    s4 = reg.session(4)
    assert s4 is not None
    assert (s4.ordinal, s4.place, s4.dates, s4.closing_date) == (
        "Fourth",
        "Vienna",
        "8-17 October 2008",
        "17 October 2008",
    )
    assert [s.number for s in reg.sessions()] == list(range(1, 13))
    assert reg.session(13) is None
    assert reg.session(1) is not None and reg.session(1).closing_date == "8 July 2004"
    # a Conference text dated from its session even with no corpus
    d = reg.cited_text("Conference", "4/4", "decision")
    assert d is not None and d.date == "17 October 2008" and d.citations == []
    r = reg.cited_text("its", "11/5", "resolution")
    assert r is not None and r.date == "21 October 2022"
    assert reg.cited_text("Conference", "13/1", "resolution") is None
    assert reg.treaty_citations() == [] and reg.symbols() == {}


@pytest.mark.parametrize(
    "name, full",
    [
        ("Assembly", GA),
        ("General Assembly", GA),
        ("Conference", COP),
        ("Conference of the Parties", COP),
        ("Commission", CCPCJ),
        ("Economic and Social Council", ECOSOC),
        ("Security Council", SECURITY_COUNCIL),
        ("Human Rights Council", "Human Rights Council"),
    ],
)
def test_canonical_bodies(name: str, full: str) -> None:
    assert canonical_body(name) == full
    assert canonical_body("its", COP) == COP


def test_conference_means_the_cop_only_in_its_own_texts() -> None:
    assert canonical_body("Conference", COP) == COP
    assert canonical_body("Conference of the Parties", "") == COP
    assert canonical_body("Conference", "General Assembly") == "Conference"
    assert canonical_body("its", "The General Assembly,") == GA


TIE = (
    "Resolution 12/2\n\nTies\n\nThe Conference of the Parties to the United Nations "
    "Convention against Transnational Organized Crime,\n\nRecalling General Assembly "
    "resolution 61/144 of 19 December 2007 and General Assembly resolution 61/144 of "
    "19 December 2006,\n\n1. *Notes* General Assembly resolution 60/1 of 16 September 2005 "
    "and General Assembly resolution 60/1 of 16 September 2005;\n\n"
    "2. *Recalls* General Assembly resolution 60/1 of 24 October 2005.\n"
)


def test_a_stored_look_up_reads_the_citations_only_when_listed(tmp_path: Path) -> None:
    """The stored registry counts a text's citations by date; where they are is read when
    they are listed, and is then what the registry built in memory says (a tie between
    two dates: the first seen wins in both)."""
    from drafting_app.corpus.readers import read_text

    user = tmp_path / "user"
    user.mkdir()
    (user / "ties.txt").write_text(TIE, encoding="utf-8")
    memory = Registry.from_documents([("user/ties", read_text(TIE))])
    with CorpusStore.open(tmp_path / "c.sqlite", [user], user_dir=user) as store:
        stored = Registry.from_store(store)
        statements: list[str] = []
        stored._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
        for number, date in (("61/144", "19 December 2007"), ("60/1", "16 September 2005")):
            statements.clear()
            text = stored.cited_text(GA, number, "resolution")
            known = memory.cited_text(GA, number, "resolution")
            assert text is not None and known is not None
            assert text.date == known.date == date
            assert list(text.dates_seen) == list(known.dates_seen)
            assert {d: len(c) for d, c in text.dates_seen.items()} == {
                d: len(c) for d, c in known.dates_seen.items()
            }
            assert len(text.citations) == len(known.citations) == 3 - (number == "61/144")
            assert not [s for s in statements if "JOIN paragraphs" in s]  # a tie neither
            assert places(text) == places(known)
            assert [c.where for c in text.dates_seen[date]] == [
                c.where for c in known.dates_seen[date]
            ]
            assert any("JOIN paragraphs" in s for s in statements)


def test_a_stored_look_up_reads_indexes_only(tmp_path: Path) -> None:
    """Counting a text's citations by date and ordering its dates read no table row: the
    look-up's cost does not grow with the passages of the corpus (issue 21 item 4)."""
    from drafting_app.corpus.stored_registry import _COUNTED, _FIRST_SEEN

    with CorpusStore.open(tmp_path / "c.sqlite", user_dir=tmp_path / "user") as store:
        conn = store.connection()
        for sql in (_COUNTED, _FIRST_SEEN):
            plan = " | ".join(
                str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, (1, 1, 1))
            )
            assert not re.search(r"\bSCAN (?!\(subquery)", plan), plan  # no table walked
            assert "COVERING INDEX citations_text" in plan, plan
        plan = " | ".join(
            str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + _FIRST_SEEN, (1, 1, 1))
        )
        assert "documents_rows" in plan, plan
