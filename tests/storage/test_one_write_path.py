"""Every file the app writes goes through storage/atomic.py (issue 11 §5): project saves,
recovery snapshots, settings, Word (and PDF) exports, documents added to the corpus. A
source audit keeps it so; behaviour tests show each saver on that path, and what the path
gives them (no torn file, the usual permissions)."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.store import CorpusStore
from drafting_app.errors import CorpusError
from drafting_app.export.docx_writer import write_docx
from drafting_app.storage import atomic
from drafting_app.storage.atomic import atomic_create
from drafting_app.storage.project import save_project
from drafting_app.storage.recovery import RecoveryStore
from drafting_app.storage.settings import AppSettings, save_settings
from tests.conftest import REALDOCS

GA_TEXT = REALDOCS / "ga" / "A-RES-80-4_cuba-embargo-2025.txt"
PACKAGE = Path(__file__).resolve().parents[2] / "drafting_app"
WRITE_METHODS = {"write_text", "write_bytes", "symlink_to", "hardlink_to"}  # and Path.open
WRITE_FUNCTIONS = {"os.replace", "os.rename", "os.link", "shutil.copy", "shutil.copyfile",
                   "shutil.copy2", "shutil.move", "os.fdopen", "tempfile.mkstemp"}  # fmt: skip


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        modes = [a.value for a in node.args + [k.value for k in node.keywords]
                 if isinstance(a, ast.Constant) and isinstance(a.value, str)]  # fmt: skip
        opens = name == "open" or name.endswith(".open")
        writes = opens and any(set(m) & set("wax+") and len(m) <= 3 for m in modes)
        if writes or name in WRITE_FUNCTIONS or name.rsplit(".", 1)[-1] in WRITE_METHODS:
            found.append((node.lineno, name))
    return sorted(found)


def test_no_module_but_storage_atomic_writes_files() -> None:
    stragglers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix() == "storage/atomic.py":
            continue
        stragglers += [f"{path.relative_to(PACKAGE)}:{line} {name}"
                       for line, name in _writes(ast.parse(path.read_text("utf-8")))]  # fmt: skip
    assert stragglers == []


def test_the_audit_sees_a_plain_write() -> None:
    code = "open(p, 'w').write(x)\nPath(p).write_bytes(b)\nos.replace(a, b)\nopen(p).read()"
    assert [n for _, n in _writes(ast.parse(code))] == ["open", "Path(p).write_bytes", "os.replace"]


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    real = atomic._temp_copy

    def spy(target: Path, data: bytes, error: type) -> Path:
        names.append(target.name)
        return real(target, data, error)

    monkeypatch.setattr(atomic, "_temp_copy", spy)
    return names


def test_every_saver_writes_through_the_atomic_path(written: list[str], tmp_path: Path) -> None:
    doc = new_document("cop-draft-resolution")
    save_project(doc, tmp_path / "draft.unres.json")
    RecoveryStore(tmp_path / "recovery", "s1").write("k", doc)
    save_settings(AppSettings(), tmp_path / "settings.json")
    write_docx(doc, tmp_path / "draft.docx")
    with CorpusStore.open() as store:
        store.add_document(GA_TEXT)
    assert written == ["draft.unres.json", "s1--k.json", "settings.json", "draft.docx",
                       GA_TEXT.name]  # fmt: skip


def test_an_export_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "draft.docx"
    write_docx(new_document("cop-draft-resolution"), target)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_atomic_create_never_replaces_and_never_leaves_a_torn_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "doc.txt"
    assert atomic_create(dest, b"first") and dest.read_bytes() == b"first"
    assert not atomic_create(dest, b"second") and dest.read_bytes() == b"first"

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(CorpusError, match="No space left"):
        atomic_create(tmp_path / "other.txt", b"x" * 1000, error=CorpusError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]
