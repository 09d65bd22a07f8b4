"""The facts pane: the tree and its model, cell editors, the fact editor, corrections,
the verification pass and the undo history.

Helpers here are given the story session and the few widgets they act on;
none imports the window.
"""
