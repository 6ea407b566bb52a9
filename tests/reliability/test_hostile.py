"""Hostile inputs through the real entry points (issue 11 §4): a file added to the corpus,
a project opened, a user's clause template rendered, a draft previewed. Each refusal is a
DraftingError with a message that says what was wrong, and nothing of the user's changes.

Covered elsewhere and not repeated here: the Word package guards at the importer
(tests/corpus/test_docx_hostile.py: zip bombs declared and lying, oversized parts, XXE,
billion laughs, DTD in UTF-16, path traversal names, enormous paragraph, damaged XML); the
project loader's limits (tests/storage/test_project_limits.py: nesting, ranges, sizes);
document templates refusing ``__class__`` (tests/clauses/test_document_templates.py);
``<script>`` and ``&`` escaped in the preview (tests/export/test_html_preview.py).
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drafting_app.clauses.render import render
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.corpus.readers import MAX_TEXT_BYTES, read_document
from drafting_app.corpus.readers.word_package import MAX_PART_BYTES
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.store import CorpusStore
from drafting_app.errors import DraftingError, FormatError, TemplateError
from drafting_app.export.html import render_html
from drafting_app.model.document import MAX_PARAGRAPH_CHARS, Document, Masthead, Paragraph
from drafting_app.storage.project import MAX_PROJECT_BYTES, CorruptProjectError, load_project
from tests.corpus.test_docx_hostile import LAUGHS, XXE, with_part
from tests.corpus.wordbuild import SEPARATORS, footnote, make_docx, para, run

HOSTILE_DOCX = {
    "zip bomb": (with_part("word/document.xml", b" " * (MAX_PART_BYTES + 10)), "zip bomb"),
    "external entity": (with_part("word/document.xml", XXE.encode()), "DTD"),
    "entity expansion": (
        with_part(
            "word/footnotes.xml", LAUGHS.encode(), footnotes=SEPARATORS + footnote(1, run("x"))
        ),
        "DTD",
    ),
    "path traversal": (with_part("../../evil.xml", b"<x/>"), "unsafe part name"),
    "enormous paragraph": (
        make_docx(para(run("The General Assembly,")) + para(run("word " * 50_000))),
        "paragraph of more than",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_DOCX))
def test_hostile_word_file_added_to_the_corpus_is_refused_and_leaves_nothing(
    case: str, tmp_path: Path
) -> None:
    data, why = HOSTILE_DOCX[case]
    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    with CorpusStore.open() as store:
        before = [d.doc_id for d in store.documents()]
        with pytest.raises(DraftingError, match=why):
            store.add_document(path)
        assert [d.doc_id for d in store.documents()] == before
        copied = list(store.user_dir.iterdir()) if store.user_dir.is_dir() else []
        assert copied == []
    assert path.read_bytes() == data  # the user's file is untouched
    assert not (tmp_path / "evil.xml").exists() and not Path("/tmp/evil.xml").exists()


def test_text_file_with_an_enormous_paragraph_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    body = "word " * (MAX_PARAGRAPH_CHARS // 5 + 1)
    path.write_text(f"The General Assembly,\n\n1. Decides {body}\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"huge\.txt has a paragraph of more than 200,000"):
        read_document(path)


def test_oversized_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_TEXT_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(FormatError, match="larger than 20 MB"):
        read_document(path)


def test_oversized_project_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.unres.json"
    with path.open("wb") as f:
        f.truncate(MAX_PROJECT_BYTES + 1)
    with pytest.raises(CorruptProjectError, match="far larger than any project"):
        load_project(path)


# -- user clause templates: the sandbox ------------------------------------------------------
def _user_template(folder: Path, body: str) -> TemplateCatalog:
    header = {"key": "mine", "title": "Mine", "part": "operative", "opener": "Decides",
              "source": "", "variables": {"name": {"type": "text", "label": "Name"}}}  # fmt: skip
    folder.mkdir(exist_ok=True)
    (folder / "mine.j2").write_text(
        "{#---\n" + json.dumps(header) + "\n---#}\n" + body, encoding="utf-8"
    )
    return TemplateCatalog.load([(folder, "user")])


ESCAPES = {
    "__class__": ("Decides {{ name.__class__.__mro__[1].__subclasses__() }};", "refused|unsafe"),
    "__globals__": ("Decides {{ footnote.__globals__ }};", "refused|unsafe|no attribute"),
    "os": ("Decides {{ os.system('touch /tmp/pwned') }};", "'os' is undefined"),
    "open": ("Decides {{ open('/etc/passwd').read() }};", "'open' is undefined"),
    "import": ("{% import 'os' as os %}Decides;", "may not load other files"),
    "include": ("{% include '/etc/passwd' %}", "may not load other files"),
    "extends": ("{% extends 'base' %}", "may not load other files"),
    "builtins via cycler": ("Decides {{ cycler.__init__.__globals__ }};", "refused|undefined"),
    "memory": ("Decides {{ 'a' * 1000000000 }};", "refused — a repetition this long"),
    "power": ("Decides {{ 9 ** 999999 }};", "refused — a power this large"),
    "mutation": ("Decides {{ [].append.__self__ }}{% set x = [].append(1) %};", "refused|unsafe"),
}


@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_user_template_cannot_reach_python_files_or_memory(case: str, tmp_path: Path) -> None:
    body, why = ESCAPES[case]
    catalog = _user_template(tmp_path / "clauses", body)
    assert catalog.errors == []
    with pytest.raises(TemplateError, match=why) as info:
        render(catalog.get("mine"), {"name": "x"}, Registry.load_curated())
    assert str(info.value).startswith("mine")  # the message names the template
    assert not Path("/tmp/pwned").exists()


def test_a_harmless_user_template_renders(tmp_path: Path) -> None:
    catalog = _user_template(tmp_path / "clauses", "Decides to invite {{ name }};")
    out = render(catalog.get("mine"), {"name": "the Bureau"}, Registry.load_curated())
    assert out.paragraph.text == "Decides to invite the Bureau;"


# -- the preview: quotes cannot open an attribute or a tag ------------------------------------
class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize(
    "evil",
    [
        '"><img src=x onerror=alert(1)>',
        "' onmouseover='alert(1)",
        '" onload="alert(1)',
        "</title><script>alert('x')</script>",
        "&lt;script&gt; & &amp; \u202e",
    ],
)
def test_preview_escapes_quotes_and_markup_in_every_user_field(evil: str) -> None:
    doc = Document(
        title=evil,
        masthead=Masthead(symbol=evil, body=evil, sponsors=[evil], agenda_title=evil),
        preamble=[Paragraph(f"Recalling {evil},")],
        operative=[Paragraph(f"Decides {evil};")],
    )
    html = render_html(doc)
    parsed = _Tags()
    parsed.feed(html)
    assert {"img", "script"}.isdisjoint(parsed.tags)
    assert not [a for a in parsed.attrs if a.startswith("on")]
    assert f"Decides {evil};" in "".join(parsed.text)  # shown as typed, character for character
