"""The house register in the window: the table and dialog, and the recorder of corrections.

``register_model`` (the entries as a table), ``register_dialog`` (list,
search, edit, switch off, delete, CSV import and export) and ``keeper`` (the
window's link to the stored register: it records what corrections teach,
follows undo, and hands the register to the extractor when it changes). Like
every helper of the window, nothing here imports the window.
"""
