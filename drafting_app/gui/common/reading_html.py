"""The reading view's page: a document laid out as the UN prints it, as the subset of HTML
that QTextBrowser renders (masthead, bold title, italic authoring-body line, italic openers,
typed operative numbers, sub-paragraphs, footnote marks and the footnotes below).

Every piece of document text goes through :func:`html.escape` — corpus files come from
outside and must never inject markup into the view.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

from drafting_app.model.document import Annex, Document, Heading, Masthead, Paragraph, Span
from drafting_app.model.numbering import footnote_numbers, paragraph_labels

SERIF = "'Times New Roman', 'Liberation Serif', 'Nimbus Roman', serif"
HIGHLIGHT = "#fff3b0"
# UN layout (UN_FORMAT.md §7): body indented 2 cm, first line of a paragraph at +1 cm.
_BODY_INDENT_PX = 48
_FIRST_LINE_PX = 40
_SUB_INDENT_PX = 40


def join_sponsors(names: list[str]) -> str:
    """The sponsor line's list: "Austria, France and Italy"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def anchor_name(paragraph_id: str) -> str:
    """The HTML anchor of a paragraph (QTextBrowser.scrollToAnchor target)."""
    return f"para-{paragraph_id}"


def inline_html(text: str, italics: list[Span], marks: list[tuple[int, str]] | None = None) -> str:
    """Text with italic spans and superscript footnote marks at their offsets, escaped."""
    cuts = {0, len(text)}
    for s in italics:
        cuts.update((min(s.start, len(text)), min(s.end, len(text))))
    for offset, _ in marks or []:
        cuts.add(min(offset, len(text)))
    points = sorted(cuts)
    by_offset: dict[int, list[str]] = {}
    for offset, mark in marks or []:
        by_offset.setdefault(min(offset, len(text)), []).append(mark)
    out: list[str] = []
    for start, end in itertools.pairwise(points):
        out.extend(f"<sup>{escape(m)}</sup>" for m in by_offset.get(start, []))
        piece = escape(text[start:end])
        italic = any(s.start <= start and end <= s.end for s in italics)
        out.append(f"<i>{piece}</i>" if italic and piece else piece)
    out.extend(f"<sup>{escape(m)}</sup>" for m in by_offset.get(len(text), []))
    return "".join(out)


@dataclass
class _Page:
    doc: Document
    highlight: str | None

    def __post_init__(self) -> None:
        self.labels = paragraph_labels(self.doc)
        self.numbers = footnote_numbers(self.doc)

    def paragraph(self, p: Paragraph, depth: int) -> str:
        label = self.labels.get(p.id, "")
        marks = [(a.offset, str(self.numbers.get(a.footnote_id, "?"))) for a in p.anchors]
        body = inline_html(p.text, p.italics, marks)
        lead = f"{escape(label)}&#8195;" if label else ""
        margin = _BODY_INDENT_PX + depth * _SUB_INDENT_PX
        style = f"margin-left:{margin}px; text-indent:{_FIRST_LINE_PX}px;"
        if p.id == self.highlight:
            style += f" background-color:{HIGHLIGHT};"
        html = f'<p style="{style}"><a name="{anchor_name(p.id)}"></a>{lead}{body}</p>'
        return html + "".join(self.paragraph(c, depth + 1) for c in p.children)

    def masthead(self, mh: Masthead) -> str:
        rows = [
            '<table width="100%" cellspacing="0" cellpadding="2" '
            'style="border-bottom: 2px solid black;"><tr>'
            f'<td><b>United Nations</b></td><td align="right"><b>{escape(mh.symbol)}</b></td>'
            "</tr></table>",
            '<table width="100%" cellspacing="0" cellpadding="1"><tr><td>'
            f"<b>{escape(mh.body)}</b></td>"
            '<td align="right" width="36%" nowrap>'
            + "<br/>".join(
                escape(x)
                for x in (
                    f"Distr.: {mh.distribution}" if mh.distribution else "",
                    mh.date,
                    f"Original: {mh.original_language}" if mh.original_language else "",
                )
                if x
            )
            + "</td></tr></table>",
        ]
        lines = [mh.session, mh.place_and_dates, mh.agenda_item]
        rows += [f"<p>{escape(x)}</p>" for x in lines if x]
        if mh.agenda_title:
            rows.append(f"<p><b>{escape(mh.agenda_title)}</b></p>")
        if mh.sponsors:
            star = "*" if mh.sponsor_note else ""
            kind = mh.document_type or "draft resolution"
            rows.append(f"<p>{escape(join_sponsors(mh.sponsors))}:{star} {escape(kind)}</p>")
        elif mh.submitted_line():
            star = "*" if mh.sponsor_note else ""
            rows.append(f"<p>{escape(mh.submitted_line())}{star}</p>")
        return "".join(rows)

    def annex(self, a: Annex) -> str:
        out = [f'<h3 align="center">{escape(a.title or "Annex")}</h3>']
        out += [f'<p align="center">{escape(line)}</p>' for line in a.lines]
        for b in a.blocks:
            if isinstance(b, Heading):
                out.append(f"<h4>{escape(b.text)}</h4>")
            else:
                out.append(self.paragraph(b, 0))
        return "".join(out)

    def footnotes(self) -> str:
        if not self.doc.footnotes:
            return ""
        out = ['<hr width="30%" align="left"/>']
        notes = sorted(self.doc.footnotes, key=lambda f: self.numbers.get(f.id, 0))
        if self.doc.masthead is not None and self.doc.masthead.sponsor_note:
            out.append(
                f'<p class="fn"><sup>*</sup>&#8194;{escape(self.doc.masthead.sponsor_note)}</p>'
            )
        for f in notes:
            number = escape(str(self.numbers.get(f.id, "")))
            text = inline_html(f.text, f.italics)
            out.append(f'<p class="fn"><sup>{number}</sup>&#8194;{text}</p>')
        return "".join(out)

    def render(self) -> str:
        d = self.doc
        out = [
            "<html><head><style>",
            f"body {{ font-family: {SERIF}; }}",
            "p { margin-top: 0px; margin-bottom: 8px; }",
            "p.fn { font-size: small; margin-left: 48px; margin-bottom: 3px; }",
            "</style></head><body>",
        ]
        if d.masthead is not None:
            out.append(self.masthead(d.masthead))
        out += [f"<p>{escape(x)}</p>" for x in d.front_matter]
        if d.heading:
            out.append(f"<h2>{escape(d.heading)}</h2>")
        if d.title:
            out.append(f'<p style="font-size: large;"><b>{escape(d.title)}</b></p>')
        if d.authoring_body:
            out.append(
                f'<p style="text-indent:{_FIRST_LINE_PX}px;"><i>{escape(d.authoring_body)}</i></p>'
            )
        parts = [d.chapeau] if d.chapeau is not None else []
        out += [self.paragraph(p, 0) for p in [*parts, *d.preamble, *d.operative]]
        if d.adoption:
            out.append(f'<p align="right"><i>{escape(d.adoption)}</i></p>')
        out += [self.annex(a) for a in d.annexes]
        out += [f'<p style="color:#a00000">{escape(u)}</p>' for u in d.unplaced]
        out.append(self.footnotes())
        out.append("</body></html>")
        return "".join(out)


def document_html(doc: Document, highlight: str | None = None) -> str:
    """The page for ``doc``; the paragraph ``highlight`` (an id) is shaded."""
    return _Page(doc, highlight).render()
