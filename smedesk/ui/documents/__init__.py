"""Document lists: the table model, the page, and what its buttons do."""
