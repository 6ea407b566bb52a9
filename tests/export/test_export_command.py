"""``drafting-app export``: Word (and PDF) from any readable document; clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from drafting_app.cli import main
from tests.conftest import CORPUS_FILES, ROOT


def test_export_writes_word_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "france.docx"
    assert main(["export", str(CORPUS_FILES["france_draft"]), "-o", str(out)]) == 0
    assert f"Word: {out}" in capsys.readouterr().out
    styles = {p.style.name for p in docx.Document(str(out)).paragraphs}
    assert {"UN Operative", "UN Preambular", "UN Title"} <= styles


def test_paper_option_overrides_the_body_profile(tmp_path: Path):
    out = tmp_path / "letter.docx"
    assert (
        main(["export", str(CORPUS_FILES["decision_4_4"]), "-o", str(out), "--paper", "letter"])
        == 0
    )
    assert docx.Document(str(out)).sections[0].page_width.twips == 12240


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "does not exist"),
        (["{src}", "-o", "{tmp}/out.pdf"], "must end in .docx"),
        (["{src}", "-o", "{tmp}/no/such/folder/out.docx"], "does not exist"),
    ],
)
def test_bad_input_exits_2_with_a_message(tmp_path, capsys, args, message):
    src = CORPUS_FILES["france_draft"]
    argv = ["export", *(a.format(src=src, tmp=tmp_path) for a in args)]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_exporting_a_docx_onto_itself_is_refused(tmp_path: Path, capsys):
    src = tmp_path / "same.docx"
    assert main(["export", str(CORPUS_FILES["france_draft"]), "-o", str(src)]) == 0
    before = src.read_bytes()
    assert main(["export", str(src), "-o", str(src)]) == 2
    assert src.read_bytes() == before


def test_start_up_does_not_import_docx_or_jinja2():
    code = (
        "import sys, drafting_app.cli as c; c.build_parser(); "
        "print(sorted(m for m in ('docx', 'jinja2', 'PySide6') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_pdf_option_runs_the_qt_writer(tmp_path: Path):
    out = tmp_path / "draft.docx"
    cmd = [sys.executable, "-m", "drafting_app", "export", str(CORPUS_FILES["france_draft"])]
    done = subprocess.run([*cmd, "-o", str(out), "--pdf"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_project_file_exports_through_storage(tmp_path: Path):
    from drafting_app.corpus.readers import read_document
    from drafting_app.storage.project import save_project

    project = tmp_path / "france.unres.json"
    save_project(read_document(CORPUS_FILES["france_draft"]), project)
    out = tmp_path / "france.docx"
    assert main(["export", str(project), "-o", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("9.\tWith regard to the report") for t in texts)


def test_damaged_project_file_is_a_clear_error(tmp_path: Path, capsys):
    project = tmp_path / "broken.unres.json"
    project.write_text("{not json", encoding="utf-8")
    assert main(["export", str(project), "-o", str(tmp_path / "x.docx")]) == 2
    assert "drafting-app:" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
