"""drafting_app.clauses package."""
