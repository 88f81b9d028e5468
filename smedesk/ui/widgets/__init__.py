"""Small self-contained widgets that several screens use."""
