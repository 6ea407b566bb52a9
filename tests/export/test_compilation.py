"""Word exports of a negotiation: the compilation text (golden XML, read back with
python-docx), the clean text for the next round, the final text and its refusal."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from drafting_app.export.compilation import Mode, build_compilation, plain_rows
from drafting_app.export.compilation_docx import compilation_bytes, write_negotiation
from drafting_app.model.negotiation import Status
from drafting_app.model.negotiation_edits import (
    AcceptNewParagraph,
    AcceptProposal,
    ChooseAlternative,
    ChooseParagraphAlternative,
    DropProposal,
)
from drafting_app.model.negotiation_final import UnresolvedError
from drafting_app.model.profiles import PROFILES
from tests.export.docx_helpers import FIXED_WHEN, assert_golden, canonical, part_xml
from tests.model.negotiation_setup import deterministic, france_in_negotiation

COP = PROFILES["ctoc-cop"]


@pytest.fixture
def france():
    with deterministic():
        yield france_in_negotiation()


def _rows(path: Path) -> list[tuple[str, list[docx.text.run.Run]]]:
    table = docx.Document(str(path)).tables[0]
    out = []
    for row in table.rows[1:]:
        label, text = row.cells
        out.append((label.text, [r for p in text.paragraphs for r in p.runs]))
    return out


@pytest.mark.parametrize("mode", ["compilation", "clean"])
def test_compilation_matches_golden_xml(tmp_path: Path, france, mode: str):
    out = tmp_path / f"{mode}.docx"
    out.write_bytes(compilation_bytes(france, Mode(mode), when=FIXED_WHEN))
    for part in ("document", "footnotes"):
        xml = canonical(part_xml(out, f"word/{part}.xml"))
        assert_golden(xml, f"france_{mode}.{part}.xml")


def test_compilation_reads_back_with_labels_brackets_proposals_and_statuses(tmp_path, france):
    out = write_negotiation(france, tmp_path / "c.docx", "compilation", COP, when=FIXED_WHEN)
    rows = dict((label, runs) for label, runs in _rows(out))
    assert list(rows)[:6] == ["PP1", "PP2", "PP3", "PP4", "OP1", "OP2"]
    assert "OP5 bis" in rows and "OP7 Alt 2" in rows
    text = {label: "".join(r.text for r in runs) for label, runs in rows.items()}
    assert text["PP1"].endswith(" — Agreed ad ref")
    assert "[held in the Assembly [in June 2008]]" in text["PP3"]
    assert text["OP1"].startswith("[Urges][Calls upon] (EU) all States")
    struck = [r.text for r in rows["OP2"] if r.font.strike]
    assert struck == ["the fact that "]
    tags = [r.text for r in rows["OP2"] if r.italic and "(" in r.text]
    assert tags == ["(G77 and China) "]
    bold = [r.text for r in rows["OP3"] if r.bold]
    assert bold == ["Encourages"] and [r.text for r in rows["OP3"] if r.font.strike] == ["Urges"]
    assert text["OP5"].endswith("communications within existing resources (United States); "
                                "(African Group: retain)")  # fmt: skip
    assert text["OP6"].endswith("(CANZ: delete the paragraph)")
    assert text["OP8"].endswith("— Deleted") and all(
        r.font.strike for r in rows["OP8"] if r.text.strip() and "Deleted" not in r.text
    )
    assert text["OP9 (b)"].startswith("The efforts undertaken")
    table = docx.Document(str(out)).tables[0]
    assert table.rows[0].cells[0].text == "Label"
    footnotes = part_xml(out, "word/footnotes.xml").decode()
    assert "Treaty Series" in footnotes


def test_clean_text_drops_proposals_and_deleted_paragraphs(tmp_path, france):
    out = write_negotiation(france, tmp_path / "clean.docx", "clean", COP, when=FIXED_WHEN)
    rows = {label: "".join(r.text for r in runs) for label, runs in _rows(out)}
    assert "OP8" not in rows and "OP5 bis" not in rows  # deleted; new, not accepted
    assert rows["OP2"].startswith("Welcomes the fact that the majority")
    assert rows["OP3"].startswith("Urges States parties")
    assert "within existing resources" not in rows["OP5"] and "retain" not in rows["OP5"]
    assert rows["PP1"].endswith(" — Agreed ad ref") and "consultation" not in rows["OP4"]
    assert "[held in the Assembly [in June 2008]]" in rows["PP3"]
    assert rows["OP1"].startswith("[Urges][Calls upon] (EU)")  # alternatives stay


def test_final_text_is_refused_while_anything_is_open(tmp_path, france):
    target = tmp_path / "final.docx"
    with pytest.raises(UnresolvedError) as caught:
        write_negotiation(france, target, "final", COP)
    assert not target.exists()
    assert caught.value.blockers == [
        "PP3: 2 brackets",
        "OP1: 2 alternative sets",
        "OP2: 1 open proposal (G77 and China)",
        "OP3: 1 open proposal (EU)",
        "OP5: 1 open proposal (United States)",
        "OP5 bis: a new paragraph proposed by African Group not yet accepted",
        "OP6: 1 open proposal (CANZ)",
        "OP7: 2 alternative paragraphs",
    ]


def _settle(doc) -> None:
    from drafting_app.model.negotiation_edits import RemoveBracket

    nego = doc.negotiation
    for p in list(doc.all_paragraphs()):
        r = nego.records.get(p.id)
        if r is None:
            continue
        for b in r.brackets:
            RemoveBracket(p.id, b.id).apply(doc)
        for a in nego.records[p.id].alternatives:
            ChooseAlternative(p.id, a.id, 1).apply(doc)
        if nego.records[p.id].paragraph_alternatives:
            ChooseParagraphAlternative(p.id, 1).apply(doc)
        for q in nego.records[p.id].proposals:
            edit = AcceptProposal if q.author in ("EU", "United States") else DropProposal
            edit(p.id, q.id).apply(doc)
        if nego.records[p.id].open_new_paragraph:
            AcceptNewParagraph(p.id).apply(doc)


def test_final_text_once_everything_is_settled(tmp_path, france):
    _settle(france)
    out = write_negotiation(france, tmp_path / "final.docx", "final", COP, when=FIXED_WHEN)
    paras = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    body = "\n".join(paras)
    assert "[" not in body and "bis" not in body and "Agreed ad ref" not in body
    ops = [t for t in paras if t[:3].rstrip(".\t").isdigit()]
    assert [t.split("\t")[0] for t in ops] == [f"{n}." for n in range(1, 10)]
    assert ops[0].startswith("1.\tCalls upon all States that have not yet done so to consider")
    assert ops[2].startswith("3.\tEncourages States parties")
    assert ops[4].endswith("communications within existing resources;")
    assert ops[5].startswith("6.\tInvites States parties to share good practices;")
    # Alt 2 of OP7 opens with "Requests" after OP5's "Requests": the ladder goes on.
    assert (
        ops[7] == "8.\tAlso requests the Secretariat to share information on successful practices;"
    )
    # OP1 and OP3 no longer open with "Urges": OP4 is now the first of its family.
    assert ops[3].startswith("4.\tUrges those States")
    assert not any("Takes note with appreciation of the information-gathering" in t for t in ops)
    assert france.negotiation is not None and france.negotiation.records  # untouched


def test_rows_of_a_paragraph_added_outside_the_negotiation_are_kept(france):
    from drafting_app.model.document import Paragraph, Part
    from drafting_app.model.paragraph_edits import InsertParagraph

    InsertParagraph(Part.PREAMBLE, None, 0, Paragraph("Bearing in mind,")).apply(france)
    rows = plain_rows(build_compilation(france).rows)
    assert rows[0] == "PP0\tBearing in mind,"
    assert france.negotiation.records[france.operative[0].id].status is Status.PENDING
