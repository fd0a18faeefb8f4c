"""Approaches and clinicians built with factories, on top of the offices."""

import os

import pytest
from django.core.management import call_command

from portal.roles import CLINICAL_REVIEWERS, CLINICIANS, MARKETING

from tests.approaches.factories import (
    ApproachFactory,
    ApproachIndexFactory,
    ClinicianFactory,
    ClinicianIndexFactory,
)
from tests.portal.factories import UserFactory, translate


class Practice:
    """Approach pages and clinicians; see ``build_practice``."""


def build_practice(home, offices):
    """Three approaches and three clinicians over three offices:
    ``emdr``, ``play``, ``ifs``; ``ana`` (EMDR and play therapy, Naperville and
    Aurora, English and Spanish, children, accepting), ``ben`` (IFS,
    Plainfield, English, adults, waitlist, no telehealth), ``cy`` (play
    therapy, Aurora, Polish and English, children and teens, not accepting)."""
    p = Practice()
    p.home, p.offices = home, offices
    p.index = ApproachIndexFactory(parent=home)
    p.directory = ClinicianIndexFactory(parent=home)
    p.emdr = ApproachFactory(parent=p.index, title="EMDR", slug="emdr", for_adults=True, for_teens=True)
    p.play = ApproachFactory(parent=p.index, title="Play therapy", slug="play-therapy", related=[p.emdr])
    p.ifs = ApproachFactory(parent=p.index, title="Internal Family Systems", slug="ifs",
                            for_children=False, for_adults=True, for_couples=True)
    p.ana = ClinicianFactory(parent=p.directory, title="Ana Example", slug="ana-example",
                             offices=[offices["naperville"], offices["aurora"]], approaches=[p.emdr, p.play],
                             languages=["en", "es"], availability="yes")
    p.ben = ClinicianFactory(parent=p.directory, title="Ben Sample", slug="ben-sample",
                             offices=[offices["plainfield"]], approaches=[p.ifs], for_children=False,
                             for_adults=True, telehealth=False, availability="waitlist")
    p.cy = ClinicianFactory(parent=p.directory, title="Cy Placeholder", slug="cy-placeholder",
                            offices=[offices["aurora"]], approaches=[p.play], languages=["pl", "en"],
                            for_teens=True, availability="no")
    return p


TRANSLATED = {
    "es": {"index": "Nuestros enfoques", "directory": "Nuestros terapeutas",
           "summary": "Un resumen breve en español.", "bio": "Trabaja con familias."},
    "pl": {"index": "Nasze podejścia", "directory": "Nasi terapeuci",
           "summary": "Krótkie podsumowanie po polsku.", "bio": "Pracuje z rodzinami."},
}


def translate_practice(p):
    """Spanish and Polish pages of every approach and clinician (the home
    page and offices must be translated already): ``p.translated["es"]["play"]``."""
    p.translated = {}
    for code, words in TRANSLATED.items():
        pages = {
            "index": translate(p.index, code, title=words["index"]),
            "directory": translate(p.directory, code, title=words["directory"]),
        }
        for name in ("emdr", "play", "ifs"):
            pages[name] = translate(getattr(p, name), code, summary=words["summary"])
        for name in ("ana", "ben", "cy"):
            pages[name] = translate(getattr(p, name), code, short_bio=words["bio"])
        p.translated[code] = pages
    return p


@pytest.fixture
def practice(home, offices):
    return build_practice(home, offices)


@pytest.fixture
def practice_in_three_languages(translated_offices, homes):
    """``practice`` with every page also in Spanish and Polish."""
    return translate_practice(build_practice(homes["en"], translated_offices["en"]))


@pytest.fixture
def live_practice(live_offices, live_home):
    """``practice_in_three_languages``, for tests that browse a live server."""
    return translate_practice(build_practice(live_home, live_offices["en"]))


@pytest.fixture
def reviewed_practice(practice, roles):
    """``practice`` with its review workflow and owners, as a deployment has
    them after ``setup_roles``: ``practice.clinician`` owns Ana's page and
    maintains play therapy; ``practice.reviewer`` (Ben's login) reviews;
    ``practice.marketer`` publishes."""
    p = practice
    p.clinician = UserFactory(username="ana", first_name="Ana", last_name="Example", groups=[CLINICIANS])
    p.reviewer = UserFactory(username="ben", first_name="Ben", last_name="Sample",
                             groups=[CLINICIANS, CLINICAL_REVIEWERS])
    p.marketer = UserFactory(username="marketing", groups=[MARKETING])
    for page, user in ((p.ana, p.clinician), (p.ben, p.reviewer)):
        page.user = user
        page.save_revision().publish()
    p.play.maintainers.set([p.ana])
    p.play.save_revision().publish()
    call_command("setup_roles", stdout=open(os.devnull, "w"))  # the workflow now finds the sections
    for name in ("ana", "ben", "cy", "emdr", "play", "ifs"):
        getattr(p, name).refresh_from_db()
    return p
