"""Printed documents: pre-filled forms and public-notice lists (reportlab PDF).

Form wording and fields are data (``forms/*.toml``, see ``forms/README.md``); this package only lays
them out. Nothing here touches the database: :mod:`advisor_app.services.documents` loads the
household and its eligibility result and hands them over.
"""
