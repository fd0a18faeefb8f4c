"""Articles for parents (to come)."""
