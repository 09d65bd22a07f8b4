"""Direct quotes: marks, paragraphs, split quotes, speakers, and what is not a quote."""

from __future__ import annotations

import pytest

from newsdesk.core.extract import Extractor
from newsdesk.core.extract.quotes import quote_spans
from newsdesk.core.sheet.model import FactSheet, Quote


def speaker_name(sheet: FactSheet, quote: Quote) -> str | None:
    """The name of the person the editor sees next to the quote."""
    speaker = sheet.entity(quote.speaker)
    return speaker.name if speaker is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will stay until the end." Then he left.', ["we will stay until the end."]),
        ("“We stay,” she said.", ["We stay,"]),
        ('A 12" screen and "a real quote here".', ["a real quote here"]),
        ('"unbalanced and never closed', []),
        ("“unbalanced curly", []),
        ('"', []),
        ("", []),
        (
            "“The first paragraph of the quote.\n\n“The second one ends,” she said.",
            ["The first paragraph of the quote.\n\n“The second one ends,"],
        ),
        ('"Open paragraph\n\nA new paragraph, not a quote "but this is" here.', ["but this is"]),
    ],
)
def test_quote_marks_pair_up_and_unbalanced_marks_never_raise(
    text: str, expected: list[str]
) -> None:
    assert [text[a:b] for a, b in quote_spans(text)] == expected


def test_split_quote_keeps_one_speaker(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Relief stalls\n\nLAGOS (Newsdesk Wire) - Aid worker Chidinma Okafor spoke on Friday. "
        '"The water came up faster than anyone expected," Okafor said. "We are moving food '
        'in canoes because the roads are gone."'
    )
    assert len(sheet.quotes) == 2
    speakers = {sheet.entity(q.speaker).name for q in sheet.quotes if q.speaker}  # type: ignore[union-attr]
    assert speakers == {"Chidinma Okafor"}
    assert sheet.quotes[0].cue == "said"


def test_pronoun_speaker_resolves_to_the_nearest_person(extractor: Extractor) -> None:
    sheet = extractor.extract(
        'Maria Lopez, the mayor, toured the site. "We will rebuild every house," she said.'
    )
    (quote,) = sheet.quotes
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "she"
    assert speaker_name(sheet, quote) == "Maria Lopez"


def test_quote_over_several_paragraphs_keeps_its_speaker_in_each(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Minister speaks\n\nThe minister, Ana Silva, said: “We have seen the worst of the "
        "storm.\n\n“Now the work of rebuilding begins, and it will take years,” Silva said."
    )
    first, second = sheet.quotes
    assert first.text == "We have seen the worst of the storm"
    assert second.text.startswith("Now the work of rebuilding")
    assert second.text.endswith("it will take years")
    for quote in (first, second):
        assert speaker_name(sheet, quote) == "Ana Silva"


@pytest.mark.parametrize(
    "text",
    [
        'Critics called the plan a "bridge to nowhere" on Tuesday.',
        'The review noted that the mayor had faced "pressure" from local officials.',
        "The film “Gone With The Wind Again Forever” opened on Friday.",
        'The report, titled "Water for all the people of the valley", was published.',
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Sources\n"
        "“Bridge plan stalls again in council vote” — Valley Herald, March 3, 2019\n"
        '"Council to meet on bridge costs" – Harbour Times, March 4, 2019',
        "Kim Ortega, curator of “Harbour Lights: Paintings and Prints from the Northern "
        "Coast”, said the rooms were full every day.",
        'The blog post, "Why Our Town Needs a Second Bridge", was shared widely.',
        'The mayor said the group used the term "managed retreat" for the plan.',
        'Ravi Menon said the new pier is rated "highly stable" by engineers.',
        'Soldiers were told to prepare for "full readiness" by dawn.',
        'Officials said the "Blue Line" would reopen on Monday.',
        'Her talk, "Rivers vs. Roads in the Valley Towns, Part Two", drew a crowd.',
    ],
)
def test_cited_headlines_titles_and_named_words_are_not_quotes(
    extractor: Extractor, text: str
) -> None:
    assert extractor.extract(text).quotes == []


def test_a_quote_signed_after_a_dash_belongs_to_that_name(extractor: Extractor) -> None:
    (quote,) = extractor.extract('"Every river remembers its flood." – Dana Reyes').quotes
    assert quote.text == "Every river remembers its flood"
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "Dana Reyes"


def test_a_few_words_someone_said_are_a_quote(extractor: Extractor) -> None:
    sheet = extractor.extract(
        'Energy minister Lena Park said the talks had been "very hard going" this week.'
    )
    (quote,) = sheet.quotes
    assert quote.text == "very hard going"
    assert quote.cue == "said"
    assert speaker_name(sheet, quote) == "Lena Park"
    told = extractor.extract('The driver walked into the station and told officers, "all of it".')
    assert [(q.text, q.cue) for q in told.quotes] == [("all of it", "told")]


def test_a_speech_verb_inside_another_quote_is_not_the_cue(extractor: Extractor) -> None:
    sheet = extractor.extract(
        '"The river rose all night and the town slept through it." '
        '"I told my neighbours to leave at once," said Ruth Obi.'
    )
    first, _ = sheet.quotes
    assert first.cue == "said"
    assert speaker_name(sheet, first) == "Ruth Obi"


def test_he_is_not_the_person_named_inside_the_quote(extractor: Extractor) -> None:
    sheet = extractor.extract(
        'Tom Baker, the mayor, opened the museum on Sunday. "Luis Rivera changed this town '
        'for good," he said.'
    )
    (quote,) = sheet.quotes
    assert speaker_name(sheet, quote) == "Tom Baker"


def test_a_speech_verb_in_the_next_paragraph_belongs_to_its_own_quote(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        "Town hall\n\nThe residents refused to leave. "
        '"We are not moving anywhere, whatever the council decides."\n'
        "Tom Baker said the council would meet again."
    )
    (quote,) = sheet.quotes
    assert quote.speaker is None
    assert quote.cue is None


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "The court ruled on Friday. Bishop Aldo Ferri called the ruling unjust:\n"
            '"We will ask the court to look again at every page of it."',
            "called",
            "Aldo Ferri",
        ),
        (
            '"The roof could fall at any time," according to the engineer, Ines Marr.',
            None,
            "Ines Marr",
        ),
        (
            'The coach was not happy. In the words of Sam Ode, "we lost the game in the '
            'first ten minutes."',
            None,
            "Sam Ode",
        ),
    ],
)
def test_speaker_from_a_colon_or_according_to(
    extractor: Extractor, text: str, cue: str | None, name: str
) -> None:
    sheet = extractor.extract(text)
    (quote,) = sheet.quotes
    assert quote.cue == cue
    assert speaker_name(sheet, quote) == name


def test_a_short_last_sentence_of_a_split_quote_is_kept(extractor: Extractor) -> None:
    sheet = extractor.extract(
        '"The water came up so fast that nobody could save anything," Lopez said. '
        '"We lost everything."'
    )
    assert [q.text for q in sheet.quotes] == [
        "The water came up so fast that nobody could save anything",
        "We lost everything",
    ]
    assert sheet.quotes[1].cue == "said"


def test_words_in_marks_after_a_quote_are_no_continuation_unless_a_sentence_starts(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(
        '"We will keep the clinics open through the winter," she said at the meeting. '
        'Critics had earlier described the budget as "a mess."'
    )
    assert [q.text for q in sheet.quotes] == ["We will keep the clinics open through the winter"]
