"""The acceptance negotiation of issue 19: A/RES/80/6 (Report of the International Criminal
Court, 14 PP and 32 OP: 46 paragraphs) negotiated in three rounds — 25 proposals from six
delegations (EU 6, United States 5, G77 and China 4, African Group 4, CANZ 3, Mexico 3),
one of them a new paragraph (OP24 bis), one the deletion of a paragraph (OP28), two
brackets, an alternative, a comment — written down as steps (tests/data/negotiation/icc/
round1–3.json) and the agreed text written by hand (agreed.txt)."""

from __future__ import annotations

from pathlib import Path

from drafting_app.corpus.readers import read_document
from tests.conftest import REALDOCS

ROOT = Path(__file__).resolve().parents[1] / "data" / "negotiation" / "icc"
ICC = REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"
ROUNDS = [ROOT / f"round{n}.json" for n in (1, 2, 3)]
DELEGATIONS = ["EU", "G77 and China", "United States", "African Group", "CANZ", "Mexico"]


def agreed() -> list[tuple[str, str]]:
    """(PP1, text) … (OP32, text) of the agreed text."""
    out = []
    for line in (ROOT / "agreed.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, text = line.split("\t")
            out.append((label, text))
    return out


def final_paragraphs(path: Path) -> list[tuple[str, str]]:
    """The final text's Word file read back: (PP1, text) … as a reader of it sees them."""
    doc = read_document(path)
    pre = [(f"PP{i}", p.text) for i, p in enumerate(doc.preamble, start=1)]
    op = [(f"OP{i}", p.text) for i, p in enumerate(doc.operative, start=1)]
    return pre + op
