"""Project files, atomic saves, crash recovery and application settings (issue 11).

Nothing of the user's is ever overwritten in place: every write goes to a temporary file
in the same folder, is flushed to disk, then replaces the old file in one step.
"""
