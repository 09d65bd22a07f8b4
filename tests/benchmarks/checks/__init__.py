"""The desk checks benchmark: planted problems and clean stories (``make bench``)."""
