"""Reading footnote text into structured sources (UN_FORMAT.md §4).

The forms are those of UN texts: "United Nations, *Treaty Series*, vol. 2225, No. 39574.",
"Ibid., vol. 2237, No. 39574.", "CTOC/COP/2010/5, CTOC/COP/2010/6 and CTOC/COP/2010/11.",
"United Nations publication, Sales No. E.09.V.11.", "General Assembly resolution 55/25,
annex I.", "Resolution 70/1.", "*Official Records of the General Assembly, …, Supplement
No. 49* (A/65/49)." Anything else is kept verbatim as :class:`FreeText`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache, partial

from drafting_app.model.citation import (
    Citation,
    DocumentSymbols,
    FreeText,
    OfficialRecords,
    TextCitation,
    TreatyCitation,
    UNPublication,
)
from drafting_app.model.document import Document, Footnote
from drafting_app.model.references import DATE_RE

# Resolves a UNTS volume to a registry instrument key ("2237" → the Trafficking Protocol).
VolumeResolver = Callable[[str], str | None]

IBID = "Ibid."
_LIST_SEP = r"(?:,\s|,?\sand\s)"
_TREATY_RE = re.compile(
    r"(?P<head>United Nations,\s\*?Treaty Series\*?|\*?Ibid\.\*?),\s"
    r"vols?\.\s(?P<vols>\d+(?:" + _LIST_SEP + r"\d+)*),\sNo\.\s(?P<no>\d+)\.?"
)
_SALES_RE = re.compile(
    r"(?:\*(?P<title>[^*]+)\*\s\()?United Nations publication,\sSales\sNo\.\s"
    r"(?P<no>[A-Z]\.\d{2}\.[IVX]+(?:\.[A-Z])?\.\d+)(?(title)\))\.?"
)
_RECORDS_RE = re.compile(
    r"\*?Official Records of the (?P<body>[A-Z][\w ]+?),\s(?P<session>[\w\-]+(?:\s[\w\-]+)?"
    r"\sSession),\sSupplement\sNo\.\s(?P<supp>\d+[A-Z]?)\*?(?:\s\((?P<sym>[^()]+)\))?\.?"
)
_SYMBOL = r"(?:[A-Z]{1,6}(?:\.\d+)?/)+(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9\-]+(?:\.\d+)?"
_SYMBOLS_RE = re.compile(rf"(?P<list>{_SYMBOL}(?:{_LIST_SEP}{_SYMBOL})*)\.?")
_SYMBOL_ITEM_RE = re.compile(_SYMBOL)
_BODIES = (
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "Commission on Crime Prevention and Criminal Justice",
    "Commission on Narcotic Drugs",
    "Conference of the Parties",
)
_TEXT_NUMBER = (
    r"S-\d+/\d+|\d{1,4}/\d{1,4}(?:\s[A-H](?![a-z]))?|\d{1,4}\s(?:[A-H]\s)?\((?:[IVXL]+|\d{4})\)"
)
_TEXT_RE = re.compile(
    rf"(?:(?P<body>{'|'.join(_BODIES)})\s(?P<kind>resolution|decision)"
    rf"|(?P<own>Resolution|Decision))\s(?P<num>{_TEXT_NUMBER})"
    rf"(?:\sof\s(?P<date>{DATE_RE}))?(?:,\s(?P<part>annex(?:es)?(?:\s[IVX]+(?:\sand\s[IVX]+)?)?))?\.?"
)
_ITALIC_RE = re.compile(r"\*([^*]+)\*")


def strip_italics(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text without ``*…*`` marks, with the italic ranges they delimited."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in _ITALIC_RE.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        spans.append((length, length + len(m.group(1))))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tuple(spans)


def _volumes(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", text))


def parse_citation(text: str, resolve_volume: VolumeResolver | None = None) -> Citation:
    """The structured source of one footnote text.

    A bare "Ibid." comes back as ``FreeText("Ibid.")``: only the footnote order can say what
    it repeats (see :func:`read_citations`). "Ibid., vol. 2237, No. 39574." is a complete
    treaty citation, because its head can only mean the *Treaty Series*.
    """
    t = " ".join(text.split())
    if m := _TREATY_RE.fullmatch(t):
        vols = _volumes(m.group("vols"))
        keys = _instrument_keys(vols, resolve_volume)
        return TreatyCitation(vols, m.group("no"), keys)
    if m := _SALES_RE.fullmatch(t):
        return UNPublication(m.group("no"), m.group("title") or "")
    if m := _RECORDS_RE.fullmatch(t):
        return OfficialRecords(
            m.group("body"), m.group("session"), m.group("supp"), m.group("sym") or ""
        )
    if m := _TEXT_RE.fullmatch(t):
        kind = (m.group("kind") or m.group("own")).lower()
        return TextCitation(
            kind,
            m.group("body") or "",
            m.group("num"),
            m.group("date") or "",
            m.group("part") or "",
        )
    if m := _SYMBOLS_RE.fullmatch(t):
        return DocumentSymbols(tuple(_SYMBOL_ITEM_RE.findall(m.group("list"))))
    plain, italics = strip_italics(t)
    return FreeText(plain, italics)


def _instrument_keys(vols: tuple[str, ...], resolve: VolumeResolver | None) -> tuple[str, ...]:
    if resolve is None:
        return ()
    keys = [resolve(v) for v in vols]
    return tuple(k for k in keys if k)


def is_bare_ibid(citation: Citation) -> bool:
    return isinstance(citation, FreeText) and citation.text.rstrip() in (IBID, "Ibid")


def read_citations(
    texts: Iterable[str], resolve_volume: VolumeResolver | None = None
) -> list[Citation]:
    """Sources of footnote texts read in their original order: a bare "Ibid." takes the
    source of the note before it; a dangling one (first note) stays ``FreeText("Ibid.")``."""
    out: list[Citation] = []
    for text in texts:
        c = parse_citation(text, resolve_volume)
        if is_bare_ibid(c) and out:
            c = out[-1]
        out.append(c)
    return out


def citations_of(
    doc: Document, resolve_volume: VolumeResolver | None = None
) -> dict[str, Citation]:
    """Footnote id → source. A footnote's stored ``citation`` wins; the others are read from
    their text in the order of ``doc.footnotes`` (the order they were read or created in), so
    that moving paragraphs never changes what an "Ibid." of the source meant."""
    out: dict[str, Citation] = {}
    previous: Citation | None = None
    parse = (
        _parse_remembered
        if resolve_volume is None
        else partial(parse_citation, resolve_volume=resolve_volume)
    )
    for f in doc.footnotes:
        c = f.citation if f.citation is not None else parse(f.text)
        if f.citation is None and is_bare_ibid(c) and previous is not None:
            c = previous
        out[f.id] = c
        previous = c
    return out


@lru_cache(maxsize=8192)
def _parse_remembered(text: str) -> Citation:
    """Sources are recomputed on every edit; a note's text rarely changes between two."""
    return parse_citation(text)


def attach_citations(doc: Document, resolve_volume: VolumeResolver | None = None) -> None:
    """Store each footnote's source on it (done once after reading a document), so that later
    re-ordering re-derives Ibid. from the sources rather than from the original texts."""
    sources = citations_of(doc, resolve_volume)
    for f in doc.footnotes:
        f.citation = sources[f.id]


def footnote_citation(f: Footnote) -> Citation:
    return f.citation if f.citation is not None else parse_citation(f.text)
