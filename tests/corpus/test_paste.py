"""The paste splitter on small clipboard contents: each form's way of marking paragraphs,
numbers, italics and footnotes, and bad input."""

from __future__ import annotations

import pytest

from drafting_app.corpus.readers.paste import MAX_PASTE_CHARS, read_paste
from drafting_app.errors import FormatError
from drafting_app.model.document import Paragraph, Part
from drafting_app.phrases import default_phrasebook


def italic(p: Paragraph) -> list[str]:
    return [p.text[s.start : s.end] for s in p.italics]


def test_part_of_a_paragraph_is_a_fragment_for_the_caret() -> None:
    paste = read_paste("the Conference of the Parties")
    assert paste.fragment
    assert [pp.text for pp in paste.paragraphs] == ["the Conference of the Parties"]
    assert paste.parts[0] is None


def test_a_whole_paragraph_with_its_mark_is_not_a_fragment() -> None:
    # Word ends a copied paragraph with its paragraph mark: "\r\n"
    paste = read_paste("Recalling its resolution 5/2,\r\n")
    assert not paste.fragment
    assert paste.parts[0] is Part.PREAMBLE
    assert italic(paste.paragraphs[0]) == ["Recalling"]


def test_word_plain_text_is_a_paragraph_a_line() -> None:
    text = (
        "Recalling also its decision 4/4 of 17 October 2008,\r\n"
        "Requests the secretariat to report to the Conference at its twelfth session;\r\n"
        "Decides to remain seized of the matter.\r\n"
    )
    paste = read_paste(text)
    assert list(zip(paste.parts, [italic(p) for p in paste.paragraphs], strict=True)) == [
        (Part.PREAMBLE, ["Recalling also"]),
        (Part.OPERATIVE, ["Requests"]),
        (Part.OPERATIVE, ["Decides"]),
    ]
    assert paste.source == "text"


def test_typed_numbers_become_structure() -> None:
    text = (
        "1.\tUrges States parties:\n"
        "(a)\tTo ratify the Convention;\n"
        "(b)\tTo implement it:\n"
        "(i)\tIn law;\n"
        "(ii)\tIn practice;\n"
        "2.\tRequests the secretariat to report.\n"
    )
    paste = read_paste(text)
    first, second = (pp for pp in paste.paragraphs)
    assert first.text == "Urges States parties:"
    assert [c.text for c in first.children] == ["To ratify the Convention;", "To implement it:"]
    assert [c.text for c in first.children[1].children] == ["In law;", "In practice;"]
    assert second.text == "Requests the secretariat to report."
    assert paste.parts == [Part.OPERATIVE, Part.OPERATIVE]


def test_wrapped_pdf_lines_are_joined_and_a_line_end_hyphen_kept() -> None:
    text = (
        "Emphasizing that justice, especially transitional justice in post-\n"
        "conflict societies, is a fundamental building block of sustainable\n"
        "peace,\n"
        "Convinced that ending impunity is essential for coming to terms with any past\n"
        "crimes,\n"
    )
    paste = read_paste(text)
    assert [pp.text for pp in paste.paragraphs] == [
        "Emphasizing that justice, especially transitional justice in post-conflict "
        "societies, is a fundamental building block of sustainable peace,",
        "Convinced that ending impunity is essential for coming to terms with any past crimes,",
    ]


def test_blank_lines_separate_paragraphs_but_not_a_sentence_cut_by_a_page() -> None:
    text = "Noting the report of the Secretary-General,\n\nWelcoming the work of the\n\nOffice,\n"
    paste = read_paste(text)
    assert [pp.text for pp in paste.paragraphs] == [
        "Noting the report of the Secretary-General,",
        "Welcoming the work of the Office,",
    ]


def test_superscript_marks_and_their_notes() -> None:
    text = (
        "Recalling the United Nations Convention against Transnational Organized Crime,¹\n"
        "\n"
        "¹ United Nations, Treaty Series, vol. 2225, No. 39574.\n"
    )
    paste = read_paste(text)
    (pp,) = paste.paragraphs
    assert pp.text.endswith("Organized Crime,")
    assert pp.anchors[0].offset == len(pp.text)
    assert [f.text for f in paste.footnotes] == [
        "United Nations, Treaty Series, vol. 2225, No. 39574."
    ]
    assert paste.missing_notes == []


def test_glued_pdf_marks_without_their_notes_get_empty_footnotes() -> None:
    text = "Welcomes the entry into force of the Convention against Organized Crime,2\n"
    paste = read_paste(text)
    p = paste.paragraphs[0]
    assert p.text.endswith("Organized Crime,")
    assert len(p.anchors) == 1 and paste.missing_notes == ["2"]
    assert paste.footnotes[0].text == "" and paste.footnotes[0].source_number == "2"


def test_numbers_are_not_taken_for_marks() -> None:
    text = "Recalling its resolution 58/318 of 13 September 2004, including paragraph 3 of it,\n"
    paste = read_paste(text)
    assert paste.paragraphs[0].anchors == []
    assert "paragraph 3 of it," in paste.paragraphs[0].text


def test_qt_rich_text_keeps_italics_marks_and_footnotes() -> None:
    # the shape of QTextDocument.toHtml() for a selection of the reading view
    html = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/'
        'strict.dtd"><html><head><meta name="qrichtext" content="1" /></head><body>'
        "<!--StartFragment-->"
        '<p style="margin-left:48px;"><span style=" font-style:italic;">Recalling also</span>'
        ' the <span style=" font-style:italic;">Treaty Series</span> entry,'
        '<span style=" vertical-align:super;">1</span></p>'
        '<p style="margin-left:48px;">2.\u2003<span style=" font-style:italic;">Requests</span>'
        " the secretariat to report;</p>"
        '<p style="margin-left:48px;"><span style=" vertical-align:super;">1</span>\u2002'
        'United Nations, <span style=" font-style:italic;">Treaty Series</span>, vol. 2225.'
        "</p><!--EndFragment--></body></html>"
    )
    paste = read_paste("plain text is ignored when there is HTML", html)
    assert paste.source == "qt"
    first, second = (pp for pp in paste.paragraphs)
    assert italic(first) == ["Recalling also", "Treaty Series"]
    assert first.anchors[0].offset == len(first.text)
    assert second.text == "Requests the secretariat to report;" and second.source_label == "2."
    (note,) = paste.footnotes
    assert note.text == "United Nations, Treaty Series, vol. 2225."
    assert [note.text[s.start : s.end] for s in note.italics] == ["Treaty Series"]


def test_word_reference_whose_footnote_was_not_copied() -> None:
    html = (
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><!--StartFragment-->'
        "<p class=MsoNormal><i>Noting</i> the report<a style='mso-footnote-id:ftn3' "
        'href="#_ftn3" name="_ftnref3"><span class=MsoFootnoteReference>[3]</span></a>,'
        "</p><!--EndFragment--></body></html>"
    )
    paste = read_paste("Noting the report3,", html)
    p = paste.paragraphs[0]
    assert p.text == "Noting the report,"
    assert p.anchors[0].offset == len("Noting the report")
    assert paste.missing_notes == ["3"] and paste.footnotes[0].text == ""


def test_a_whole_text_pasted_keeps_its_paragraphs_and_skips_its_own_lines() -> None:
    text = (
        "Resolution 5/2\n\nImplementation of the Convention\n\n"
        "The Conference of the Parties to the United Nations Convention against "
        "Transnational Organized Crime,\n\n"
        "Recalling its decision 4/4,\n\n1. Requests the secretariat to report.\n"
    )
    paste = read_paste(text)
    assert [pp.text for pp in paste.paragraphs] == [
        "Recalling its decision 4/4,",
        "Requests the secretariat to report.",
    ]
    assert any(s.startswith("The Conference of the Parties") for s in paste.skipped)
    assert "Implementation of the Convention" in paste.skipped


def test_scripts_styles_and_images_are_ignored() -> None:
    html = (
        "<html><head><style>p {color: red}</style><script>alert('x')</script></head><body>"
        "<p>Requests <img src='http://example.org/x.png'>the secretariat to act;</p>"
        "<script>document.write('Decides')</script></body></html>"
    )
    paste = read_paste("", html)
    assert [pp.text for pp in paste.paragraphs] == ["Requests the secretariat to act;"]


def test_html_without_paragraph_text_falls_back_to_the_plain_text() -> None:
    paste = read_paste("Recalling its decision 4/4,", "<html><body><img src='a.png'></body></html>")
    assert [pp.text for pp in paste.paragraphs] == ["Recalling its decision 4/4,"]


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\f"])
def test_empty_clipboard_pastes_nothing(text: str) -> None:
    paste = read_paste(text)
    assert paste.paragraphs == [] and paste.footnotes == [] and not paste.fragment


def test_a_clipboard_too_large_is_refused_clearly() -> None:
    with pytest.raises(FormatError, match="2 million characters"):
        read_paste("x" * (MAX_PASTE_CHARS + 1))


def test_an_adjective_after_an_operative_verb_is_not_the_ladder() -> None:
    phrases = default_phrasebook()
    encourages = phrases.split("Encourages further efforts by the United Nations", Part.OPERATIVE)
    assert encourages is not None and encourages.text == "Encourages"
    decides = phrases.split("Decides further that the meeting shall", Part.OPERATIVE)
    assert decides is not None and decides.text == "Decides further"
    recalling = phrases.split("Recalling further its resolution 72/3,", Part.PREAMBLE)
    assert recalling is not None and recalling.text == "Recalling further"


def test_italics_stay_on_their_words_when_marks_are_cut_out() -> None:
    paste = read_paste("Recalling the *Treaty Series* volume,2 and the Convention,3\n")
    p = paste.paragraphs[0]
    assert p.text == "Recalling the Treaty Series volume, and the Convention,"
    assert italic(p) == ["Recalling", "Treaty Series"]
    assert [p.text[: a.offset].split()[-1] for a in p.anchors] == ["volume,", "Convention,"]


def test_the_authoring_formula_after_a_wrapped_title_starts_the_text() -> None:
    text = (
        "Necessity of ending the economic, commercial and financial\n"
        "embargo imposed by the United States of America\n"
        "against Cuba\n"
        "The General Assembly,\n"
        "Determined to encourage strict compliance with the purposes and principles\n"
        "enshrined in the Charter of the United Nations,\n"
        "1. Takes note of the report of the Secretary-General;\n"
    )
    paste = read_paste(text)
    assert [p.text[:10] for p in paste.paragraphs] == ["Determined", "Takes note"]
    assert "The General Assembly," in paste.skipped
    assert any(s.startswith("Necessity of ending") for s in paste.skipped)
