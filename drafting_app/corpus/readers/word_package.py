"""A Word package (.docx) opened defensively, before python-docx sees it.

A .docx is a zip of XML parts, and files that arrive by e-mail can be hostile: zip bombs (a
tiny file inflating to gigabytes), path-traversal part names, DTDs with entity expansion
("billion laughs") or external entities (XXE), or simply truncated downloads. Every part is
checked here: its declared size in the zip directory, then its real size while inflating
with a cap (the directory can lie), and every XML part is parsed with a parser that loads no
DTD, resolves no entity and opens no network connection; a DTD is refused outright because
Word never writes one. Any failure is a :class:`WordFileError` with a plain message.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from drafting_app.errors import FormatError, ImportError_


class WordFileError(FormatError, ImportError_):
    """A Word file that cannot be imported: not a readable .docx (FormatError, as for every
    reader) and a failed import (ImportError_), so callers may catch either."""


MAX_FILE_BYTES = 50 * 2**20
MAX_PART_BYTES = 32 * 2**20
MAX_TOTAL_BYTES = 256 * 2**20
MAX_PARTS = 5000
_CHUNK = 2**16
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_MARKERS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"


def hardened_parser() -> Any:
    """An lxml parser that never loads a DTD, resolves an entity or uses the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


@dataclass
class WordPackage:
    """The validated parts of a .docx: raw bytes and parsed XML, by part name."""

    name: str
    data: bytes
    parts: dict[str, bytes] = field(default_factory=dict)
    xml: dict[str, Any] = field(default_factory=dict)
    main: str = "word/document.xml"

    def tree(self, part: str) -> Any | None:
        return self.xml.get(part.lstrip("/"))


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ".." in parts
        or bool(_DRIVE_RE.match(name))
        or "\x00" in name
    )


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    out = bytearray()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > MAX_PART_BYTES:
                raise WordFileError(
                    f"{name}: part {info.filename} inflates to more than "
                    f"{MAX_PART_BYTES // 2**20} MB; the file is refused as a zip bomb."
                )
    return bytes(out)


def parse_part(data: bytes, part: str, name: str) -> Any:
    """Parse one XML part safely; a DTD or broken XML is a :class:`WordFileError`."""
    head = data[:4096]
    if any(m in data for m in _DTD_MARKERS) or b"<!doctype" in head.lower():
        raise WordFileError(
            f"{name}: part {part} declares a DTD or entities, which Word never writes; "
            "the file is refused as unsafe."
        )
    try:
        root = etree.fromstring(data, hardened_parser())
    except etree.XMLSyntaxError as exc:
        raise WordFileError(f"{name}: part {part} is damaged XML ({exc.msg}).") from exc
    if root is None:
        raise WordFileError(f"{name}: part {part} is empty.")
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise WordFileError(f"{name}: part {part} declares a DTD; the file is refused as unsafe.")
    return root


def _check_header(data: bytes, name: str) -> None:
    if not data:
        raise WordFileError(f"{name} is empty (0 bytes): there is no Word document to read.")
    if len(data) > MAX_FILE_BYTES:
        raise WordFileError(
            f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB; it is not a draft resolution."
        )
    if data.startswith(_OLE_MAGIC):
        raise WordFileError(
            f"{name} is an old Word 97-2003 (.doc) or encrypted file; "
            "open it in Word and save it as .docx."
        )
    if not data.startswith(b"PK"):
        raise WordFileError(f"{name} is not a Word .docx file (it is not a zip package).")


def _main_part(pkg: WordPackage) -> str:
    rels = pkg.xml.get("_rels/.rels")
    if rels is not None:
        for rel in rels.iter(_REL_NS + "Relationship"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != (
                "External"
            ):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def open_package(data: bytes, name: str) -> WordPackage:
    """Check and read every part of a .docx; raise :class:`WordFileError` on anything unsafe,
    damaged or not a Word document."""
    _check_header(data, name)
    pkg = WordPackage(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise WordFileError(f"{name} holds {len(infos)} parts; refused as malformed.")
            declared = 0
            for info in infos:
                if _unsafe_name(info.filename):
                    raise WordFileError(
                        f"{name} contains an unsafe part name ({info.filename!r}); refused."
                    )
                if info.flag_bits & 0x1:
                    raise WordFileError(f"{name} is password-protected; remove the password.")
                declared += info.file_size
                if info.file_size > MAX_PART_BYTES or declared > MAX_TOTAL_BYTES:
                    raise WordFileError(
                        f"{name}: part {info.filename} would inflate to "
                        f"{info.file_size // 2**20} MB; the file is refused as a zip bomb."
                    )
            total = 0
            for info in infos:
                if info.is_dir():
                    continue
                blob = _inflate(zf, info, name)
                total += len(blob)
                if total > MAX_TOTAL_BYTES:
                    raise WordFileError(f"{name} inflates past {MAX_TOTAL_BYTES // 2**20} MB.")
                pkg.parts[info.filename] = blob
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as exc:
        raise WordFileError(f"{name} is damaged or truncated (not a readable zip: {exc}).") from exc
    except (NotImplementedError, ValueError, OSError) as exc:
        raise WordFileError(f"{name} could not be unpacked ({exc}).") from exc
    for part, blob in pkg.parts.items():
        if part.endswith((".xml", ".rels")):
            pkg.xml[part] = parse_part(blob, part, name)
    if "[Content_Types].xml" not in pkg.parts:
        raise WordFileError(f"{name} is a zip file but not a Word document ([Content_Types].xml).")
    pkg.main = _main_part(pkg)
    if pkg.main not in pkg.xml:
        raise WordFileError(
            f"{name} has no document body ({pkg.main} is missing); it is not a Word document."
        )
    return pkg
