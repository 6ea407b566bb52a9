"""UN terms from the corpus and the drafter's dictionary: mined, cached, damaged files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.corpus.store import CorpusStore
from drafting_app.spelling.checker import SpellChecker
from drafting_app.spelling.dictionary import HunspellDictionary
from drafting_app.spelling.terms import (
    TermCache,
    Terms,
    corpus_terms,
    corpus_terms_of,
    ise_variant,
    mine_terms,
    un_terms,
)
from drafting_app.spelling.user_dictionary import UserDictionary


def test_terms_in_lower_case_match_any_case_names_only_as_written() -> None:
    terms = Terms(["cybercrime", "Türkiye", "Guinea-Bissau"])
    assert terms.accepts("Cybercrime") and terms.accepts("CYBERCRIME")
    assert terms.accepts("Türkiye") and terms.accepts("TÜRKIYE")
    assert not terms.accepts("türkiye")
    assert terms.accepts("Guinea-Bissau") and terms.accepts("Bissau")


def test_the_shipped_list_holds_the_member_states() -> None:
    terms = un_terms()
    for name in ("Türkiye", "Côte", "Eswatini", "Czechia", "Kyrgyzstan", "Timor-Leste"):
        assert terms.accepts(name), name


def test_corpus_words_count_names_twice_other_words_three_times(
    dictionary: HunspellDictionary,
) -> None:
    texts = [
        "the Awaza Programme of Action and the Awaza declaration",
        "international cooperat ion and agrifood systems",
        "agrifood value chains, agrifood exports; the Songdo meeting",
        "agrifood",
    ]
    mined = mine_terms(texts, dictionary.check)
    assert mined == {"Awaza", "agrifood"}  # "cooperat" once, "Songdo" once: not taken


@pytest.fixture
def corpus(tmp_path: Path) -> CorpusStore:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "awaza.txt").write_text(
        "The General Assembly,\n\nRecalling the Awaza Programme of Action,\n\n"
        "1. Welcomes the Awaza Political Declaration adopted in Songdo and the agroecology, "
        "agroecology and agroecology initiatives of Songdo;\n",
        encoding="utf-8",
    )
    return CorpusStore.open(tmp_path / "corpus.sqlite", [folder], user_dir=tmp_path / "user")


def test_corpus_terms_are_mined_from_the_store_and_cached(
    corpus: CorpusStore, dictionary: HunspellDictionary, tmp_path: Path
) -> None:
    cache = TermCache(tmp_path / "spelling-terms.json")
    with corpus:
        found = corpus_terms(corpus, dictionary.check, cache)
        assert {"Songdo", "agroecology"} <= found
        stored = json.loads(cache.path.read_text(encoding="utf-8"))
        assert set(stored["terms"]) == found
        # a second start reads the cache: a changed file of terms shows it was not mined
        stored["terms"] = ["Cached"]
        cache.path.write_text(json.dumps(stored), encoding="utf-8")
        assert corpus_terms(corpus, dictionary.check, cache) == {"Cached"}


def test_a_damaged_cache_is_mined_again(
    corpus: CorpusStore, dictionary: HunspellDictionary, tmp_path: Path
) -> None:
    cache = TermCache(tmp_path / "spelling-terms.json")
    cache.path.write_bytes(b"\x00\x01 not json")
    with corpus:
        assert "Songdo" in corpus_terms(corpus, dictionary.check, cache)


def test_mined_terms_are_not_flagged(corpus: CorpusStore, dictionary: HunspellDictionary) -> None:
    checker = SpellChecker(dictionary, un_terms())
    assert [m.word for m in checker.misspellings("the Songdo agroecology plan")] == [
        "Songdo",
        "agroecology",
    ]
    with corpus:
        checker.add_terms(Terms(corpus_terms(corpus, dictionary.check)))
    assert checker.misspellings("the Songdo agroecology plan") == ()


def test_a_damaged_user_dictionary_is_set_aside_never_fatal(tmp_path: Path) -> None:
    path = tmp_path / "spelling-dictionary.txt"
    path.write_bytes(b"Songdo\n\x00\xff\xfe binary junk")
    user = UserDictionary(path)
    assert user.words == set()
    assert "set aside" in user.problem
    aside = list(tmp_path.glob("spelling-dictionary.txt.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"Songdo")
    assert user.add("Pirani") and path.read_text(encoding="utf-8") == "Pirani\n"


def test_a_user_dictionary_keeps_only_single_words(tmp_path: Path) -> None:
    path = tmp_path / "spelling-dictionary.txt"
    path.write_text("Songdo\n\nnot one word\n" + "x" * 500 + "\n  Pirani  \n", encoding="utf-8")
    assert UserDictionary(path).words == {"Songdo", "Pirani"}
    with pytest.raises(ValueError, match="not a single word"):
        UserDictionary(path).add("two words")


def test_the_corpus_index_vocabulary_gives_its_words_at_once(
    tmp_path: Path, dictionary: HunspellDictionary
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "songdo.txt").write_text(
        "The General Assembly,\n\n"
        "Recalling the Songdo meeting in Türkiye and its organisation,\n\n"
        "Noting the Songdo outcome in Türkiye on the organisation of work,\n\n"
        "1. Welcomes the Songdo declaration of Türkiye and the organisation of the Summit;\n",
        encoding="utf-8",
    )
    with CorpusStore.open(tmp_path / "c.sqlite", [folder], user_dir=tmp_path / "u") as store:
        terms = corpus_terms_of(store, dictionary.check)
    checker = SpellChecker(dictionary, terms)
    # three paragraphs use "Songdo": UN English; "Türkiye" with or without its accent
    assert checker.misspellings("the Songdo and Türkiye and Turkiye meetings") == ()
    # the corpus says "organisation" three times, but UN English is Oxford -ize
    assert [m.word for m in checker.misspellings("its organisation")] == ["organisation"]


def test_ise_spellings_are_never_taken_from_a_corpus(dictionary: HunspellDictionary) -> None:
    assert ise_variant("organisation", dictionary.check)
    assert ise_variant("recognised", dictionary.check)
    assert not ise_variant("exercise", dictionary.check)  # no "exercize"
    assert not ise_variant("Songdo", dictionary.check)


def test_the_registry_instrument_names_are_terms() -> None:
    from drafting_app.corpus.registry import Registry
    from drafting_app.spelling.terms import instrument_names

    names = instrument_names(Registry.load_curated().instruments())
    assert "Trafficking in Persons Protocol" in names
    assert Terms(names).accepts("Firearms")
