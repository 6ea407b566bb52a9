"""Issue 20 item 8: a double-click on a draft opens it in the app — the .unres.json type is
declared for Linux (shared-mime-info + the .desktop file), Windows (the installer's
per-user registry entries) and macOS (the bundle's Info.plist), each handing the file to
``drafting-app FILE``."""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DRAFT_TYPE = "application/x-unres+json"


def test_linux_declares_the_draft_type_and_opens_it_with_the_app() -> None:
    mime = etree.parse(str(PACKAGING / "linux" / "drafting-app-mime.xml"))
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (kind,) = mime.getroot().findall("m:mime-type", ns)
    assert kind.get("type") == DRAFT_TYPE
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.unres.json"]
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(PACKAGING / "linux" / "drafting-app.desktop")
    entry = desktop["Desktop Entry"]
    assert DRAFT_TYPE in entry["MimeType"].split(";")
    assert entry["Exec"] == "drafting-app %F"  # the files as arguments
    build = (PACKAGING / "build").read_text()
    assert "drafting-app-mime.xml" in build  # shipped in the Linux tarball


def test_windows_installer_registers_the_type_per_user() -> None:
    iss = (PACKAGING / "windows" / "drafting-app.iss").read_text()
    assert "ChangesAssociations=yes" in iss
    registry = [ln for ln in iss.splitlines() if ln.startswith("Root: HKCU")]
    assert any("DraftingApp.Draft\\shell\\open\\command" in ln for ln in registry)
    assert any('""%1""' in ln for ln in registry)  # the file handed to drafting-app.exe
    assert not any(ln.startswith("Root: HKLM") for ln in iss.splitlines())  # no admin


def test_macos_bundle_declares_the_draft_type() -> None:
    spec = ast.parse((PACKAGING / "drafting-app.spec").read_text())
    plist = next(
        kw.value
        for node in ast.walk(spec)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "info_plist"
    )
    info = ast.literal_eval(ast.unparse(plist).replace("version", "'0'"))
    (declared,) = info["UTExportedTypeDeclarations"]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["unres.json"]
    owners = [d for d in info["CFBundleDocumentTypes"] if d["LSHandlerRank"] == "Owner"]
    assert owners[0]["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]


def test_shared_mime_info_reads_the_declaration(tmp_path: Path) -> None:
    """The XML as the desktop's own tool compiles it (skipped where shared-mime-info is
    not installed: it is a desktop package, not the app's)."""
    import shutil
    import subprocess

    import pytest

    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("shared-mime-info is not installed")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "drafting-app-mime.xml", packages)
    subprocess.run([tool, str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert f"60:{DRAFT_TYPE}:*.unres.json" in globs
