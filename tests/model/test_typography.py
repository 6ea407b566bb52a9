"""Straight quotes become the curly ones their place calls for (Word's AutoFormat As You
Type; UN texts print ’ and “ ”)."""

from __future__ import annotations

from drafting_app.model.typography import smart_quote


def test_a_quote_opens_at_a_start_after_a_space_or_a_bracket_and_closes_after_a_word() -> None:
    assert smart_quote("", "'") == "‘"
    assert smart_quote("entitled ", '"') == "“"
    assert smart_quote("the States (", "'") == "‘"
    assert smart_quote("Secretary-General", "'") == "’"  # the apostrophe
    assert smart_quote("the 1990s", "'") == "’"
    assert smart_quote("“Our world", '"') == "”"
    assert smart_quote("core,", "'") == "’"  # after punctuation that ends a quotation
    assert smart_quote("word", "a") == "a"  # anything else is left as typed
