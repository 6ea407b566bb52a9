"""The corpus browser, search panel, reading view, background worker and the corpus port."""
