"""Settings live in base.py; dev, test and production adjust it."""
