"""New story or update of the open one: the answer offered first when copy is pasted over."""

from __future__ import annotations

from newsdesk.core.work.identity import headline_of, is_update, word_overlap
from tests.conftest import sample_text

PALMYRA = (
    "Syrian army carries out air strikes near Palmyra\n\n"
    "BEIRUT (Newsdesk Wire) - The Syrian army carried out at least 25 air strikes near the "
    "ancient city of Palmyra on Friday, a monitoring group said, as government forces pressed "
    "an offensive against Islamic State fighters holding the desert town."
)
UPDATE = (
    "UPDATE 1-Syrian army steps up air strikes around Palmyra\n\n"
    "BEIRUT (Newsdesk Wire) - The Syrian army carried out at least 40 air strikes near the "
    "ancient city of Palmyra on Saturday, the monitoring group said, widening an offensive "
    "against Islamic State fighters who hold the desert town and its ruins."
)
QUAKE = (
    "Strong earthquake shakes eastern Turkey\n\n"
    "ANKARA (Newsdesk Wire) - A magnitude 6.1 earthquake struck eastern Turkey early on "
    "Tuesday, damaging buildings in several villages, the disaster agency said."
)


def test_a_wire_update_is_recognised_by_its_words_and_headline() -> None:
    assert headline_of(UPDATE) == "Syrian army steps up air strikes around Palmyra"
    assert is_update(PALMYRA, UPDATE)


def test_another_story_is_not_an_update() -> None:
    assert not is_update(PALMYRA, QUAKE)
    assert not is_update(sample_text("flood_relief.txt"), sample_text("budget_money.txt"))


def test_overlap_is_a_share_of_distinctive_words() -> None:
    assert word_overlap("", PALMYRA) == 0.0
    assert word_overlap(PALMYRA, PALMYRA) == 1.0
    assert 0 < word_overlap(PALMYRA, QUAKE) < 0.2
