"""FN-MARK: in English a footnote mark follows the punctuation — "Crime,¹", not "Crime¹,"
(UN_FORMAT.md §4). A text read from a file (or typed) may carry the mark before the comma;
the export prints it after the comma anyway, so the finding is a suggestion that explains
the rule, and its fix moves the mark in the draft to where it is printed."""

from __future__ import annotations

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.export.blocks import printed_mark_offset
from drafting_app.model.document import Paragraph, Span


def _kept_italics(p: Paragraph, start: int, end: int) -> tuple[Span, ...]:
    """The italics of ``[start, end)`` relative to it: the fix rewrites those characters
    as they are, only the mark moves."""
    out = []
    for s in p.italics:
        a, b = max(s.start, start), min(s.end, end)
        if b > a:
            out.append(Span(a - start, b - start))
    return tuple(out)


def marks_in(ctx: CheckContext, p: Paragraph) -> list[Finding]:
    """FN-MARK findings of one paragraph (its marks, the numbers of their notes)."""
    out: list[Finding] = []
    if p.anchors:
        for offset in sorted({a.offset for a in p.anchors}):
            inside = _inside_word(ctx, p, offset)
            if inside is not None:
                out.append(inside)
                continue
            printed = printed_mark_offset(p.text, offset)
            if printed == offset:
                continue
            marks = [a for a in p.anchors if a.offset == offset]
            numbers = ",".join(str(ctx.numbers.get(a.footnote_id, "")) for a in marks)
            word = p.text[max(0, offset - 12) : offset].split(" ")[-1]
            after = p.text[offset:printed]
            # Rewriting the character before the mark through the punctuation puts the mark
            # (which stood inside the rewritten stretch) at its end: after the punctuation.
            start = offset - 1
            out.append(
                ctx.finding(
                    "FN-MARK",
                    Severity.SUGGESTION,
                    f"The mark of footnote {numbers} stands before the “{after}”: in English "
                    f"a footnote mark follows the punctuation (“{word}{after}{_sup(numbers)}”, "
                    f"not “{word}{_sup(numbers)}{after}”). The export prints it after.",
                    ctx.at(p, offset, printed),
                    "UN Editorial Manual: the footnote indicator follows any punctuation "
                    "mark except the dash (French and Spanish put it before).",
                    Fix(
                        p.id,
                        start,
                        printed,
                        p.text[start:printed],
                        italics=_kept_italics(p, start, printed),
                        description=f"Put the mark after the “{after}”",
                    ),
                )
            )
    return out


def _inside_word(ctx: CheckContext, p: Paragraph, offset: int) -> Finding | None:
    """A mark between two letters of one word ("Paris Ag¹reement": a click that landed in
    the word before Insert Footnote): the export prints it there too. The fix moves it to
    the end of the word, after the punctuation that closes it."""
    text = p.text
    if not (0 < offset < len(text) and text[offset - 1].isalpha() and text[offset].isalpha()):
        return None
    start = offset
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = offset
    while end < len(text) and text[end].isalpha():
        end += 1
    printed = printed_mark_offset(text, end)
    numbers = ",".join(
        str(ctx.numbers.get(a.footnote_id, "")) for a in p.anchors if a.offset == offset
    )
    word = text[start:end]
    shown = f"{text[start:offset]}{_sup(numbers)}{text[offset:end]}"
    return ctx.finding(
        "FN-MARK",
        Severity.WARNING,
        f"The mark of footnote {numbers} stands inside the word “{shown}”: a footnote mark "
        f"follows the word it annotates (“{text[start:printed]}{_sup(numbers)}”).",
        ctx.at(p, start, end),
        "UN Editorial Manual: the footnote indicator follows the word or the punctuation after it.",
        Fix(
            p.id,
            offset - 1,
            printed,
            text[offset - 1 : printed],
            italics=_kept_italics(p, offset - 1, printed),
            description=f"Put the mark after “{word}”",
        ),
    )


_SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹,")


def _sup(numbers: str) -> str:
    return numbers.translate(_SUPERSCRIPT)
