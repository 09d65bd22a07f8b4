"""Resolving date expressions against the story date.

Absolute dates are read as written, relative ones counted back from the story
date (wire copy reports the past), and anything that names no single day is
``None``: newsdesk never shows a guessed date as a fact.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.core.extract.dates import resolve_date, story_date_line

FRIDAY = dt.date(2015, 9, 25)  # a Friday
WEDNESDAY = dt.date(2015, 9, 23)
EARLY_JANUARY = dt.date(2016, 1, 3)  # a Sunday
LATE_DECEMBER = dt.date(2015, 12, 30)  # a Wednesday


def test_the_story_dates_fall_on_the_days_the_tests_assume() -> None:
    assert [d.strftime("%A") for d in (FRIDAY, WEDNESDAY, EARLY_JANUARY, LATE_DECEMBER)] == [
        "Friday",
        "Wednesday",
        "Sunday",
        "Wednesday",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept. 20, 2015", "2015-09-20"),
        ("Sept 20, 2015", "2015-09-20"),
        ("September 20 2015", "2015-09-20"),
        ("25 December 2014", "2014-12-25"),
        ("25th of December, 2014", "2014-12-25"),
        ("Dec. 25, 2014", "2014-12-25"),
        ("2015-01-02", "2015-01-02"),
        ("on 2015-01-02", "2015-01-02"),
        ("Jan. 5, 2011", "2011-01-05"),
        ("February 29, 2016", "2016-02-29"),
        ("on Friday, Sept. 25", "2015-09-25"),
    ],
)
def test_absolute_dates_are_read_as_written(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3", "2015-03-03"),
        ("3 March", "2015-03-03"),
        ("Mar. 3", "2015-03-03"),
        ("march 3rd", "2015-03-03"),
        ("Sept 25", "2015-09-25"),
        ("Sep 25", "2015-09-25"),
        ("September 1", "2015-09-01"),
        ("25th of September", "2015-09-25"),
        ("June 30", "2015-06-30"),
        ("Dec. 3", "2015-12-03"),
    ],
)
def test_a_day_and_month_falls_in_the_story_year(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "story_date", "expected"),
    [
        ("December 30", EARLY_JANUARY, "2015-12-30"),
        ("Dec. 31", EARLY_JANUARY, "2015-12-31"),
        ("August 12", EARLY_JANUARY, "2015-08-12"),
        ("January 2", EARLY_JANUARY, "2016-01-02"),
        ("July 4", EARLY_JANUARY, "2016-07-04"),  # six months: still the story's year
        ("January 2", LATE_DECEMBER, "2016-01-02"),
        ("June 30", LATE_DECEMBER, "2015-06-30"),
    ],
)
def test_a_day_and_month_across_new_year_goes_to_the_nearest_year(
    text: str, story_date: dt.date, expected: str
) -> None:
    assert resolve_date(text, story_date) == expected


@pytest.mark.parametrize(
    ("text", "story_date", "expected"),
    [
        ("Friday", FRIDAY, "2015-09-25"),  # the story's own day
        ("on Friday", FRIDAY, "2015-09-25"),
        ("On Friday", FRIDAY, "2015-09-25"),
        ("Friday night", FRIDAY, "2015-09-25"),
        ("early Friday", FRIDAY, "2015-09-25"),
        ("Friday's", FRIDAY, "2015-09-25"),
        ("Thursday", FRIDAY, "2015-09-24"),
        ("on Monday", FRIDAY, "2015-09-21"),
        ("Saturday", FRIDAY, "2015-09-19"),  # the most recent Saturday, never a future one
        ("Sunday", FRIDAY, "2015-09-20"),
        ("Friday", WEDNESDAY, "2015-09-18"),
        ("on Wednesday", WEDNESDAY, "2015-09-23"),
        ("Thursday", EARLY_JANUARY, "2015-12-31"),  # back across the new year
        ("yesterday", FRIDAY, "2015-09-24"),
        ("Yesterday", FRIDAY, "2015-09-24"),
        ("today", FRIDAY, "2015-09-25"),
        ("tonight", FRIDAY, "2015-09-25"),
        ("tomorrow", FRIDAY, "2015-09-26"),
        ("yesterday", EARLY_JANUARY, "2016-01-02"),
        ("tomorrow", LATE_DECEMBER, "2015-12-31"),
        ("yesterday", dt.date(2016, 3, 1), "2016-02-29"),
    ],
)
def test_relative_dates_count_from_the_story_date(
    text: str, story_date: dt.date, expected: str
) -> None:
    assert resolve_date(text, story_date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "every Friday",
        "Friday and Saturday",
        "three years",
        "30 days",
        "the past 30 days",
        "the spring",
        "the year",
        "decade",
        "the 25th",
        "Mon",
        "",
    ],
)
def test_what_names_no_knowable_date_is_none(text: str) -> None:
    assert resolve_date(text, FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", "2015-W38"),
        ("this week", "2015-W39"),
        ("next week", "2015-W40"),
        ("last month", "2015-08"),
        ("earlier this month", "2015-09"),
        ("this year", "2015"),
        ("last year", "2014"),
        ("2014", "2014"),
        ("in 2019", "2019"),
        ("March", "2015-03"),
        ("in March", "2015-03"),
        ("March 2015", "2015-03"),
        ("December 2014", "2014-12"),
        ("next Monday", "2015-09-28"),
        ("last Friday", "2015-09-18"),
        ("last Thursday", "2015-09-24"),
        ("three days ago", "2015-09-22"),
        ("a week ago", "2015-09-18"),
        ("10 days ago", "2015-09-15"),
    ],
)
def test_periods_resolve_to_iso_weeks_months_and_years(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "story_date", "expected"),
    [
        ("Friday", WEDNESDAY, "2015-09-25"),
        ("on Monday", FRIDAY, "2015-09-28"),
        ("Friday", FRIDAY, "2015-09-25"),
    ],
)
def test_a_weekday_in_a_sentence_about_the_future_is_the_coming_one(
    text: str, story_date: dt.date, expected: str
) -> None:
    assert resolve_date(text, story_date, future=True) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Friday, July 21, 2017", "2017-07-21"),
        ("July 21, 2017", "2017-07-21"),
        ("21 July 2017", "2017-07-21"),
        ("2017-07-21", "2017-07-21"),
        ("Sunday, September 18, 2016 10:30 GMT", "2016-09-18"),
        ("The war began on July 21, 2017", None),
        ("July 2017", None),
    ],
)
def test_a_line_that_is_only_a_date_gives_the_story_date(line: str, expected: str | None) -> None:
    assert story_date_line(line) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Feb. 30",
        "February 30, 2015",
        "Feb 29, 2015",
        "Sept 31",
        "31 April",
        "2015-02-30",
        "2015-13-01",
        "2015-00-10",
        "April 0",
        "March 99",
    ],
)
def test_impossible_dates_are_none_not_an_error(text: str) -> None:
    assert resolve_date(text, FRIDAY) is None


@pytest.mark.parametrize(
    "text",
    ["junior 3", "doctor 5", "Joseph 3", "grammar 3", "Octopus 3", "mars 3", "Marchers 12"],
)
def test_words_that_only_begin_like_a_month_are_not_dates(text: str) -> None:
    """ "junior 3" is not June 3: a month must be a whole month name or abbreviation."""
    assert resolve_date(text, FRIDAY) is None
