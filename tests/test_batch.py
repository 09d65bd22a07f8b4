"""How a JSONL batch is cut into bundles for the worker processes (``extract --jobs``)."""

from __future__ import annotations

import pytest

from newsdesk.cli.batch import BUNDLE, MIN_BUNDLE, Item, _bundles


def _cut(stories: int) -> list[list[int]]:
    return [
        [item.line for item in bundle]
        for bundle in _bundles(Item(n, None, "") for n in range(stories))
    ]


@pytest.mark.parametrize("stories", [0, 1, 7, 31, 64, 65, 160, 1000])
def test_bundles_hold_every_story_once_in_input_order(stories: int) -> None:
    bundles = _cut(stories)
    assert [line for bundle in bundles for line in bundle] == list(range(stories))
    assert all(0 < len(bundle) <= BUNDLE for bundle in bundles)


def test_a_long_batch_goes_in_whole_bundles_and_ends_in_small_ones() -> None:
    """So the workers finish together: the last bundles are a quarter of what is left."""
    sizes = [len(bundle) for bundle in _cut(160)]
    assert sizes == [32, 32, 32, 32, 8, 8, 8, 8]
    tail = [len(bundle) for bundle in _cut(1000)][-5:]
    assert tail == [10, MIN_BUNDLE, MIN_BUNDLE, MIN_BUNDLE, 6]
