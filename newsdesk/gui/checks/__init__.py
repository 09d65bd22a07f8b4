"""The Checks panel: the desk checks of the open story, resolved or dismissed with a note.

The panel and its dock, the table model over the checks, and the editor's
words to weigh. Helpers here are given the story session and the few widgets
they act on; none imports the window.
"""
