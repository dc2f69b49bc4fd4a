"""Catalogs: locating them, loading their YAML (streamed), the JSON Schema, validation, and
running the checks a catalog declares."""
