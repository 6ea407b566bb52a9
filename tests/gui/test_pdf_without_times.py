"""On a machine with no font of Times New Roman's metrics (a bare Debian has only DejaVu
Serif, wider, with ligatures: "Traﬃcking"), the app sets its page, print and PDF in the
Liberation Serif it ships (gui/common/fonts.py), so its own PDF still reads back as the
text it was made from. Run in a child process whose fontconfig sees only DejaVu."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""

_SCRIPT = """
from PySide6.QtGui import QFont, QFontInfo, QGuiApplication
app = QGuiApplication([])
print("system:", QFontInfo(QFont("Times New Roman")).family())
from drafting_app.gui.common.fonts import times_family
print("app:", times_family())
"""


def _only_dejavu(tmp_path: Path) -> dict[str, str]:
    found = sorted(Path("/usr/share/fonts").rglob("DejaVuSerif*.ttf"))
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("DejaVu fonts are missing: .ci/run installs fonts-dejavu-core")
        pytest.skip("no DejaVu Serif on this machine to stand for a bare system")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for f in found:
        shutil.copy(f, fonts)
    conf = tmp_path / "fonts.conf"
    conf.write_text(_CONF.format(fonts=fonts, cache=tmp_path / "cache"), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow
def test_the_bundled_face_stands_for_times_new_roman(tmp_path: Path) -> None:
    env = _only_dejavu(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=True,
    ).stdout  # fmt: skip
    assert "system: DejaVu" in out  # the machine this test stands for
    assert "app: Liberation Serif" in out


@pytest.mark.slow
def test_the_apps_own_pdf_reads_back_without_times_on_the_machine(tmp_path: Path) -> None:
    """The read-back test of every real text, in the child process (it failed for 64 of
    84 texts before: lines broken elsewhere, the masthead's date lost, "ﬃ")."""
    env = _only_dejavu(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/gui/test_own_pdf_reads_back.py"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
