"""PUNCT: closing punctuation of each paragraph (UN_FORMAT.md §1).

Preambular paragraphs end with a comma, operative ones with a semicolon and the last with a
full stop; a paragraph that introduces sub-paragraphs ends with a colon, each sub-paragraph
with a semicolon (in the preamble a comma as well) and the last one takes its parent's
closing punctuation. In the decision
form the chapeau ends with a colon. A lone operative paragraph carries no number.
"""

from __future__ import annotations

from drafting_app.checks.context import CheckContext, Entry
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.model.document import SOURCE_CUT, Form, Paragraph, Part

_CLOSERS = ",;:."
_NAMES = {",": "a comma", ";": "a semicolon", ":": "a colon", ".": "a full stop"}


def _closing(ctx: CheckContext, e: Entry, memo: dict[str, str]) -> str:
    """The punctuation that would close ``e`` if it had no sub-paragraphs."""
    p = e.paragraph
    if p.id in memo:
        return memo[p.id]
    last = e.siblings[-1] is p
    if e.parent is not None:
        parent = ctx.by_id[e.parent.id]
        result = _closing(ctx, parent, memo) if last else ";"
    elif e.part is Part.PREAMBLE:
        result = ","
    else:
        result = "." if last else ";"
    memo[p.id] = result
    return result


def _end(text: str) -> tuple[int, str]:
    """Index and character of the closing punctuation ("" when the text has none)."""
    stripped = text.rstrip()
    end = len(stripped)
    # A closing quotation mark or bracket may follow the punctuation ("…(A/65/49).").
    if stripped and stripped[-1] in _CLOSERS:
        return end - 1, stripped[-1]
    return end, ""


def _fix(p: Paragraph, index: int, found: str, wanted: str) -> Fix:
    return Fix(p.id, index, index + len(found), wanted, description=f"End with {_NAMES[wanted]}")


def _introduces_inline_text(ctx: CheckContext, e: Entry) -> bool:
    """The last operative paragraph introduces the text it adopts when that text follows
    inline, without an "Annex" heading ("Adopts the following political declaration …:",
    A/RES/73/3): its colon is right."""
    doc = ctx.doc
    return (
        e.part is Part.OPERATIVE
        and e.parent is None
        and not e.in_annex
        and e.group == 0
        and bool(doc.operative)
        and e.paragraph is doc.operative[-1]
        and bool(doc.annexes)
        and not doc.annexes[0].title
    )


def document_punctuation(ctx: CheckContext) -> list[Finding]:
    """PUNCT of the whole text: the authoring-body line, a numbered lone paragraph (each
    paragraph's own closing is :func:`closing_finding`)."""
    out: list[Finding] = []
    doc = ctx.doc
    # "The General Assembly" stands without a comma before a lone "Adopts …" with no
    # preamble (A/RES/80/5, 80/9); otherwise the line ends with a comma.
    if doc.authoring_body and doc.preamble and not doc.authoring_body.rstrip().endswith(","):
        out.append(
            ctx.finding(
                "PUNCT",
                Severity.ERROR,
                "The authoring-body line ends with a comma (“The General Assembly,”).",
                Location(part="authoring body"),
            )
        )
    if len(doc.operative) == 1 and doc.form.value == "resolution":
        lone = doc.operative[0]
        if lone.source_label and lone.source_label.strip("().").isdigit():
            out.append(
                ctx.finding(
                    "PUNCT",
                    Severity.WARNING,
                    "A lone operative paragraph is not numbered.",
                    ctx.at(lone),
                    f"the source numbered it “{lone.source_label}”",
                )
            )
    return out


Closing = tuple[str, bool]


def closings(ctx: CheckContext) -> dict[str, Closing]:
    """For each paragraph whose closing punctuation is checked: the punctuation it wants
    and whether it introduces a text adopted inline (its colon is then right)."""
    memo: dict[str, str] = {}
    body = [e for e in ctx.entries if not e.in_annex and not e.chapeau]
    with_operative = {e.group for e in body if e.part is Part.OPERATIVE}
    with_preamble = {e.group for e in body if e.part is Part.PREAMBLE}
    out: dict[str, Closing] = {}
    for e in ctx.entries:
        if e.in_annex or not e.paragraph.text.strip():
            continue
        p = e.paragraph
        if e.chapeau and e.form is not Form.DECISION:
            # "At its 43rd plenary meeting, …, the General Assembly, …," before recitals (GA).
            if e.group not in with_preamble:
                continue
            wanted = ","
        elif e.chapeau:
            # The chapeau introduces the lettered paragraphs; alone it is the whole decision.
            wanted = ":" if e.group in with_operative else "."
        else:
            wanted = ":" if p.children else _closing(ctx, e, memo)
        out[p.id] = (wanted, _introduces_inline_text(ctx, e))
    return out


def closing_finding(ctx: CheckContext, e: Entry, closing: Closing | None) -> Finding | None:
    """PUNCT for one paragraph: its closing punctuation against ``closing``."""
    if closing is None:
        return None
    wanted, inline = closing
    p = e.paragraph
    index, found = _end(p.text)
    if found == wanted:
        return None
    if found == ":" and inline:
        return None
    if wanted == ";" and found == "," and e.part is Part.PREAMBLE and e.parent is not None:
        # The items of a preambular list end with commas as often as with semicolons:
        # the whole paragraph is one clause that ends with a comma (A/RES/70/179,
        # "Reaffirming that the Global Plan of Action was developed:" (a)–(f) ",").
        return None
    if found == ":" and not p.children and not e.chapeau:
        message = (
            f"{ctx.describe(p).capitalize()} ends with a colon but has no sub-paragraphs; "
            f"it should end with {_NAMES[wanted]}."
        )
    elif wanted == ":" and e.chapeau:
        message = "The opening paragraph introduces the lettered paragraphs: it ends with a colon."
    elif wanted == ":":
        message = (
            f"{ctx.describe(p).capitalize()} introduces sub-paragraphs, so it ends with a colon."
        )
    else:
        message = f"{ctx.describe(p).capitalize()} should end with {_NAMES[wanted]}"
        if e.parent is not None and e.siblings[-1] is p:
            message += " (the last sub-paragraph takes its parent's closing punctuation)"
        message += "."
    severity = Severity.WARNING if wanted == ":" else Severity.ERROR
    if not found and (p.provenance or {}).get(SOURCE_CUT):
        # the text this paragraph was read from lost its end: the punctuation is not
        # wrong, it is missing with the words before it
        message = (
            f"{ctx.describe(p).capitalize()} stops mid-sentence: the end of its text is "
            "missing in the source it was read from; restore it from the issued document."
        )
        severity = Severity.WARNING
        fix: Fix | None = None
    else:
        fix = _fix(p, index, found, wanted)
    return ctx.finding("PUNCT", severity, message, ctx.at(p, index, index + len(found)), fix=fix)
