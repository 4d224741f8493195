"""Persistence: the engine factory, typed models, migrations and repositories."""
