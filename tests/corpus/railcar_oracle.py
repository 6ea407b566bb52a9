"""An independent count of the printed structure of the railcar texts, for checking by hand.

Not the reader: it imports nothing of drafting_app and knows no UN structure beyond what is
printed — the paragraph numbers "1.", "2." in sequence, the labels "(a)", "(i)" at a line's
start, the footnote numbers in sequence at a line's start ("3 A/80/121." or "[^3]: …"), and
the preambular paragraphs as the lines between the formula line ("The General Assembly,")
and "1." that start with a capital letter after a line that ends with a comma or colon (a
footnote mark after it allowed) or after the formula line itself.

Its blind spots are known and are why its output is checked by hand (INDEX.md): labels the
text layer lost (printed in the margin), a line of the text that starts with the next
footnote number, a preambular paragraph run together with the one before it on one line,
a page header between a comma and the next paragraph. Run it to see every counted line:

    python -m tests.corpus.railcar_oracle tests/data/realdocs/railcar/A_RES_80_34.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

NUMBER_RE = re.compile(r"^\s*(\d{1,3})\.(?:\s|$)")
LABEL_RE = re.compile(r"^\s*\(([a-z]{1,5})\)(?:\s|$)")
NOTE_RE = re.compile(r"^\s*(?:\[\^(\d{1,5})\]:|(\d{1,3})\s)\s*\S")
FORMULA_RE = re.compile(r"^\s*The General Assembly\b")
ANNEX_RE = re.compile(r"^\s*Annex(?:\s[IVX]+)?\s*$")
RULE_RE = re.compile(r"^\s*(?:_{5,}|-{3,})\s*$")
FURNITURE_RE = re.compile(r"^\s*(?:A/RES/\d+/\d+|\d{2}-\d{5}(?:\s\(E\))?|\*\d+\*|\d+/\d+)\s*$")
TITLE_RE = re.compile(r"^\s*\d+/\d+\.\s+(.*?)\s*$")
ENDS_LIST_RE = re.compile(r"[,:]\s*(?:\d{1,3}|\[\^\d+\])?\s*$")


@dataclass
class Count:
    pre: int = 0
    pre_sub: int = 0
    op: int = 0
    op_sub: int = 0
    notes: int = 0
    seen: list[str] = field(default_factory=list)


def blocks(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    for ln in lines:
        if ln.strip():
            cur.append(ln.strip())
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def count(text: str) -> Count:
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":  # front matter
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        lines = lines[end + 1 :]
    layout = any(re.match(r"^\d{2}-\d{5} \(E\)", ln.strip()) for ln in lines)
    c = Count()
    title = next((m.group(1) for ln in lines if (m := TITLE_RE.match(ln))), "")
    kinds: list[tuple[str, list[str]]] = []  # (kind, lines) per block: body | note | skip
    expected_note = 1
    for b in blocks(lines):
        m = NOTE_RE.match(b[0])
        if any(ANNEX_RE.match(ln) for ln in b):
            kinds.append(("body", b))
        elif m and int(m.group(1) or m.group(2)) == expected_note:
            for ln in b:
                n = NOTE_RE.match(ln)
                if n and int(n.group(1) or n.group(2)) == expected_note:
                    c.seen.append(f"note {expected_note}: {ln[:70]}")
                    expected_note += 1
            kinds.append(("note", b))
        elif (
            all(RULE_RE.match(ln) or FURNITURE_RE.match(ln) for ln in b)
            or " ".join(b) == title
            or (b[0].startswith("A/RES/") and len(b) <= 3 and layout)
            or (b[-1] == title or b[0] == title)
        ):
            kinds.append(("skip", b))
        else:
            kinds.append(("body", b))
    c.notes = expected_note - 1
    body = [(k, b) for k, b in kinds]
    formula = next(
        (i for i, (k, b) in enumerate(body) if k == "body" and FORMULA_RE.match(b[0])), None
    )
    if formula is None:
        return c
    expected = 1
    first_op = None
    end = len(body)
    for i in range(formula + 1, len(body)):
        k, b = body[i]
        if k != "body":
            continue
        if any(ANNEX_RE.match(ln) for ln in b):
            end = i
            break
        for ln in b:
            m = NUMBER_RE.match(ln)
            if m and int(m.group(1)) == expected:
                if first_op is None:
                    first_op = i
                c.seen.append(f"op {expected}: {ln[:60]}")
                expected += 1
    c.op = expected - 1
    pre_end = first_op if first_op is not None else end
    prev = body[formula][1][-1]
    for i in range(formula + 1, pre_end):
        k, b = body[i]
        if k != "body":
            continue
        for j, ln in enumerate(b):
            if j > 0 and layout:
                break
            if LABEL_RE.match(ln):
                c.pre_sub += 1
                c.seen.append(f"pre item: {ln[:60]}")
            elif ln[:1].isupper() and (prev == body[formula][1][-1] or ENDS_LIST_RE.search(prev)):
                c.pre += 1
                c.seen.append(f"pre {c.pre}: {ln[:60]}")
            prev = ln
        prev = b[-1]
    for i in range(pre_end, end):
        k, b = body[i]
        if k != "body":
            continue
        for ln in b:
            if LABEL_RE.match(ln):
                c.op_sub += 1
                c.seen.append(f"op item: {ln[:60]}")
    return c


def main(paths: list[str]) -> None:
    for p in paths:
        c = count(Path(p).read_text(encoding="utf-8"))
        print(f"{Path(p).name}: pre {c.pre} (+{c.pre_sub}) op {c.op} (+{c.op_sub}) notes {c.notes}")
        if len(paths) == 1:
            print("\n".join("  " + s for s in c.seen))


if __name__ == "__main__":
    main(sys.argv[1:])
