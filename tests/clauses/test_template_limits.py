"""A drafter's own clause template is bounded in time and output (issue 22 §10): 300-byte
templates hung the window (an integer squared again and again, loops in loops) or took
about 2 GB (a "%" width, center, indent, "~" doubling); one failed with an empty reason.
Each is now refused with a message that names the template and the limit it ran into,
in a few seconds at most; a harmless template still renders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting_app.clauses.render import render
from drafting_app.clauses.template_process import RENDER_SECONDS
from drafting_app.clauses.templates import TemplateCatalog
from drafting_app.corpus.registry import Registry
from drafting_app.errors import TemplateError

HOSTILE = {
    "integer squared again and again": (
        "{% macro sq(x, n) %}{% if n %}{{ sq(x * x, n - 1) }}{% else %}{{ x }}{% endif %}"
        "{% endmacro %}Decides {{ sq(3, 64) }};",
        "a number this large",
    ),
    "loops in loops": (
        '{% for a in "x" * 20000 %}{% for b in "x" * 20000 %}{% endfor %}{% endfor %}Decides;',
        f"did not finish within {RENDER_SECONDS:g} s",
    ),
    "a % width": ('Decides {{ "%999999999s" % name }};', "a width this large"),
    "a % precision": ('Decides {{ "%.999999999f" % 1.5 }};', "a width this large"),
    "center filter": ("Decides {{ name|center(999999999) }};", "a number this large"),
    "center method": ("Decides {{ name.center(999999999) }};", "a number this large"),
    "indent": ("Decides {{ (name ~ '\\n' ~ name)|indent(999999999) }};", "a number this large"),
    "~ doubling": (
        "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
        '{% endmacro %}Decides {{ d("ab", 40) }};',
        "more than 512 MB|a text this long|did not finish within",
    ),
    "format width": ('Decides {{ "{:>999999999}".format(name) }};', "a width this large"),
    "zfill": ('Decides {{ "1".zfill(999999999) }};', "a number this large"),
    "replace amplifies": (
        'Decides {{ (name * 5000)|replace("", "y" * 5000) }};',
        "a text this long|a repetition this long",
    ),
    "a text built by +": (
        "{% macro p(s, n) %}{% if n %}{{ p(s + s, n - 1) }}{% else %}{{ s }}{% endif %}"
        '{% endmacro %}Decides {{ p("ab", 30) }};',
        "a text this long",
    ),
    "recursion": ("{% macro f() %}{{ f() }}{% endmacro %}Decides {{ f() }};", "calls itself"),
    "a power": ("Decides {{ 2 ** 100000 }};", "a power this large"),
    "division by zero": ("Decides {{ 1 // 0 }};", "could not be rendered: .+"),
}


def _catalog(folder: Path, body: str) -> TemplateCatalog:
    header = {"key": "mine", "title": "Mine", "part": "operative", "opener": "Decides",
              "source": "", "variables": {"name": {"type": "text", "label": "Name"}}}  # fmt: skip
    folder.mkdir(exist_ok=True)
    (folder / "mine.j2").write_text(
        "{#---\n" + json.dumps(header) + "\n---#}\n" + body, encoding="utf-8"
    )
    catalog = TemplateCatalog.load([(folder, "user")])
    assert catalog.errors == []
    return catalog


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_user_template_is_refused_naming_the_template_and_the_limit(
    case: str, tmp_path: Path
) -> None:
    body, why = HOSTILE[case]
    catalog = _catalog(tmp_path / "clauses", body)
    with pytest.raises(TemplateError, match=why) as info:
        render(catalog.get("mine"), {"name": "the Bureau"}, Registry.load_curated())
    message = str(info.value)
    assert message.startswith("mine") and len(message) > len("mine could not be rendered: .")


def test_after_a_refusal_the_next_template_renders(tmp_path: Path) -> None:
    hang = _catalog(tmp_path / "a", HOSTILE["loops in loops"][0])
    with pytest.raises(TemplateError):
        render(hang.get("mine"), {"name": "x"}, Registry.load_curated())
    fine = _catalog(tmp_path / "b", "Decides to invite {{ name|upper }};")
    out = render(fine.get("mine"), {"name": "the Bureau"}, Registry.load_curated())
    assert out.paragraph.text == "Decides to invite THE BUREAU;"
