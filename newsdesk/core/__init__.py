"""Domain and NLP: fact-sheet types, wire cleanup, extraction and rendering.

Nothing here imports Qt or the storage layer.
"""
