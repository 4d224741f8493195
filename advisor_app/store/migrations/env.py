"""Alembic environment: always run with a connection handed in by ``advisor_app.store.migrate``."""

from alembic import context

from advisor_app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through advisor_app.store.migrate, which supplies the connection.")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
