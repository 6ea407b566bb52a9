"""Test set-up: Qt offscreen, a private user-data folder per test, paths to test data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus"
REALDOCS = ROOT / "tests" / "data" / "realdocs"

CORPUS_FILES = {
    "decision_3_3": CORPUS / "000_fcca33238787d02e.txt",
    "france_draft": CORPUS / "001_6176a258725bf941.txt",
    "resolution_5_2": CORPUS / "002_ecb4862eedf5f58e.txt",
    "resolution_10_3": CORPUS / "003_8415577429e917a7.txt",
    "decision_4_4": CORPUS / "004_796db3f20302c02f.txt",
}


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Every test gets its own user-data folder: nothing touches the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DRAFTING_APP_HOME", str(home))
    yield


@pytest.fixture
def corpus_path() -> dict[str, Path]:
    return dict(CORPUS_FILES)
