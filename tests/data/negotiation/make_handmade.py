"""Writes the two hand-made compilation texts the import tests read, as a facilitator
would type them in Word (python-docx, direct formatting, no app styles):

- handmade-labels-in-text.docx: labels at the start of each paragraph ("PP1<tab>…",
  "OP 5 bis: …"), statuses "— agreed ad ref" / "(under consultation)", notes
  "(EU: delete “annually”; …)", brackets, "[Requests][Invites]", struck and bold words
  followed by the delegation, an "OP7 Alt 2" paragraph, a stray paragraph without a label;
- handmade-label-column.docx: a three-column table "Para. | Text | Status / comments".

Run: python tests/data/negotiation/make_handmade.py (from the repository root).
"""

from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).parent


def run(p, text, *, bold=False, italic=False, strike=False):
    r = p.add_run(text)
    r.bold, r.italic = bold or None, italic or None
    if strike:
        r.font.strike = True
    return r


def labels_in_text() -> None:
    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(11)
    run(d.add_paragraph(), "Promotion of the rule of law at the international level", bold=True)
    run(d.add_paragraph(), "Draft resolution — facilitator’s compilation text, Rev. 1")
    run(d.add_paragraph(), "Informal consultations, 14 March 2025", italic=True)
    run(d.add_paragraph(), "The General Assembly,")

    p = d.add_paragraph()
    run(p, "PP1\t")
    run(p, "Recalling", italic=True)
    run(p, " its resolution 79/110 of 4 December 2024, — agreed ad ref")

    p = d.add_paragraph()
    run(p, "PP2\t")
    run(p, "Reaffirming", italic=True)
    run(p, " its commitment to the purposes and principles of the Charter of the United "
           "Nations [and international law], (under consultation)")

    p = d.add_paragraph()
    run(p, "OP1\t[Requests][Invites] the Secretary-General to report [annually][biennially] "
           "to the General Assembly on the implementation of the present resolution; "
           "(EU: delete “annually”; G77 and China: retain; United States: add “within "
           "existing resources”)")

    p = d.add_paragraph()
    run(p, "OP 2:\t")
    run(p, "Encourages", italic=True)
    run(p, " Member States to ")
    run(p, "consider", strike=True)
    run(p, " (CANZ) ")
    run(p, "strengthen", bold=True)
    run(p, " (African Group) their national legal frameworks;")

    p = d.add_paragraph()
    run(p, "OP2 bis\tDecides to include in the provisional agenda of its eighty-first session "
           "the item entitled “The rule of law at the national and international levels”; "
           "(Mexico)")

    p = d.add_paragraph()
    run(p, "OP3\tWelcomes the report of the Secretary-General on the activities of the "
           "United Nations system; (Russian Federation: delete the paragraph) — pending")

    p = d.add_paragraph()
    run(p, "OP4 Alt 1\tRequests the Secretariat to give information on the rule of law "
           "assistance it provides;")
    p = d.add_paragraph()
    run(p, "OP4 Alt 2\t[Invites the Secretariat to inform Member States of its work;] (EU)")

    run(d.add_paragraph(), "Note by the facilitator: comments by Friday.", italic=True)

    p = d.add_paragraph()
    run(p, "OP5.\tDecides to remain seized of the matter. — Deleted")
    d.save(HERE / "handmade-labels-in-text.docx")


def label_column() -> None:
    d = docx.Document()
    run(d.add_paragraph(), "Strengthening of the coordination of emergency humanitarian "
                           "assistance", bold=True)
    run(d.add_paragraph(), "Compilation text as at the end of round 2", italic=True)
    table = d.add_table(rows=1, cols=3)
    head = table.rows[0].cells
    head[0].text, head[1].text, head[2].text = "Para.", "Text", "Status / comments"
    rows = [
        ("PP 1", [("Recalling", "i"), (" its resolution 46/182 of 19 December 1991,", "")],
         "Agreed ad ref"),
        ("PP 2", [("Noting with concern", "i"),
                  (" the growing number of people in need of humanitarian assistance,", "")],
         "G77 and China: retain\nUnder consultation"),
        ("OP.1", [("Urges", "i"), (" all States to comply with international humanitarian "
                                   "law [and human rights law];", "")], ""),
        ("OP 1 bis", [("Calls upon", "i"),
                      (" donors to provide ", ""), ("flexible", "b"), (" (EU)", ""),
                      (" funding;", "")], "New"),
        ("OP.2", [("Requests", "i"), (" the Secretary-General to report ", ""),
                  ("annually", "s"), (" (United States)", ""), (" to the Assembly.", "")],
         "CANZ: flexible"),
    ]
    for label, pieces, status in rows:
        cells = table.add_row().cells
        cells[0].text = label
        p = cells[1].paragraphs[0]
        for text, fmt in pieces:
            run(p, text, italic="i" in fmt, bold="b" in fmt, strike="s" in fmt)
        for i, line in enumerate(status.split("\n")):
            para = cells[2].paragraphs[0] if i == 0 else cells[2].add_paragraph()
            para.add_run(line)
    d.save(HERE / "handmade-label-column.docx")


if __name__ == "__main__":
    labels_in_text()
    label_column()
