"""The bare Word package every UN export starts from: content types, relationships, an empty
body, the UN styles (styles.xml) and settings (settings.xml).

Written here as WordprocessingML rather than derived from python-docx's default template: that
template carries ~440 KB of styles and parts a UN document never uses, and reading it would
cost more than the whole export. The Word writer opens this package with python-docx.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from drafting_app.export.word_styles import (
    FOOTER_RPR,
    HEADER_PPR,
    HEADER_RPR,
    LANGUAGE,
    STYLES,
    style_xml,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Headers and footers: page 1 bare (it carries the masthead); from page 2 the symbol over a
# rule (filled in by each export) and the page number, right on odd and left on even pages.
PAGE_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE  \\* MERGEFORMAT </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>2</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
# (part name, root tag, sectPr reference type, paragraph style, alignment, runs)
_HEADERS_FOOTERS = (
    ("header1", "hdr", "first", "Normal", "left", ""),
    ("header2", "hdr", "default", "Normal", "right", ""),
    ("header3", "hdr", "even", "Normal", "left", ""),
    ("footer1", "ftr", "first", "Normal", "left", ""),
    ("footer2", "ftr", "default", "Footer", "right", PAGE_FIELD),
    ("footer3", "ftr", "even", "Footer", "left", PAGE_FIELD),
)


def header_paragraph(style: str, align: str, runs: str) -> str:
    """The one paragraph of a header or footer."""
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/>'
        f"</w:pPr>{runs}</w:p>"
    )


def _hf_part(tag: str, style: str, align: str, runs: str) -> str:
    body = header_paragraph(style, align, runs).replace(f' xmlns:w="{W_NS}"', "", 1)
    return f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:{tag}>'


_HF_KIND = {"hdr": "header", "ftr": "footer"}
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_CT}.settings+xml"/>'
    + "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{_CT}.{_HF_KIND[tag]}+xml"/>'
        for name, tag, *_ in _HEADERS_FOOTERS
    )
    + "</Types>"
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELS = (
    f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_RT}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_RT}/settings" Target="settings.xml"/>'
    + "".join(
        f'<Relationship Id="rId{i}" Type="{_RT}/{_HF_KIND[tag]}" Target="{name}.xml"/>'
        for i, (name, tag, *_) in enumerate(_HEADERS_FOOTERS, start=3)
    )
    + "</Relationships>"
)
_DOCUMENT = (
    f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body><w:sectPr>'
    + "".join(
        f'<w:{_HF_KIND[tag]}Reference w:type="{kind}" r:id="rId{i}"/>'
        for i, (_, tag, kind, *_) in enumerate(_HEADERS_FOOTERS, start=3)
    )
    + '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1134" w:bottom="1134" '
    'w:left="1134" w:header="850" w:footer="567" w:gutter="0"/><w:cols w:space="708"/>'
    "<w:titlePg/></w:sectPr></w:body></w:document>"
)
# Times New Roman 10 pt, British English, line "at least" 12 pt (UN_FORMAT.md §7).
_DOC_DEFAULTS = (
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" '
    'w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="20"/><w:szCs w:val="20"/>'
    f'<w:lang w:val="{LANGUAGE}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="0" w:line="240" w:lineRule="atLeast"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
)
# Word's own defaults, which every document has; hyphenation is suppressed in the UN Normal.
_BASE_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/><w:pPr><w:suppressAutoHyphens/></w:pPr></w:style>"
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "<w:unhideWhenUsed/></w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
)
# Different odd and even headers (symbol right on odd, left on even pages); no hyphenation;
# footnote separators -1 and 0 as Word writes them.
_SETTINGS = (
    f'<w:settings xmlns:w="{W_NS}">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="567"/>'
    '<w:autoHyphenation w:val="false"/><w:evenAndOddHeaders/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    f'<w:themeFontLang w:val="{LANGUAGE}"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)


def _builtin(style_id: str, name: str, body: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>{body}</w:style>'
    )


def styles_xml() -> str:
    """styles.xml: defaults, Word's base styles, the UN styles, header and footer."""
    un_styles = "".join(style_xml(s) for s in STYLES)
    header = _builtin("Header", "header", f"<w:pPr>{HEADER_PPR}</w:pPr><w:rPr>{HEADER_RPR}</w:rPr>")
    footer = _builtin("Footer", "footer", f"<w:rPr>{FOOTER_RPR}</w:rPr>")
    return (
        f'<w:styles xmlns:w="{W_NS}">{_DOC_DEFAULTS}{_BASE_STYLES}{un_styles}{header}{footer}'
        "</w:styles>"
    )


@lru_cache(maxsize=1)
def base_package() -> bytes:
    """The bare .docx (zip) the Word writer opens and fills; made once per process."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "word/document.xml": _DOCUMENT,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/settings.xml": _SETTINGS,
    }
    for name, tag, _, style, align, runs in _HEADERS_FOOTERS:
        parts[f"word/{name}.xml"] = _hf_part(tag, style, align, runs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, _XML_HEAD + xml)
    return out.getvalue()
