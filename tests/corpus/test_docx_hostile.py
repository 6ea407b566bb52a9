"""Hostile and broken Word files (issue 8 §4): each gives a clear DraftingError message,
quickly, with nothing written — never a traceback, a hang or a file read from disk."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import import_docx
from drafting_app.corpus.readers.word_package import MAX_PART_BYTES, WordFileError
from drafting_app.errors import DraftingError, FormatError, ImportError_
from tests.conftest import REALDOCS
from tests.corpus.wordbuild import SEPARATORS, footnote, make_docx, make_package, para, run

REAL = REALDOCS / "mun-docx" / "MUN_Eddy12597_test1.docx"
GOOD_BODY = para(run("The General Assembly,")) + para(run("1. Urges States to act."))

XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def with_part(name: str, data: bytes, body: str = GOOD_BODY, **parts: str) -> bytes:
    """A valid package with one part replaced or added."""
    return make_package(body, dict(parts), {name: data})


def refused(data: bytes, match: str) -> ImportError_:
    with pytest.raises(ImportError_, match=match) as info:
        import_docx(data, "hostile.docx")
    return info.value


def test_word_file_errors_are_format_and_import_errors() -> None:
    assert issubclass(WordFileError, FormatError) and issubclass(WordFileError, ImportError_)
    assert issubclass(ImportError_, DraftingError)


def test_empty_file() -> None:
    refused(b"", r"empty \(0 bytes\)")


def test_not_a_zip() -> None:
    refused(b"This is a plain text file pretending to be Word.\n", "not a Word .docx file")


def test_old_word_binary_format() -> None:
    refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, r"Word 97-2003 \(\.doc\)")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_zip(fraction: float) -> None:
    data = REAL.read_bytes()
    refused(data[: int(len(data) * fraction)], "damaged or truncated")


def test_zip_bomb_refused_from_the_declared_size() -> None:
    huge = b"<w:document/>" + b" " * (MAX_PART_BYTES + 10)
    data = with_part("word/document.xml", huge)
    assert len(data) < MAX_PART_BYTES // 500  # a tiny file that inflates past the limit
    refused(data, "zip bomb")


def test_zip_bomb_with_a_lying_directory_is_caught_while_inflating() -> None:
    huge = b"<w:document/>" + b" " * (MAX_PART_BYTES + 10)
    data = bytearray(with_part("word/document.xml", huge))
    # rewrite the declared uncompressed size in the central directory to look harmless
    at = data.rfind(b"PK\x01\x02", 0)
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, 1000)
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    assert at != -1
    refused(bytes(data), "damaged or truncated|zip bomb")


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml"])
def test_external_entity_is_refused(part: str) -> None:
    data = with_part(part, XXE.encode(), footnotes=SEPARATORS + footnote(1, run("x")))
    err = refused(data, "DTD")
    assert "root:" not in str(err)  # /etc/passwd was never read


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml"])
def test_billion_laughs_is_refused(part: str) -> None:
    data = with_part(part, LAUGHS.encode(), footnotes=SEPARATORS + footnote(1, run("x")))
    refused(data, "DTD")


def test_dtd_in_utf16_is_refused() -> None:
    data = with_part("word/document.xml", XXE.replace("1.0", "1.0").encode("utf-16"))
    refused(data, "DTD|damaged XML")


@pytest.mark.parametrize("name", ["../../evil.xml", "/etc/evil.xml", "word\\..\\evil.xml", "C:x"])
def test_path_traversal_names_are_refused(name: str) -> None:
    refused(with_part(name, b"<x/>"), "unsafe part name")


def test_docx_without_document_part() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<styles/>")
    refused(buf.getvalue(), "no document body")


def test_zip_that_is_not_a_word_package() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    refused(buf.getvalue(), r"not a Word document|no document body")


def test_damaged_xml() -> None:
    refused(with_part("word/document.xml", b"<w:document><w:body>"), "damaged XML")


def test_enormous_paragraph() -> None:
    refused(make_docx(para(run("word " * 60_000))), "paragraph of more than")


def test_document_without_resolution_text() -> None:
    refused(make_docx(para(run("Lunch menu"))), "no resolution or decision text")


def test_read_document_on_hostile_files_writes_nothing(tmp_path: Path) -> None:
    home = Path(os.environ["DRAFTING_APP_HOME"])
    before_home = sorted(home.rglob("*"))
    cases = {
        "empty.docx": b"",
        "bomb.docx": with_part("word/document.xml", b" " * (MAX_PART_BYTES + 1)),
        "xxe.docx": with_part("word/document.xml", XXE.encode()),
        "cut.docx": REAL.read_bytes()[:5000],
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    listing = sorted((p.name, p.stat().st_size) for p in tmp_path.iterdir())
    for name in cases:
        with pytest.raises(DraftingError) as info:
            read_document(tmp_path / name)
        assert name in str(info.value)
    assert sorted((p.name, p.stat().st_size) for p in tmp_path.iterdir()) == listing
    assert sorted(home.rglob("*")) == before_home


def test_hardened_parser_neither_expands_nor_fetches_entities() -> None:
    """Second line of defence, should a DTD slip past the byte scan (another encoding)."""
    from lxml import etree

    from drafting_app.corpus.readers.word_package import hardened_parser

    for xml in (LAUGHS, XXE):
        try:
            root = etree.fromstring(xml.encode(), hardened_parser())
        except etree.XMLSyntaxError:
            continue  # refusing is as good as not expanding
        text = "".join(root.itertext())
        assert len(text) < 100 and "root:" not in text
        assert root.getroottree().docinfo.internalDTD is not None  # what parse_part refuses
