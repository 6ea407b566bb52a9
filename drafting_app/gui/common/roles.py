"""Item data roles and index types shared by the window's item models."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

DOC_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PARAGRAPH_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2

# What the clause picker drags onto the outline: "kind:key" (a clause group or template).
CLAUSE_MIME = "application/x-drafting-clause"

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
