"""drafting_app.citations package."""
