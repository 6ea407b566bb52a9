"""A Word package (.docx) opened defensively: only the parts the importer reads.

A .docx is a zip of XML parts, and files that arrive by e-mail can be hostile: zip bombs (a
tiny file inflating to gigabytes), path-traversal part names, DTDs with entity expansion
("billion laughs") or external entities (XXE), parts of millions of tiny elements, or simply
truncated downloads. Every part name is checked; then only the parts the importer needs are
inflated and parsed — the package's relationships, the document body and the styles,
numbering, notes, comments, settings, headers and footers it names. Custom XML data,
pictures, themes and fonts are never inflated (a 238 KB file whose custom XML inflated to
31 MB of tiny elements took 7 GB). A part read is checked for its declared size in the zip
directory, its real size while inflating with a cap (the directory can lie) and its markup
(elements counted before parsing, :mod:`.limits`), then parsed with a parser that loads no
DTD, resolves no entity and opens no network connection; a DTD is refused outright because
Word never writes one. Any failure is a :class:`WordFileError` with a plain message.

The part relationships are read here from the package's own ``.rels`` parts (two small XML
files): python-docx would load and parse every part of the package to give them.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from drafting_app.corpus.readers.limits import (
    MAX_PACKAGE_MARKUP,
    MAX_PART_MARKUP,
    check_count,
)
from drafting_app.errors import FormatError, ImportError_


class WordFileError(FormatError, ImportError_):
    """A Word file that cannot be imported: not a readable .docx (FormatError, as for every
    reader) and a failed import (ImportError_), so callers may catch either."""


MAX_FILE_BYTES = 50 * 2**20
MAX_PART_BYTES = 32 * 2**20
MAX_TOTAL_BYTES = 64 * 2**20  # of the parts read (the UN report volume's are 1.2 MB)
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
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "/officeDocument"
_RELS = "_rels/.rels"
_CONTENT_TYPES = "[Content_Types].xml"
# The parts of the main document the importer reads, by the end of their relationship type.
_READ = ("/styles", "/numbering", "/footnotes", "/endnotes", "/comments", "/settings",
         "/header", "/footer")  # fmt: skip
_CUSTOM_XML_RE = re.compile(r"^customXml/item\d+\.xml$")


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
    """The validated parts of a .docx the importer reads: parsed XML by part name, the
    main document's relationships (type → part names), and the custom XML data parts
    that are there but not read (name → size)."""

    name: str
    data: bytes
    xml: dict[str, Any] = field(default_factory=dict)
    main: str = "word/document.xml"
    rels: dict[str, list[str]] = field(default_factory=dict)
    custom_xml: dict[str, int] = field(default_factory=dict)

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


def _targets(rels: Any, source: str) -> list[tuple[str, str]]:
    """(relationship type, part name) of the internal relationships in ``rels``, targets
    resolved against the folder of ``source`` (or the package root when absolute)."""
    out = []
    base = posixpath.dirname(source)
    for rel in rels.iter(_REL_NS + "Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        out.append((rel.get("Type", ""), posixpath.normpath(joined)))
    return out


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


class _Reader:
    """Inflates and parses parts on demand, counting their markup against the limits."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.zf = zf
        self.name = name
        self.infos = {i.filename: i for i in zf.infolist() if not i.is_dir()}
        self.markup = 0
        self.inflated = 0

    def parse(self, part: str) -> Any | None:
        info = self.infos.get(part)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise WordFileError(f"{self.name} is password-protected; remove the password.")
        if info.file_size > MAX_PART_BYTES:
            raise WordFileError(
                f"{self.name}: part {part} would inflate to {info.file_size // 2**20} MB; "
                "the file is refused as a zip bomb."
            )
        blob = _inflate(self.zf, info, self.name)
        self.inflated += len(blob)
        if self.inflated > MAX_TOTAL_BYTES:
            raise WordFileError(f"{self.name} inflates past {MAX_TOTAL_BYTES // 2**20} MB.")
        # An element costs about as much as each of its attributes: "<" and "=" counted.
        markup = blob.count(b"<") + blob.count(b"=")
        check_count(self.name, markup, MAX_PART_MARKUP, f"XML elements in {part}")
        self.markup += markup
        check_count(self.name, self.markup, MAX_PACKAGE_MARKUP, "XML elements in its parts")
        return parse_part(blob, part, self.name)


def _check_names(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise WordFileError(f"{name} holds {len(infos)} parts; refused as malformed.")
    for info in infos:
        if _unsafe_name(info.filename):
            raise WordFileError(
                f"{name} contains an unsafe part name ({info.filename!r}); refused."
            )


def _main_part(reader: _Reader, pkg: WordPackage) -> str:
    root = reader.parse(_RELS)
    if root is not None:
        pkg.xml[_RELS] = root
        for kind, target in _targets(root, ""):
            if kind.endswith(_OFFICE_DOCUMENT):
                return target
    return "word/document.xml"


def _read_rels(reader: _Reader, pkg: WordPackage, part: str) -> Any | None:
    """The relationships of ``part`` (its ``_rels/….rels``), kept with the parts read."""
    name = _rels_of(part)
    tree = reader.parse(name)
    if tree is not None:
        pkg.xml[name] = tree
    return tree


def _check_content_type(types: Any, main: str, name: str) -> None:
    """The main part must be a WordprocessingML document (an Excel or PowerPoint file
    renamed .docx has another)."""
    for override in types.iter(_CT_NS + "Override"):
        if override.get("PartName", "").lstrip("/") == main:
            kind = override.get("ContentType", "")
            if "wordprocessingml" not in kind and "ms-word" not in kind:
                raise WordFileError(
                    f"{name} is not a Word document (its main part is {kind or 'unknown'})."
                )


def open_package(data: bytes, name: str) -> WordPackage:
    """Check a .docx and read the parts the importer needs; raise :class:`WordFileError`
    on anything unsafe, damaged, too large or not a Word document."""
    _check_header(data, name)
    pkg = WordPackage(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_names(zf, name)
            reader = _Reader(zf, name)
            types = reader.parse(_CONTENT_TYPES)
            if types is None:
                raise WordFileError(
                    f"{name} is a zip file but not a Word document ([Content_Types].xml)."
                )
            pkg.main = _main_part(reader, pkg)
            _check_content_type(types, pkg.main, name)
            main = reader.parse(pkg.main)
            if main is None:
                raise WordFileError(
                    f"{name} has no document body ({pkg.main} is missing); "
                    "it is not a Word document."
                )
            pkg.xml[pkg.main] = main
            rels = _read_rels(reader, pkg, pkg.main)
            for kind, target in _targets(rels, pkg.main) if rels is not None else []:
                if not kind.endswith(_READ) or target in pkg.xml:
                    continue
                tree = reader.parse(target)
                if tree is not None:
                    pkg.xml[target] = tree
                    pkg.rels.setdefault(kind, []).append(target)
                    _read_rels(reader, pkg, target)  # its hyperlinks
            pkg.custom_xml = {
                n: i.file_size for n, i in reader.infos.items() if _CUSTOM_XML_RE.match(n)
            }
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as exc:
        raise WordFileError(f"{name} is damaged or truncated (not a readable zip: {exc}).") from exc
    except (NotImplementedError, ValueError, OSError) as exc:
        raise WordFileError(f"{name} could not be unpacked ({exc}).") from exc
    return pkg
