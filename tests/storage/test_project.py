"""Project files (issue 11): round trip, migrations, damaged and newer files, save guard."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.readers import read_document
from drafting_app.errors import ProjectError
from drafting_app.model.describe import describe
from drafting_app.model.edits import Indent, SetMasthead
from drafting_app.storage.migrations import CURRENT_VERSION, MIGRATIONS, upgrade
from drafting_app.storage.project import (
    CorruptProjectError,
    ProjectChangedError,
    changed_since,
    encode_project,
    load_project,
    save_project,
)
from tests.conftest import CORPUS_FILES, ROOT

PROJECTS = ROOT / "tests" / "data" / "projects"


@pytest.mark.parametrize("key", sorted(CORPUS_FILES))
def test_save_load_round_trip_keeps_everything(key: str, tmp_path: Path):
    doc = read_document(CORPUS_FILES[key])
    f = tmp_path / "d.unres.json"
    settings = {"profile": "ctoc-cop", "ladder": "suggest"}
    save_project(doc, f, settings)
    project = load_project(f)
    assert describe(project.document) == describe(doc)
    assert project.settings == settings and not project.read_only
    assert project.document.source == doc.source
    assert [p.source_label for p in project.document.all_paragraphs()] == [
        p.source_label for p in doc.all_paragraphs()
    ]
    assert encode_project(project.document, settings) == f.read_bytes()  # stable bytes


def test_round_trip_of_annexes_and_edited_documents(tmp_path: Path):
    ga = (
        ROOT
        / "tests"
        / "data"
        / "realdocs"
        / "ga"
        / "A-RES-80-5_doha-social-summit-declaration-2025.txt"
    )
    doc = read_document(ga)
    assert doc.annexes
    save_project(doc, tmp_path / "a.unres.json")
    assert describe(load_project(tmp_path / "a.unres.json").document) == describe(doc)
    draft = new_document("ga-main-committee-draft-resolution", title="T")
    SetMasthead({"symbol": "A/C.3/80/L.20"}).apply(draft)
    save_project(draft, tmp_path / "g.unres.json")
    assert load_project(tmp_path / "g.unres.json").document.masthead == draft.masthead


@pytest.mark.parametrize("fixture", sorted(PROJECTS.glob("v*.unres.json")))
def test_every_old_version_still_opens(fixture: Path, tmp_path: Path):
    version = json.loads(fixture.read_text("utf-8"))["format_version"]
    assert version < CURRENT_VERSION
    project = load_project(fixture)
    assert project.format_version == version and not project.read_only
    doc = project.document
    assert doc.masthead is not None and doc.masthead.committee == ""
    assert len(doc.operative) == 9 and len(doc.footnotes) == 5
    assert doc.preamble[0].id == "p-2" and doc.preamble[0].text.startswith("Recalling the")
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    Indent(doc.operative[4].id).apply(doc)
    save_project(doc, copy, project.settings, expected_hash=project.fingerprint.sha256)
    assert json.loads(copy.read_text("utf-8"))["format_version"] == CURRENT_VERSION


def test_there_is_a_fixture_for_every_old_version():
    versions = {json.loads(f.read_text("utf-8"))["format_version"] for f in PROJECTS.glob("*.json")}
    assert versions == set(MIGRATIONS) == set(range(1, CURRENT_VERSION))


def test_a_migration_gap_is_reported():
    with pytest.raises(ProjectError, match="too old"):
        upgrade({"format_version": 1, "document": {}}, registry={})


def test_newer_version_opens_read_only_and_is_not_overwritten(tmp_path: Path):
    f = tmp_path / "future.unres.json"
    data = json.loads(encode_project(read_document(CORPUS_FILES["decision_4_4"])))
    data["format_version"] = CURRENT_VERSION + 1
    data["document"]["new_thing"] = {"x": 1}
    f.write_text(json.dumps(data), "utf-8")
    project = load_project(f)
    assert project.read_only and "newer version" in project.notice
    assert "read-only" in project.notice
    with pytest.raises(ProjectError, match="newer version"):
        save_project(project.document, f)
    assert json.loads(f.read_text("utf-8"))["document"]["new_thing"] == {"x": 1}


def _doc(**document: object) -> bytes:
    head = {"format": "drafting-app-project", "format_version": 2}
    return json.dumps(
        {**head, "document": {"kind": "draft", "form": "resolution", **document}}
    ).encode()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not text"),
        (b'{"format": "drafting-app-project", "format_version": 2, "docu', "cut off"),
        (b'{"hello": 1}', "not a drafting-app project"),
        (b'{"format": "drafting-app-project"}', "format version"),
        (_doc(kind="poem"), "kind"),
        (_doc(preamble=[{"text": 5, "id": "p"}]), "wrong type"),
        (_doc(preamble=[{"text": "a"}]), "missing"),
        (_doc(preamble=[{"text": "a", "id": "p", "italics": [[3, 1]]}]), "missing or wrong"),
        (_doc(preamble=[{"text": "a", "id": "p"}, {"text": "b", "id": "p"}]), "share an id"),
    ],
)
def test_damaged_files_explain_themselves(tmp_path: Path, content: bytes, why: str):
    f = tmp_path / "d.unres.json"
    f.write_bytes(content)
    with pytest.raises(CorruptProjectError, match=why) as info:
        load_project(f)
    assert info.value.backup is None


def test_damaged_file_offers_the_backup(tmp_path: Path):
    f = tmp_path / "d.unres.json"
    doc = read_document(CORPUS_FILES["france_draft"])
    save_project(doc, f)
    save_project(doc, f)
    f.write_bytes(f.read_bytes()[:500])  # truncated by a crash of another program
    with pytest.raises(CorruptProjectError, match=r"d\.unres\.json\.bak") as info:
        load_project(f)
    assert info.value.backup is not None
    assert describe(load_project(info.value.backup).document) == describe(doc)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(ProjectError, match="does not exist"):
        load_project(tmp_path / "nope.unres.json")
    with pytest.raises(ProjectError, match="folder"):
        load_project(tmp_path)


def test_save_refuses_when_the_file_changed_on_disk(tmp_path: Path):
    f = tmp_path / "d.unres.json"
    doc = read_document(CORPUS_FILES["france_draft"])
    first = save_project(doc, f)
    opened = load_project(f)
    assert opened.fingerprint == first
    second = save_project(doc, f, expected_hash=opened.fingerprint.sha256)  # unchanged: fine
    other = json.loads(f.read_text("utf-8"))
    other["document"]["title"] = "Changed by a colleague"
    f.write_text(json.dumps(other), "utf-8")
    with pytest.raises(ProjectChangedError, match="changed on disk"):
        save_project(doc, f, expected_hash=second.sha256)
    assert json.loads(f.read_text("utf-8"))["document"]["title"] == "Changed by a colleague"


def test_unreadable_newer_file_says_update(tmp_path: Path):
    f = tmp_path / "future.unres.json"
    f.write_text(json.dumps({"format": "drafting-app-project", "format_version": 99,
                             "document": {"kind": "treaty"}}), "utf-8")  # fmt: skip
    with pytest.raises(ProjectError, match=r"newer version.*Update the app") as info:
        load_project(f)
    assert not isinstance(info.value, CorruptProjectError)


def test_changed_since(tmp_path: Path):
    f = tmp_path / "d.unres.json"
    seen = save_project(read_document(CORPUS_FILES["decision_3_3"]), f)
    assert not changed_since(f, seen)
    os.utime(f, ns=(seen.mtime_ns + 10**9, seen.mtime_ns + 10**9))
    assert not changed_since(f, seen)  # touched, same bytes
    f.write_bytes(f.read_bytes().replace(b"Decision 3/3", b"Decision 3/4"))
    assert changed_since(f, seen)
    f.unlink()
    assert changed_since(f, seen)


def test_a_revision_keeps_its_base_and_comments(tmp_path: Path):
    """Format 3: the base text a draft revises, who made the imported tracked changes, and
    reviewers' comments survive a save and an open."""
    from drafting_app.model.revision import Attribution, Comment, RevisionBase

    base = read_document(CORPUS_FILES["resolution_5_2"])
    draft = read_document(CORPUS_FILES["resolution_10_3"])
    draft.revision_base = RevisionBase(
        base, "Resolution 5/2", "002.txt",
        [Attribution("EU", "2025-03-01T10:00:00Z", "insertion", "within existing resources", "x")],
    )  # fmt: skip
    draft.comments = [Comment("G77", "Too long.", "2025-03-02T09:00:00Z", draft.operative[0].id)]
    path = tmp_path / "r.unres.json"
    save_project(draft, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["format_version"] == CURRENT_VERSION >= 3
    back = load_project(path).document
    assert back.revision_base is not None
    assert describe(back.revision_base.document) == describe(base)
    assert back.revision_base.label == "Resolution 5/2"
    assert back.revision_base.attributions == draft.revision_base.attributions
    assert [(c.author, c.text, c.paragraph_id) for c in back.comments] == [
        ("G77", "Too long.", draft.operative[0].id)
    ]
    assert describe(back) == describe(draft)


def test_a_base_inside_a_base_is_refused(tmp_path: Path):
    data = json.loads(encode_project(read_document(CORPUS_FILES["france_draft"])))
    inner = json.loads(json.dumps(data["document"]))
    inner["revision_base"] = {"document": json.loads(json.dumps(data["document"]))}
    data["document"]["revision_base"] = {"label": "x", "document": inner}
    f = tmp_path / "nested.unres.json"
    f.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ProjectError, match="base with a base"):
        load_project(f)
