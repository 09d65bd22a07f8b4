"""The article pane: the editor, its fact highlights, the legend, Python↔Qt offsets.

May import :mod:`newsdesk.core` and the shared look in :mod:`newsdesk.gui.kinds`;
never the window.
"""
