"""The fuzz and fault suite: Hypothesis strategies for hostile texts, sheets and search strings.

``make test`` runs a short run (profile ``short``); ``make soak`` a long one
(``HYPOTHESIS_PROFILE=soak``). Counts per test are in the README.
"""
