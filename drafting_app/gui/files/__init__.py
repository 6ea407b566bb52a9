"""Open, save, import, export and recovery of drafts, and the file guards."""
