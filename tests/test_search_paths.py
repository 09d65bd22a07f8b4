"""Search finds the same stories, versions and snippets whichever way it goes.

A search looks only at the newest stories when a word is in most of their
texts, else it takes every hit to its story (:mod:`newsdesk.storage.search`).
Both ways, on a file upgraded from schema 1 and written on since, must give
exactly what search gave before it had two: the reference here is that
search's query, kept word for word, with the snippet of each hit read from its
version as the store loads it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from newsdesk.core.sheet.model import Article, Entity, FactSheet, Figure, Mention
from newsdesk.storage import Store, search
from newsdesk.storage.records import fact_rows
from tests.test_storage_history import make_v1_file

PEOPLE = ["John Kerry", "Amina Yusuf", "Hamid Osman"]
PLACES = ["Palmyra", "Aleppo", "Homs", "Kabul"]
NOTES = ["Checked with the Damascus bureau", "Kerry's office confirmed the toll"]
FILLER = "officials said the attack on the market killed people while aid agencies called"


def story_sheet(chance: random.Random, number: int, kerry: float = 0.8) -> FactSheet:
    """A short story: most name John Kerry, some a ceasefire; facts at real offsets."""
    person = "John Kerry" if chance.random() < kerry else chance.choice(PEOPLE[1:])
    place = chance.choice(PLACES)
    count = chance.randint(20, 30)
    lines = [f"Fighting near {place} kills {count}", ""]
    for _ in range(chance.randint(2, 4)):
        filler = " ".join(chance.choice(FILLER.split()) for _ in range(chance.randint(5, 40)))
        lines.append(f"{person} said at least {count} people died in {place}, {filler}.")
    lines[2] = f"{place.upper()} (Reuters) - {lines[2]}"
    if chance.random() < 0.1:
        lines.append("Both sides agreed a ceasefire.")
    text = "\n".join(lines)
    name, hedge = text.index(person), text.index(f"at least {count}")
    return FactSheet(
        article=Article(text=text, headline=lines[0], source="Reuters"),
        entities=[Entity("e1", "PERSON", person, [Mention(name, name + len(person), person)])],
        figures=[
            Figure(
                "f1",
                f"at least {count}",
                hedge,
                hedge + len(f"at least {count}"),
                kind="count",
                value=count,
                low=count,
                qualifier="at_least",
                counted="people",
            )
        ],
        id=f"s{number}",
    )


def edited(chance: random.Random, sheet: FactSheet) -> tuple[FactSheet, str]:
    """The next version: a status, a note, a message or a new text (Kerry gone)."""
    changed = FactSheet.from_dict(sheet.to_dict())
    what = chance.choice(["status", "note", "message", "retext"])
    if what == "status":
        changed.figures[0].status = chance.choice(["verified", "disputed"])
    elif what == "note":
        changed.entities[0].note = chance.choice(NOTES)
    elif what == "retext" and changed.entities[0].name == "John Kerry":
        changed = retexted(changed)
    return changed, "embargoed until noon" if what == "message" else ""


def retexted(sheet: FactSheet) -> FactSheet:
    """A wire update: Antony Blinken for John Kerry, AP for Reuters."""
    changed = FactSheet.from_dict(sheet.to_dict())
    text = changed.article.text.replace("John Kerry", "Antony Blinken").replace("Reuters", "AP")
    changed.article.text = text
    person = changed.entities[0]
    person.name = "Antony Blinken"
    person.mentions = [
        Mention(m.start, m.start + len(person.name), person.name) for m in person.mentions
    ]
    figure = changed.figures[0]
    figure.start = text.index(figure.text)
    figure.end = figure.start + len(figure.text)
    return changed


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """60 stories, a dozen saved by schema 1 (each version with its own text), 1–4 versions."""
    chance = random.Random(17)
    path = tmp_path_factory.mktemp("search") / "newsdesk.db"
    sheets = {f"story-{n}": story_sheet(chance, n, kerry=1 if n < 2 else 0.8) for n in range(60)}
    old = [(slug, sheet, "amira") for slug, sheet in list(sheets.items())[:12]]
    make_v1_file(path, old)
    with Store(path) as store:
        for slug, sheet in sheets.items():
            if (slug, sheet, "amira") not in old:
                store.save(slug, sheet)
        for _ in range(90):
            slug = chance.choice(list(sheets))
            sheets[slug], message = edited(chance, sheets[slug])
            store.save(slug, sheets[slug], message=message)
        # Among the newest, where a common word takes search: Kerry and Reuters gone
        # from the text of the newest versions, Kerry back in a note of the last.
        for slug, fact in (("story-0", "entities"), ("story-1", "figures")):  # by schema 1
            gone = retexted(sheets[slug])
            store.save(slug, gone)
            getattr(gone, fact)[0].note = NOTES[1]
            store.save(slug, gone)
        yield store


# What search ran before it had two ways (migration 5's query), word for word.
REFERENCE = """
    WITH hits(version_id) AS MATERIALIZED (
        SELECT rowid FROM versions_fts WHERE versions_fts MATCH :match
        UNION
        SELECT v.id FROM versions v WHERE v.text_id IN (
            SELECT rowid FROM article_texts_fts WHERE article_texts_fts MATCH :match
        )
        UNION
        SELECT f.version_id FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid
        WHERE facts_fts MATCH :match
    ),
    best(story_id, number) AS (
        SELECT v.story_id, max(v.number) FROM hits JOIN versions v ON v.id = hits.version_id
        GROUP BY v.story_id
    )
    SELECT s.slug, best.number AS matched FROM best JOIN stories s ON s.id = best.story_id
    WHERE {where} ORDER BY s.latest_version_id DESC, s.id DESC
    LIMIT :limit
"""


def reference(
    store: Store, words: str, limit: int, **filters: object
) -> list[tuple[str, int, str]]:
    """(slug, version, snippet) of each hit, as search found them before."""
    chosen = {"status": None, "since": None, "until": None, **filters}
    where, params = search._story_filters(**chosen)  # type: ignore[arg-type]
    params.update(match=store._db.quote_fts(words), limit=limit)
    hits = store._db.execute(REFERENCE.format(where=where), params).fetchall()
    return [(slug, number, snippet(store, slug, number, words)) for slug, number in hits]


def snippet(store: Store, slug: str, number: int, words: str) -> str:
    """The words around the first searched word, each word sought on its own, else a fact."""
    sheet = store.load_version(slug, number)
    article = sheet.article.text
    facts = [part for row in fact_rows(0, sheet) for part in (row["text"], row["note"])]
    for text in (article, *facts):
        first = min(
            (
                (found.start(), at)
                for at, word in enumerate(search._WORD.findall(words))
                if (found := re.search(r"(?<!\w)" + re.escape(word.casefold()), text, re.I))
            ),
            default=None,
        )
        if first is None:
            continue
        if text is not article:
            return " ".join(text.split())[: 2 * search._SNIPPET_CHARS]
        word = search._WORD.findall(words)[first[1]]
        end = first[0] + len(word.casefold())
        while end < len(text) and text[end].isalnum():
            end += 1
        return search._around(text, first[0], end)
    return " ".join(article[: 2 * search._SNIPPET_CHARS].split())


WORDS = [
    "Kerry",  # in most texts: the newest stories are enough
    "Reuters",  # in most texts, in some only in versions saved by schema 1
    "kerry palmyra",
    "Palmyra",
    "ceasefire",  # in a few texts
    "Blinken",  # only in texts that replaced Kerry's
    "Damascus bureau",  # only in an editor's note
    "embargoed",  # only in a version's message
    '"at least 25"',
    "people",  # in every text and every figure
    "strike",
    "Tokyo",
]


@pytest.mark.parametrize(
    "window", [0, search._WINDOW, 10**6], ids=["every-hit", "as-shipped", "newest"]
)
@pytest.mark.parametrize("limit", [3, 10, 200])
def test_search_finds_what_it_found_before(
    library: Store, monkeypatch: pytest.MonkeyPatch, window: int, limit: int
) -> None:
    monkeypatch.setattr(search, "_WINDOW", window)
    middle = library.library()[30].latest_at
    for words in WORDS:
        for filters in ({}, {"status": "disputed"}, {"since": middle}, {"until": middle}):
            found = library.search(words, limit=limit, **filters)
            got = [(hit.story.slug, hit.version, hit.snippet) for hit in found]
            assert got == reference(library, words, limit, **filters), (words, filters)


def test_a_word_in_most_stories_is_found_among_the_newest(library: Store) -> None:
    """The fast way is taken where it should be (else the test above proves one way twice)."""
    dense = "s.latest_version_id IS NOT NULL"
    params = {"match": "Kerry", "limit": 10, "window": search._WINDOW * 10}
    assert library._db.execute(search._DENSE.format(where=dense), params).fetchone()
    params["match"] = "ceasefire"
    assert library._db.execute(search._DENSE.format(where=dense), params).fetchone() is None
    assert [h.story.slug for h in library.search("Kerry", limit=10)] == [
        slug for slug, _, _ in reference(library, "Kerry", 10)
    ]
