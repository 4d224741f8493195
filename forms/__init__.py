"""The form definitions the app ships, installed as ``advisor_app.forms``.

This file only makes the folder a package so that ``importlib.resources`` finds it, in a wheel and in an
editable install alike (see pyproject.toml and advisor_app/shipped.py). Nothing is imported from here.
"""
