"""Issue 20 item 7: names of the Organization, its organs and offices, and Member States,
written in lower case are flagged with a fix (UN_FORMAT.md §3), and the forms UN texts
write on purpose are not: no alarm on any real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.checks.findings import apply_fix
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.readers.docx import import_docx_texts
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.conftest import REALDOCS

HEAD = "Resolution 1/1\n\nCooperation\n\nThe General Assembly,\n\n"


def draft(operative: str) -> Document:
    return read_text(HEAD + f"1. *Requests* {operative}\n")


def capitals(doc: Document, registry: Registry) -> list[tuple[str, str]]:
    out = []
    for f in run_checks(doc, registry):
        if f.code == "CAPITALS":
            assert f.fix is not None
            out.append((f.message.split("”")[0].lstrip("“"), f.fix.new_text))
    return out


@pytest.mark.parametrize(
    ("written", "right"),
    [
        ("member states", "Member States"),
        ("Member states", "Member States"),
        ("member state", "Member State"),
        ("secretary-general", "Secretary-General"),
        ("Secretary General", "Secretary-General"),
        ("general assembly", "General Assembly"),
        ("security council", "Security Council"),
        ("economic and social council", "Economic and Social Council"),
        ("human rights council", "Human Rights Council"),
        ("international court of justice", "International Court of Justice"),
        ("united nations", "United Nations"),
        ("states parties", "States parties"),
        ("states Parties", "States parties"),
        ("state party", "State party"),
    ],
)
def test_a_lower_case_name_is_flagged_with_its_fix(
    written: str, right: str, registry: Registry
) -> None:
    doc = draft(f"the {written} to report on the matter.")
    assert capitals(doc, registry) == [(written, right)]
    (f,) = [f for f in run_checks(doc, registry) if f.code == "CAPITALS"]
    assert f.fix is not None
    fixed = apply_fix(doc, f.fix)
    assert f"the {right} to report" in fixed.operative[0].text
    assert capitals(fixed, registry) == []


@pytest.mark.parametrize(
    "text",
    [
        "the Member States and the Secretary-General to act,",
        "States parties and the States Parties to the Rome Statute to act,",
        "the Assembly of States Parties to meet,",
        "the member States of the European Union to act,",
        "its secretariat to assist the national security council,",
        "the Under-Secretary-General and the Deputy Secretary-General to act,",
    ],
)
def test_the_forms_un_texts_write_are_not_flagged(text: str, registry: Registry) -> None:
    assert capitals(draft(text), registry) == []


def test_member_states_of_another_organization_keep_a_lower_case_member(
    registry: Registry,
) -> None:
    doc = draft("the member states of the African Union to act.")
    assert capitals(doc, registry) == [("member states", "member States")]


def test_the_model_un_texts_are_flagged_where_they_break_the_rule(registry: Registry) -> None:
    """The Model UN drafts write "member states" on purpose (INDEX.md)."""
    for path in sorted((REALDOCS / "mun-docx").glob("*.txt")):
        found = capitals(read_document(path), registry)
        assert found == [("member states", "Member States")], path.name


def real_texts() -> list[tuple[str, Document]]:
    out = [(p.name, read_document(p)) for p in sorted((REALDOCS / "ga").glob("*.txt"))]
    out += [(p.name, read_document(p)) for p in sorted((REALDOCS / "pdf").glob("*.pdf"))]
    corpus = Path(__file__).resolve().parents[2] / "resources" / "corpus"
    out += [(p.name, read_document(p)) for p in sorted(corpus.glob("*.txt"))]
    volume = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
    out += [(d.heading, d) for d in import_docx_texts(volume.read_bytes(), volume.name)[0]]
    return out


@pytest.mark.slow
def test_no_false_alarm_on_real_texts(registry: Registry) -> None:
    for name, doc in real_texts():
        assert capitals(doc, registry) == [], name
