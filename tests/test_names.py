"""One name, one fact: every mention of a known name, aliases, offices, credits and cut names.

Run on the real pinned model: each rule has a case it must fix and a case it
must leave alone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdesk.core.article.wire import mask_furniture
from newsdesk.core.extract import Extractor
from newsdesk.core.extract.gazetteer import fold, gazetteer
from newsdesk.core.sheet.model import Entity, FactSheet


def _named(sheet: FactSheet, name: str) -> Entity:
    found = [e for e in sheet.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in sheet.entities]}"
    return found[0]


def _mentions(sheet: FactSheet, name: str) -> list[str]:
    return [m.text for m in _named(sheet, name).mentions]


PALMYRA = (
    "Syrian army strikes Islamic State near Palmyra\n\n"
    "BEIRUT, Sept 25 (Reuters) - The Syrian army carried out air strikes on Islamic State "
    "fighters near Palmyra on Friday, a monitor said. Islamic State, also known as ISIS or "
    "ISIL, seized the city in May.\n\n"
    "U.S. Secretary of State John Kerry said the coalition would keep up its campaign "
    'against ISIL in Iraq and Syria. "ISIS is losing ground," Kerry said.\n\n'
    "A spokesman for the State Department said talks would go on."
)


def test_aliases_the_story_gives_are_one_fact_and_an_office_is_no_mention(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(PALMYRA)
    islamic_state = _named(sheet, "Islamic State")
    words = [m.text for m in islamic_state.mentions]
    assert words.count("ISIS") == 2 and words.count("ISIL") == 2
    assert islamic_state.label == "ORG"
    text = sheet.article.text
    office = text.index("Secretary of State") + len("Secretary of ")
    for entity in sheet.entities:
        for mention in entity.mentions:
            assert not (mention.start <= office < mention.end), (
                f"'State' of 'Secretary of State' is a mention of {entity.name}"
            )
    # The hard negative: "State" of "State Department" is another thing's name.
    assert all("Department" not in m for m in words)


def test_an_acronym_spelling_a_name_and_the_places_of_the_story_is_that_name(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        "Syrian army strikes near Palmyra\n\n"
        "BEIRUT (Reuters) - The Syrian army struck Islamic State fighters near Palmyra. "
        "The coalition would keep fighting ISIS in Iraq and Syria, officials said."
    )
    assert "ISIS" in _mentions(sheet, "Islamic State")
    # The United Nations is not UNHCR: no places in the story spell "HCR".
    agencies = extractor.extract(
        "The United Nations said UNHCR needed money for Chad and Cameroon. "
        "UNHCR said it would ask Rwanda."
    )
    assert "UNHCR" not in " ".join(m.text for m in _named(agencies, "United Nations").mentions)


def test_a_name_found_once_is_found_at_every_mention(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "ECB holds rates\n\n"
        "FRANKFURT (Reuters) - The ECB kept rates on hold on Thursday. ECB President "
        "Christine Lagarde said the ECB would act if needed. Economists expect the ECB "
        "to wait until June, and the ECB board meets again in July."
    )
    assert _mentions(sheet, "ECB").count("ECB") == 6  # the headline's and five in the body


def test_words_of_a_longer_name_or_a_sentence_opening_are_not_mentions(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        "Mayor meets Washington officials\n\n"
        "The mayor flew to Washington on Monday. He said he read the Washington Post "
        "every day. Will Smith will attend the dinner. Will the talks go on?"
    )
    washington = [e for e in sheet.entities if e.name == "Washington"]
    assert washington and all(
        sheet.article.text[m.end : m.end + 5] != " Post" for m in washington[0].mentions
    )
    for entity in sheet.entities:
        for mention in entity.mentions:
            assert sheet.article.text[mention.start : mention.end + 10] != "Will the t"


def test_a_bracketed_acronym_joins_the_name_before_it(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Quake toll rises\n\n"
        "ANKARA (Reuters) - The Disaster and Emergency Management Authority (AFAD) said "
        "rescuers were still searching. AFAD said 3,000 buildings had collapsed, and AFAD "
        "teams were sent to the south. The World Health Organization said it was ready."
    )
    authority = _named(sheet, "Disaster and Emergency Management Authority")
    assert [m.text for m in authority.mentions].count("AFAD") == 3
    # The other organisation keeps its own fact.
    assert _named(sheet, "World Health Organization").id != authority.id


def test_a_company_with_and_without_its_legal_form_is_one_fact(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Northwind Foods profit rises\n\n"
        "LONDON (Reuters) - Northwind Foods Plc said profit rose 12% in the year. "
        "Shares in Northwind Foods rose 3%. Northwind said it would open 20 stores."
    )
    northwind = _named(sheet, "Northwind Foods Plc")
    assert [m.text for m in northwind.mentions][:3] == [
        "Northwind Foods",  # the headline's
        "Northwind Foods Plc",
        "Northwind Foods",
    ]
    # The first word alone, where the tagger finds it, is the same company.
    assert [e.id for e in sheet.entities if e.name.startswith("Northwind")] == [northwind.id]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("South Korean President Moon Jae-in met officials in Seoul.", "Moon Jae-in"),
        ("Commission President Ursula von der Leyen spoke.", "Ursula von der Leyen"),
        ("Washington Governor Jay Inslee - He said the state would act.", "Jay Inslee"),
    ],
)  # fmt: skip
def test_cut_and_run_on_names_are_read_to_their_end(
    extractor: Extractor, sentence: str, name: str
) -> None:
    sheet = extractor.extract(sentence)
    assert name in [e.name for e in sheet.entities]


def test_a_hyphenated_adjective_is_not_part_of_the_name(extractor: Extractor) -> None:
    sheet = extractor.extract("The Warhol-like prints were sold by Christie's in New York.")
    assert all("-like" not in e.name for e in sheet.entities)


def test_a_name_never_runs_over_a_line_break(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Talks stall\n\nPhotograph taken by Antonio Bronic\nLONDON (Reuters) - Britain's "
        "trade minister said on Monday talks would resume."
    )
    assert all("\n" not in m.text for e in sheet.entities for m in e.mentions)


def test_credits_and_slideshow_lines_give_no_names(extractor: Extractor) -> None:
    text = (
        "Firefighters battle blaze\n\n"
        "Slideshow (5 Images)\n\n"
        "Firefighters at the scene in Athens. REUTERS/Denis Balibouse\n\n"
        "Credit: AP\n\n"
        "ATHENS (Reuters) - Firefighters battled a wildfire near Athens on Sunday, the fire "
        "service said. Firefighters work near the coast. Image: Nick Moreau."
    )
    sheet = extractor.extract(text)
    names = {e.name for e in sheet.entities}
    assert not names & {"Slideshow", "Denis Balibouse", "Nick Moreau", "AP"}
    assert "Athens" in names  # the story's own place is found, in the caption too
    assert mask_furniture("Belle Image: Nick Moreau.").rstrip() == "Belle"


def test_a_name_the_story_gives_is_found_in_a_credit_too(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "NASA picks museums\n\n"
        "NASA said on Tuesday which museums would get the shuttles. NASA chose four.\n"
        "The shuttle on the launch pad. Image: NASA."
    )
    assert len(_named(sheet, "NASA").mentions) == 4  # headline, two in the body, the credit


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # Towns the tagger calls organisations are places the gazetteer knows.
        ("Rescuers reached Sapporo on Monday, and Sapporo officials said roads were shut.",
         "Sapporo", "GPE"),
        ("Evansville is home to the university, and Evansville has two museums.",
         "Evansville", "GPE"),
        # A person named like a town stays a person.
        ("Mr Jackson said on Monday he would resign. Michael Jackson is 50.",
         "Michael Jackson", "PERSON"),
        # A building's or site's name is a place (a facility); a body "of" a place is not.
        ("Astronauts trained at the Johnson Space Center for a year.",
         "Johnson Space Center", "FAC"),
        ("The Bank of England raised rates on Thursday.", "Bank of England", "ORG"),
        # The copy calls it a company; a person's title says otherwise.
        ("Drugmaker Pfizer said its vaccine worked. Pfizer will ask regulators.",
         "Pfizer", "ORG"),
        ("Shares in Ted Baker fell 9% after Ted Baker warned on profit.", "Ted Baker", "ORG"),
        ("Mr Ted Baker said shares in the firm fell.", "Ted Baker", "PERSON"),
        # An organisation's head word outweighs a person reading.
        ("The Disaster and Emergency Management Authority said rescuers were searching.",
         "Disaster and Emergency Management Authority", "ORG"),
    ],
)  # fmt: skip
def test_labels_settled_by_evidence(extractor: Extractor, text: str, name: str, label: str) -> None:
    assert _named(extractor.extract(text), name).label == label


def test_the_gazetteer_knows_countries_states_and_towns_with_accents_folded() -> None:
    places = gazetteer()
    assert places.place("Japan") is not None and places.place("Japan").kind == "country"  # type: ignore[union-attr]
    assert places.is_place("Texas") and places.is_place("Sapporo")
    assert places.is_place("Adiyaman") and fold("Adıyaman") == "adiyaman"
    assert not places.is_place("Pfizer") and not places.is_place("Slideshow")


def test_the_gazetteer_read_from_its_copy_is_the_one_built() -> None:
    from newsdesk.core.extract import gazetteer as module

    build = module.gazetteer.__wrapped__  # type: ignore[attr-defined]
    (home := Path(os.environ["NEWSDESK_HOME"]) / "cache").mkdir(parents=True, exist_ok=True)
    first = build()  # built, and its copy written
    (copy,) = home.glob("gazetteer-*.marshal")
    second = build()  # read from the copy
    assert second._places == first._places and len(second) > 30_000
    copy.write_bytes(b"not marshal")  # a damaged copy is built again and written anew
    assert build()._places == first._places
    assert module._read_copy(copy) == first._places


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("(Reporting by Tom Perry; Additional reporting by Maha El Dahan in Beirut; "
         "Editing by Alison Williams)", True),
        ("Reporting by Tom Perry and Lisa Barrington; Editing by Alison Williams", True),
        ("Purchase Licensing Rights, opens new tab", True),
        ("Slideshow (5 Images)", True),
        # Sentences that open like a credit are the story's.
        ("Reporting by the agency showed costs rose sharply, officials said.", False),
        ("Editing by hand is slow.", False),
    ],
)  # fmt: skip
def test_the_agency_credit_line_is_furniture(line: str, furniture: bool) -> None:
    from newsdesk.core.article.wire import is_furniture

    assert is_furniture(line) is furniture


def test_reuters_style_names_read_as_the_desk_reads_them(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Quake toll rises\n\n"
        "ADIYAMAN, Turkey, Feb 8 (Reuters) - Turkey's Disaster and Emergency Management "
        "Authority (AFAD) said rescuers were still searching. The European Union said the EU "
        "would host a donors' conference. Pfizer's chief executive Albert Bourla said the "
        "company would donate medicines. Kremlin spokesman Dmitry Peskov said Putin's "
        "spokesman would speak later. JR Hokkaido suspended trains in Hokkaido. South "
        "Korean President Moon Jae-in sent condolences, and Moon said Seoul would help."
    )
    labels = {e.name: e.label for e in sheet.entities}
    authority = _named(sheet, "Disaster and Emergency Management Authority")
    assert authority.label == "ORG" and "AFAD" in [m.text for m in authority.mentions]
    assert "EU" in _mentions(sheet, "European Union")
    assert labels["Pfizer"] == "ORG"
    assert labels.get("Putin", "PERSON") == "PERSON"  # a person has a spokesman too
    assert labels["JR Hokkaido"] == "ORG" and labels["Hokkaido"] in ("GPE", "LOC")
    assert "Moon" in _mentions(sheet, "Moon Jae-in")


def test_a_spokeswoman_for_an_organisation_keeps_its_name(extractor: Extractor) -> None:
    """An office's portfolio ("Secretary of State") is no name; the body a spokeswoman
    speaks for is one ("a spokeswoman for the World Food Programme")."""
    sheet = extractor.extract(
        "Aid waits near Damascus\n\n"
        "A spokeswoman for the World Food Programme in Damascus, Joelle Eid, said trucks "
        "carrying flour were waiting. The chief of the Red Crescent said roads were closed."
    )
    names = [e.name for e in sheet.entities]
    assert "World Food Programme" in names
    assert _named(sheet, "World Food Programme").label == "ORG"


def test_titles_acronyms_and_common_nouns_say_what_a_name_is(extractor: Extractor) -> None:
    """A title before a two-word name says person; a name in capitals is no city spelled
    like it."""
    sheet = extractor.extract(
        "Ruins damaged in Syria\n\n"
        "UNESCO director-general Irina Bokova said the destruction was a crime. State news "
        "agency SANA said the army had retaken the area. Many were sleeping in mosques, "
        "residents said."
    )
    labels = {e.name: e.label for e in sheet.entities}
    assert labels.get("Irina Bokova") == "PERSON"
    assert labels.get("SANA") == "ORG"


def test_a_body_named_for_its_cause_is_an_organisation_and_a_plural_noun_no_name(
    extractor: Extractor,
) -> None:
    """The head of "Syrian Observatory for Human Rights" is "Observatory", not "Rights"."""
    sheet = extractor.extract(
        "Monitor counts the dead\n\n"
        "The Syrian Observatory for Human Rights said 40 people died. The Committee to "
        "Protect Journalists said two reporters were held. Many were sleeping in mosques, "
        "residents said."
    )
    labels = {e.name: e.label for e in sheet.entities}
    assert labels.get("Syrian Observatory for Human Rights") == "ORG"
    assert "mosques" not in labels


def test_a_town_is_not_the_short_form_of_an_organisation_named_after_it(
    extractor: Extractor,
) -> None:
    """The dateline's HARBOURTON and "off Harbourton" are the town, not the union."""
    sheet = extractor.extract(
        "Strike Leaves Ships Waiting Off Harbourton\n\n"
        "HARBOURTON, March 3 (Newsdesk Wire) - Ships were anchored off Harbourton on "
        "Tuesday. The Harbourton Dockworkers Union, which represents about 2,300 workers, "
        "walked out."
    )
    union = _named(sheet, "Harbourton Dockworkers Union")
    assert [m.text for m in union.mentions] == ["The Harbourton Dockworkers Union"]
    town = _named(sheet, "Harbourton")
    assert town.label == "GPE"  # the dateline says where the story was filed


def test_the_datelines_place_is_a_place_whatever_the_tagger_votes(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Mill Closes\n\n"
        "KESTREL FORD, June 9 (Newsdesk Wire) - The paper mill at Kestrel Ford shut on "
        "Monday. Kestrel Ford had depended on it for a century, the Kestrel Ford Trust said."
    )
    assert _named(sheet, "Kestrel Ford").label == "GPE"
    assert _named(sheet, "Kestrel Ford Trust").label == "ORG"
    assert _named(sheet, "Newsdesk Wire").label == "ORG"


def test_an_adjective_opening_a_sentence_is_no_name(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Postal votes made up nearly a third of the total. Beijing officials said little."
    )
    assert [e.name for e in sheet.entities] == ["Beijing"]


def test_words_without_a_capital_are_no_name(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Dockers gathered at the north gate of the port on Monday. Shares of eBay rose 3%."
    )
    assert [e.name for e in sheet.entities] == ["eBay"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Palmyra is a UNESCO World Heritage site in Syria.", "Palmyra"),
        ("Kestrel Ford, a port town of 40,000 people, depends on the mill.", "Kestrel Ford"),
    ],
)
def test_a_name_the_copy_calls_a_place_is_a_place(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _named(extractor.extract(text), name).label == "GPE"


def test_a_person_described_by_a_place_word_stays_a_person(extractor: Extractor) -> None:
    sheet = extractor.extract("John Smith, a city councillor, spoke at the meeting.")
    assert _named(sheet, "John Smith").label == "PERSON"
