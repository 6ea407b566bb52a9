"""Copy and paste of the document view. Copy puts three forms on the clipboard: plain text
as printed (numbers, tab, marks' numbers), HTML with the italics (for Word and LibreOffice)
and the draft's own form (paragraphs with their italics, marks and footnotes), which a
paste in the app reads back exactly. A paste from elsewhere goes through the paste
splitter (:func:`drafting_app.corpus.readers.paste.read_paste` when present), which turns
Word, LibreOffice, PDF or corpus text into paragraphs with openers, numbers stripped and
footnotes; without it, lines become paragraphs.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData

from drafting_app.model.document import Anchor, Document, Footnote, Paragraph, Part, Span
from drafting_app.model.ids import new_id
from drafting_app.phrases import PhraseBook

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView

DRAFT_MIME = "application/x-un-drafting-paragraphs"
_LABEL = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxlc]{1,6}\)|[a-z]\.)\s+")


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


def to_mime(view: DocumentView) -> QMimeData:
    mime = QMimeData()
    cursor = view.textCursor()
    mime.setText(cursor.selectedText().replace("\u2029", "\n"))
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


def _plain(text: str, phrases: PhraseBook) -> list[Paragraph]:
    """Lines of plain text as paragraphs: typed numbers stripped (the draft numbers its
    paragraphs), a known opening phrase in italics."""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        numbered = _LABEL.match(line)
        body = line[numbered.end() :] if numbered else line
        italics: list[Span] = []
        part = Part.OPERATIVE if numbered else Part.PREAMBLE
        found = phrases.split(body, part) or phrases.split(body, Part.OPERATIVE)
        if found is not None and found.known:
            italics = [Span(0, len(found.text))]
        out.append(Paragraph(body, italics))
    return out


def from_mime(
    mime: QMimeData, doc: Document, phrases: PhraseBook
) -> tuple[list[Paragraph], list[Footnote]] | None:
    """What a paste brings: paragraphs (one for text without line breaks) and footnotes."""
    if mime.hasFormat(DRAFT_MIME):
        try:
            return _from_draft(json.loads(bytes(mime.data(DRAFT_MIME).data()).decode()))
        except (ValueError, KeyError, TypeError):
            pass  # a foreign program's bytes under our name: read the text instead
    text = mime.text() if mime.hasText() else ""
    html = mime.html() if mime.hasHtml() else ""
    if not text and not html:
        return None
    split = _splitter()
    if split is not None:
        result = split(text, html)
        if result is not None:
            return result
    if "\n" not in text.strip():
        return [Paragraph(" ".join(text.split()) if text.strip() else text)], []
    return _plain(text, phrases), []


Splitter = Callable[[str, str], "tuple[list[Paragraph], list[Footnote]] | None"]


def _splitter() -> Splitter | None:
    """The paste splitter of the corpus readers, when it is there."""
    try:
        from drafting_app.corpus.readers import paste
    except ImportError:
        return None
    read = getattr(paste, "read_paste", None)
    if read is None:
        return None

    def run(text: str, html: str) -> tuple[list[Paragraph], list[Footnote]] | None:
        result = read(text=text, html=html or None)
        paragraphs = list(getattr(result, "paragraphs", []))
        notes = list(getattr(result, "footnotes", []))
        return (paragraphs, notes) if paragraphs else None

    return run
