"""Issue 21 item 6: the checks' memo of a draft, kept on disk between sessions
(drafting_app.checks.memo). A draft opened again unchanged gets the findings of its last
check from its memo — those a check finds, on every real text — and a draft changed since
in any way (a paragraph, a deleted one, a footnote, its title, a footnote's source
number), a memo of another corpus, profile, code or draft, and a truncated, empty,
foreign, oversized or hostile file, give nothing: the check runs, without a crash."""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafting_app.checks import memo
from drafting_app.checks.context import clear_text_caches
from drafting_app.checks.profile import profile_for, with_repeat_rule
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.model.document import Document, Span
from drafting_app.model.paragraph_edits import DeleteParagraph
from drafting_app.model.text_edits import EditFootnote, SetText
from drafting_app.storage.project import (
    decode_project,
    encode_project,
    load_project,
    save_project,
)
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
    profile = profile or profile_for(doc)
    found = Checker().run(doc, facts, profile)
    path = memo.save(memo.snapshot(draft, facts, profile, doc, found), folder)
    assert path is not None and path.is_file()
    return path


def _reopened(doc: Document, facts: Registry, draft: str, folder: Path, profile=None):
    """The findings the memo gives a new session's first check, or None."""
    return memo.load(draft, facts, profile or profile_for(doc), doc, folder)


def _edits_between_sessions(doc: Document, rng: random.Random) -> list[str]:
    """A paragraph changed, another deleted, a footnote changed: what was done."""
    done = []
    paras = [p for _, p in doc.body_paragraphs()] or [doc.chapeau]
    p = rng.choice(paras)
    if p is not None:
        SetText(p.id, p.text + " 17 Oct. 2008", p.italics, p.anchors).apply(doc)
        done.append("a paragraph changed")
    tops = [q for q in (*doc.preamble, *doc.operative) if q is not p]
    if len(tops) > 3:
        DeleteParagraph(rng.choice(tops).id).apply(doc)
        done.append("a paragraph deleted")
    if doc.footnotes:
        f = rng.choice(doc.footnotes)
        EditFootnote(f.id, f.text.replace("vol. ", "vol. 1") + " general assembly").apply(doc)
        done.append("a footnote changed")
    return done


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
    for i, read in enumerate(read_documents(path)[:2]):
        draft = f"{path}#{i}"
        doc = _project(read)  # the draft as the window opens it from its file
        _saved(doc, facts, draft, folder)
        clear_text_caches()  # as in a new process
        again = _project(doc)  # opened again, in another session
        found = _reopened(again, facts, draft, folder)
        assert found is not None
        assert found == Checker().run(again, facts)
        done = _edits_between_sessions(again, random.Random(path.name))
        assert _reopened(again, facts, draft, folder) is None, done


def _project(doc: Document) -> Document:
    """``doc`` saved as a project and opened again."""
    return decode_project(encode_project(doc), Path("draft.unres.json")).document


def test_a_change_outside_the_paragraphs_is_seen(
    corpus: tuple[Path, Registry], folder: Path
) -> None:
    """A title, a footnote's source number or the front matter changed (read by the
    whole-text families, not by any paragraph's own checks): the memo is not used."""
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    for change in ("title", "source number", "front matter", "italics of a footnote"):
        _saved(doc, facts, "draft", folder)
        assert _reopened(doc, facts, "draft", folder) is not None
        if change == "title":
            doc.title = ""
        elif change == "source number":
            doc.footnotes[0].source_number = "7"
        elif change == "front matter":
            doc.front_matter = []
        else:
            doc.footnotes[0].italics = [Span(0, 1)]
        assert _reopened(doc, facts, "draft", folder) is None, change


def test_another_corpus_profile_or_draft_ignores_the_memo(
    corpus: tuple[Path, Registry], folder: Path, tmp_path: Path
) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    _saved(doc, facts, "draft", folder)
    assert _reopened(doc, facts, "draft", folder) is not None
    assert _reopened(doc, facts, "another draft", folder) is None
    other = with_repeat_rule(profile_for(doc), "first-operative")
    assert _reopened(doc, facts, "draft", folder, other) is None
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
            (user / MORE.name).write_text(text + "\n", encoding="utf-8")
        with CorpusStore.open(tmp_path / "c.sqlite", [user], user_dir=user) as store:
            grown = Registry.from_store(store)
        ids.append(memo.facts_identity(grown))
        if step == "first":
            _saved(doc, grown, "draft in a growing corpus", folder)
            assert _reopened(doc, grown, "draft in a growing corpus", folder) is not None
        else:
            assert _reopened(doc, grown, "draft in a growing corpus", folder) is None
    assert len(set(ids)) == 3 and None not in ids


def test_a_memo_of_other_code_is_ignored(corpus: tuple[Path, Registry], folder: Path) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    path = _saved(doc, facts, "draft", folder)
    head, findings = _parts(path.read_bytes())
    head["code"] = "0" * 64  # written by another version of the checks
    path.write_bytes(_joined(head, findings))
    assert _reopened(doc, facts, "draft", folder) is None


def _parts(data: bytes) -> tuple[dict, list]:
    """The memo's first two lines: what it is of, then the findings (the third seeds the
    draft's checker: tests/checks/test_memo_seed.py)."""
    head, findings, _ = data.split(b"\n")
    return json.loads(head), json.loads(findings)


_NO_SEED = {"clean": "", "found": {}, "families": {}}


def _joined(head: object, findings: object) -> bytes:
    return b"\n".join(json.dumps(part).encode() for part in (head, findings, _NO_SEED))


def _hostile(good: bytes) -> dict[str, bytes]:
    head, findings = _parts(good)
    body = {"findings": findings}
    cases: dict[str, object] = {}
    for name, at, value in (
        ("a message that is not a text", (0, 2), None),
        ("a start that is a text", (0, 3, 4), "0"),
        ("a severity of no kind", (0, 1), "fatal"),
        ("a location too short", (0, 3), [1]),
        ("a fix of the wrong shape", (0, 5), [1, 2]),
        ("a finding too long", (0,), [*body["findings"][0], "more"]),
    ):
        wrong = copy.deepcopy(body)
        place = wrong["findings"]
        for k in at[:-1]:
            place = place[k]
        place[at[-1]] = value
        cases[name] = wrong
    cases["findings not a list"] = {"findings": {"a": 1}}
    return {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "foreign json": b'{"name": "a package.json"}',
        "a list": b"[1, 2, 3]",
        "binary": bytes(range(256)) * 64,
        "deep nesting": b"[" * 100_000 + b"]" * 100_000,
        "huge number": b'{"memo": ' + b"9" * 100_000 + b"}",
        "not utf-8": good.replace(b'"memo"', b'"\xff\xfe"', 1),
        "what it is of alone": good.split(b"\n")[0],
        "two memos end to end": good + b"\n" + good,
        "a head that is a list": _joined([head], findings),
        **{name: _joined(head, wrong["findings"]) for name, wrong in cases.items()},
    }


def test_a_hostile_memo_is_ignored(corpus: tuple[Path, Registry], folder: Path) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    path = _saved(doc, facts, "draft", folder)
    good = path.read_bytes()
    assert _parts(good)[1]  # the cases below break its first finding
    assert _reopened(doc, facts, "draft", folder) == Checker().run(doc, facts)
    for name, data in _hostile(good).items():
        path.write_bytes(data)
        assert _reopened(doc, facts, "draft", folder) is None, name
    # larger than any memo: not read at all
    with path.open("wb") as f:
        f.truncate(memo.MAX_BYTES + 1)
    assert _reopened(doc, facts, "draft", folder) is None
    # a folder where the file should be, and no file at all
    path.unlink()
    path.mkdir()
    assert _reopened(doc, facts, "draft", folder) is None
    path.rmdir()
    assert _reopened(doc, facts, "draft", folder) is None


def test_a_memo_is_written_atomically_and_the_oldest_are_dropped(
    corpus: tuple[Path, Registry], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, facts = corpus
    (doc,) = read_documents(GA / "A-RES-80-4_cuba-embargo-2025.txt")
    monkeypatch.setattr(memo, "KEEP", 3)
    for i in range(5):
        path = _saved(doc, facts, f"draft {i}", folder)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    _saved(doc, facts, "draft 5", folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(memo.memo_path(f"draft {i}").name for i in (3, 4, 5))
    assert _reopened(doc, facts, "draft 5", folder) is not None
    assert _reopened(doc, facts, "draft 0", folder) is None


def test_memos_live_in_the_cache_folder_the_tests_redirect() -> None:
    home = Path(os.environ["DRAFTING_APP_HOME"])
    assert memo.memo_folder() == home / "cache" / memo.FOLDER
    assert memo.memo_path("x").parent == memo.memo_folder()


_DIGEST = """
import sys
from drafting_app.checks.memo import document_digest
from drafting_app.storage.project import load_project
print(document_digest(load_project(sys.argv[1]).document))
"""


def test_a_drafts_digest_is_the_same_in_another_process(tmp_path: Path) -> None:
    for path in (GA / "A-RES-80-4_cuba-embargo-2025.txt", *sorted(GA.glob("*decision*"))):
        project = tmp_path / f"{path.stem}.unres.json"
        save_project(read_documents(path)[0], project)
        digests = {memo.document_digest(load_project(project).document)}
        for seed in ("1", "2"):
            out = subprocess.run(
                [sys.executable, "-c", _DIGEST, str(project)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            digests.add(out.stdout.strip())
        assert len(digests) == 1, path.name
