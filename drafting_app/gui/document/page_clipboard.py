"""Copy and paste of the document view. Copy puts three forms on the clipboard: plain text
as printed (numbers, tab, marks' numbers), HTML with the italics (for Word and LibreOffice)
and the draft's own form (paragraphs with their italics, marks and footnotes), which a
paste in the app reads back exactly. A paste from elsewhere goes through the paste
splitter (:func:`drafting_app.corpus.readers.paste.read_paste`), which turns Word,
LibreOffice, PDF or corpus text into paragraphs with openers, "(a)" items as
sub-paragraphs, numbers taken off and footnotes.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData

from drafting_app.errors import FormatError
from drafting_app.model.document import Anchor, Footnote, Paragraph, Span
from drafting_app.model.ids import new_id
from drafting_app.phrases import PhraseBook

if TYPE_CHECKING:
    from drafting_app.corpus.readers.paste import Paste
    from drafting_app.gui.document.page_view import DocumentView

DRAFT_MIME = "application/x-un-drafting-paragraphs"


def _slice(p: Paragraph, start: int, end: int) -> dict[str, Any]:
    return {
        "text": p.text[start:end],
        "italics": [
            [max(s.start, start) - start, min(s.end, end) - start]
            for s in p.italics
            if min(s.end, end) > max(s.start, start)
        ],
        "anchors": [
            [a.offset - start, a.footnote_id] for a in p.anchors if start <= a.offset <= end
        ],
    }


def selection_paragraphs(view: DocumentView) -> list[dict[str, Any]]:
    """The selected stretches of paragraphs, in page order, as plain data."""
    cursor = view.textCursor()
    n0, s0, a0 = view.spec_at(cursor.selectionStart())
    n1, s1, a1 = view.spec_at(cursor.selectionEnd())
    doc = view.controller.doc
    out: list[dict[str, Any]] = []
    for n in range(n0, n1 + 1):
        spec = view.specs[n]
        if spec.key[0] != "p":
            continue
        p = doc.paragraph(spec.key[1])
        start = s0.model_offset(a0) if n == n0 else 0
        end = s1.model_offset(a1) if n == n1 else len(p.text)
        out.append(_slice(p, start, end))
    return out


def printed_selection(view: DocumentView) -> str:
    """The selection as printed: a paragraph taken whole keeps its number and the tab
    after it (numbers are painted on the page, not part of its text); part of one is its
    words only."""
    cursor = view.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    n0, _, a0 = view.spec_at(start)
    n1, _, a1 = view.spec_at(end)
    lines: list[str] = []
    for n in range(n0, n1 + 1):
        spec = view.specs[n]
        text = view.block_of(n).text()
        a = a0 if n == n0 else 0
        b = a1 if n == n1 else len(text)
        piece = text[a:b]
        if a == 0 and spec.label and (n < n1 or (b == len(text) and b > 0)):
            piece = f"{spec.label}\t{piece}"  # a whole paragraph, as Word copies a list item
        lines.append(piece)
    return "\n".join(lines)


def to_mime(view: DocumentView) -> QMimeData:
    mime = QMimeData()
    mime.setText(printed_selection(view))
    paragraphs = selection_paragraphs(view)
    if paragraphs:
        doc = view.controller.doc
        fids = {fid for p in paragraphs for _, fid in p["anchors"]}
        notes = [
            {"id": f.id, "text": f.text, "italics": [[s.start, s.end] for s in f.italics]}
            for f in doc.footnotes
            if f.id in fids
        ]
        mime.setData(DRAFT_MIME, json.dumps({"paragraphs": paragraphs, "notes": notes}).encode())
        mime.setHtml("".join(_html(p) for p in paragraphs))
    return mime


def _html(p: dict[str, Any]) -> str:
    text: str = p["text"]
    cuts = sorted({0, len(text), *(x for s in p["italics"] for x in s)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b])
        italic = any(s[0] <= a and b <= s[1] for s in p["italics"])
        out.append(f"<i>{piece}</i>" if italic else piece)
    return f"<p>{''.join(out)}</p>"


def _from_draft(data: dict[str, Any]) -> tuple[list[Paragraph], list[Footnote]]:
    """The app's own clipboard form, with fresh ids (a paste is a copy)."""
    renamed = {n["id"]: new_id("fn") for n in data.get("notes", [])}
    notes = [
        Footnote(n["text"], [Span(a, b) for a, b in n["italics"]], id=renamed[n["id"]])
        for n in data.get("notes", [])
    ]
    paragraphs = []
    for p in data.get("paragraphs", []):
        text = p["text"]
        anchors = [
            Anchor(min(max(o, 0), len(text)), renamed[f]) for o, f in p["anchors"] if f in renamed
        ]
        italics = [Span(a, b) for a, b in p["italics"] if 0 <= a < b <= len(text)]
        paragraphs.append(Paragraph(text, italics, anchors))
    return paragraphs, notes


@dataclass
class Pasted:
    """What a paste brings: paragraphs (trees: sub-paragraphs are children) and the
    footnotes their marks call. ``fragment``: part of one paragraph (no paragraph break),
    inserted in the text at the caret; otherwise whole paragraphs, and the text after
    the caret starts a paragraph of its own, as in Word. ``message`` says what was left
    out (a pasted title, a note whose text was not copied)."""

    paragraphs: list[Paragraph]
    notes: list[Footnote] = field(default_factory=list)
    fragment: bool = True
    message: str = ""


def from_mime(mime: QMimeData, phrases: PhraseBook) -> Pasted | None:
    """Read the clipboard: the app's own form exactly; anything else (Word, LibreOffice,
    a PDF viewer, the corpus reader) through the paste splitter of the corpus readers."""
    if mime.hasFormat(DRAFT_MIME):
        try:
            paragraphs, notes = _from_draft(
                json.loads(bytes(mime.data(DRAFT_MIME).data()).decode())
            )
            return Pasted(paragraphs, notes)
        except (ValueError, KeyError, TypeError):
            pass  # a foreign program's bytes under our name: read the text instead
    text = mime.text() if mime.hasText() else ""
    html = mime.html() if mime.hasHtml() else ""
    if not text.strip() and not html.strip():
        return None
    # The splitter (Word, PDF and web text) loads with the first paste, or on the warm-up
    # thread after the start: it was a third of the draft editor's imports (37 of 110 ms,
    # on a thread beside the first open, taking the interpreter lock from the window).
    from drafting_app.corpus.readers.paste import read_paste

    try:
        paste = read_paste(text, html or None, phrases=phrases)
    except FormatError as exc:
        return Pasted([], message=str(exc))
    if paste.fragment and len(paste.paragraphs) == 1:
        _keep_spaces(paste.paragraphs[0], text)
    return Pasted(paste.paragraphs, paste.footnotes, paste.fragment, _left_out(paste))


def _keep_spaces(p: Paragraph, text: str) -> None:
    """A few words copied with the space before or after them keep it (the splitter reads
    paragraphs and trims them; "without delay " pasted before "to" must not glue)."""
    lead = " " if text[:1].isspace() and not p.text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and not p.text[-1:].isspace() else ""
    if not (lead or trail) or not p.text:
        return
    n = len(lead)
    p.text = f"{lead}{p.text}{trail}"
    p.italics = [Span(s.start + n, s.end + n) for s in p.italics]
    p.anchors = [Anchor(a.offset + n, a.footnote_id) for a in p.anchors]


def _left_out(paste: Paste) -> str:
    parts: list[str] = []
    if paste.skipped:
        parts.append(f"Not pasted (the draft has its own): {_quoted(paste.skipped)}.")
    if paste.missing_notes:
        n = len(paste.missing_notes)
        parts.append(
            f"The text of footnote{'s' if n > 1 else ''} {', '.join(paste.missing_notes)} was "
            "not in the paste: an empty note waits under the page."
        )
    if paste.unplaced:
        parts.append(f"Not placed: {_quoted(paste.unplaced)}.")
    return " ".join(parts)


def _quoted(texts: list[str]) -> str:
    shown = [f"“{t[:60]}{'…' if len(t) > 60 else ''}”" for t in texts[:3]]
    return ", ".join(shown) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")
