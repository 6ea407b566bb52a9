"""Times New Roman for the page, the print and the PDF, on every machine.

UN documents are set in Times New Roman 10 pt (UN_FORMAT.md §7), and the page, the PDF
export and the reading of the app's own PDF rely on its metrics: where a line breaks,
where the masthead's date stands. A machine without it (or without Liberation Serif or
Tinos, the fonts made to its metrics, which fontconfig puts in its place) would set the
text in whatever serif it has — DejaVu Serif on a bare Debian, wider, with ligatures —
and the PDF then laid out differently from the Word export and read back wrong. The app
ships Liberation Serif 2 (SIL Open Font License, resources/fonts/) and, on such a
machine only, registers it as the face that "Times New Roman" stands for.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from drafting_app.paths import resources_dir

TIMES = "Times New Roman"
# Fonts with Times New Roman's metrics: each sets a line exactly as it does.
METRIC_TWINS = (TIMES, "Liberation Serif", "Tinos")
BUNDLED = "Liberation Serif"
_FACES = ("Regular", "Bold", "Italic", "BoldItalic")

_family: str | None = None


def times_family() -> str:
    """The family that sets "Times New Roman" here, the bundled Liberation Serif
    registered first when the machine has no font of its metrics. Needs the
    QGuiApplication; asked once, then remembered."""
    global _family
    if _family is not None:
        return _family
    family = QFontInfo(QFont(TIMES)).family()
    if family not in METRIC_TWINS:
        folder = resources_dir() / "fonts"
        loaded = [
            QFontDatabase.addApplicationFont(str(folder / f"LiberationSerif-{face}.ttf"))
            for face in _FACES
        ]
        if all(i >= 0 for i in loaded):
            QFont.insertSubstitution(TIMES, BUNDLED)
            family = QFontInfo(QFont(TIMES)).family()
    _family = family
    return family
