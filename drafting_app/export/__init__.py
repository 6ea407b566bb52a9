"""Export of a resolution as the UN prints it: one intermediate form (blocks) feeding a Word
writer, an HTML preview and (in the GUI) a PDF writer."""
