"""The self-test (issue 9): the app's real paths end to end, in a child process, offscreen —
with every network connection refused and logged (the app never opens one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as WordDocument

from tests.conftest import ROOT

NETBLOCK = Path(__file__).parent / "netblock"


def run_self_test(tmp_path: Path, out: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    log = tmp_path / "net.log"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        DRAFTING_APP_HOME=str(tmp_path / "home"),
        DRAFTING_APP_NETBLOCK_LOG=str(log),
        PYTHONPATH=os.pathsep.join([str(NETBLOCK), str(ROOT)]),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "drafting_app", "--self-test", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    return proc, log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.mark.slow
def test_self_test_passes_with_the_network_blocked(tmp_path):
    out = tmp_path / "self-test.docx"
    proc, log = run_self_test(tmp_path, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stdout
    for step in ("main window", "draft from template", "checks", "export .docx", "reopen .docx"):
        assert f"self-test: {step}: ok" in proc.stdout
    assert "NETWORK" not in log, log
    loaded = next(line for line in log.splitlines() if line.startswith("QT "))
    assert "PySide6.QtWidgets" in loaded and "PySide6.QtNetwork" not in loaded
    # the exported file is a real Word document holding the composed draft
    word = WordDocument(str(out))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Recalling its decision 4/4 of 18 October 2008" in text
    assert "Requests the secretariat to report" in text


@pytest.mark.slow
def test_the_network_block_does_catch_a_connection(tmp_path):
    """The guard itself works: a child that tries to connect is logged and refused."""
    log = tmp_path / "net.log"
    env = dict(
        os.environ,
        DRAFTING_APP_NETBLOCK_LOG=str(log),
        PYTHONPATH=os.pathsep.join([str(NETBLOCK), str(ROOT)]),
    )
    code = "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "NETWORK create_connection" in log.read_text(encoding="utf-8")
