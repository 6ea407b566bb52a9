"""The tracked-changes export as LibreOffice sees it (slow): LibreOffice lists the changes
with their author and date (Edit › Track Changes › Manage reads the same records), and its
own Accept All / Reject All (the .uno:AcceptAllTrackedChanges and
.uno:RejectAllTrackedChanges commands, run headless by a Basic macro) give the text of the
clean export of the draft / of the base, paragraph by paragraph, footnotes included.

LibreOffice is installed by .ci/run; in CI (CI=true) its absence is a failure, elsewhere
the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from drafting_app.corpus.readers import read_document
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.export.tracked_docx import tracked_docx_bytes
from drafting_app.revisions.compare import compare
from tests.revisions.pairs import REAL_ROLLOVERS, as_draft, make_rollover

pytestmark = pytest.mark.slow
AUTHOR = "Penholder (Mexico)"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Decide(source As String, target As String, command As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, args())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.CurrentController.Frame, command, &quot;&quot;, 0, Array())
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;OpenDocument Text Flat XML&quot;
  doc.storeToURL(target, out())
  doc.setModified(False)
  doc.close(True)
End Sub
</script:module>
"""


def _soffice() -> str:
    path = shutil.which("soffice")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice is missing in CI: .ci/run must install it")
        pytest.skip("soffice is not installed")
    return path


def _pairs() -> dict[str, tuple]:
    r = make_rollover("resolution_10_3")
    b, n = REAL_ROLLOVERS["icc_2018_2025"]
    base, later = read_document(b), read_document(n)
    draft = as_draft(later)
    # The drafter fills in the session before circulating. (Left empty, the session line
    # is deleted whole; LibreOffice 7.4 anchors the page-placed masthead table to that
    # first line under it, and its Accept All drops the table with it. Word keeps it.)
    assert draft.masthead is not None
    draft.masthead.session = "Eightieth session"
    return {"made": (r.base, r.new), "icc": (base, later), "icc-draft": (base, draft)}


# A made rollover, the real one of 2018 → 2025, and the same as the draft New Revision
# makes (the adopted number and lines gone: the title's hanging indent changes too).
NAMES = ["made", "icc", "icc-draft"]


def _run(cmd: list[str], timeout: int = 180) -> None:
    """Run LibreOffice in a session of its own, so that a hang is killed whole."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"LibreOffice did not finish in {timeout} s: {' '.join(cmd)[:200]}")
    assert proc.returncode == 0, err.decode(errors="replace")


@pytest.fixture(scope="module")
def office() -> Iterator[Path]:
    """The tracked files converted by LibreOffice as they are, after its Accept All and
    after its Reject All, and the clean exports of both sides. (A folder of our own: on
    a shared machine pytest's base folder is pruned by other runs.)"""
    soffice = _soffice()
    work = Path(tempfile.mkdtemp(prefix="lo-tracked-"))
    try:
        profile = work / "profile"
        env = f"-env:UserInstallation={profile.as_uri()}"
        plain: list[str] = []
        decisions: list[tuple[Path, Path, str]] = []
        for name, (base, new) in _pairs().items():
            tracked = work / f"{name}.docx"
            tracked.write_bytes(tracked_docx_bytes(compare(base, new), author=AUTHOR))
            (work / f"{name}-new.docx").write_bytes(docx_bytes(new))
            (work / f"{name}-base.docx").write_bytes(docx_bytes(base))
            plain += [str(tracked), str(work / f"{name}-new.docx"), str(work / f"{name}-base.docx")]
            decisions.append(
                (tracked, work / f"{name}-accepted.fodt", ".uno:AcceptAllTrackedChanges")
            )
            decisions.append(
                (tracked, work / f"{name}-rejected.fodt", ".uno:RejectAllTrackedChanges")
            )
        # The first run makes the profile; the macro then goes into its Standard library.
        _run([soffice, env, "--headless", "--convert-to", "fodt", "--outdir", str(work), *plain])
        module = profile / "user" / "basic" / "Standard" / "Module1.xba"
        assert module.exists(), "LibreOffice made no user profile"
        module.write_text(_MACRO, encoding="utf-8")
        for source, target, command in decisions:
            call = f'macro:///Standard.Module1.Decide("{source.as_uri()}","{target.as_uri()}","{command}")'
            _run([soffice, env, "--headless", call])
            assert target.exists(), f"LibreOffice wrote no {target.name}"
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _text(el: etree._Element, skip_notes: bool = False) -> str:
    out: list[str] = [el.text or ""]
    for c in el:
        tag = c.tag
        if tag == f"{T}tab":
            out.append("\t")
        elif tag == f"{T}s":
            out.append(" " * int(c.get(f"{T}c", "1")))
        elif tag == f"{T}line-break":
            out.append(" ")
        elif tag == f"{T}note":
            body = c.find(f"{T}note-body")
            note = " ".join(_text(p) for p in body.iter(f"{T}p")) if body is not None else ""
            out.append(f"[{' '.join(note.split())}]")
        elif tag in (f"{T}tracked-changes", f"{T}change-start", f"{T}change-end", f"{T}change"):
            pass
        else:
            out.append(_text(c))
        out.append(c.tail or "")
    return "".join(out)


def paragraphs(fodt: Path) -> list[str]:
    """Every non-empty paragraph of the body in order (masthead cells included), with
    each footnote's text where it is marked."""
    root = etree.parse(str(fodt)).getroot()
    body = root.find(f"{OFFICE}body")
    assert body is not None
    out = []
    for p in body.iter(f"{T}p", f"{T}h"):
        if any(a.tag in (f"{T}note-body", f"{T}tracked-changes") for a in p.iterancestors()):
            continue
        text = _text(p)
        if text.strip():
            out.append(text)
    return out


def _written_property_changes(docx: Path) -> int:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return len(root.findall(f".//{W}pPrChange"))


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_lists_every_change_with_author_and_date(office: Path, name: str):
    root = etree.parse(str(office / f"{name}.fodt")).getroot()
    regions = list(root.iter(f"{T}changed-region"))
    kinds = [c.tag.split("}")[1] for r in regions for c in r]
    assert regions and {"insertion", "deletion"} <= set(kinds) <= {
        "insertion",
        "deletion",
        "UnknownChange",
    }
    # A paragraph-property revision (w:pPrChange: the room under a masthead whose last
    # line changed, a title's hanging indent) LibreOffice keeps as its "ParagraphFormat"
    # change, which it writes to ODF as an UnknownChange (in one or two pieces): on as
    # many paragraphs as we wrote one.
    formats = {r.get(f"{T}id") for r in regions if r.find(f"{T}UnknownChange") is not None}
    changed = set()
    for start in root.iter(f"{T}change-start"):
        if start.get(f"{T}change-id") in formats:
            changed.add(next(start.iterancestors(f"{T}p", f"{T}h")))
    assert len(changed) == _written_property_changes(office / f"{name}.docx")
    for r in regions:
        info = r.find(f".//{OFFICE}change-info")
        assert info is not None
        assert info.findtext(f"{DC}creator") == AUTHOR
        assert (info.findtext(f"{DC}date") or "").startswith("20")


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_accept_all_gives_the_draft(office: Path, name: str):
    assert paragraphs(office / f"{name}-accepted.fodt") == paragraphs(office / f"{name}-new.fodt")


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_reject_all_gives_the_base(office: Path, name: str):
    assert paragraphs(office / f"{name}-rejected.fodt") == paragraphs(office / f"{name}-base.fodt")
