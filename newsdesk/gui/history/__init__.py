"""Saved versions: the history list, the library, version and comparison dialogs.

Given the store, the story session and the widgets they act on; none imports
the window.
"""
