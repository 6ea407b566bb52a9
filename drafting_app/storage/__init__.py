"""drafting_app.storage package."""
