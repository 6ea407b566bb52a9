"""The clause picker: agreed language with its provenance, clause templates and deviations."""
