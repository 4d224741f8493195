"""advisor_app: the 救助顾问 (social-assistance advisor) desktop tool."""

__version__ = "0.1.0"
