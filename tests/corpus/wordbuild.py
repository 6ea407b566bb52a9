"""Build small, real .docx packages from WordprocessingML snippets for importer tests, and
collect the words of a package's body and footnote text with lxml (coverage tests)."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_PARTS = {  # name: (relationship type, content type, root element)
    "numbering": ("numbering", "numbering+xml", "numbering"),
    "footnotes": ("footnotes", "footnotes+xml", "footnotes"),
    "endnotes": ("endnotes", "endnotes+xml", "endnotes"),
    "comments": ("comments", "comments+xml", "comments"),
    "styles": ("styles", "styles+xml", "styles"),
    "header1": ("header", "header+xml", "hdr"),
    "footer1": ("footer", "footer+xml", "ftr"),
}
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote>"
)


def run(text: str, italic: bool = False) -> str:
    rpr = "<w:rPr><w:i/></w:rPr>" if italic else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def numbered(num_id: int, ilvl: int, text: str) -> str:
    return para(
        run(text), ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    )


def typed(label: str, opener: str, rest: str, *more: str) -> str:
    """A UN-template operative paragraph: typed label, tab, italic opener, then ``more``
    runs (footnote references)."""
    return para(run(label), "<w:r><w:tab/></w:r>", run(opener, italic=True), run(rest), *more)


def note_ref(fid: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{fid}"/></w:r>'


def footnote(fid: int, *runs: str) -> str:
    body = "".join(runs)
    return (
        f'<w:footnote w:id="{fid}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/></w:r>'
        f"{body}</w:p></w:footnote>"
    )


def abstract(aid: int, levels: list[tuple[str, str]], style: str | None = None) -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{pstyle if i == 0 else ""}</w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{aid}">{lvls}</w:abstractNum>'


def num(num_id: int, aid: int, restart_levels: tuple[int, ...] = ()) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="1"/></w:lvlOverride>'
        for lv in restart_levels
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def make_docx(body: str, **parts: str) -> bytes:
    """A .docx whose body is ``body``; keyword parts (numbering, footnotes, endnotes,
    comments, styles, header1, footer1) give the inner XML of those parts; ``raw`` parts
    may be passed as ``extra={name: bytes}`` through :func:`make_package`."""
    return make_package(body, parts, {})


def make_package(body: str, parts: dict[str, str], extra: dict[str, bytes]) -> bytes:
    rels = []
    types = [
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        f'<Override PartName="/word/document.xml" ContentType="{_CT}document.main+xml"/>',
    ]
    files: dict[str, bytes] = {}
    for i, (name, inner) in enumerate(parts.items(), start=1):
        reltype, ctype, root = _PARTS[name]
        rels.append(f'<Relationship Id="rId{i}" Type="{_RT}{reltype}" Target="{name}.xml"/>')
        types.append(f'<Override PartName="/word/{name}.xml" ContentType="{_CT}{ctype}"/>')
        files[f"word/{name}.xml"] = f"<w:{root} {NS}>{inner}</w:{root}>".encode()
    files["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + "".join(types)
        + "</Types>"
    ).encode()
    files["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RT}officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ).encode()
    files["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    ).encode()
    files["word/document.xml"] = f"<w:document {NS}><w:body>{body}</w:body></w:document>".encode()
    files.update(extra)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


_EDGE = ".,;:!?()[]“”‘’\"'*"


def norm(word: str) -> str:
    return word.strip(_EDGE)


def words(text: str) -> Counter[str]:
    return Counter(w for w in (norm(t) for t in re.findall(r"\S+", text)) if w)


def source_words(data: bytes, parts: tuple[str, ...] = ("document", "footnotes")) -> Counter[str]:
    """Words of all ``w:t`` text of the given parts, paragraph by paragraph (a text box's
    paragraphs on their own), tabs and breaks as spaces."""
    out: Counter[str] = Counter()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        for part in parts:
            name = f"word/{part}.xml"
            if name not in names:
                continue
            root = etree.fromstring(zf.read(name))
            for p in root.iter(W + "p"):
                pieces = []
                for node in p.iter(W + "t", W + "tab", W + "br"):
                    if next(node.iterancestors(W + "p")) is not p:
                        continue
                    pieces.append(node.text or "" if node.tag == W + "t" else " ")
                out += words("".join(pieces))
    return out
