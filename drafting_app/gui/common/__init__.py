"""Small widgets shared by the feature packages (delegates, read-only HTML view, Qt guards)."""
