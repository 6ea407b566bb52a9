"""Reading a tracked-changes .docx the way a recipient uses it: Accept All or Reject All
applied to the written XML (Word's rules, drafting_app.corpus.readers.word_revisions),
then every printed paragraph with its style, its text (typed numbers and tabs included),
its italic and bold characters and the text of each footnote where it is marked."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from drafting_app.corpus.readers.word_revisions import resolve

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RESOLVED = ("word/document.xml", "word/footnotes.xml", "word/header2.xml", "word/header3.xml")


def decided(data: bytes, accept: bool) -> bytes:
    """The .docx after Accept All (``accept``) or Reject All."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename in _RESOLVED:
                root = resolve(etree.fromstring(blob), accept)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            z.writestr(info.filename, blob)
    return out.getvalue()


def _notes(z: zipfile.ZipFile) -> dict[str, str]:
    root = etree.fromstring(z.read("word/footnotes.xml"))
    out = {}
    for fn in root.iter(f"{W}footnote"):
        if fn.get(f"{W}type"):
            continue
        text = "".join(t.text or "" for t in fn.iter(f"{W}t", f"{W}delText"))
        out[fn.get(f"{W}id")] = " ".join(text.split())
    return out


def printed(data: bytes) -> list[tuple[str, str, tuple[int, ...], tuple[int, ...]]]:
    """Every non-empty paragraph of the body (masthead cells included), as printed:
    ``(style, text with [note text] at each mark, italic positions, bold positions)``."""
    z = zipfile.ZipFile(io.BytesIO(data))
    notes = _notes(z)
    root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        style_el = p.find(f"{W}pPr/{W}pStyle")
        style = style_el.get(f"{W}val") if style_el is not None else ""
        text: list[str] = []
        italic: list[int] = []
        bold: list[int] = []
        for r in p.iter(f"{W}r"):
            rpr = r.find(f"{W}rPr")
            is_i = rpr is not None and rpr.find(f"{W}i") is not None
            is_b = rpr is not None and rpr.find(f"{W}b") is not None
            for c in r:
                piece = ""
                if c.tag in (f"{W}t", f"{W}delText"):
                    piece = c.text or ""
                elif c.tag == f"{W}tab":
                    piece = "\t"
                elif c.tag == f"{W}footnoteReference":
                    piece = f"[{notes.get(c.get(f'{W}id'), '?')}]"
                start = len("".join(text))
                if is_i:
                    italic += range(start, start + len(piece))
                if is_b:
                    bold += range(start, start + len(piece))
                text.append(piece)
        joined = "".join(text)
        if joined.strip():
            out.append((style, joined, tuple(italic), tuple(bold)))
    return out


def header_text(data: bytes) -> str:
    z = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(z.read("word/header2.xml"))
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def paragraph_properties(data: bytes) -> list[str]:
    """Every body paragraph's properties (style, indents, spacing) as XML, without the
    paragraph mark's own run properties: what a decided file must share with the clean
    export. An empty last paragraph is left out: the tracked export ends with one when its
    last paragraph's mark is itself a revision (Word keeps the body's last mark)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(z.read("word/document.xml"))
    paragraphs = list(root.iter(f"{W}p"))
    if paragraphs and paragraphs[-1].find(f"{W}r") is None:
        paragraphs.pop()
    out = []
    for p in paragraphs:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            out.append("")
            continue
        ppr = etree.fromstring(etree.tostring(ppr))
        for rpr in ppr.findall(f"{W}rPr"):
            ppr.remove(rpr)
        out.append(etree.tostring(ppr, method="c14n").decode())
    return out
