"""Clause templates: metadata, rendering with registry parameters, errors and the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.clauses.params import ordinal
from drafting_app.clauses.render import render
from drafting_app.clauses.templates import TemplateCatalog, parse_template
from drafting_app.corpus.registry import Registry
from drafting_app.errors import TemplateError
from drafting_app.model.document import Part

HEADER = '{#---\n{"key": "user-x", "title": "X", "part": "operative"}\n---#}\n'


@pytest.fixture(scope="module")
def catalog() -> TemplateCatalog:
    return TemplateCatalog.load()


def italic(p, n: int = 0) -> str:  # type: ignore[no-untyped-def]
    s = p.italics[n]
    return str(p.text[s.start : s.end])


def test_bundled_templates_have_metadata(catalog: TemplateCatalog) -> None:
    assert catalog.errors == []
    assert len(catalog) >= 25
    for t in catalog.templates:
        assert t.title and t.source and t.opener, t.key
        assert t.source.split(",")[0] in {
            "Decision 3/3",
            "Decision 4/4",
            "Resolution 5/2",
            "Resolution 10/3",
            "France: draft resolution",
        }, t.key
    parts = {t.part for t in catalog.templates}
    assert parts == {Part.PREAMBLE, Part.OPERATIVE}


def test_decision_fills_its_date(catalog: TemplateCatalog, registry: Registry) -> None:
    out = render(catalog.get("recall-decision"), {"decision": "4/4"}, registry)
    assert out.paragraph.text == "Recalling its decision 4/4 of 17 October 2008,"
    assert italic(out.paragraph) == "Recalling"
    assert out.paragraph.provenance == {
        "template": "recall-decision",
        "label": "Resolution 5/2, preamble 2",
        "part": "preamble",
    }


def test_protocol_fills_titles_and_treaty_footnote(
    catalog: TemplateCatalog, registry: Registry
) -> None:
    out = render(catalog.get("urge-ratification"), {"protocol": "TIP"}, registry)
    p = out.paragraph
    assert p.text.startswith("Urges Member States that have not yet done so to consider")
    assert "Protocol to Prevent, Suppress and Punish Trafficking in Persons" in p.text
    assert [f.text for f in out.footnotes] == [
        "United Nations, Treaty Series, vol. 2237, No. 39574."
    ]
    note = out.footnotes[0]
    assert note.text[note.italics[0].start : note.italics[0].end] == "Treaty Series"
    (anchor,) = p.anchors
    assert anchor.footnote_id == note.id
    assert p.text[: anchor.offset].endswith("Crime;")  # English: mark after the punctuation
    short = render(
        catalog.get("remind-obligations"), {"instrument": "SOM", "article": 18}, registry
    )
    assert short.paragraph.text == (
        "Reminds States parties of their obligations under article 18 of the "
        "Smuggling of Migrants Protocol;"
    )


def test_resolution_list_in_date_order(catalog: TemplateCatalog, registry: Registry) -> None:
    out = render(
        catalog.get("recall-ga-resolutions"), {"resolutions": "63/194, 61/144 and 61/180"}, registry
    )
    assert out.paragraph.text == (
        "Recalling General Assembly resolutions 61/144 of 19 December 2006, 61/180 of "
        "20 December 2006 and 63/194 of 18 December 2008,"
    )


def test_date_and_symbol_footnote(catalog: TemplateCatalog, registry: Registry) -> None:
    out = render(
        catalog.get("welcome-working-group-meeting"),
        {"date": "27  January 2010", "symbol": "CTOC/COP/WG.4/2010/6"},
        registry,
    )
    assert out.paragraph.text.endswith("resulting from its meeting held on 27 January 2010;")
    assert [f.text for f in out.footnotes] == ["CTOC/COP/WG.4/2010/6."]
    assert out.paragraph.anchors[0].offset == len(out.paragraph.text)


def test_session_and_sub_paragraphs(catalog: TemplateCatalog, registry: Registry) -> None:
    out = render(catalog.get("request-report-next-session"), {"session": 6}, registry)
    assert "at its sixth session a report on" in out.paragraph.text
    functions = render(catalog.get("working-group-functions"), {}, registry)
    assert len(functions.paragraph.children) == 3
    assert functions.paragraph.text.endswith("the following functions:")
    assert ordinal(21) == "twenty-first" and ordinal(12) == "twelfth"


@pytest.mark.parametrize(
    ("key", "params", "message"),
    [
        ("recall-decision", {}, "Please give Decision of the Conference"),
        ("recall-decision", {"decision": "99/99"}, "is not known to the corpus"),
        ("recall-decision", {"decision": "four"}, "is not a decision number"),
        ("recall-decision", {"decision": "4/4", "colour": "red"}, "has no parameter 'colour'"),
        ("urge-ratification", {"protocol": "Kyoto"}, "not an instrument the registry knows"),
        ("remind-obligations", {"instrument": "TIP", "article": 45}, "has 20 articles"),
        ("request-report-next-session", {"session": "sixth"}, "must be a whole number"),
        ("welcome-report", {"subject": "x", "symbol": "not a symbol"}, "not a document symbol"),
        (
            "welcome-working-group-meeting",
            {"date": "31 February 2010", "symbol": "CTOC/COP/WG.4/2010/6"},
            "not a real date",
        ),
        (
            "welcome-working-group-meeting",
            {"date": "2010-01-27", "symbol": "CTOC/COP/WG.4/2010/6"},
            "not a date like 17 October 2008",
        ),
    ],
)
def test_wrong_parameters_give_clear_errors(
    catalog: TemplateCatalog, registry: Registry, key: str, params: dict[str, object], message: str
) -> None:
    with pytest.raises(TemplateError, match=message):
        render(catalog.get(key), params, registry)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ ''.__class__.__mro__ }}", "refused"),
        ("{{ cycler.__init__.__globals__ }}", "refused|undefined"),
        ("{{ footnote.__globals__ }}", "refused"),
        ("{% import 'x' as y %}", "may not load other files"),
        ("{% include '/etc/passwd' %}", "may not load other files"),
        ("{% extends 'base.j2' %}", "may not load other files"),
        ("{{ open('/etc/passwd').read() }}", "'open' is undefined"),
        ("{{ os.system('ls') }}", "'os' is undefined"),
        ("{{ [].append(1) }}", "refused"),
        ("{{ 'a' * 10**9 }}", "refused"),
        ("{{ 9 ** 999999 }}", "refused"),
        ("{{ x", "line 1"),
    ],
)
def test_sandbox_refuses(registry: Registry, body: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        render(parse_template(HEADER + body), {}, registry)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Urges;", "has no header"),
        ("{#---\nnot json\n---#}\nUrges;", "not valid JSON"),
        ('{#---\n{"key": "k", "title": "t", "part": "middle"}\n---#}\nUrges;', "part must be"),
        (
            '{#---\n{"key": "k", "title": "t", "part": "operative",'
            ' "variables": {"x": {"type": "Python"}}}\n---#}\nUrges {{ x }};',
            "needs a type",
        ),
        (
            '{#---\n{"key": "k", "title": "t", "part": "operative",'
            ' "variables": {"__class__": {"type": "text"}}}\n---#}\nUrges;',
            "not a usable",
        ),
    ],
)
def test_bad_template_files(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text)


def test_user_templates_load_and_broken_ones_are_reported(
    tmp_path: Path, registry: Registry
) -> None:
    from drafting_app.clauses.templates import user_dir

    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "mine.j2").write_text(
        '{#---\n{"key": "mine", "title": "Mine", "part": "operative", "opener": "Urges",'
        ' "variables": {"protocol": {"type": "Instrument"}}}\n---#}\n'
        "Urges all States to implement the {{ protocol.short_title }};",
        encoding="utf-8",
    )
    (folder / "broken.j2").write_text("no header", encoding="utf-8")
    (folder / "clash.j2").write_text(
        '{#---\n{"key": "recall-decision", "title": "t", "part": "operative"}\n---#}\nUrges;',
        encoding="utf-8",
    )
    catalog = TemplateCatalog.load()
    mine = catalog.get("mine")
    assert mine.origin == "user"
    out = render(mine, {"protocol": "Firearms Protocol"}, registry)
    assert out.paragraph.text == "Urges all States to implement the Firearms Protocol;"
    assert len(catalog.errors) == 2
    assert any("broken.j2" in e for e in catalog.errors)
    assert any("already used" in e for e in catalog.errors)
