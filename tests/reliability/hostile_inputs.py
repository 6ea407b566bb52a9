# ruff: noqa: E501 — the table of cases reads one case a line
"""Small files that ask for enormous work (issue 22 §3, §4, §9): one of each kind a hostile
tester sent, made here at the sizes the readers allow, and more of the same classes.

Each case is (reader, bytes, expect): ``expect`` is "document", "refused" or "either";
with a match the refusal must say so. Every case must be read in at most 10 s of CPU and
500 MB (measured in a child process, tests/reliability/bounded_child.py). The readers:
``docx`` (import_docx_texts), ``pdf``, ``text`` (the bytes of a .txt or .md), ``project``
(load, describe, export to Word, save again) and ``collection``.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from tests.corpus.wordbuild import (
    SEPARATORS,
    footnote,
    make_docx,
    make_package,
    note_ref,
    para,
    run,
)

GOOD = (
    para(run("The General Assembly,"))
    + para(run("Recalling its resolution 64/293 of 30 July 2010,"))
    + para(run("1. Urges States to act;"))
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Case:
    reader: str
    make: Callable[[], bytes]
    expect: str = "either"
    match: str = ""


# -- Word ----------------------------------------------------------------------------------
def _numbered(start: str, fmt: str, override: str = "") -> bytes:
    lvl = (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )
    ovr = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
        if override
        else ""
    )
    num = f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{ovr}</w:num>'
    ppr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = GOOD + "".join(para(run(f"Requests the report {i};"), ppr=ppr) for i in range(200))
    return make_docx(body, numbering=lvl + num)


def _lvl_text() -> bytes:
    lvl = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="' + "%1" * 100_000 + '"/>'
        "</w:lvl></w:abstractNum>"
    )
    ppr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = GOOD + para(run("Requests;"), ppr=ppr) * 2000
    return make_docx(
        body, numbering=lvl + '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )


def _custom_xml() -> bytes:
    blob = b'<?xml version="1.0"?><r>' + b"<a/>" * (31 * 2**20 // 4) + b"</r>"
    return make_package(GOOD, {}, {"customXml/item1.xml": blob})


def _empty_paragraphs(n: int) -> Callable[[], bytes]:
    return lambda: make_docx(GOOD + "<w:p/>" * n)


def _many_paragraphs() -> bytes:
    return make_docx(GOOD + "".join(para(run(f"Requests the report {i};")) for i in range(24_000)))


def _italic_runs() -> bytes:
    runs = "".join(run("a", italic=True) + run("b") for _ in range(25_000))
    return make_docx(GOOD + para(run("Decides "), runs))


def _unknown_elements() -> bytes:
    return make_docx(GOOD + "".join(f"<w:x{i}/>" for i in range(200_000)))


def _nested_controls(depth: int) -> Callable[[], bytes]:
    def make() -> bytes:
        inner = "".join(para(run(f"Requests item {i};")) for i in range(3000))
        for _ in range(depth):
            inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        return make_docx(GOOD + inner)

    return make


def _nested_tables(depth: int) -> bytes:
    inner = para(run("Requests;"))
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    return make_docx(GOOD + inner)


def _style_chain() -> bytes:
    styles = "".join(
        f'<w:style w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>' for i in range(100_000)
    )
    ppr = '<w:pStyle w:val="s0"/>'
    body = GOOD + "".join(para(run(f"Requests {i};"), ppr=ppr) for i in range(20_000))
    return make_docx(body, styles=styles)


def _footnotes(n: int) -> bytes:
    notes = SEPARATORS + "".join(footnote(i, run(f"Note {i}.")) for i in range(1, n + 1))
    body = GOOD + para(run("Recalling the report,"), *(note_ref(i) for i in range(1, n + 1)))
    return make_docx(body, footnotes=notes)


def _field_code() -> bytes:
    pieces = "".join(f"<w:r><w:instrText>PAGE{i} </w:instrText></w:r>" for i in range(100_000))
    field = f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{pieces}'
    return make_docx(GOOD + f'<w:p>{field}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def _attributes() -> bytes:
    attrs = " ".join(f'w:a{k}="{k}"' for k in range(6))
    return make_docx(GOOD + f"<w:p><w:pPr {attrs}/></w:p>" * 200_000)


def _headers() -> bytes:
    extra = {}
    rels = []
    types = []
    for i in range(3000):
        extra[f"word/h{i}.xml"] = (
            f'<w:hdr xmlns:w="{W_NS}">' + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 10 + "</w:hdr>"
        ).encode()
        rels.append(
            f'<Relationship Id="h{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/header" Target="h{i}.xml"/>'
        )
        types.append(i)
    data = make_package(GOOD, {}, extra)
    return _with_rels(data, "".join(rels))


def _with_rels(data: bytes, more: str) -> bytes:
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                blob = blob.replace(b"</Relationships>", more.encode() + b"</Relationships>")
            zf.writestr(info.filename, blob)
    return out.getvalue()


def _deep_xml() -> bytes:
    return make_docx(GOOD + "<w:sdt><w:sdtContent>" * 20_000 + "</w:sdtContent></w:sdt>" * 20_000)


def _comments() -> bytes:
    body = "".join(
        f'<w:comment w:id="{i}" w:author="A{i}"><w:p><w:r><w:t>Comment {i}</w:t></w:r></w:p>'
        "</w:comment>"
        for i in range(60_000)
    )
    return make_docx(GOOD, comments=body)


# -- PDF -----------------------------------------------------------------------------------
def pdf(
    pages: int, content: bytes, forms: dict[str, bytes] | None = None, creator: str = ""
) -> bytes:
    """A PDF of ``pages`` pages all drawing one shared content stream (and form XObjects);
    ``creator`` in its document information ("drafting-app": read as the app's own)."""
    forms = forms or {}
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    first_page = 4 + len(forms)
    font = first_page + pages
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages)).encode()
    objs.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
    body = zlib.compress(content, 9)
    objs.append(
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
    )
    xobjects = b""
    for n, (name, stream) in enumerate(forms.items()):
        fbody = zlib.compress(stream, 9)
        objs.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Length %d >>\nstream\n"
            % (font, len(fbody))
            + fbody
            + b"\nendstream"
        )
        xobjects += b"/%s %d 0 R " % (name.encode(), 4 + n)
    for _ in range(pages):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> /XObject << %s>> >> >>" % (font, xobjects)
        )
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info = b""
    if creator:
        objs.append(b"<< /Creator (%s) >>" % creator.encode())
        info = b" /Info %d 0 R" % len(objs)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objs) + 1, info, xref)
    )
    return out.getvalue()


OWN = "drafting-app"


def _text_ops(n: int, word: bytes = b"(a) Tj\n") -> bytes:
    return b"BT /F1 12 Tf 72 720 Td\n" + word * n + b"ET\n"


def _forms() -> bytes:
    return pdf(5, b"/Fm0 Do\n" * 20_000, {"Fm0": _text_ops(100)})


# -- text ----------------------------------------------------------------------------------
HEAD = b"The General Assembly,\n\nRecalling its resolution 64/293,\n\n1. Decides "


# -- project JSON and clause collections ----------------------------------------------------
def _project(document: dict[str, object]) -> bytes:
    from drafting_app.clauses.document_templates import new_document
    from drafting_app.storage.project import encode_project

    data = json.loads(encode_project(new_document("cop-draft-resolution"), {"profile": "ctoc-cop"}))
    data["document"].update(document)
    return json.dumps(data).encode()


def _paragraphs(n: int) -> list[dict[str, object]]:
    return [
        {"id": f"p{i}", "text": "Requests;", "italics": [], "anchors": [], "source_label": None,
         "children": []}
        for i in range(n)
    ]  # fmt: skip


def _deep_children(depth: int) -> bytes:
    text = json.dumps({"id": "x", "text": "t", "children": []})
    for i in range(depth):
        text = f'{{"id": "d{i}", "text": "t", "children": [{text}]}}'
    base = _project({"operative": []}).decode()
    return base.replace('"operative": []', f'"operative": [{text}]').encode()


def _collection(texts: list[str], raw: bytes | None = None) -> bytes:
    if raw is not None:
        return raw
    clauses = [
        {"id": f"my-{i}", "title": "t", "part": "operative", "text": t, "italics": [],
         "footnotes": [], "provenance": None, "note": "", "saved": ""}
        for i, t in enumerate(texts)
    ]  # fmt: skip
    doc = {"format": "drafting-app/clause-collection", "version": 1, "clauses": clauses}
    return json.dumps(doc).encode()


CASES: dict[str, Case] = {
    # Word: list start values (issue 22 §3) and labels
    "docx: list start 2**64, letters": Case("docx", lambda: _numbered("18446744073709551616", "lowerLetter"), "document"),
    "docx: list start 1e11, roman, override -5": Case("docx", lambda: _numbered("100000000000", "upperRoman", "-5"), "document"),
    "docx: level text of 100,000 %1": Case("docx", _lvl_text),
    # Word: work, not bytes (issue 22 §4)
    "docx: custom XML of 31 MB of tiny elements": Case("docx", _custom_xml, "document"),
    "docx: 700,000 empty paragraphs": Case("docx", _empty_paragraphs(700_000), "refused", "more than 25,000 paragraphs"),
    "docx: 24,000 paragraphs": Case("docx", _many_paragraphs, "document"),
    "docx: one paragraph of 50,000 runs, every other italic": Case("docx", _italic_runs),
    "docx: 200,000 distinct unknown elements": Case("docx", _unknown_elements),
    "docx: content controls 30 deep": Case("docx", _nested_controls(30), "either"),
    "docx: content controls 40 deep": Case("docx", _nested_controls(40), "refused", "nest more than"),
    "docx: tables 50 deep": Case("docx", lambda: _nested_tables(50), "refused", "nest more than"),
    "docx: tables 200 deep (600 XML levels)": Case("docx", lambda: _nested_tables(200), "refused", "damaged XML"),
    "docx: XML 20,000 elements deep": Case("docx", _deep_xml, "refused"),
    "docx: a style based on 100,000 styles": Case("docx", _style_chain, "either"),
    "docx: 20,000 footnotes": Case("docx", lambda: _footnotes(20_000), "refused", "footnotes"),
    "docx: a field code of 100,000 pieces": Case("docx", _field_code, "document"),
    "docx: 200,000 elements of six attributes": Case("docx", _attributes, "refused", "XML elements"),
    "docx: 3,000 running headers": Case("docx", _headers, "refused", "paragraphs"),
    "docx: 60,000 comments": Case("docx", _comments, "either"),
    # PDF
    "pdf: 400 pages sharing a stream of 200,000 operations": Case("pdf", lambda: pdf(400, _text_ops(200_000)), "refused", "not read"),
    "pdf: 400 pages of 29,000 operations": Case("pdf", lambda: pdf(400, _text_ops(29_000)), "refused", "operations"),
    "pdf: a form drawn 20,000 times a page": Case("pdf", _forms, "refused"),
    "pdf: 50 pages of long strings": Case("pdf", lambda: pdf(50, _text_ops(200, b"(" + b"a" * 60_000 + b") Tj\n")), "refused"),
    "pdf: one paragraph of 70,000 short lines": Case("pdf", lambda: pdf(50, b"BT /F1 12 Tf 14 TL 72 720 Td\n" + b"(a) Tj T*\n" * 1400 + b"ET\n")),
    "pdf: a content stream inflating to 200 MB": Case("pdf", lambda: pdf(1, b" " * 200 * 2**20), "refused"),
    # The app's own PDF (its runs placed by position): the same limits, no worse
    "pdf (the app's own): 400 pages of 29,000 operations": Case("pdf", lambda: pdf(400, _text_ops(29_000), creator=OWN), "refused", "operations"),
    "pdf (the app's own): one paragraph of 70,000 short lines": Case("pdf", lambda: pdf(50, b"BT /F1 12 Tf 14 TL 72 720 Td\n" + b"(a) Tj T*\n" * 1400 + b"ET\n", creator=OWN)),
    "pdf (the app's own): 5 pages of 2,500 marks over 2,500 lines": Case("pdf", lambda: pdf(5, b"BT 14 TL 72 720 Td\n" + b"/F1 12 Tf (a) Tj /F1 4 Tf (1) Tj T*\n" * 2500 + b"ET\n", creator=OWN)),
    # text
    "text: 99,000 single-newline lines of one paragraph": Case("text", lambda: HEAD + b"a\n" * 99_000 + b"end.\n", "document"),
    "text: 600,000 lines": Case("text", lambda: HEAD + b"\n" * 600_000, "refused", "lines"),
    "text: a line of 20 MB": Case("text", lambda: HEAD + b"*a " * (19 * 2**20 // 3), "refused"),
    "text: a Markdown line of 6 MB of brackets": Case("text", lambda: b"## T\n\n" + HEAD + b"[" * 6 * 2**20, "refused"),
    "text: 240,000 headings": Case("text", lambda: HEAD + b"\n## a\n" * 120_000, "refused", "paragraphs"),
    "text: a footnote of 400,000 lines": Case("text", lambda: HEAD + "x.\n\n¹ a\n".encode() + b"b\n" * 400_000, "refused", "characters"),
    "text: 300,000 footnote lines of PDF text": Case("text", lambda: HEAD + b"x.\n\n__________\n" + b"1 n\n" * 300_000),
    "text: 300,000 numbered footnotes of PDF text": Case("text", lambda: HEAD + b"x.\n\n__________\n" + b"".join(b"%d n\n" % i for i in range(300_000)), "refused"),
    "text: UTF-8 with one stray Windows-1252 byte": Case("text", lambda: HEAD + "the Organization\x92s report.\n".encode("latin-1"), "document"),
    # project JSON
    "project: nested 100,000 deep": Case("project", lambda: b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "refused"),
    "project: 5,000,000 values": Case("project", lambda: _project({"unplaced": [""] * 5_000_000}), "refused", "values"),
    "project: a lone surrogate in the title": Case("project", lambda: _project({"title": "\ud800 Draft"}), "document"),
    "project: a 30 MB title": Case("project", lambda: _project({"title": "x" * 30 * 2**20}), "refused", "characters"),
    "project: 100,000 paragraphs": Case("project", lambda: _project({"operative": _paragraphs(100_000)}), "refused", "paragraphs"),
    "project: paragraphs 5,000 deep": Case("project", lambda: _deep_children(5000), "refused"),
    # clause collections
    "collection: nested 100,000 deep": Case("collection", lambda: _collection([], b"[" * 100_000 + b"]" * 100_000), "refused"),
    "collection: 5,000 clauses": Case("collection", lambda: _collection(["Requests the Secretary-General to report; " * 20] * 5000), "document"),
    "collection: control characters and a lone surrogate": Case("collection", lambda: _collection(["Requests\x0b the \ud800 report;"]), "document"),
}  # fmt: skip
