"""Offices built with factories: the finder, the five towns, and their
Spanish and Polish pages (also for tests that browse a live server)."""

import pytest

from tests.locations.factories import TOWNS, FinderFactory, OfficeFactory
from tests.portal.factories import translate

TRANSLATED_NOTES = {
    "es": {"description": "Salas para sesiones individuales, de pareja y de familia.",
           "parking_notes": "Estacionamiento gratuito junto al edificio."},
    "pl": {"description": "Pokoje do sesji indywidualnych, par i rodzin.",
           "parking_notes": "Bezpłatny parking obok budynku."},
}
FINDER_TITLES = {"es": "Nuestras oficinas", "pl": "Nasze gabinety"}


def five_offices(finder):
    return {name.lower(): OfficeFactory(parent=finder, title=name) for name in TOWNS}


def translate_finder(finder):
    """{"en": finder, "es": ..., "pl": ...}; the home page must be translated already."""
    return {"en": finder, **{code: translate(finder, code, title=FINDER_TITLES[code]) for code in ("es", "pl")}}


def translate_offices(offices):
    """{"en": offices, "es": {...}, "pl": {...}}; the finder must be translated already."""
    return {"en": offices, **{
        code: {slug: translate(office, code, **TRANSLATED_NOTES[code]) for slug, office in offices.items()}
        for code in ("es", "pl")
    }}


@pytest.fixture
def finder(home):
    return FinderFactory(parent=home)


@pytest.fixture
def finders(homes, finder):
    """The finder in English, Spanish and Polish (/locations/, /es/locations/,
    /pl/locations/), with no offices yet: {"en": ..., "es": ..., "pl": ...}."""
    return translate_finder(finder)


@pytest.fixture
def offices(finder):
    """The five towns' offices, at their ZIP codes' centres: {"naperville": page, ...}."""
    return five_offices(finder)


@pytest.fixture
def translated_offices(finders, offices):
    """Every office page in English, Spanish and Polish: {"es": {"naperville": page}, ...}."""
    return translate_offices(offices)


@pytest.fixture
def live_offices(live_home):
    """``translated_offices``, for tests that browse a live server (they commit)."""
    for code in ("es", "pl"):
        translate(live_home, code)
    finder = FinderFactory(parent=live_home)
    translate_finder(finder)
    return translate_offices(five_offices(finder))
