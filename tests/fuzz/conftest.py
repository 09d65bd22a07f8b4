"""Hypothesis profiles: ``short`` in ``make test``, ``soak`` for ``make soak``.

Each test says how many examples it runs in each (:func:`examples`): the
analysis of a text costs far more than checking a sheet.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("short", deadline=None, suppress_health_check=_SLOW_IS_FINE)
settings.register_profile(
    "soak", deadline=None, suppress_health_check=_SLOW_IS_FINE, print_blob=True
)
settings.load_profile("soak" if SOAK else "short")


def examples(short: int, soak: int) -> settings:
    """Settings for a test that runs ``short`` examples in make test, ``soak`` in make soak."""
    return settings(max_examples=soak if SOAK else short)
