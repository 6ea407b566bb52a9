"""The named Word styles of an issued UN document, as measured from the UN template
(UN_FORMAT.md §7; twips, half-points). Pure data: the Word writer turns them into styles.xml.

Every printed block has its own named style so a drafter can restyle all operative paragraphs
at once in Word; numbers and tabs are typed text, never Word auto-numbering.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting_app.export.blocks import Kind

BODY_INDENT = 1134  # body text is indented 2 cm left and right
OPENER_TAB = 1701  # preambular first-line tab / operative "1." tab
SUB_TAB = 1702  # "(a)" tab, after a first-line indent of 567
SUB2_INDENT = 1701  # "(i)" starts at 1701, its text at the next default stop
LANGUAGE = "en-GB"


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One Word style: id, user-visible name, its base and the pPr/rPr children as XML."""

    style_id: str
    name: str
    ppr: str = ""
    rpr: str = ""
    based_on: str = "Normal"
    kind: str = "paragraph"
    next_id: str = ""
    ui_priority: int = 1


def _ind(left: int = BODY_INDENT, right: int = BODY_INDENT, **extra: int) -> str:
    attrs = f'w:left="{left}" w:right="{right}"'
    for key, value in extra.items():
        attrs += f' w:{"firstLine" if key == "first_line" else key}="{value}"'
    return f"<w:ind {attrs}/>"


def _spacing(before: int = 0, after: int = 120, line: int = 240, rule: str = "atLeast") -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="{rule}"/>'


def _tab(pos: int, val: str = "left") -> str:
    return f'<w:tabs><w:tab w:val="{val}" w:pos="{pos}"/></w:tabs>'


_KEEP = "<w:keepNext/><w:keepLines/>"
_JUSTIFY = '<w:jc w:val="both"/>'


def _heading(
    sid: str, name: str, size: int, before: int, after: int, line: int, lvl: int
) -> StyleSpec:
    return StyleSpec(
        sid,
        name,
        ppr=f'{_KEEP}{_spacing(before, after, line, "exact")}{_ind()}<w:outlineLvl w:val="{lvl}"/>',
        rpr=f'<w:b/><w:sz w:val="{size}"/>',
        next_id="UNBodyText",
    )


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("UNBodyText", "UN Body Text", ppr=f"{_spacing()}{_ind()}{_JUSTIFY}", ui_priority=1),
    StyleSpec("UNPreambular", "UN Preambular", ppr=_tab(OPENER_TAB), based_on="UNBodyText"),
    StyleSpec("UNOperative", "UN Operative", ppr=_tab(OPENER_TAB), based_on="UNBodyText"),
    StyleSpec(
        "UNSubparagraph1",
        "UN Subparagraph 1",
        ppr=f"{_tab(SUB_TAB)}{_ind(first_line=567)}",
        based_on="UNBodyText",
    ),
    StyleSpec(
        "UNSubparagraph2",
        "UN Subparagraph 2",
        ppr=f"{_tab(SUB2_INDENT + 567)}{_ind(left=SUB2_INDENT)}",
        based_on="UNBodyText",
    ),
    StyleSpec(
        "UNAuthoringBody",
        "UN Authoring Body",
        ppr=_ind(first_line=567),
        based_on="UNBodyText",
        next_id="UNPreambular",
    ),
    _heading("UNTitle", "UN Title", 24, 360, 240, 270, 0),
    _heading("UNHeading1", "UN Heading 1", 28, 360, 240, 300, 0),
    _heading("UNHeading2", "UN Heading 2", 24, 360, 240, 270, 1),
    _heading("UNHeading3", "UN Heading 3", 20, 240, 120, 240, 2),
    StyleSpec(
        "UNSponsors",
        "UN Sponsors",
        ppr=f"{_KEEP}{_spacing(360, 0)}{_ind()}",
        next_id="UNTitle",
    ),
    StyleSpec(
        "UNFrontMatter",
        "UN Front Matter",
        ppr=f"{_KEEP}{_spacing(0, 0)}{_ind()}",
        rpr='<w:sz w:val="24"/>',
    ),
    StyleSpec(
        "UNAdoption",
        "UN Adoption",
        ppr=f'{_spacing(240, 0)}{_ind()}<w:jc w:val="right"/>',
        rpr="<w:i/>",
    ),
    StyleSpec(  # the date under the meeting line: no space between them
        "UNAdoptionNext",
        "UN Adoption Next",
        ppr=f'{_spacing(0, 0)}{_ind()}<w:jc w:val="right"/>',
        rpr="<w:i/>",
        based_on="UNAdoption",
    ),
    StyleSpec("UNMasthead", "UN Masthead", ppr=_spacing(0, 0)),
    StyleSpec(
        "UNMastheadBody",
        "UN Masthead Body",
        ppr=f"{_KEEP}{_spacing(120, 0)}",
        rpr='<w:b/><w:sz w:val="24"/>',
        based_on="UNMasthead",
    ),
    StyleSpec(
        "FootnoteText",
        "footnote text",
        ppr=f"{_tab(1021, 'right')}{_spacing(0, 0, 220, 'exact')}"
        f'{_ind(hanging=BODY_INDENT)}<w:jc w:val="both"/>',
        rpr='<w:sz w:val="18"/>',
    ),
    StyleSpec(
        "FootnoteReference",
        "footnote reference",
        rpr='<w:sz w:val="18"/><w:vertAlign w:val="superscript"/>',
        based_on="",
        kind="character",
    ),
    # Compilation texts (negotiation): what a delegation proposes and who proposed it, as
    # character styles a facilitator can restyle, and that tell the app's own marks apart
    # from the words when the compilation is read back.
    StyleSpec(
        "UNProposedAddition", "UN Proposed Addition", rpr="<w:b/>", based_on="", kind="character"
    ),
    StyleSpec(
        "UNProposedDeletion",
        "UN Proposed Deletion",
        rpr="<w:strike/>",
        based_on="",
        kind="character",
    ),
    StyleSpec("UNDelegation", "UN Delegation", rpr="<w:i/>", based_on="", kind="character"),
)

# Header and footer keep Word's built-in names (Word applies them to new headers itself).
HEADER_PPR = (
    '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>'
    f"{_spacing(0, 0)}"
)
HEADER_RPR = '<w:b/><w:sz w:val="18"/>'
FOOTER_RPR = '<w:b/><w:sz w:val="18"/>'

# Style of each printed block; operative paragraphs by level ("1.", "(a)", "(i)").
BLOCK_STYLE: dict[Kind, str] = {
    Kind.FRONT_MATTER: "UNFrontMatter",
    Kind.HEADING: "UNHeading1",
    Kind.SPONSORS: "UNSponsors",
    Kind.TITLE: "UNTitle",
    Kind.AUTHORING_BODY: "UNAuthoringBody",
    Kind.CHAPEAU: "UNPreambular",
    Kind.PREAMBULAR: "UNPreambular",
    Kind.PART_HEADING: "UNHeading2",
    Kind.ANNEX_TITLE: "UNHeading1",
    Kind.ADOPTION: "UNAdoption",
    Kind.VOTE_RECORD: "UNPreambular",
}
OPERATIVE_STYLES = ("UNOperative", "UNSubparagraph1", "UNSubparagraph2")
HEADING_STYLES = {2: "UNHeading2", 3: "UNHeading3"}


def style_of(kind: Kind, level: int) -> str:
    """The style id of a block."""
    if kind is Kind.OPERATIVE:
        return OPERATIVE_STYLES[min(level, len(OPERATIVE_STYLES) - 1)]
    if kind is Kind.ANNEX_HEADING:
        return HEADING_STYLES.get(level, "UNHeading3")
    if kind is Kind.ADOPTION and level:
        return "UNAdoptionNext"
    return BLOCK_STYLE[kind]


def style_xml(spec: StyleSpec) -> str:
    """``<w:style>`` for a spec (caller supplies the namespace declaration)."""
    parts = [f'<w:name w:val="{spec.name}"/>']
    if spec.based_on:
        parts.append(f'<w:basedOn w:val="{spec.based_on}"/>')
    if spec.next_id:
        parts.append(f'<w:next w:val="{spec.next_id}"/>')
    parts.append(f'<w:uiPriority w:val="{spec.ui_priority}"/><w:qFormat/>')
    if spec.ppr:
        parts.append(f"<w:pPr>{spec.ppr}</w:pPr>")
    if spec.rpr:
        parts.append(f"<w:rPr>{spec.rpr}</w:rPr>")
    custom = "" if spec.style_id.startswith("Footnote") else ' w:customStyle="1"'
    return (
        f'<w:style w:type="{spec.kind}"{custom} w:styleId="{spec.style_id}">'
        f"{''.join(parts)}</w:style>"
    )
