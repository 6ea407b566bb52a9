"""Negotiation mode on the command line: the state of a negotiation (``drafting-app
status``), the texts to circulate (``drafting-app export --mode``) and negotiation
scenarios replayed from a file (``drafting-app negotiate``)."""
