"""Helpers that start real throwaway services (PostgreSQL, Redis, SMTP, Chromium) for tests."""
