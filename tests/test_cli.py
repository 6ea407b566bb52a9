"""Command-line behaviour shared by every command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.errors import FormatError
from tests.conftest import CORPUS_FILES, REALDOCS, ROOT


def test_output_cut_short_by_a_pipe_is_not_an_error():
    """`drafting-app parse FILE --json | head -1`: no traceback, exit 0."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [
        sys.executable,
        "-m",
        "drafting_app",
        "parse",
        str(CORPUS_FILES["resolution_10_3"]),
        "--json",
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as `head` does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert b"Traceback" not in err


def test_a_list_of_lines_is_not_taken_for_a_resolution():
    """The junk Word file of the Model UN set ("Blah blah" items) is refused, clearly."""
    with pytest.raises(FormatError, match="does not read as a resolution or decision"):
        read_document(REALDOCS / "mun-docx" / "MUN_Eddy12597_test_no_line_space.docx")
    # a Model UN resolution without its opening formula still reads (openers are known)
    doc = read_document(REALDOCS / "mun-docx" / "MUN_Eddy12597_test_problematic.docx")
    assert doc.operative
