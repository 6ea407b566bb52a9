"""The HTML that a word processor puts on the clipboard, as logical blocks.

Three producers matter to a drafter, and each marks the same things its own way:

- **Word** (``<p class=MsoNormal>``, ``MsoListParagraph``): a list paragraph carries its level
  in ``mso-list:l0 level2 lfo1`` and its number as text inside ``<![if !supportLists]>``; a
  footnote reference is ``<a style='mso-footnote-id:ftn1' href="#_ftn1">`` and the note is a
  ``<div style='mso-element:footnote' id=ftn1>`` at the end.
- **LibreOffice** (``meta name=generator content=LibreOffice``): automatic numbering is
  ``<ol type="a"><li>`` nesting with no number in the text; a reference is
  ``<a class="sdfootnoteanc" href="#sdfootnote1sym"><sup>1</sup></a>`` and the note a
  ``<div id="sdfootnote1">``.
- **Qt** (the app's own reading view and draft): italics and superscripts as
  ``<span style=" font-style:italic;">`` / ``vertical-align:super``; a footnote is a
  paragraph that starts with its superscript number.

Everything else (browsers, PDF viewers that offer HTML) is plain HTML: ``<p>``, ``<i>``,
``<sup>``. Only text, italics, footnote marks, footnote texts and list levels are read;
styles, images and scripts are ignored and nothing is ever fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from drafting_app.corpus.readers.blocks import Block, FootnoteDef, Mark
from drafting_app.model.document import Span

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr"}
_BLOCK_TAGS |= {"blockquote", "pre", "table", "ol", "ul", "dd", "dt", "center"}
_SKIP_TAGS = {"head", "style", "script", "title", "template", "object", "svg"}
_ITALIC_TAGS = {"i", "em", "cite", "var", "dfn"}
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base"}
_WORD_LEVEL_RE = re.compile(r"mso-list:\s*l\d+\s+level(\d+)", re.I)
_WORD_FOOTNOTE_DIV_RE = re.compile(r"mso-element:\s*footnote(?!-)", re.I)
_LO_FOOTNOTE_ID_RE = re.compile(r"^sdfootnote(\d+)$")
_LO_ANCHOR_RE = re.compile(r"^#sdfootnote(\d+)sym$")
_WORD_ANCHOR_RE = re.compile(r"^#_ftn(\d+)$")
_WORD_BACKLINK_RE = re.compile(r"^#_ftnref(\d+)$")
_LO_BACKLINK_RE = re.compile(r"^#sdfootnote(\d+)anc$")
_MARK_LABEL_RE = re.compile(r"^\s*(?:\[?(\d{1,3})\]?|(\*{1,3}))\s*$")
_WS_RE = re.compile(r"[ \t\n\r\f\v\u00a0]+")


@dataclass
class HtmlBlock:
    """A paragraph of the clipboard HTML: its block (text, italics, marks), its list level
    (1 = top) when the producer said so, and the list's number format ("1", "a", "i")."""

    block: Block
    level: int | None = None
    list_type: str | None = None
    list_number: int = 0


@dataclass
class ClipboardHtml:
    """What the clipboard HTML holds: body blocks, footnote texts, and who made it."""

    blocks: list[HtmlBlock] = field(default_factory=list)
    notes: list[FootnoteDef] = field(default_factory=list)
    producer: str = "html"  # word | libreoffice | qt | html


def producer_of(html: str) -> str:
    """Which program wrote ``html``: "word", "libreoffice", "qt" or plain "html"."""
    head = html[:4000]
    if "urn:schemas-microsoft-com:office" in head or "class=Mso" in html[:200_000]:
        return "word"
    if re.search(r'name="?generator"?\s+content="?LibreOffice', head, re.I):
        return "libreoffice"
    if 'name="qrichtext"' in head:
        return "qt"
    return "html"


@dataclass
class _Open:
    tag: str
    italic: bool | None = None  # None: inherits
    sup: bool = False
    footnote_ref: str | None = None  # key of the note this anchor calls
    backlink: bool = False  # the number in front of a footnote text
    note_key: str | None = None  # a footnote's container
    list_item: bool = False


@dataclass
class _Pending:
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    italics: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    sup_text: list[str] = field(default_factory=list)
    level: int | None = None
    list_type: str | None = None
    list_number: int = 0


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = ClipboardHtml()
        self.stack: list[_Open] = []
        self.skip = 0
        self.lists: list[list[str | int]] = []  # [type, counter] per open <ol>/<ul>
        self.current = _Pending()
        self.note_blocks: dict[str, list[_Pending]] = {}
        self.note_order: list[str] = []
        self.word_level: int | None = None

    # -- state helpers -----------------------------------------------------------------------
    def _italic(self) -> bool:
        for o in reversed(self.stack):
            if o.italic is not None:
                return o.italic
        return False

    def _sup(self) -> bool:
        return any(o.sup for o in self.stack)

    def _ref(self) -> str | None:
        return next((o.footnote_ref for o in reversed(self.stack) if o.footnote_ref), None)

    def _in_backlink(self) -> bool:
        return any(o.backlink for o in self.stack)

    def _note_key(self) -> str | None:
        return next((o.note_key for o in reversed(self.stack) if o.note_key), None)

    # -- blocks ------------------------------------------------------------------------------
    def _flush(self) -> None:
        cur = self.current
        self._take_sup()
        text = "".join(cur.pieces)
        if not text.strip() and not cur.marks:
            # nothing yet: an <li> whose text is in the <p> inside it keeps its number
            cur.pieces, cur.length, cur.italics = [], 0, []
            return
        self.current = _Pending()
        block = Block(text, cur.italics, cur.marks, [text])
        key = self._note_key()
        if key is not None:
            self.note_blocks.setdefault(key, []).append(cur)
            if key not in self.note_order:
                self.note_order.append(key)
            return
        self.out.blocks.append(HtmlBlock(block, cur.level, cur.list_type, cur.list_number))

    def _append(self, text: str) -> None:
        if not text:
            return
        cur = self.current
        if cur.length == 0 or cur.pieces[-1].endswith(" "):
            text = text.lstrip(" ")  # HTML collapses white space across elements
        if not text:
            return
        if self._italic():
            last = cur.italics[-1] if cur.italics else None
            if last is not None and last.end == cur.length:
                cur.italics[-1] = Span(last.start, cur.length + len(text))
            else:
                cur.italics.append(Span(cur.length, cur.length + len(text)))
        cur.pieces.append(text)
        cur.length += len(text)

    def _take_sup(self) -> None:
        """Superscript text just closed: digits or asterisks are a footnote mark, anything
        else ("12th", "1er") is text."""
        cur = self.current
        if not cur.sup_text:
            return
        raw = "".join(cur.sup_text)
        cur.sup_text = []
        labels = [x for x in re.split(r"[,\s]+", raw.strip()) if x]
        if labels and all(_MARK_LABEL_RE.match(x) for x in labels):
            for x in labels:
                m = _MARK_LABEL_RE.match(x)
                assert m is not None
                cur.marks.append(Mark(cur.length, m.group(1) or m.group(2)))
        else:
            self._append(raw)

    # -- HTMLParser --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _VOID_TAGS:
            if tag == "br":
                self._append(" ")
            return
        style = a.get("style", "")
        if tag in _BLOCK_TAGS:
            self._flush()
        o = _Open(tag)
        if tag in _ITALIC_TAGS or re.search(r"font-style:\s*italic", style):
            o.italic = True
        elif re.search(r"font-style:\s*normal", style):
            o.italic = False
        if tag == "sup" or re.search(r"vertical-align:\s*super", style):
            o.sup = True
        if tag == "a":
            self._anchor(o, a)
        if tag == "div":
            note = _note_div_key(a)
            if note:
                o.note_key = note
        if tag in ("ol", "ul"):
            kind = a.get("type", "1") if tag == "ol" else "bullet"
            start = a.get("start", "1")
            self.lists.append([kind, int(start) - 1 if start.isdigit() else 0])
        if tag == "li" and self.lists:
            self.lists[-1][1] = int(self.lists[-1][1]) + 1
            self.current.level = len(self.lists)
            self.current.list_type = str(self.lists[-1][0])
            self.current.list_number = int(self.lists[-1][1])
        if tag == "p":
            m = _WORD_LEVEL_RE.search(style)
            if m:
                self.current.level = int(m.group(1))
        if tag in ("td", "th"):
            self._append(" ")
        self.stack.append(o)

    def _anchor(self, o: _Open, a: dict[str, str]) -> None:
        href = a.get("href", "")
        style = a.get("style", "")
        cls = a.get("class", "")
        m = _WORD_ANCHOR_RE.match(href) or _LO_ANCHOR_RE.match(href)
        if m and ("mso-footnote-id" in style or "sdfootnoteanc" in cls or href.startswith("#_ftn")):
            o.footnote_ref = m.group(1)
            return
        if _WORD_BACKLINK_RE.match(href) or _LO_BACKLINK_RE.match(href) or "sdfootnotesym" in cls:
            o.backlink = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or tag in _VOID_TAGS:
            return
        if not any(o.tag == tag for o in self.stack):
            return  # a stray end tag (Word writes some)
        while self.stack:
            o = self.stack.pop()
            if o.sup and not self._sup():
                self._take_sup()
            if o.footnote_ref and not self._ref():
                self.current.sup_text = []
            if o.tag == tag:
                break
        if tag in _BLOCK_TAGS:
            if tag in ("ol", "ul") and self.lists:
                self._flush()
                self.lists.pop()
            else:
                self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = _WS_RE.sub(" ", data)
        if ref := self._ref():
            # Word writes "[1]" or the number; the mark is the note's own, numbered by the app
            if not self.current.marks or self.current.marks[-1].key != ref:
                label = re.sub(r"\D", "", text) or ref
                self.current.marks.append(Mark(self.current.length, label, key=ref))
            return
        if self._in_backlink():
            return
        if self._sup():
            self.current.sup_text.append(text)
            return
        self._append(text)

    def unknown_decl(self, data: str) -> None:
        """Word's ``<![if !supportLists]>`` / ``<![endif]>`` marked sections: their content
        (the list number) is ordinary text to us."""

    def close(self) -> None:
        super().close()
        self._flush()
        for key in self.note_order:
            parts = self.note_blocks[key]
            text_parts: list[str] = []
            italics: list[Span] = []
            for p in parts:
                base = sum(len(t) + 1 for t in text_parts)
                body = "".join(p.pieces)
                text_parts.append(body)
                italics += [Span(s.start + base, s.end + base) for s in p.italics]
            text = " ".join(text_parts)
            lead = len(text) - len(text.lstrip())
            stripped = text.strip()
            spans = [
                Span(max(0, s.start - lead), min(len(stripped), s.end - lead))
                for s in italics
                if s.end - lead > 0 and s.start - lead < len(stripped)
            ]
            self.out.notes.append(FootnoteDef(key, stripped, spans, key=key))


def _note_div_key(a: dict[str, str]) -> str | None:
    """The key of a footnote container: Word ``id=ftn1`` with ``mso-element:footnote``,
    LibreOffice ``id="sdfootnote1"``."""
    ident = a.get("id", "")
    if _WORD_FOOTNOTE_DIV_RE.search(a.get("style", "")) and ident.startswith("ftn"):
        return ident[3:] or None
    m = _LO_FOOTNOTE_ID_RE.match(ident)
    return m.group(1) if m else None


def read_clipboard_html(html: str) -> ClipboardHtml:
    """The blocks and footnotes of clipboard HTML (see the module docstring)."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    out = parser.out
    out.producer = producer_of(html)
    _notes_from_leading_marks(out)
    return out


def _notes_from_leading_marks(out: ClipboardHtml) -> None:
    """Qt and plain HTML put a footnote as a paragraph opening with its superscript number
    ("<sup>3</sup> A/80/1."): such blocks are footnote texts, bound to marks by label."""
    kept: list[HtmlBlock] = []
    for hb in out.blocks:
        b = hb.block
        lead = len(b.text) - len(b.text.lstrip())
        first = b.marks[0] if b.marks else None
        if first is not None and first.key is None and first.offset <= lead and b.text.strip():
            body = b.slice(lead).strip()
            out.notes.append(FootnoteDef(first.label, body.text, body.italics))
            continue
        kept.append(hb)
    out.blocks = kept
