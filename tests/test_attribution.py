"""Who said it and who says so: speakers and figure sources from grammar and discourse."""

from __future__ import annotations

import pytest

from newsdesk.core.extract import Extractor
from newsdesk.core.sheet.model import FactSheet, Figure, Quote

PALMYRA = (
    "Russian jets strike near Palmyra\n\n"
    "BEIRUT, Sept 25 (Reuters) - Syrian army warplanes carried out at least 25 air strikes "
    "around Palmyra on Friday, killing 26 people, the Syrian Observatory for Human Rights "
    "said. It added that 12 of the dead were fighters.\n\n"
    "On Friday, U.S. Secretary of State John Kerry said President Barack Obama saw military "
    "talks with Russia as important for avoiding conflict.\n\n"
    '"Our focus remains on destroying ISIL and a political settlement that cannot include '
    'the long-term presence of Assad," he told reporters. "We\'re looking for ways in which '
    'to find a common ground."'
)


def speaker(sheet: FactSheet, quote: Quote) -> str | None:
    entity = sheet.entity(quote.speaker)
    return entity.name if entity is not None else None


def quote_with(sheet: FactSheet, words: str) -> Quote:
    return next(q for q in sheet.quotes if words in q.text)


def figure(sheet: FactSheet, words: str) -> Figure:
    return next(f for f in sheet.figures if f.text == words)


def test_both_kerry_quotes_go_to_kerry_not_to_names_about_him(extractor: Extractor) -> None:
    sheet = extractor.extract(PALMYRA)
    first, second = quote_with(sheet, "Our focus"), quote_with(sheet, "common ground")
    assert speaker(sheet, first) == "John Kerry"
    assert first.speaker_mention is not None and first.speaker_mention.text == "he"
    assert first.speaker_basis == "pronoun"
    assert speaker(sheet, second) == "John Kerry"


def test_a_figure_source_carries_through_it_added(extractor: Extractor) -> None:
    sheet = extractor.extract(PALMYRA)
    for words, basis in (("at least 25", "named"), ("26", "named"), ("12", "pronoun")):
        found = figure(sheet, words)
        source = sheet.entity(found.source)
        assert source is not None and "Observatory" in source.name, words
        assert found.source_basis == basis, words


@pytest.mark.parametrize(
    ("text", "words", "name", "basis"),
    [
        # inverted, with a title before the name
        ('"We will hold the line," said police spokesman Hamid Osman.', "hold", "Hamid Osman",
         "named"),
        # participle: the speaker of "telling" is the subject of "said"
        ('Rita Okoye spoke at the port. Later she left, telling reporters: "The ships will not '
         'sail until the dispute is settled."', "ships", "Rita Okoye", "pronoun"),
        # passive "was quoted as saying"
        ('Mayor Ian Voss was quoted as saying that "the budget is simply not enough."',
         "budget", "Ian Voss", "named"),
        # a cue from the wider lexicon
        ('"Nobody here has slept for three nights," Ada Brim tweeted on Monday.', "slept",
         "Ada Brim", "named"),
        # a credit line
        ('Pundits weighed in.\n\nMeghan Tallis, Twitter: "This is a disgrace for the whole '
         'league."', "disgrace", "Meghan Tallis", "named"),
    ],
)  # fmt: skip
def test_the_speaker_is_who_does_the_saying(
    extractor: Extractor, text: str, words: str, name: str, basis: str
) -> None:
    sheet = extractor.extract(text)
    quote = quote_with(sheet, words)
    assert speaker(sheet, quote) == name
    assert quote.speaker_basis == basis


def test_he_is_the_speaker_of_the_discourse_not_the_object_of_the_sentence(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        "Talks stall\n\nForeign Minister Karl Dessen told Ana Ruiz on Monday that the deal "
        'was dead. "We have nothing more to discuss with them," he said.'
    )
    assert speaker(sheet, quote_with(sheet, "nothing more")) == "Karl Dessen"


def test_a_quote_opening_the_next_paragraph_continues_the_last_speaker(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        'Strike\n\n"We fly these planes through storms at night," said Greta Lowe, the union '
        'president.\n\n"We are asking only for what we were promised in 2020."\n\n'
        "Airline chief Mark Doran said the strike was regrettable."
    )
    later = quote_with(sheet, "promised")
    assert speaker(sheet, later) == "Greta Lowe"
    assert later.speaker_basis == "continuation"


def test_a_colon_introduction_names_the_writer(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Letters found\n\nIn one letter, dated 1971, the poet Hilde Marsh wrote to a friend:\n\n"
        '"I have stopped going to readings, because they want the girl who wrote the early '
        'poems."'
    )
    assert speaker(sheet, quote_with(sheet, "readings")) == "Hilde Marsh"


@pytest.mark.parametrize(
    "text",
    [
        # a sign, and a chant: nobody speaks
        'The fete returned.\n\nA banner over the gate said: "Welcome back, we missed you all."',
        'Children ran between the stalls chanting "More cake, more cake, more cake!" all day.',
        # two people, and "one of them": no speaker rather than a wrong one
        "The chairwoman, Judith Penrose, and the vicar, Alan Moor, opened the day. "
        '"It is wonderful to see the green full again," one of them said.',
        # junk words are never speakers
        '"Thanks to everyone who baked and carried the tables," read a notice on the tent.',
    ],
)
def test_no_speaker_rather_than_a_wrong_one(extractor: Extractor, text: str) -> None:
    sheet = extractor.extract(text)
    for quote in sheet.quotes:
        assert quote.speaker is None, quote.text


def test_an_unresolvable_pronoun_gives_no_speaker(extractor: Extractor) -> None:
    sheet = extractor.extract('"We will be back next year with a bigger show," she said.')
    (quote,) = sheet.quotes
    assert quote.speaker is None
    assert quote.speaker_basis == "none"


@pytest.mark.parametrize(
    ("text", "words", "phrase"),
    [
        ("The bombardment wounded more than 40 people, according to police in the city.",
         "more than 40", "according to police in the city"),
        ("A source told Reuters that 300 families had fled the town.", "300",
         "A source told Reuters"),
        ("The health ministry put the toll at 45 on Sunday.", "45", "The health ministry"),
        ("Officials said about 3,000 homes had no power.", "about 3,000", "Officials"),
        # the parser reads "shipping" as a verb with "analysts" its object
        ("About 40 ships are waiting, according to shipping analysts at Coastline Data.",
         "About 40", "according to shipping analysts at Coastline Data"),
        ("Prices rose 3%, according to trading desks in the city.", "3%",
         "according to trading desks in the city"),
    ],
)  # fmt: skip
def test_figure_sources_are_phrases(
    extractor: Extractor, text: str, words: str, phrase: str
) -> None:
    found = figure(extractor.extract(text), words)
    assert found.source_text == phrase
    assert found.source_basis == "named"


def test_a_source_carries_to_the_next_sentence_of_its_paragraph_only(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        "Storm\n\nThe storm cut power to 80,000 homes, the power company Northgrid said. "
        "Some 450 engineers were at work.\n\nThe town has 45,000 inhabitants."
    )
    carried = figure(sheet, "Some 450")
    assert carried.source_basis == "continuation"
    assert carried.source_text is not None and "Northgrid" in carried.source_text
    own = figure(sheet, "45,000")
    assert (own.source, own.source_text, own.source_basis) == (None, None, "none")


def test_the_story_date_and_where_it_came_from_are_on_the_sheet(extractor: Extractor) -> None:
    dated = extractor.extract("Strikes\nFriday, September 25, 2015\n\nJets struck on Friday.")
    assert dated.article.date_basis is not None
    assert (dated.article.date_basis.date, dated.article.date_basis.from_) == (
        "2015-09-25",
        "text",
    )
    assert [d.value for d in dated.dates if d.text == "Friday"] == ["2015-09-25"]
    given = extractor.extract("Strikes\n\nJets struck on Friday.", published="2015-09-28")
    assert given.article.date_basis is not None and given.article.date_basis.from_ == "editor"
    undated = extractor.extract("Strikes\n\nJets struck on Friday.")
    assert undated.article.date_basis is not None and undated.article.date_basis.from_ == "today"


def test_a_name_the_tagger_filed_as_an_organisation_can_be_he(extractor: Extractor) -> None:
    """The title makes "Taco Dibbits" a person; "he said" is then his."""
    sheet = extractor.extract(
        "Museum Visitors Return\n\n"
        "The museum welcomed 2.7 million visitors last year.\n\n"
        "Director Taco Dibbits said the museum would keep timed tickets. "
        '"People see the paintings better when the rooms are not crowded," he said.'
    )
    (quote,) = sheet.quotes
    speaker = next(e for e in sheet.entities if e.id == quote.speaker)
    assert (speaker.name, speaker.label, quote.speaker_basis) == (
        "Taco Dibbits",
        "PERSON",
        "pronoun",
    )


def test_a_quote_reported_by_a_speaker_is_the_speakers_not_the_one_described(
    extractor: Extractor,
) -> None:
    """'shown' gives figures a source ("figures showed"), never a quote its speaker."""
    sheet = extractor.extract(
        "Mayor Jailed\n\n"
        '"You betrayed the people who elected you," Judge Miriam Askew told him. '
        'She said Penhale had shown "not a flicker of remorse".'
    )
    names = {e.id: e.name for e in sheet.entities}
    assert [names.get(q.speaker or "") for q in sheet.quotes] == ["Miriam Askew", "Miriam Askew"]
