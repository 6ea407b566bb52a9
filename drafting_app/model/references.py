"""Inline references in UN text: resolutions and decisions cited with their body and date,
treaty citations (UNTS volume and number), document symbols, articles of instruments and
internal references ("paragraph 12 above").

Recognition is by pattern over the plain text of a paragraph or footnote, following the
citation forms of the UN Editorial Manual (UN_FORMAT.md §3–4, §6).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

_T = TypeVar("_T")


# The constructors of the frozen records a check makes by the thousand (references,
# findings, their places and fixes) as dataclasses writes them call object.__setattr__ by
# name once a field (1.8 µs for a Reference); setting each slot by its descriptor halves
# that. PLAIN_INITS keeps each class's own constructor: tests/checks/test_cold_paths.py and
# test_reference_build.py hold the findings of every real text the same with them.
PLAIN_INITS: dict[type, Callable[..., None]] = {}


def slots_set_directly(cls: type[_T]) -> type[_T]:
    """Give the frozen slots dataclass ``cls`` an ``__init__`` taking the same arguments
    (order, names, defaults) that sets each slot directly, generated as dataclasses
    generates its own. Immutable defaults only (a factory of anything but ``tuple`` is
    refused), and no ``__post_init__``."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    names: dict[str, object] = {}
    params: list[str] = []
    lines: list[str] = []
    for i, f in enumerate(dataclasses.fields(cls)):  # type: ignore[arg-type]
        names[f"_set{i}"] = getattr(cls, f.name).__set__
        if f.default is not dataclasses.MISSING:
            names[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        elif f.default_factory is tuple:
            params.append(f"{f.name}=()")
        elif f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: a default factory")
        else:
            params.append(f.name)
        lines.append(f"    _set{i}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines) + "\n"
    exec(source, names)  # the source is made here of the field names alone
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    PLAIN_INITS[cls] = cls.__init__
    cls.__init__ = init  # type: ignore[assignment]
    return cls


class RefKind(StrEnum):
    RESOLUTION = "resolution"
    DECISION = "decision"
    TREATY = "treaty"
    SYMBOL = "symbol"
    ARTICLE = "article"
    INTERNAL = "internal"
    PARAGRAPH = "paragraph"


@slots_set_directly
@dataclass(frozen=True, slots=True)
class Reference:
    """One reference found in a text, with its character span ``[start, end)``.

    For resolutions/decisions: ``body`` ("General Assembly", "its" = the authoring body,
    "Conference", "Security Council" …), ``number`` ("61/144", "54/237 C", "2331 (2016)"),
    ``date`` ("19 December 2006") when given. Treaty: ``volumes`` and ``treaty_number``;
    ``ibid`` when the citation starts with Ibid. Article: ``article`` and ``target`` (the
    instrument phrase after "of") and ``paragraph`` when one is named ("article 12,
    paragraph 3, of the Rome Statute"). Internal: ``paragraph`` label, ``subparagraph`` and
    ``direction`` ("above", "below", "present"). Paragraph (of another text): ``paragraph``,
    ``subparagraph`` and ``target`` ("paragraph 3 of the resolution", "paragraph (b) of
    decision 79/537 A").
    """

    kind: RefKind
    start: int
    end: int
    text: str
    body: str = ""
    number: str = ""
    date: str = ""
    volumes: tuple[str, ...] = field(default_factory=tuple)
    treaty_number: str = ""
    ibid: bool = False
    article: str = ""
    target: str = ""
    paragraph: str = ""
    subparagraph: str = ""
    direction: str = ""

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": str(self.kind),
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        for key in (
            "body",
            "number",
            "date",
            "treaty_number",
            "article",
            "target",
            "paragraph",
            "subparagraph",
            "direction",
        ):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.volumes:
            out["volumes"] = list(self.volumes)
        if self.ibid:
            out["ibid"] = True
        return out


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DATE_RE = r"\d{1,2}\s(?:" + "|".join(MONTHS) + r")\s\d{4}"

# Bodies whose texts are cited by number. Longest first so "Economic and Social Council"
# wins over "Council".
BODIES = (
    "Commission on Crime Prevention and Criminal Justice",
    "Commission on Narcotic Drugs",
    "Economic and Social Council",
    "Human Rights Council",
    "General Assembly",
    "Security Council",
    "Conference of the Parties",
    "Conference",
    "Commission",
    "Assembly",
    "Council",
    "its",
)
_BODY_RE = "|".join(re.escape(b) for b in BODIES)

# A resolution/decision number: 61/144, 2013/41, S-10/2, 54/237 C, 2331 (2016), 169 (II),
# 2200 A (XXI) (GA numbering before 1976: number, part letter, roman session), 6/CMA.3.
_NUMBER = (
    r"(?:S-\d+/\d+|\d{1,4}/\d{1,4}(?:\s[A-H](?![a-z]))?|\d{1,4}/CMA\.\d+|\d{1,4}/CP\.\d+"
    r"|\d{2,4}\s(?:[A-H]\s)?\((?:\d{4}|[IVXL]+)\))"
)
_ITEM = rf"(?P<num>{_NUMBER})(?:\sof\s(?P<date>{DATE_RE}))?"
_CITE_RE = re.compile(
    rf"(?:(?P<body>{_BODY_RE})\s)?(?P<kind>[Rr]esolutions?|[Dd]ecisions?)\s(?P<list>{_NUMBER}"
    rf"(?:\sof\s{DATE_RE})?(?:(?:,\s|,?\sand\s){_NUMBER}(?:\sof\s{DATE_RE})?)*)",
)
_ITEM_RE = re.compile(_ITEM)
# Where a citation can start: at its kind word, or at a body written just before it. The
# citation pattern opens with an optional alternation of bodies, which the regex engine
# tries at every character; finding the kind words first (str.find) and trying the pattern
# only there and at the bodies before them finds the same matches several times faster
# (tests/model/test_cite_matches.py holds the two equal on every real text).
_KINDS = (("esolution", "Rr"), ("ecision", "Dd"))
# The bodies by their last letter: the letter before the space names the few to test.
_BODIES_BY_END = {
    end: tuple(body for body in BODIES if body[-1] == end) for end in {b[-1] for b in BODIES}
}


def cite_matches(text: str) -> list[re.Match[str]]:
    """The matches of the citation pattern in ``text``, as ``_CITE_RE.finditer`` gives
    them."""
    starts: list[int] = []
    for word, initials in _KINDS:
        at = text.find(word, 1) - 1
        while at >= 0:
            if text[at] in initials:
                # "\s" of the pattern is str.isspace(): one such character before a body
                if at > 1 and text[at - 1].isspace():
                    for b in _BODIES_BY_END.get(text[at - 2], ()):
                        if text.endswith(b, 0, at - 1):
                            starts.append(at - 1 - len(b))
                starts.append(at)
            at = text.find(word, at + 2) - 1
    return matches_at(_CITE_RE, text, starts)


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` when every match can only start at one of ``starts``:
    the pattern is tried there alone, in order, each after the end of the last match."""
    if not starts:
        return []
    if len(starts) > 1:
        starts = sorted(set(starts))
    out: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def occurrences(text: str, word: str, before: tuple[str, ...] = ()) -> list[int]:
    """Where ``word`` stands in ``text``, and where each of ``before`` stands right before
    it (the places a pattern that opens with them can start)."""
    out: list[int] = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        for b in before:
            if text.endswith(b, 0, at):
                out.append(at - len(b))
        at = text.find(word, at + 1)
    return out


_TREATY_RE = re.compile(
    r"(?P<head>United Nations,\s\*?Treaty Series\*?|\*?Ibid\.\*?)\s*,\s*"
    r"vols?\.\s(?P<vols>\d+(?:(?:,\s|,?\sand\s)\d+)*),\sNo\.\s(?P<no>\d+)"
)

# Document symbols: CTOC/COP/2010/5, E/CN.15/2006/10, A/RES/80/1, A/C.3/80/L.20,
# A/80/L.2/Rev.1, S/RES/2331 (2016) is cited as a resolution instead.
_SYMBOL_RE = re.compile(
    r"(?<![\w/])(?:A|E|S|CTOC|CAC|UNEP|FCCC|CRC|CEDAW|HRC|TD|DP|UNW|ICCD|CCPR|CERD)"
    r"(?:/[A-Z][A-Za-z0-9.\-]*|/\d+(?:\.\d+)?)+(?:/(?:L\.\d+|Rev\.\d+|Add\.\d+|Corr\.\d+"
    r"|CRP\.\d+|PV\.\d+|\d+))*"
)

_ART_NO = r"\d+(?:\s?(?:bis|ter))?"
_ARTICLE_RE = re.compile(
    rf"\b[Aa]rticles?\s(?P<art>{_ART_NO}(?:(?:,\s|,?\sand\s){_ART_NO})*)"
    r"(?:,\s(?:paragraph|paragraphs)\s(?P<para>\d+(?:\s\([a-z]+\))?),)?"
    r"(?:\s(?:of|under)\s(?P<target>(?:the\s|that\s|each\sof\sthose\s)?"
    r"[A-Z][\w\-]*(?:\s(?:[A-Z][\w\-]*|of|on|against|to|the|and|in|for|by|Land,|Sea|Air))*))?"
)

_INTERNAL_RE = re.compile(
    r"\b(?:(?:sub)?paragraph\s(?P<sub1>\([a-z]+\))\sof\s)?"
    r"(?P<kind>paragraphs?|subparagraph)\s(?P<num>\d+|\([a-z]+\))(?P<sub2>\s\([a-z]+\))?"
    r"(?:\s(?P<dir>above|below)|\sof\sthe\spresent\s(?P<present>resolution|decision|annex))"
)
_PRESENT_RE = re.compile(r"\bthe present (?:resolution|decision)\b")
# A paragraph of another text: "paragraph 3 of the resolution" (the one just cited),
# "paragraph (b) of decision 79/537 A", "paragraphs 1 to 10 of the annex thereto".
_CITED_PARAGRAPH_RE = re.compile(
    r"\b(?:sub)?paragraphs?\s(?P<num>\d+(?:\s(?:to|and)\s\d+)?|\([a-z]+\))(?P<sub>\s\([a-z]+\))?"
    r"\sof\s(?P<target>the\s(?!present\b)(?:resolution|decision|annex|declaration|report|"
    r"Charter|Statute|Convention|Agreement)(?:\sthereto)?\b|(?:(?:its|General Assembly)\s)?"
    r"(?:resolution|decision)\s\d)"
)


_LIST_GAP_RE = re.compile(r",?\s*(?:and\s+)?")


# "the adoption by the General Assembly, in its resolution 64/293" / "the adoption by the
# General Assembly of resolution 70/1": the body is named just before the citation, so "its"
# there is that body, not the authoring one.
_NAMED_BEFORE_RE = re.compile(
    r"\b(?:by|of|from)\sthe\s(?P<body>"
    + "|".join(re.escape(b) for b in BODIES if b != "its")
    + r"),?\s(?:in|of|through|under)\s$"
)


_NAMED_TAIL_RE = re.compile(r"(?:in|of|through|under)\s$")


def _body_of(match_body: str | None, previous: str, gap: str, before: str) -> str:
    """The explicit body, or the previous citation's when this one continues its list, or
    the body named just before ("by the General Assembly, in its resolution …")."""
    if match_body and match_body != "its":
        return match_body
    # The words that must end ``before`` (tested on its last characters first: the whole
    # pattern is an alternation of bodies tried at each of 80 characters).
    named = _NAMED_BEFORE_RE.search(before[-80:]) if _NAMED_TAIL_RE.search(before[-10:]) else None
    if named:
        return named.group("body")
    if match_body:
        return match_body
    return previous if _LIST_GAP_RE.fullmatch(gap) else ""


def find_citations(text: str) -> list[Reference]:
    """Resolutions and decisions cited in ``text``, one Reference per number.

    A list shares its body ("General Assembly resolutions 61/144 … and 61/180 …"); a date
    written once after a list ("27/2, 27/3 and 27/4 of 18 May 2018") applies to each item.
    """
    refs: list[Reference] = []
    previous_body = ""
    previous_end = 0
    for m in cite_matches(text):
        body = _body_of(
            m.group("body"),
            previous_body,
            text[previous_end : m.start()],
            text[max(0, m.start() - 80) : m.start()],
        )
        previous_body, previous_end = body, m.end()
        kind = (
            RefKind.DECISION
            if m.group("kind").lower().startswith("decision")
            else RefKind.RESOLUTION
        )
        list_start = m.start("list")
        items = list(_ITEM_RE.finditer(m.group("list")))
        pending: list[tuple[int, int, str]] = []
        for index, it in enumerate(items):
            start = m.start() if index == 0 else list_start + it.start()
            pending.append((start, list_start + it.end(), it.group("num")))
            if it.group("date"):
                for s, e, num in pending:
                    refs.append(
                        Reference(
                            kind, s, e, text[s:e], body=body, number=num, date=it.group("date")
                        )
                    )
                pending = []
        for s, e, num in pending:
            refs.append(Reference(kind, s, e, text[s:e], body=body, number=num))
    return refs


def find_treaty_citations(text: str) -> list[Reference]:
    """ "United Nations, Treaty Series, vol. 2225, No. 39574" and its Ibid. forms."""
    out = []
    for m in _TREATY_RE.finditer(text):
        vols = tuple(re.findall(r"\d+", m.group("vols")))
        out.append(
            Reference(
                RefKind.TREATY,
                m.start(),
                m.end(),
                m.group(0),
                volumes=vols,
                treaty_number=m.group("no"),
                ibid="Ibid" in m.group("head"),
            )
        )
    return out


# Each series that opens a symbol ends right before a "/": the symbol pattern is tried
# there only (matches_at), not at every character.
_SERIES = ("A", "E", "S", "CTOC", "CAC", "UNEP", "FCCC", "CRC", "CEDAW", "HRC", "TD", "DP",
           "UNW", "ICCD", "CCPR", "CERD")  # fmt: skip
# The series by their last letter: the letter before a "/" names the few to test.
_SERIES_BY_END = {
    end: tuple(series for series in _SERIES if series[-1] == end)
    for end in {series[-1] for series in _SERIES}
}


def find_symbols(text: str) -> list[Reference]:
    out = []
    starts = []
    at = text.find("/")
    while at >= 0:
        candidates = _SERIES_BY_END.get(text[at - 1]) if at else None
        if candidates is not None:
            starts += [at - len(series) for series in candidates if text.endswith(series, 0, at)]
        at = text.find("/", at + 1)
    for m in matches_at(_SYMBOL_RE, text, starts):
        sym = m.group(0).rstrip(".")
        if sym.count("/") < 1:
            continue
        out.append(Reference(RefKind.SYMBOL, m.start(), m.start() + len(sym), sym, number=sym))
    return out


def find_articles(text: str) -> list[Reference]:
    """ "article 3 of the Relationship Agreement", "article 12, paragraph 3, of the Rome
    Statute", "articles 124 and 8 of the Rome Statute" (one Reference per article)."""
    out = []
    # Every match opens with "Article" or "article": tried only there.
    starts = [at - 1 for at in occurrences(text, "rticle") if at and text[at - 1] in "Aa"]
    for m in matches_at(_ARTICLE_RE, text, starts):
        target = (m.group("target") or "").rstrip(",")
        end = m.end() if not m.group("target") else m.start("target") + len(target)
        items = list(re.finditer(_ART_NO, m.group("art")))
        for index, it in enumerate(items):
            start = m.start() if index == 0 else m.start("art") + it.start()
            stop = end if index == len(items) - 1 else m.start("art") + it.end()
            out.append(
                Reference(
                    RefKind.ARTICLE,
                    start,
                    stop,
                    text[start:stop],
                    article=it.group(0),
                    target=target,
                    paragraph=m.group("para") or "",
                )
            )
    return out


def find_internal(text: str) -> list[Reference]:
    """ "paragraph 12 above", "subparagraph (b) of paragraph 3", "paragraph 1 of the present
    decision", "the present resolution"."""
    out = []
    taken: list[tuple[int, int]] = []
    # Every match opens with "paragraph" or "subparagraph": tried only there.
    for m in matches_at(_INTERNAL_RE, text, occurrences(text, "paragraph", ("sub",))):
        sub = (m.group("sub1") or m.group("sub2") or "").strip()
        direction = m.group("dir") or "present"
        out.append(
            Reference(
                RefKind.INTERNAL,
                m.start(),
                m.end(),
                m.group(0),
                paragraph=m.group("num"),
                subparagraph=sub,
                direction=direction,
            )
        )
        taken.append((m.start(), m.end()))
    for m in _PRESENT_RE.finditer(text) if "the present " in text else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(Reference(RefKind.INTERNAL, m.start(), m.end(), m.group(0), direction="present"))
    return out


def find_cited_paragraphs(text: str) -> list[Reference]:
    """Paragraphs of other texts; never "of the present resolution" (internal) nor
    "subparagraph (b) of paragraph 3" (internal)."""
    out = []
    starts = occurrences(text, "paragraph", ("sub",))
    for m in matches_at(_CITED_PARAGRAPH_RE, text, starts):
        target = m.group("target")
        end = m.end()
        if target[-1].isdigit():  # a citation follows: take its number
            cite = next((c for c in find_citations(text[m.start("target") :])), None)
            if cite is None or cite.start != 0:
                continue
            target = cite.text
            end = m.start("target") + cite.end
        out.append(
            Reference(
                RefKind.PARAGRAPH,
                m.start(),
                end,
                text[m.start() : end],
                paragraph=m.group("num"),
                subparagraph=(m.group("sub") or "").strip(),
                target=target,
            )
        )
    return out


def find_references(text: str) -> list[Reference]:
    """Every reference in ``text``, sorted by position."""
    refs = (
        find_citations(text)
        + find_treaty_citations(text)
        + find_symbols(text)
        + find_articles(text)
        + find_internal(text)
        + find_cited_paragraphs(text)
    )
    return sorted(refs, key=lambda r: (r.start, r.end))
