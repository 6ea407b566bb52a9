"""drafting_app.checks package."""
