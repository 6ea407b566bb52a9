"""drafting_app.gui package."""
