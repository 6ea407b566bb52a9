"""The checks panel: findings of the open draft, with their evidence and fixes."""
