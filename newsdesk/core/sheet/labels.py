"""Entity labels and the groups editors read facts under.

spaCy's OntoNotes labels are the entity ``label`` in the contract; editors read
them in five groups (People, Organisations, Places, Groups, Other), and the
other kinds of fact in three more (Figures, Dates, Quotes). Extraction keeps
only these labels, the edit dialog offers them, the sheet lists by these groups.
"""

from __future__ import annotations

# The labels a name can carry, in the order the editor is offered them.
ENTITY_LABELS: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
)

# Group keys in display order, with their English titles (the GUI translates its own).
GROUPS: tuple[str, ...] = (
    "people",
    "organisations",
    "places",
    "groups",
    "other",
    "figures",
    "dates",
    "quotes",
)
GROUP_TITLES: dict[str, str] = {
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
    "groups": "Groups",
    "other": "Other",
    "figures": "Figures",
    "dates": "Dates",
    "quotes": "Quotes",
}
# Labels not listed here (EVENT, LAW …) are "other".
ENTITY_GROUPS: dict[str, str] = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "places",
    "LOC": "places",
    "FAC": "places",
    "NORP": "groups",
}


def entity_group(label: str) -> str:
    """The group key for a spaCy entity label (``"PERSON"`` → ``"people"``)."""
    return ENTITY_GROUPS.get(label, "other")
