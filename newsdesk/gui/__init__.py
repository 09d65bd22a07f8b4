"""The desktop window: the only package that imports PySide6.

Widgets and item models here are thin adapters over the plain dataclasses in
``newsdesk.core``; long-lived collaborators (store, task runner, extractor
loader) are built in ``newsdesk.app`` and passed in.
"""
