"""HTML preview: the printed text from the same blocks, and user text always escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from drafting_app.export.html import render_html
from drafting_app.model import Anchor, Document, Footnote, Masthead, Paragraph, Span
from tests.export.docx_helpers import corpus_doc


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.italic: list[str] = []
        self.sup: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if "i" in self._stack:
            self.italic.append(data)
        if "sup" in self._stack:
            self.sup.append(data)


def _parse(html: str) -> _Collect:
    c = _Collect()
    c.feed(html)
    return c


def test_france_draft_preview_shows_openers_numbers_marks_and_notes():
    html = render_html(corpus_doc("france_draft"))
    c = _parse(html)
    assert c.italic[:6] == [
        "The Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime",
        "Recalling", "Recalling also", "Taking into account", "Welcoming", "Urges",
    ]  # fmt: skip
    assert c.sup == ["*", "1", "2", "3", "4", "5"]
    assert '<span class="label">9.</span>' in html
    assert '<span class="label">(d)</span>' in html
    assert html.index('id="fn-1"') < html.index('id="fn-5"')
    assert "<i>Treaty Series</i>" in html
    assert "Distr.: Limited" in html


def test_user_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script>'
    note = Footnote(f"See {evil}.")
    doc = Document(
        title=f"Title {evil}",
        masthead=Masthead(symbol=evil, body=evil, sponsors=[evil], sponsor_note=evil),
        preamble=[Paragraph(f"Recalling {evil},", [Span(0, 9)], [Anchor(10, note.id)])],
        operative=[Paragraph(f"Urges {evil} & <b>bold</b>;")],
        footnotes=[note],
    )
    html = render_html(doc)
    assert "<script>" not in html
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "script" not in _parse(html).tags


def test_empty_document_previews():
    html = render_html(Document())
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Draft resolution</title>" in html
