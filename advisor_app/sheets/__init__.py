"""Spreadsheet files: reading rosters and department lists (xlsx, xls, ods, csv), the cells' values
as the app's values (:mod:`.cells`), and the rows of an import as the services see them
(:mod:`.model`). A middle layer: it imports only :mod:`advisor_app.domain`."""
