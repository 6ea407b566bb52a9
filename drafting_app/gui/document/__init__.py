"""The draft: its controller and undo stack, editor, outline, footnotes, reference dialogs."""
