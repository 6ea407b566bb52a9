"""Issue 21 item 6: the checks' memo of a draft, kept on disk between sessions
(drafting_app.checks.memo). A check that starts from a memo finds exactly what a check
without one finds — on every real text, after the edits a drafter makes between two
sessions (a paragraph changed, one deleted, a footnote changed) — and judges again only
what changed; a memo of another corpus, profile, code or draft, and a truncated, empty,
foreign, oversized or hostile file, are ignored without a crash."""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from drafting_app.checks import memo
from drafting_app.checks.profile import profile_for, with_repeat_rule
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.model.document import Document
from drafting_app.model.paragraph_edits import DeleteParagraph
from drafting_app.model.text_edits import EditFootnote, SetText
from tests.conftest import REALDOCS

TEXTS = sorted(
    p
    for p in REALDOCS.rglob("*")
    if p.suffix in (".txt", ".docx") and p.name != "MUN_Eddy12597_test_no_line_space.docx"
)
GA = REALDOCS / "ga"
MORE = next(p for p in sorted((REALDOCS / "ga-more").glob("*.txt")))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Registry]:
    """A real corpus database: the bundled corpus and the GA texts as the user's folder."""
    folder = tmp_path_factory.mktemp("memo-corpus")
    user = folder / "user"
    shutil.copytree(GA, user)
    with CorpusStore.open(folder / "c.sqlite", [user], user_dir=user) as store:
        return folder, Registry.from_store(store)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "memos"


def _saved(doc: Document, facts: Registry, draft: str, folder: Path, profile=None) -> Path:
    checker = Checker()
    checker.run(doc, facts, profile)
    snap = memo.snapshot(checker, draft, facts)
    assert snap is not None
    path = memo.save(snap, folder)
    assert path is not None and path.is_file()
    return path


def _reopened(doc: Document, facts: Registry, draft: str, folder: Path, profile=None):
    """(loaded, findings, recomputed) of a new checker's first run from the memo."""
    profile = profile or profile_for(doc)
    checker = Checker()
    loaded = memo.load(checker, draft, facts, profile, folder)
    return loaded, checker.run(doc, facts, profile), checker.recomputed


def _edits_between_sessions(doc: Document, rng: random.Random) -> None:
    """A paragraph changed, another deleted, a footnote changed."""
    paras = [p for _, p in doc.body_paragraphs()]
    p = rng.choice(paras)
    SetText(p.id, p.text + " 17 Oct. 2008", p.italics, p.anchors).apply(doc)
    tops = [q for q in (*doc.preamble, *doc.operative) if q is not p]
    if len(tops) > 3:
        DeleteParagraph(rng.choice(tops).id).apply(doc)
    if doc.footnotes:
        f = rng.choice(doc.footnotes)
        EditFootnote(f.id, f.text.replace("vol. ", "vol. 1") + " general assembly").apply(doc)


def test_the_store_registry_has_a_lasting_identity(corpus: tuple[Path, Registry]) -> None:
    folder, registry = corpus
    again = Registry.from_store(CorpusStore.open(folder / "c.sqlite"))
    assert memo.facts_identity(registry) is not None
    assert memo.facts_identity(again) == memo.facts_identity(registry)
    # a registry built in memory names nothing lasting: its findings are not kept
    assert memo.facts_identity(Registry.load_curated()) is None


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(REALDOCS)))
def test_a_reopened_draft_finds_what_a_fresh_check_finds(
    path: Path, corpus: tuple[Path, Registry], folder: Path
) -> None:
    _, facts = corpus
    for i, doc in enumerate(read_documents(path)[:2]):
        draft = f"{path}#{i}"
        _saved(doc, facts, draft, folder)
        loaded, found, recomputed = _reopened(doc, facts, draft, folder)
        assert loaded
        assert found == Checker().run(doc, facts)
        assert recomputed == (0, 0)  # nothing changed: nothing judged again
        _edits_between_sessions(doc, random.Random(path.name))
        loaded, found, recomputed = _reopened(doc, facts, draft, folder)
        assert loaded
        assert found == Checker().run(doc, facts)
        everything = (sum(1 for _ in doc.all_paragraphs()), len(doc.footnotes))
        if everything[0] > 12:
            assert recomputed[0] < everything[0]


def test_another_corpus_profile_or_draft_ignores_the_memo(
    corpus: tuple[Path, Registry], folder: Path, tmp_path: Path
) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    _saved(doc, facts, "draft", folder)
    assert _reopened(doc, facts, "draft", folder)[0]
    assert not _reopened(doc, facts, "another draft", folder)[0]
    other = with_repeat_rule(profile_for(doc), "first-operative")
    loaded, found, _ = _reopened(doc, facts, "draft", folder, other)
    assert not loaded and found == Checker().run(doc, facts, other)
    # the corpus changed: a text added to the user's folder of a corpus, then changed
    user = tmp_path / "user"
    user.mkdir()
    shutil.copy(GA / "A-RES-80-4_cuba-embargo-2025.txt", user)
    ids: list[str | None] = []
    for step in ("first", "added", "changed"):
        if step == "added":
            shutil.copy(MORE, user)
        if step == "changed":
            text = (user / MORE.name).read_text(encoding="utf-8")
            (user / MORE.name).write_text(text.replace("Recalling", "Recalling also", 1))
        with CorpusStore.open(tmp_path / "c.sqlite", [user], user_dir=user) as store:
            grown = Registry.from_store(store)
        ids.append(memo.facts_identity(grown))
        if step == "first":
            _saved(doc, grown, "draft in a growing corpus", folder)
            assert _reopened(doc, grown, "draft in a growing corpus", folder)[0]
        else:
            loaded, found, _ = _reopened(doc, grown, "draft in a growing corpus", folder)
            assert not loaded and found == Checker().run(doc, grown)
    assert len(set(ids)) == 3 and None not in ids


def test_a_memo_of_other_code_is_ignored(corpus: tuple[Path, Registry], folder: Path) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    path = _saved(doc, facts, "draft", folder)
    body = json.loads(path.read_bytes())
    body["code"] = "0" * 64  # written by another version of the checks
    path.write_text(json.dumps(body), encoding="utf-8")
    assert not _reopened(doc, facts, "draft", folder)[0]


def _hostile(good: bytes) -> dict[str, bytes]:
    body = json.loads(good)
    wrong_type = copy.deepcopy(body)
    wrong_type["paragraphs"][0][1][0] = 7  # a key's text that is a number
    wrong_finding = copy.deepcopy(body)
    first = next(p for p in wrong_finding["paragraphs"] if p[2])
    first[2][0][3][4] = "0"  # a finding's start that is a string
    bad_span = copy.deepcopy(body)
    bad_span["paragraphs"][0][1][1] = [[5, 2]]
    bad_enum = copy.deepcopy(body)
    bad_enum["paragraphs"][0][1][6] = "annex"
    short = copy.deepcopy(body)
    short["notes"] = [["x"]]
    return {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "foreign json": b'{"name": "a package.json"}',
        "a list": b"[1, 2, 3]",
        "binary": bytes(range(256)) * 64,
        "deep nesting": b"[" * 100_000 + b"]" * 100_000,
        "huge number": b'{"memo": ' + b"9" * 100_000 + b"}",
        "wrong type": json.dumps(wrong_type).encode(),
        "wrong finding": json.dumps(wrong_finding).encode(),
        "bad span": json.dumps(bad_span).encode(),
        "bad enum": json.dumps(bad_enum).encode(),
        "short note": json.dumps(short).encode(),
        "not utf-8": good.replace(b'"memo"', b'"\xff\xfe"', 1),
    }


def test_a_hostile_memo_is_ignored(corpus: tuple[Path, Registry], folder: Path) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    path = _saved(doc, facts, "draft", folder)
    assert _reopened(doc, facts, "draft", folder)[0]
    fresh = Checker().run(doc, facts)
    everything = (sum(1 for _ in doc.all_paragraphs()), len(doc.footnotes))
    for name, data in _hostile(path.read_bytes()).items():
        path.write_bytes(data)
        loaded, found, recomputed = _reopened(doc, facts, "draft", folder)
        assert not loaded, name
        assert found == fresh, name
        assert recomputed == everything, name
    # larger than any memo: not read at all
    with path.open("wb") as f:
        f.truncate(memo.MAX_BYTES + 1)
    assert not _reopened(doc, facts, "draft", folder)[0]
    # a folder where the file should be, and no file at all
    path.unlink()
    path.mkdir()
    assert not _reopened(doc, facts, "draft", folder)[0]
    path.rmdir()
    assert not _reopened(doc, facts, "draft", folder)[0]


def test_a_memo_is_written_atomically_and_the_oldest_are_dropped(
    corpus: tuple[Path, Registry], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    monkeypatch.setattr(memo, "KEEP", 3)
    for i in range(5):
        path = _saved(doc, facts, f"draft {i}", folder)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(memo.memo_path(f"draft {i}").name for i in (2, 3, 4))
    assert _reopened(doc, facts, "draft 4", folder)[0]
    assert not _reopened(doc, facts, "draft 0", folder)[0]


def test_memos_live_in_the_cache_folder_the_tests_redirect() -> None:
    home = Path(os.environ["DRAFTING_APP_HOME"])
    assert memo.memo_folder() == home / "cache" / memo.FOLDER
    assert memo.memo_path("x").parent == memo.memo_folder()
