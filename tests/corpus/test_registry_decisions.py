"""The registry and the decisions the Official Records print with a meeting opening ("At its
43rd plenary meeting, on 2 December 2024, the General Assembly, …"): "its resolution 78/20"
is a text of the body named there, and the decision itself is that body's decision, dated
by the meeting. Multi-part decisions ("79/537 A, B and C") are indexed part by part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting_app.corpus.facts import ECOSOC, GA, body_of_line
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.registry import COP, Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.model.ids import deterministic_ids
from tests.conftest import REALDOCS

DECISIONS = sorted((REALDOCS / "ga").glob("GA-decision-*.txt"))
D_512 = "GA-decision-79-512_paros-oewg-2024"
D_537 = "GA-decision-79-537-ABC_lldc-conference-2024"

ECOSOC_DECISION = """2024/250. Working methods of the Committee for Development Policy

At its 20th plenary meeting, on 5 June 2024, the Economic and Social Council, recalling its \
resolution 2023/5 of 6 June 2023 and General Assembly resolution 78/20 of 4 December 2023, \
decided to take note of the report of the Committee.
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    with deterministic_ids():
        return Registry.from_documents([(p.stem, read_document(p)) for p in DECISIONS])


def wheres(registry: Registry, body: str, number: str, kind: str) -> list[str]:
    text = registry.cited_text(body, number, kind)
    assert text is not None, f"{body} {kind} {number}"
    return [c.where for c in text.citations]


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("At its 43rd plenary meeting, on 2 December 2024, the General Assembly, by a", GA),
        (
            "At its 55th (resumed) plenary meeting, on 24 December 2024, the General Assembly "
            "decided to proceed",
            GA,
        ),
        ("At its 20th plenary meeting, on 5 June 2024, the Economic and Social Council,", ECOSOC),
        ("The General Assembly,", GA),
        (
            "The Conference of the Parties to the United Nations Convention against "
            "Transnational Organized Crime,",
            COP,
        ),
    ],
)
def test_the_body_of_an_opening_line(line: str, body: str) -> None:
    assert body_of_line(line) == body


def test_its_resolution_in_a_ga_decision_is_the_assemblys(registry: Registry) -> None:
    assert wheres(registry, GA, "78/20", "resolution") == [
        "Decision 79/512, preamble 1",
        "Decision 79/512, operative 1",
        "Decision 79/512, operative 2 (a)",
    ]
    text = registry.cited_text("its", "78/238", "resolution", author=GA)
    assert text is not None and text.date == "22 December 2023"
    # nothing is filed under the opening's words
    assert {t.body for t in registry.texts()} == {GA, ECOSOC}


def test_the_decision_itself_is_the_assemblys_dated_by_its_meeting(registry: Registry) -> None:
    own = registry.cited_text(GA, "79/512", "decision")
    assert own is not None
    assert (own.doc_id, own.date, own.date_source) == (D_512, "2 December 2024", "corpus")
    assert registry.cited_text(GA, "79/512", "resolution") is None


def test_a_multi_part_decision_is_indexed_part_by_part(registry: Registry) -> None:
    label = "Decision 79/537 A, B and C"
    assert wheres(registry, GA, "78/550", "decision") == [f"{label}, chapeau of part A"]
    assert wheres(registry, GA, "76/217", "resolution") == [f"{label}, chapeau of part A"]
    assert wheres(registry, GA, "79/537 A", "decision") == [
        f"{label}, chapeau of part B",
        f"{label}, chapeau of part C",
    ]
    text = registry.cited_text(GA, "79/537 A", "decision")
    assert text is not None and text.date == "6 December 2024"


def test_an_ecosoc_decision_files_its_resolutions_under_the_council() -> None:
    reg = Registry.from_documents([("ecosoc", read_text(ECOSOC_DECISION))])
    assert wheres(reg, ECOSOC, "2023/5", "resolution") == ["Decision 2024/250, chapeau"]
    assert reg.cited_text(GA, "2023/5", "resolution") is None
    assert reg.cited_text(COP, "2023/5", "resolution") is None
    assert wheres(reg, GA, "78/20", "resolution") == ["Decision 2024/250, chapeau"]
    own = reg.cited_text(ECOSOC, "2024/250", "decision")
    assert own is not None and (own.doc_id, own.date) == ("ecosoc", "5 June 2024")


def test_the_store_files_decisions_as_the_documents_do(registry: Registry, tmp_path: Path) -> None:
    folder = tmp_path / "decisions"
    folder.mkdir()
    for p in DECISIONS:
        shutil.copy(p, folder / p.name)
    with CorpusStore.open(tmp_path / "c.sqlite", [folder], user_dir=tmp_path / "user") as store:
        stored = Registry.from_store(store)
    assert [(t.name, t.date, [c.where for c in t.citations]) for t in stored.texts()] == [
        (t.name, t.date, [c.where for c in t.citations]) for t in registry.texts()
    ]
