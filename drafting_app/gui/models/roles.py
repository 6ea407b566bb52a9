"""Item data roles and index types shared by the window's item models."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

DOC_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PARAGRAPH_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
