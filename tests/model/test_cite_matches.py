"""The reference finders try their patterns only where a match can start (citations at
kind words and the bodies before them, symbols before a "/", internal references at
"paragraph", articles at "article") and must find exactly what scanning the patterns over
the whole text finds: on every paragraph and footnote of the real texts, on snippets where
a body, a series, a list or a word boundary decides, and on random splices of real text."""

from __future__ import annotations

import random
import re

import pytest

from drafting_app.citations import internal
from drafting_app.citations.internal import link_internal_refs
from drafting_app.corpus.readers import read_documents, read_text
from drafting_app.errors import FormatError
from drafting_app.model import references
from drafting_app.model.document import Document
from drafting_app.model.references import (
    _CITE_RE,
    cite_matches,
    find_articles,
    find_citations,
    find_cited_paragraphs,
    find_internal,
    find_symbols,
)
from tests.conftest import CORPUS, REALDOCS


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


def _same(text: str) -> None:
    assert _spans(cite_matches(text)) == _spans(list(_CITE_RE.finditer(text))), text[:120]


def real_texts() -> list[str]:
    out: list[str] = []
    for path in sorted([*REALDOCS.rglob("*"), *CORPUS.glob("*.txt")]):
        if path.suffix.lower() not in (".txt", ".docx", ".pdf"):
            continue
        try:
            docs = read_documents(path)
        except FormatError:
            continue
        for doc in docs:
            out += [p.text for p in doc.all_paragraphs()] + [f.text for f in doc.footnotes]
    return out


def test_every_real_text() -> None:
    texts = real_texts()
    cited = 0
    for text in texts:
        _same(text)
        cited += bool(cite_matches(text))
    assert len(texts) > 2000 and cited > 200


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A body before the kind word starts the match: without it the body would be lost.
        ("Recalling General Assembly resolution 61/144 of 19 December 2006,", 1),
        ("Recalling Economic and Social Council resolution 2013/41,", 1),
        ("Recalling its decision 4/4 of 17 October 2008,", 1),
        ("Commission on Crime Prevention and Criminal Justice resolution 20/1", 1),
        # The body ends at the word before "resolution", separated by a no-break space.
        ("Security Council\u00a0resolution 2331 (2016)", 1),
        # "its" inside a word is a body for the pattern (no word boundary), as before.
        ("Commits resolution 5/1", 1),
        # The kind word at the very start, in capitals, in the plural, in a list.
        ("Resolution 5/1 and decision 3/2", 2),
        ("resolutions 27/2, 27/3 and 27/4 of 18 May 2018", 1),
        ("Decisions S-10/2 and 6/CMA.3", 1),
        # Inside another word the kind still matches (no boundary in the pattern).
        ("irresolution 5/1", 1),
        # No number after the kind word: nothing.
        ("the resolution adopted by the General Assembly", 0),
        ("RESOLUTION 5/1", 0),
        ("", 0),
        ("r", 0),
    ],
)
def test_snippets(text: str, found: int) -> None:
    _same(text)
    assert len(cite_matches(text)) == found


def test_bodies_kept_in_references() -> None:
    refs = find_citations("Recalling General Assembly resolutions 61/144 and 61/180,")
    assert [(r.body, r.number) for r in refs] == [
        ("General Assembly", "61/144"),
        ("General Assembly", "61/180"),
    ]


def test_random_splices_of_real_text() -> None:
    """Pieces of cited real text glued at random places: bodies cut, kinds doubled."""
    texts = [t for t in real_texts() if "resolution" in t or "decision" in t]
    rng = random.Random(7)
    for _ in range(3000):
        a, b = rng.choice(texts), rng.choice(texts)
        i, j = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        _same(a[:i] + b[j:])
        _same(a[i : i + 60] + " " + b[j : j + 60])


FINDERS = (find_citations, find_symbols, find_internal, find_cited_paragraphs, find_articles)


def _scanned(finder: object, text: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What ``finder`` found when each pattern was scanned over the whole text."""
    with monkeypatch.context() as m:
        m.setattr(references, "matches_at", lambda rx, t, _starts: list(rx.finditer(t)))
        return finder(text)  # type: ignore[operator, no-any-return]


def test_finders_tried_at_their_starts_find_what_the_scan_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = real_texts()
    rng = random.Random(9)
    spliced = []
    for _ in range(1500):
        a, b = rng.choice(texts), rng.choice(texts)
        spliced.append(a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :])
    found = dict.fromkeys(FINDERS, 0)
    for text in [*texts, *spliced, *SNIPPETS]:
        for finder in FINDERS:
            got = finder(text)
            assert got == _scanned(finder, text, monkeypatch), (finder.__name__, text[:100])
            found[finder] += len(got)
    assert all(n > 15 for n in found.values()), found  # each finder finds, not skips


SNIPPETS = (
    "A/RES/80/1, E/CN.15/2006/10, CTOC/COP/2010/5 and UNEP/EA.5/Res.1",
    "CEDAW/C/GC/38, FCCC/CP/2015/10/Add.1, ICCD/COP(15)/21, TD/B/70/2",
    "CAC/COP/2009/15; HRC/RES/5/1; CCPR/C/GC/36; CERD/C/USA/CO/10; DP/2024/1; UNW/2023/3",
    "XA/RES/1 /A/1 A//1 A/ S/RES/2331 (2016) and S/PRST/2024/1",
    "paragraph 12 above, subparagraph (b) of paragraph 3, paragraphs 4 below",
    "paragraph 1 of the present decision; subparagraph (c) of the present resolution",
    "the present resolution and the present decision, the presently",
    "paragraph (b) of decision 79/537 A and paragraphs 1 to 10 of the annex thereto",
    "subparagraphs (a) of paragraph 2 above; paragraph 3 of General Assembly resolution 70/1",
    "Article 3 of the Convention, articles 124 and 8 of the Rome Statute, article 12, "
    "paragraph 3, of the Statute; a particle 5, Particles 3, subarticle 4, ARTICLE 5, article",
    "article 5 bis and article 6 ter of each of those Protocols; Aarticle 7; _article 8",
)


def test_internal_links_tried_at_their_starts_are_what_the_scan_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """citations.internal links "paragraph 12 above" by the same start-only search."""
    docs: list[Document] = []
    for path in sorted([*REALDOCS.rglob("*"), *CORPUS.glob("*.txt")]):
        if path.suffix.lower() in (".txt", ".docx", ".pdf"):
            try:
                docs += read_documents(path)
            except FormatError:
                continue
    docs.append(read_text("\n".join(SNIPPETS), "snippets.txt"))
    links = 0
    for doc in docs:
        got = link_internal_refs(doc)
        with monkeypatch.context() as m:
            m.setattr(internal, "matches_at", lambda rx, t, _starts: list(rx.finditer(t)))
            assert got == link_internal_refs(doc)
        links += sum(1 for link in got if link.label)
    assert links > 15
