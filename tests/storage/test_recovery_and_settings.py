"""Recovery snapshots and application settings (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

from drafting_app.corpus.readers import read_document
from drafting_app.model.conventions import FixMode
from drafting_app.model.describe import describe
from drafting_app.model.edits import DeleteParagraph
from drafting_app.paths import user_data_dir
from drafting_app.storage.recovery import RecoveryStore
from drafting_app.storage.settings import AppSettings, load_settings, save_settings, settings_path
from tests.conftest import CORPUS_FILES


def test_snapshots_of_a_crashed_session_are_offered_at_next_start(tmp_path: Path):
    doc = read_document(CORPUS_FILES["france_draft"])
    DeleteParagraph(doc.operative[0].id).apply(doc)
    crashed = RecoveryStore(session="crashed")
    path = crashed.write("doc-1", doc, source=tmp_path / "france.unres.json", settings={"a": 1})
    assert path.parent == user_data_dir() / "recovery"
    crashed.write("untitled/2", read_document(CORPUS_FILES["decision_3_3"]))
    # … the process dies here: no close() …
    now = RecoveryStore(session="next")
    assert now.left_behind()[0].session == "crashed"
    snaps = {s.key: s for s in now.left_behind()}
    assert set(snaps) == {"doc-1", "untitled/2"}
    assert snaps["untitled/2"].source is None
    project = now.restore(snaps["doc-1"])
    assert describe(project.document) == describe(doc)
    assert project.path == tmp_path / "france.unres.json" and project.settings == {"a": 1}
    now.remove(snaps["doc-1"])
    assert [s.key for s in now.left_behind()] == ["untitled/2"]


def test_save_and_clean_close_delete_snapshots():
    store = RecoveryStore(session="s1")
    doc = read_document(CORPUS_FILES["france_draft"])
    store.write("a", doc)
    store.write("b", doc)
    store.discard("a")
    assert sorted(p.name for p in store.folder.iterdir()) == ["s1--b.json"]
    assert store.left_behind() == []  # own snapshots are not "left behind"
    store.close()
    assert list(store.folder.iterdir()) == []


def test_unreadable_snapshot_is_skipped():
    store = RecoveryStore(session="s")
    store.folder.mkdir(parents=True)
    (store.folder / "old--x.json").write_text("{broken", "utf-8")
    assert store.left_behind() == []


def test_settings_round_trip_and_recent_files(tmp_path: Path):
    s = AppSettings()
    for i in range(12):
        s.add_recent(tmp_path / f"d{i}.unres.json")
    s.add_recent(tmp_path / "d3.unres.json")
    s.profiles["ga-main-committee-draft-resolution"] = "ga-main-committee"
    s.ladder = FixMode.SUGGEST
    s.footnote_repeat = "first-operative"
    s.extra["window"] = {"w": 800}
    save_settings(s)
    again = load_settings()
    assert again == s
    assert len(again.recent_files) == 10 and again.recent_files[0].endswith("d3.unres.json")
    assert again.profile_for("cop-decision") == "ctoc-cop"
    save_settings(again)
    assert json.loads(settings_path().with_name("settings.json.bak").read_text("utf-8"))


def test_bad_settings_fall_back_to_defaults():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{oops", "utf-8")
    assert load_settings() == AppSettings()
    settings_path().write_text(
        json.dumps(
            {
                "ladder": "sometimes",
                "profiles": {"x": "nope"},
                "recent_files": [3],
                "footnote_repeat": "never",
            }
        ),
        "utf-8",
    )
    assert load_settings() == AppSettings()


def test_the_user_name_for_tracked_changes_is_kept():
    save_settings(AppSettings(user_name="  Delegation of\tMexico "))
    assert load_settings().user_name == "Delegation of Mexico"  # spaces as one
    settings_path().write_text(json.dumps({"user_name": "A  B\n" + "x" * 500}), "utf-8")
    name = load_settings().user_name
    assert name.startswith("A B x") and len(name) == 120
    settings_path().write_text(json.dumps({"user_name": 12}), "utf-8")
    assert load_settings().user_name == ""
