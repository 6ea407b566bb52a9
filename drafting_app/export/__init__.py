"""drafting_app.export package."""
