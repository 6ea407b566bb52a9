"""Issue 21 item 6: a draft opened again after it changed since its last check (a paragraph
retyped, inserted, deleted or moved, a footnote edited, added or removed) gets a checker
seeded from its memo (drafting_app.checks.memo, Checker.seed), which judges again only what
changed — and finds exactly what a fresh check finds, on every real text after random
edits between sessions. Another corpus, profile or code, new paragraph ids, and a bad
seed in the memo give no seed or a seed that finds nothing stale."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from drafting_app.checks import memo
from drafting_app.checks.context import clear_text_caches
from drafting_app.checks.findings import Finding
from drafting_app.checks.profile import CheckProfile, profile_for, with_repeat_rule
from drafting_app.checks.runner import Checker
from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.model.document import Document, Span
from drafting_app.model.text_edits import EditFootnote, SetText
from drafting_app.paths import resources_dir
from drafting_app.storage.project import decode_project, encode_project, save_project
from tests.checks.test_incremental import random_edit
from tests.conftest import REALDOCS

TEXTS = sorted(
    p
    for p in REALDOCS.rglob("*")
    if p.suffix in (".txt", ".docx") and p.name != "MUN_Eddy12597_test_no_line_space.docx"
) + sorted((resources_dir() / "corpus").glob("*.txt"))
GA = REALDOCS / "ga"
CUBA = GA / "A-RES-80-4_cuba-embargo-2025.txt"


def _name(p: Path) -> str:
    return str(p.relative_to(REALDOCS)) if p.is_relative_to(REALDOCS) else f"corpus/{p.name}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Registry]:
    """A real corpus database (a lasting identity): the bundled corpus and the GA texts."""
    folder = tmp_path_factory.mktemp("seed-corpus")
    user = folder / "user"
    shutil.copytree(GA, user)
    with CorpusStore.open(folder / "c.sqlite", [user], user_dir=user) as store:
        return folder, Registry.from_store(store)


def _project(doc: Document) -> Document:
    """``doc`` saved as a project and opened again (in another session)."""
    return decode_project(encode_project(doc), Path("draft.unres.json")).document


def _save(draft: str, facts: Registry, profile: CheckProfile, doc: Document, folder: Path):
    """A check of ``doc`` by a fresh checker, and its memo written with what it kept."""
    checker = Checker()
    found = checker.run(doc, facts, profile)
    snap = memo.snapshot(draft, facts, profile, doc, found, checker.kept(facts, profile))
    assert memo.save(snap, folder) is not None
    return found


def _seeded(draft: str, facts: Registry, profile: CheckProfile, doc: Document, folder: Path):
    """A new session's checker of ``doc``, seeded from its memo, and its first findings."""
    clear_text_caches()  # as in a new process
    reopened = memo.reopen(draft, facts, profile, doc, folder)
    assert reopened is not None
    seed = reopened.seed()
    assert seed is not None
    checker = Checker()
    checker.seed(facts, profile, seed)
    return reopened, checker, checker.run(doc, facts, profile)


def _fresh(doc: Document, facts: Registry, profile: CheckProfile) -> list[Finding]:
    return Checker().run(doc, facts, profile)


def _edits(doc: Document, rng: random.Random, count: int) -> list[str]:
    done: list[str] = []
    while len(done) < count:
        edit = random_edit(rng, doc)
        if edit is None:
            continue
        try:
            edit.apply(doc)
        except Exception:  # an edit the model refuses changes nothing
            done.append(f"refused {type(edit).__name__}")
            continue
        done.append(type(edit).__name__)
    return done


@pytest.mark.parametrize("path", TEXTS, ids=_name)
def test_a_draft_changed_since_finds_what_a_fresh_check_finds(
    path: Path, corpus: tuple[Path, Registry], tmp_path: Path
) -> None:
    """Sessions one after another: each opens the draft its last session saved, edits it
    (typing, paragraphs inserted, deleted and moved, notes edited, added, removed), and
    its seeded checker's first check and the re-check after one more edit are a fresh
    check's findings; the next session starts from its memo."""
    _, facts = corpus
    rng = random.Random(sum(map(ord, path.name)))
    for i, read in enumerate(read_documents(path)[:2]):
        draft = f"{path}#{i}"
        doc = _project(read)
        _save(draft, facts, profile_for(doc), doc, tmp_path)
        for session in range(4):
            doc = _project(doc)
            done = _edits(doc, rng, session)  # the first session: opened unchanged
            profile = profile_for(doc)
            reopened, checker, found = _seeded(draft, facts, profile, doc, tmp_path)
            fresh = _fresh(doc, facts, profile)
            assert found == fresh, (session, done)
            if not done:
                assert reopened.findings == fresh
                assert checker.recomputed == (0, 0)
            after = _edits(doc, rng, 1)
            assert checker.run(doc, facts, profile) == _fresh(doc, facts, profile), after
            kept = checker.kept(facts, profile)
            snap = memo.snapshot(draft, facts, profile, doc, _fresh(doc, facts, profile), kept)
            assert memo.save(snap, tmp_path) is not None


def test_only_what_changed_is_judged_again(corpus: tuple[Path, Registry], tmp_path: Path) -> None:
    _, facts = corpus
    doc = _project(read_documents(CUBA)[0])
    profile = profile_for(doc)
    _save("draft", facts, profile, doc, tmp_path)
    p = doc.operative[-1]
    SetText(p.id, p.text + " 17 Oct. 2008", p.italics, p.anchors).apply(doc)
    reopened, checker, found = _seeded("draft", facts, profile, doc, tmp_path)
    assert reopened.findings is None  # not the very document: its findings are not shown
    assert found == _fresh(doc, facts, profile)
    assert checker.recomputed == (1, 0)
    note = doc.footnotes[0]
    EditFootnote(note.id, note.text + " and A/RES/64/L4").apply(doc)
    reopened, checker, found = _seeded("draft", facts, profile, doc, tmp_path)
    assert found == _fresh(doc, facts, profile)
    # the memo is of the draft before both edits: the paragraph and the note are judged
    assert checker.recomputed == (1, 1)


def test_a_change_of_italics_alone_is_judged_again(
    corpus: tuple[Path, Registry], tmp_path: Path
) -> None:
    """A lower-case opener, then the same words set in italics (the fix of its OPENER
    finding then keeps the italics, "capitalized" rather than "capitalized, in italics"),
    then in roman again: the words do not change between the sessions, the findings do."""
    _, facts = corpus
    doc = _project(read_documents(CUBA)[0])
    p = doc.operative[1]
    word = p.text.split()[0]
    SetText(p.id, word.lower() + p.text[len(word) :], [], p.anchors).apply(doc)
    profile = profile_for(doc)
    before = _save("draft", facts, profile, doc, tmp_path)
    for italics in ([Span(0, len(word))], []):
        doc = _project(doc)
        p = doc.operative[1]
        SetText(p.id, p.text, italics, p.anchors).apply(doc)
        _, checker, found = _seeded("draft", facts, profile, doc, tmp_path)
        fresh = _fresh(doc, facts, profile)
        assert found == fresh and (found != before) == bool(italics)
        assert checker.recomputed == (1, 0)
        _save("draft", facts, profile, doc, tmp_path)


def test_a_mark_moved_in_its_paragraph_is_judged_again(
    corpus: tuple[Path, Registry], tmp_path: Path
) -> None:
    """A footnote mark moved into the middle of a word of its paragraph, then back (the
    words and the notes' numbers as they were): its FN-MARK finding comes and goes."""
    _, facts = corpus
    doc = _project(read_documents(CUBA)[0])
    profile = profile_for(doc)
    before = _save("draft", facts, profile, doc, tmp_path)
    pid = next(p.id for p in doc.all_paragraphs() if p.anchors)
    home = doc.paragraph(pid).anchors[0].offset
    inside = doc.paragraph(pid).text.index(" ") - 2  # within the first word
    for offset in (inside, home):
        doc = _project(doc)
        p = doc.paragraph(pid)
        anchors = [replace(p.anchors[0], offset=offset), *p.anchors[1:]]
        SetText(p.id, p.text, p.italics, anchors).apply(doc)
        _, checker, found = _seeded("draft", facts, profile, doc, tmp_path)
        assert found == _fresh(doc, facts, profile)
        assert (found != before) == (offset == inside)
        assert checker.recomputed == (1, 0)
        _save("draft", facts, profile, doc, tmp_path)


def test_new_paragraph_ids_are_judged_again(corpus: tuple[Path, Registry], tmp_path: Path) -> None:
    """The same text read again from its file (new paragraph and note ids): the findings of
    the memo name the old ids, so none of them is taken for the new ones."""
    _, facts = corpus
    for path in (CUBA, *sorted(GA.glob("*decision*"))):
        (doc,) = read_documents(path)
        profile = profile_for(doc)
        _save(str(path), facts, profile, doc, tmp_path)
        (again,) = read_documents(path)
        assert {p.id for p in again.all_paragraphs()}.isdisjoint(p.id for p in doc.all_paragraphs())
        _, checker, found = _seeded(str(path), facts, profile, again, tmp_path)
        assert found == _fresh(again, facts, profile), path.name
        paragraphs = sum(1 for _ in again.all_paragraphs())
        assert checker.recomputed == (paragraphs, len(again.footnotes))


def test_another_corpus_profile_or_code_gives_no_seed(
    corpus: tuple[Path, Registry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, facts = corpus
    doc = _project(read_documents(CUBA)[0])
    profile = profile_for(doc)
    _save("draft", facts, profile, doc, tmp_path)
    assert memo.reopen("draft", facts, profile, doc, tmp_path) is not None
    other = with_repeat_rule(profile, "first-operative")
    assert memo.reopen("draft", facts, other, doc, tmp_path) is None
    assert memo.reopen("draft", Registry.load_curated(), profile, doc, tmp_path) is None
    grown = Registry.from_documents([(p.stem, read_documents(p)[0]) for p in GA.glob("*.txt")])
    grown.memo_identity = lambda: "another corpus"  # type: ignore[attr-defined]
    assert memo.reopen("draft", grown, profile, doc, tmp_path) is None
    assert memo.reopen("another draft", facts, profile, doc, tmp_path) is None
    monkeypatch.setattr(memo, "code_identity", lambda: "0" * 64)
    assert memo.reopen("draft", facts, profile, doc, tmp_path) is None


def test_a_seed_is_for_its_corpus_and_profile_only(corpus: tuple[Path, Registry]) -> None:
    """A checker seeded for one corpus and profile, run with another, starts afresh."""
    _, facts = corpus
    doc = _project(read_documents(CUBA)[0])
    profile = profile_for(doc)
    checker = Checker()
    checker.run(doc, facts, profile)
    kept = checker.kept(facts, profile)
    assert kept is not None
    assert checker.kept(facts, with_repeat_rule(profile, "first-operative")) is None
    snap = memo.snapshot("d", facts, profile, doc, [], kept)
    data = memo.encode(snap, "id")
    seed = memo.Reopened(None, data.split(b"\n")[2]).seed()
    assert seed is not None
    other = with_repeat_rule(profile, "first-operative")
    seeded = Checker()
    seeded.seed(facts, profile, seed)
    assert seeded.run(doc, facts, other) == _fresh(doc, facts, other)
    assert seeded.recomputed == (sum(1 for _ in doc.all_paragraphs()), len(doc.footnotes))


def _bad_seeds(good: bytes) -> dict[str, bytes]:
    seed = json.loads(good)
    finding = next(iter(seed["found"].values()))[0]
    cases: dict[str, object] = {
        "a list": [1, 2],
        "no families": {k: v for k, v in seed.items() if k != "families"},
        "clean not a text": {**seed, "clean": [seed["clean"]]},
        "clean cut short": {**seed, "clean": seed["clean"][:-1]},
        "found not a map": {**seed, "found": list(seed["found"])},
        "a finding too short": {**seed, "found": {"0" * 32: [finding[:3]]}},
        "a severity of no kind": {
            **seed,
            "found": {"0" * 32: [[finding[0], "fatal", *finding[2:]]]},
        },
        "a family's digest a number": {**seed, "families": {"IBID": [1, []]}},
        "a family of one value": {**seed, "families": {"IBID": ["0" * 32]}},
    }
    out = {name: json.dumps(value).encode() for name, value in cases.items()}
    out |= {"empty": b"", "truncated": good[: len(good) // 2], "not utf-8": b"\xff\xfe"}
    return out


def test_a_bad_seed_gives_none_and_the_findings_stay(
    corpus: tuple[Path, Registry], tmp_path: Path
) -> None:
    _, facts = corpus
    doc = _project(read_documents(CUBA)[0])
    p = doc.operative[0]
    SetText(p.id, p.text + " 17 Oct. 2008", p.italics, p.anchors).apply(doc)  # a finding
    profile = profile_for(doc)
    fresh = _save("draft", facts, profile, doc, tmp_path)
    path = tmp_path / memo.memo_path("draft").name
    head, shown, good = path.read_bytes().split(b"\n")
    assert json.loads(good)["found"]  # the cases above break a paragraph's findings
    for name, bad in _bad_seeds(good).items():
        path.write_bytes(b"\n".join((head, shown, bad)))
        reopened = memo.reopen("draft", facts, profile, doc, tmp_path)
        assert reopened is not None and reopened.findings == fresh, name
        assert reopened.seed() is None, name
    path.write_bytes(b"\n".join((head, shown)))  # a memo of the older format
    assert memo.reopen("draft", facts, profile, doc, tmp_path) is None


_REOPEN = """
import sys
from pathlib import Path
from drafting_app.checks import memo
from drafting_app.checks.profile import profile_for
from drafting_app.checks.runner import Checker
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.storage.project import load_project
database, user, project, folder = sys.argv[1:5]
store = CorpusStore.open(Path(database), [Path(user)], user_dir=Path(user))
facts = Registry.from_store(store)
doc = load_project(project).document
profile = profile_for(doc)
reopened = memo.reopen(project, facts, profile, doc, Path(folder))
checker = Checker()
checker.seed(facts, profile, reopened.seed())
found = checker.run(doc, facts, profile)
print(*checker.recomputed, int(found == Checker().run(doc, facts, profile)))
"""


def test_a_memo_seeds_a_checker_in_another_process(
    corpus: tuple[Path, Registry], tmp_path: Path
) -> None:
    """The keys' digests are the same in another process, whatever its hash seed: a draft
    changed by one paragraph and one note is judged again there in those two only."""
    folder, facts = corpus
    doc = read_documents(CUBA)[0]
    project = tmp_path / "draft.unres.json"
    save_project(doc, project)
    _save(str(project), facts, profile_for(doc), doc, tmp_path / "memos")
    p, note = doc.operative[0], doc.footnotes[-1]
    SetText(p.id, p.text + " also", p.italics, p.anchors).apply(doc)
    EditFootnote(note.id, "Ibid.").apply(doc)
    save_project(doc, project)
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", _REOPEN, str(folder / "c.sqlite"), str(folder / "user"),
             str(project), str(tmp_path / "memos")],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        assert out.stdout.split() == ["1", "1", "1"], out.stderr
