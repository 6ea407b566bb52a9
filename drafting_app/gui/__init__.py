"""Everything PySide6: the composition root, the main window, its docks and dialogs."""
