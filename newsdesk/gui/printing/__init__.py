"""Paper and files: page layout and painting, print options, export and import.

The layout itself comes from :mod:`newsdesk.core.output`; this package owns
Qt's printer and PDF writer. None of it imports the window.
"""
