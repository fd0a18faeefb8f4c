"""Offices, their pages and the inquiries addressed to them (issue #3, #4)."""
