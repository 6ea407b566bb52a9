"""``drafting-app clauses …`` from the command line."""

from __future__ import annotations

import json

import pytest

from drafting_app.cli import main


def test_search_prints_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "search", "extrabudgetary", "--json", "--limit", "1"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["sources"] == ["Resolution 5/2, op 18", "Resolution 10/3, op 17"]
    assert hit["category"] == "resources-funding"
    assert main(["clauses", "search", "zzzqqq"]) == 1


def test_render_with_registry_parameters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "render", "working-group-continue", "decision=4/4", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["text"].endswith("set forth in Conference decision 4/4 of 17 October 2008;")
    assert out["provenance"]["label"] == "Resolution 5/2, op 14"


def test_render_errors_are_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "render", "recall-decision", "decision=99/99"]) == 2
    assert "not known to the corpus" in capsys.readouterr().err
    assert main(["clauses", "render", "no-such-template"]) == 2
    assert "no clause template" in capsys.readouterr().err
    assert main(["clauses", "render", "recall-decision", "decision"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_templates_lists_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 25
    assert any(line.startswith("urge-ratification") for line in lines)
