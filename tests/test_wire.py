"""Wire-copy cleanup and splitting: what the editor sees after pasting a story.

``clean_text`` must leave the story's sentences alone while dropping page
furniture, and be idempotent (re-cleaning saved text must not move offsets).
``split_article``/``find_dateline`` read the headline, place and agency.
"""

from __future__ import annotations

import pytest

from newsdesk.core.article.wire import Dateline, clean_text, find_dateline, split_article

# -- clean_text: line ends and whitespace ----------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\r\n\r\ntwo", "one\n\ntwo"),
        ("one\u2028two", "one\ntwo"),  # LINE SEPARATOR
        ("one\u2029two", "one\ntwo"),  # PARAGRAPH SEPARATOR
        ("one\x85two", "one\ntwo"),  # NEXT LINE
        ("one\ttwo", "one two"),
        ("one\t\t \ttwo", "one two"),
        ("one\u00a0\u00a0two", "one two"),
        ("one \u00a0\t two", "one two"),
        ("one\u202ftwo", "one two"),
        ("trailing   \nspaces\t", "trailing\nspaces"),
        ("   leading", "leading"),
        ("one\n\n\ntwo", "one\n\ntwo"),
        ("one\n\n\n\n\n\ntwo", "one\n\ntwo"),
        ("one\n  \n\t\n\u00a0\ntwo", "one\n\ntwo"),  # blank-looking lines are blank
        ("one\ntwo", "one\ntwo"),  # a single line break is kept
        ("\n\n  \nHeadline\n\nBody.", "Headline\n\nBody."),
        ("Headline\n\nBody.\n\n\n  \n", "Headline\n\nBody."),
        ("", ""),
        ("\n \n\t\n", ""),
    ],
)
def test_clean_text_normalises_line_ends_and_spaces(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffBEIRUT (Reuters) - Jets struck.", "BEIRUT (Reuters) - Jets struck."),
        ("zero\u200bwidth", "zerowidth"),
        ("word\u2060joiner", "wordjoiner"),
        ("bell\x07 and null\x00", "bell and null"),
        ("e\u0301te\u0301", "été"),  # decomposed accents are composed (NFC)
    ],
)
def test_clean_text_removes_invisible_and_control_characters(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "مرحبا\u200f بالعالم",  # Arabic with RIGHT-TO-LEFT MARK
        "שלום\u200f עולם",  # Hebrew with RIGHT-TO-LEFT MARK
        "Price\u200e: 100",  # LEFT-TO-RIGHT MARK
        "Fans cheered 😀 and 🎉 at the stadium.",
        "The 👩\u200d👩\u200d👧 family emoji stays whole.",  # ZWJ sequence
    ],
)
def test_clean_text_keeps_direction_marks_emoji_and_joiners(raw: str) -> None:
    """Right-to-left text needs its direction marks; emoji are article text."""
    assert clean_text(raw) == raw


# -- clean_text: web residue ------------------------------------------------------


@pytest.mark.parametrize(
    "residue",
    [
        "Share",
        "share",
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Email",
        "Print",
        "Follow topics",
        "Follow topic",
        "Follow us",
        "Follow on X",
        "Click to follow",
        "Click here to follow",
        "Add topic",
        "Advertisement",
        "ADVERTISEMENT",
        "Skip advert",
        "Sponsored",
        "Read more",
        "Read next",
        "Related stories",
        "Related:",
        "Sign up for our newsletter",
        "Sign up to our daily newsletter here",
        "Subscribe now",
        "3 min read",
        "12 minute read",
        "12 comments",
        "Listen to this article",
        "Copy link",
        "Getty Images",
        "Back to top",
    ],
)
def test_clean_text_drops_web_residue_lines(residue: str) -> None:
    raw = f"Headline\n\nFirst paragraph.\n{residue}\nSecond paragraph."
    assert clean_text(raw) == "Headline\n\nFirst paragraph.\nSecond paragraph."


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares fell 3% on Friday.",
        "Share prices rose.",
        "Follow-up talks are planned.",
        "Followers gathered outside.",
        "Tweets by the minister were deleted.",
        "Emails show the deal was agreed.",
        "Print media is in decline.",
        "Save the date: the summit opens on May 3.",
        "Advertisements ran in three states.",
        "Ad hoc talks began.",
        "Read more about it in the report, she said.",
        "Comments from the minister followed.",
        "Related coverage of the talks was limited.",
        "Investigators said they would follow the topic closely.",
        "Follow the topics that matter to you, the minister told voters.",
        "Share this with your neighbours, the mayor urged residents.",
        "Sign up for the newsletter, they said, was the only option offered.",
    ],
)
def test_clean_text_keeps_real_sentences_that_contain_residue_words(sentence: str) -> None:
    raw = f"Headline\n\n{sentence}\n\nMore copy."
    assert clean_text(raw) == f"Headline\n\n{sentence}\n\nMore copy."


def test_clean_text_drops_a_short_line_repeated_three_times() -> None:
    raw = "Headline\n\nMost read\nFirst.\n\nMost read\nSecond.\n\nMost read\nThird."
    assert clean_text(raw) == "Headline\n\nFirst.\n\nSecond.\n\nThird."


def test_clean_text_drops_a_short_sentence_repeated_three_times() -> None:
    raw = "Headline\n\nNo comment.\nFirst.\nNo comment.\nSecond.\nNo comment.\nThird."
    assert clean_text(raw) == "Headline\n\nFirst.\nSecond.\nThird."


def test_clean_text_keeps_a_short_sentence_said_twice() -> None:
    raw = "Headline\n\nWe will win.\nThe crowd chanted.\nWe will win."
    assert clean_text(raw) == raw


def test_clean_text_keeps_long_lines_even_when_repeated() -> None:
    """A paragraph pasted twice is the editor's to fix, not residue to delete silently."""
    para = "The committee said the budget would be published next week, officials said."
    raw = f"Headline\n\n{para}\n\n{para}\n\n{para}"
    assert clean_text(raw) == raw


def test_clean_text_on_a_pasted_web_page() -> None:
    raw = (
        "\ufeffRussian jets strike Syria\r\n"
        "\r\n"
        "Share\r\n"
        "Tweet\r\n"
        "3 min read\r\n"
        "\r\n"
        "\r\n"
        "BEIRUT, Sept 25 (Reuters) -\u00a0Russian jets carried out at least 25 air strikes.  \r\n"
        "Advertisement\r\n"
        "\r\n"
        "Shares fell 3% on Friday.\t\r\n"
        "Follow topics\r\n"
        "Sign up for our newsletter\r\n"
    )
    assert clean_text(raw) == (
        "Russian jets strike Syria\n"
        "\n"
        "BEIRUT, Sept 25 (Reuters) - Russian jets carried out at least 25 air strikes.\n"
        "\n"
        "Shares fell 3% on Friday."
    )


# -- clean_text: idempotence --------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "Headline\r\n\r\n\r\nBody\tcopy  here.\r\n",
        "\ufeffBOM\u200b and zero\u200bwidth\n\n\n\nEnd 😀",
        "مرحبا\u200f بالعالم\n\n\nשלום\u200f עולם\n",
        "Share\nTweet\nReal sentence here.\nMost read\nMost read\nMost read",
        "e\u200b\u0301 accent split by a zero-width space",
        "e\x07\u0301 accent split by a control character",
        "a\u2028b\u2029c\x85d\re",
        "  \n\u00a0\nOnly\u00a0\u00a0spaces\u3000here\n\n",
        "Line one\nLine two\n\n\nLine one\nLine two\nLine one",
        "",
    ],
)
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


# -- find_dateline / split_article ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "place", "date_text", "source"),
    [
        ("BEIRUT, Sept 25 (Reuters) - Russian jets struck.", "BEIRUT", "Sept 25", "Reuters"),
        ("KYIV (AP) — Drones hit the city overnight.", "KYIV", None, "AP"),
        (
            "AUSTIN, Texas, March 3 (Newsdesk Wire) - Storms hit.",
            "AUSTIN, Texas",
            "March 3",
            "Newsdesk Wire",
        ),
        ("WASHINGTON - The Senate voted on Tuesday.", "WASHINGTON", None, None),
        ("NEW YORK, Jan. 5 (Reuters) - Stocks fell.", "NEW YORK", "Jan. 5", "Reuters"),
        ("UNITED NATIONS (Reuters) - The council met.", "UNITED NATIONS", None, "Reuters"),
        ("PORT-AU-PRINCE (AP) — Rescuers dug.", "PORT-AU-PRINCE", None, "AP"),
        ("RIO DE JANEIRO, Brazil (AP) - Rain fell.", "RIO DE JANEIRO, Brazil", None, "AP"),
        ("GAZA (AFP) – Strikes continued.", "GAZA", None, "AFP"),
    ],
)
def test_find_dateline_reads_place_date_and_agency(
    body: str, place: str, date_text: str | None, source: str | None
) -> None:
    headline = "A headline for the story"
    text = f"{headline}\n\n{body}"
    found = find_dateline(text, len(headline) + 1)
    assert found is not None
    assert (found.place, found.date_text, found.source) == (place, date_text, source)
    # The offsets are where the place name stands in the text, nothing more.
    assert text[found.start : found.end] == place
    assert found.start == text.index(body)


@pytest.mark.parametrize(
    "body",
    [
        "The minister said on Friday that talks would resume.",
        "Russian jets carried out at least 25 air strikes - a record - on Friday.",
        "The UN - which met on Monday - said nothing.",
        "US officials - speaking anonymously - said the deal was close.",
        "I - for one - disagree, she said.",
        "A - B testing showed no difference.",
        "",
    ],
)
def test_find_dateline_finds_none_in_ordinary_prose(body: str) -> None:
    headline = "A headline for the story"
    text = f"{headline}\n\n{body}"
    assert find_dateline(text, len(headline) + 1) is None


def test_find_dateline_offsets_are_right_after_emoji_in_the_headline() -> None:
    """Offsets are Python str indices: an astral character before counts as one."""
    headline = "Fans 😀 celebrate"
    text = f"{headline}\n\nMADRID (Reuters) - Fans celebrated."
    found = find_dateline(text, len(headline) + 1)
    assert found == Dateline(
        start=text.index("MADRID"),
        end=text.index("MADRID") + len("MADRID"),
        place="MADRID",
        date_text=None,
        source="Reuters",
    )


def test_find_dateline_only_looks_near_the_top() -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} of plain copy." for n in range(6))
    text = f"Headline\n\n{paragraphs}\n\nLONDON (Reuters) - Too late to be a dateline."
    assert find_dateline(text, len("Headline") + 1) is None


@pytest.mark.parametrize(
    ("text", "headline", "dateline", "source"),
    [
        (
            "Russian jets strike Syria\n\nBEIRUT, Sept 25 (Reuters) - Russian jets struck.",
            "Russian jets strike Syria",
            "BEIRUT",
            "Reuters",
        ),
        (
            "Drones hit Kyiv\nKYIV (AP) — Drones hit the city.",
            "Drones hit Kyiv",
            "KYIV",
            "AP",
        ),
        (
            "Storms hit Texas\n\nAUSTIN, Texas, March 3 (Newsdesk Wire) - Storms hit.",
            "Storms hit Texas",
            "AUSTIN, Texas",
            "Newsdesk Wire",
        ),
        (
            "Senate votes\n\nWASHINGTON - The Senate voted.",
            "Senate votes",
            "WASHINGTON",
            None,
        ),
        (
            "Council approves budget\n\nThe council approved the budget on Monday.",
            "Council approves budget",
            None,
            None,
        ),
        ("Just a headline", "Just a headline", None, None),
        ("", "", None, None),
    ],
)
def test_split_article_reads_headline_dateline_and_source(
    text: str, headline: str, dateline: str | None, source: str | None
) -> None:
    article = split_article(text, published="2015-09-25")
    assert article.text == text  # never changed, so offsets stay valid
    assert article.headline == headline
    assert article.dateline == dateline
    assert article.source == source
    assert article.published == "2015-09-25"


def test_split_article_does_not_read_a_dateline_from_the_headline() -> None:
    """The headline is the first line, even if it looks like a dateline."""
    text = "LONDON (Reuters) - Markets rally\n\nStocks rose on Monday."
    article = split_article(text)
    assert article.headline == "LONDON (Reuters) - Markets rally"
    assert article.dateline is None
    assert article.source is None


def test_split_article_on_cleaned_copy_points_into_the_cleaned_text() -> None:
    raw = "\ufeffJets strike Syria\r\n\r\nShare\r\n\r\nBEIRUT\u00a0(Reuters) -\tJets struck.\r\n"
    text = clean_text(raw)
    article = split_article(text)
    found = find_dateline(text, len(article.headline) + 1)
    assert article.headline == "Jets strike Syria"
    assert found is not None
    assert text[found.start : found.end] == "BEIRUT"
    assert article.source == "Reuters"


# -- page furniture and direction controls ------------------------------------------------

FURNITURE = [
    "This file photo released on May 3, 2021 shows firefighters in Ankara.",
    "Credit: AP",
    "REUTERS/Denis Balibouse",
    "👉 Follow live updates 👈",
    "Photo: Jane Doe/Newsdesk",
    "Live updates: Quake in Turkey",
    "(AP Photo/Emilio Morenatti)",
    "A handout photo shows the damaged bridge.",
    "Image credit: NASA",
    "People walk past rubble in Adiyaman. REUTERS/Umit Bektas",
    "Rescuers search the rubble in Hatay. (Photo by Ozan Kose / AFP)",
]
STORY_LINES = [
    "Photographers said the police charged at them.",
    "The photo agency said 12 staff were hurt.",
    "Police said they would follow the live feed closely.",
    "Live music returned to the city on Friday after 3 years.",
    "This picture of the economy worries the central bank, its governor said.",
    "Credit Suisse shares fell 5%.",
    "The image of the city was damaged, the mayor said.",
    "AP reported that 40 people died.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_captions_credits_and_pointers_are_page_furniture(line: str) -> None:
    from newsdesk.core.article.wire import is_furniture

    assert is_furniture(line)


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_sentences_that_look_alike_are_not_furniture(line: str) -> None:
    from newsdesk.core.article.wire import is_furniture

    assert not is_furniture(line)


def test_furniture_is_blanked_for_the_tagger_and_offsets_stay_valid() -> None:
    from newsdesk.core.article.wire import furniture_spans, mask_furniture

    text = "Quake hits coast\n\nCredit: AP\n\nA quake killed 40 people."
    masked = mask_furniture(text)
    assert len(masked) == len(text) and "Credit" not in masked
    assert masked.endswith("A quake killed 40 people.")
    assert [text[s:e] for s, e in furniture_spans(text)] == ["Credit: AP"]


def test_bidirectional_overrides_are_stripped_and_marks_kept() -> None:
    # U+202E would show "25 killed" reversed; U+200F (a mark) is needed by Arabic.
    raw = "Toll \u202e52\u202c killed \u2067isolated\u2069 \u200fمرصد"
    assert clean_text(raw) == "Toll 52 killed isolated \u200fمرصد"
