"""Readers: files of every supported form → the resolution model.

``read_document`` picks the reader from the file's name and content and turns every failure
into a :class:`~drafting_app.errors.FormatError` with a message a drafter can act on.
``read_documents`` gives every text of a volume (a session report holding each decision
adopted at the session); one text for every other file.
"""

from __future__ import annotations

from pathlib import Path

from drafting_app.corpus.readers.acceptance import reads_as_text, require_resolution
from drafting_app.corpus.readers.decoding import MAX_TEXT_BYTES, decode_text
from drafting_app.corpus.readers.limits import cancelled, check_fits, reading
from drafting_app.errors import FormatError
from drafting_app.model.document import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
__all__ = ["MAX_TEXT_BYTES", "decode_text", "read_document", "read_documents", "read_text"]


def read_text(text: str, source: str = "") -> Document:
    """A document from text in any of the text forms (corpus text, Markdown, PDF text)."""
    from drafting_app.corpus.readers.forms import is_pdf_text
    from drafting_app.corpus.readers.pdfextract import is_pdf_extract

    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    # a text taken page by page from its PDF (front matter, masthead run together, the
    # job number and barcode of page 1) before the cleaned PDF-text form it resembles
    if not text.lstrip("\ufeff").startswith("SOURCE:") and is_pdf_extract(text):
        from drafting_app.corpus.readers.textlayer import TextLayerReader, is_text_layer

        if is_text_layer(text):
            # the text layer line by line (pdftotext, a PDF viewer's "save as text")
            return check_fits(TextLayerReader().read(text, source), name)
        from drafting_app.corpus.readers.pdfextract import PdfExtractReader

        return check_fits(PdfExtractReader().read(text, source), name)
    if is_pdf_text(text):
        from drafting_app.corpus.readers.pdftext import PdfTextReader

        return check_fits(PdfTextReader().read(text, source), name)
    from drafting_app.corpus.readers.text import TextReader

    return check_fits(TextReader().read(text, source), name)


def read_document(path: str | Path) -> Document:
    """Read any supported file into a :class:`Document` (the first text of a volume)."""
    return read_documents(path)[0]


def read_documents(path: str | Path) -> list[Document]:
    """Every text of a file, in file order: the decisions of a Word report volume, one
    document for every other file. The first text must read as a resolution or decision
    (else FormatError, as :func:`read_document`); a later one that does not (a volume's
    closing annex or list of participants) is left out."""
    p = Path(path)
    if not p.exists():
        raise FormatError(f"{p} does not exist.")
    if p.is_dir():
        raise FormatError(f"{p} is a folder, not a document.")
    suffix = p.suffix.lower()
    with reading(p.name):
        return _read_documents(p, suffix, _read_bytes(p, suffix))


def _size_limit(suffix: str) -> int:
    if suffix == ".docx":
        from drafting_app.corpus.readers.word_package import MAX_FILE_BYTES

        return MAX_FILE_BYTES
    if suffix == ".pdf":
        from drafting_app.corpus.readers.pdf import MAX_PDF_BYTES

        return MAX_PDF_BYTES
    return MAX_TEXT_BYTES


def _read_bytes(p: Path, suffix: str) -> bytes:
    """The file's bytes, its size checked first (a 2 GB text was read whole before)."""
    try:
        size = p.stat().st_size
        limit = _size_limit(suffix)
        if size > limit:
            raise FormatError(
                f"{p.name} is larger than {limit // 2**20} MB; it is not a resolution text."
            )
        return p.read_bytes()
    except OSError as exc:
        raise FormatError(f"{p.name} could not be read: {exc.strerror}.") from exc


def _read_documents(p: Path, suffix: str, data: bytes) -> list[Document]:
    cancelled()
    if suffix == ".docx":
        first, *others = _read_word_texts(data, p.name)
        return [require_resolution(first, p.name), *(d for d in others if reads_as_text(d))]
    if suffix in (".pdf", ".doc", ".odt", ".rtf"):
        return [require_resolution(_read_binary(p, data, suffix), p.name)]
    if data[:4] == b"PK\x03\x04":
        raise FormatError(
            f"{p.name} is a zip/Word file but is named {suffix or 'without extension'}."
        )
    if data[:5] == b"%PDF-":
        raise FormatError(f"{p.name} is a PDF file but is named {suffix or 'without extension'}.")
    text = decode_text(data, p.name)
    return [require_resolution(read_text(text, str(p)), p.name)]


def _read_word_texts(data: bytes, name: str) -> list[Document]:
    try:
        from drafting_app.corpus.readers.docx import import_docx_texts
    except ImportError as exc:
        raise FormatError("Reading Word files is not available in this build.") from exc
    return import_docx_texts(data, name)[0]


def _read_binary(p: Path, data: bytes, suffix: str) -> Document:
    if suffix == ".pdf":
        try:
            from drafting_app.corpus.readers.pdf import read_pdf_bytes
        except ImportError as exc:
            raise FormatError("Reading PDF files is not available in this build.") from exc
        return read_pdf_bytes(data, p.name)
    raise FormatError(
        f"{p.name}: {suffix} files are not supported; save it as .docx, .pdf, .txt or .md."
    )
