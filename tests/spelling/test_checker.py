"""Spell checking in UN English: Oxford spelling, UN terms never flagged, what is not a word,
suggestions, Ignore All and Add to Dictionary, and a draft checked paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.errors import FormatError
from drafting_app.model.document import Document, Footnote, Paragraph
from drafting_app.spelling import checker as checker_module
from drafting_app.spelling.checker import Misspelling, Place, SpellChecker
from drafting_app.spelling.dictionary import HunspellDictionary
from drafting_app.spelling.terms import un_terms
from drafting_app.spelling.user_dictionary import UserDictionary


@pytest.fixture
def checker(dictionary: HunspellDictionary, tmp_path: Path) -> SpellChecker:
    return SpellChecker(dictionary, un_terms(), UserDictionary(tmp_path / "words.txt"))


def flagged(checker: SpellChecker, text: str) -> list[str]:
    return [m.word for m in checker.misspellings(text)]


@pytest.mark.parametrize(
    "word", ["organization", "recognize", "programme", "judgement", "emphasize", "analyse"]
)
def test_un_english_is_british_with_oxford_ize(checker: SpellChecker, word: str) -> None:
    assert checker.is_correct(word)
    assert checker.is_correct(word.capitalize())  # at the start of a paragraph


@pytest.mark.parametrize("word", ["organisation", "recognise", "emphasise", "center", "labor"])
def test_other_spellings_are_flagged(checker: SpellChecker, word: str) -> None:
    assert not checker.is_correct(word)


def test_a_misspelling_is_found_at_its_place(checker: SpellChecker) -> None:
    text = "Recalls the importnace of international cooperation,"
    assert checker.misspellings(text) == (Misspelling(12, 22, "importnace"),)


def test_un_terms_names_and_symbols_are_never_flagged(checker: SpellChecker) -> None:
    text = (
        "Welcoming the statements by Türkiye, Côte d’Ivoire, Viet Nam, the Lao People’s "
        "Democratic Republic, Kyrgyzstan and Eswatini, the States parties and the Member "
        "States, inter alia on document A/RES/78/1, CTOC/COP/2010/5 and E/CN.15/2006/10, the "
        "work of UNODC, the NGOs and INTERPOL, COVID-19, the twenty-first session, the 21st "
        "meeting, www.unodc.org and the Secretary-General’s report on cybercrime,"
    )
    assert flagged(checker, text) == []


def test_hyphens_possessives_and_the_non_breaking_hyphen(checker: SpellChecker) -> None:
    text = "the Court’s capacity-building and a pre\u2011recorded statement on socio-economic data"
    assert flagged(checker, text) == []
    assert flagged(checker, "a capacity-bulding workshop") == ["capacity-bulding"]


def test_suggestions_put_the_oxford_spelling_first(checker: SpellChecker) -> None:
    assert checker.suggestions("organisation")[0] == "organization"
    assert checker.suggestions("goverment")[0] == "government"
    assert "implementation" in checker.suggestions("implementaton")


def test_ignore_all_lasts_for_the_session(checker: SpellChecker) -> None:
    assert flagged(checker, "the Pirani report") == ["Pirani"]
    checker.ignore_all("Pirani")
    assert flagged(checker, "the Pirani report") == []
    assert not (checker.user is not None and "Pirani" in checker.user)


def test_add_to_dictionary_is_kept(dictionary: HunspellDictionary, tmp_path: Path) -> None:
    path = tmp_path / "data" / "spelling-dictionary.txt"
    first = SpellChecker(dictionary, un_terms(), UserDictionary(path))
    assert flagged(first, "the Songdo workshop") == ["Songdo"]
    assert first.add_to_dictionary("Songdo")
    assert flagged(first, "the Songdo workshop") == []
    again = SpellChecker(dictionary, un_terms(), UserDictionary(path))
    assert flagged(again, "the Songdo workshop") == []
    assert path.read_text(encoding="utf-8") == "Songdo\n"


def test_a_dictionary_that_cannot_be_saved_still_accepts_the_word(
    dictionary: HunspellDictionary, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    user = UserDictionary(blocker / "spelling-dictionary.txt")
    checker = SpellChecker(dictionary, un_terms(), user)
    assert not checker.add_to_dictionary("Songdo")
    assert "could not be saved" in user.problem
    assert flagged(checker, "the Songdo workshop") == []


def test_a_draft_is_checked_paragraphs_then_footnotes(checker: SpellChecker) -> None:
    note = Footnote("See the reprot of the Secretary-General.")
    first = Paragraph("Recalling its resoluton 5/2,")
    sub = Paragraph("to strenghten cooperation;")
    second = Paragraph("Requests the secretariat to act:", children=[sub])
    doc = Document(preamble=[first], operative=[second], footnotes=[note])
    found = checker.check_document(doc)
    assert [(f.place, f.misspelling.word) for f in found] == [
        (Place("paragraph", first.id), "resoluton"),
        (Place("paragraph", sub.id), "strenghten"),
        (Place("footnote", note.id), "reprot"),
    ]


def test_only_changed_texts_are_checked_again(
    checker: SpellChecker, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = [Paragraph(f"Requests the secretariat to report on item {i};") for i in range(50)]
    doc = Document(operative=paragraphs)
    checker.check_document(doc)
    seen: list[str] = []
    real_words = checker_module.words

    def counting(text: str):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real_words(text)

    monkeypatch.setattr(checker_module, "words", counting)
    paragraphs[7].text = "Requests the secretariat to reprot on item 7;"
    found = checker.check_document(doc)
    assert seen == [paragraphs[7].text]
    assert [f.misspelling.word for f in found] == ["reprot"]


def test_a_missing_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    d = HunspellDictionary(tmp_path / "en_GB-ize")
    with pytest.raises(FormatError, match=r"spelling dictionary en_GB-ize\.aff is missing"):
        d.load()


def test_a_damaged_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "en_GB-ize.aff").write_bytes(b"SET UTF-8\nSFX A Y notanumber\n")
    (tmp_path / "en_GB-ize.dic").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(FormatError, match="could not be read"):
        HunspellDictionary(tmp_path / "en_GB-ize").load()
