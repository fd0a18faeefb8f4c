"""Visitors get public pages from the page cache; every change they could
see purges it; nobody gets someone else's token, and staff never get a
cached page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from approaches.models import Availability
from inquiries.forms import read_form_token
from inquiries.models import Inquiry
from portal.models import SiteSettings
from tests.inquiries.factories import answers
from tests.portal.factories import CrisisNoticeFactory, StandardPageFactory, UserFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as an editor does: purges run after the commit."""

    def publish_page(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return publish_page


def cached(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response["X-Page-Cache"]


def test_the_second_visit_is_served_from_the_cache_without_a_query(client, site_pages, django_assert_num_queries):
    first = client.get("/about/")
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/about/")

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_each_language_is_cached_under_its_own_address(client, site_pages):
    cached(client, "/about/"), cached(client, "/es/quienes-somos/")

    assert BeautifulSoup(client.get("/about/").content, "html.parser").html["lang"] == "en"
    assert BeautifulSoup(client.get("/es/quienes-somos/").content, "html.parser").html["lang"] == "es"


def test_staff_never_get_a_cached_page_nor_fill_the_cache(client, site_pages):
    staff = Client()
    staff.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "X-Page-Cache" not in staff.get("/about/")
    assert cached(client, "/about/") == "miss"
    assert "X-Page-Cache" not in staff.get("/about/")


def test_searches_filters_and_finder_queries_are_never_cached(client, site_pages):
    client.get("/about/?utm_source=x")
    assert "X-Page-Cache" not in client.get("/about/?utm_source=x")


def test_publishing_a_page_purges_it(client, site_pages, publish):
    about = site_pages.about["en"]
    cached(client, "/about/")
    about.title = "About the practice"
    publish(about)

    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "About the practice" in response.content.decode()


def test_publishing_a_new_menu_page_shows_it_in_every_cached_menu(client, site_pages, publish):
    cached(client, "/about/"), cached(client, "/privacy/")
    team = StandardPageFactory.build(title="Our team", slug="team", show_in_menus=True)
    site_pages.homes["en"].add_child(instance=team)
    publish(team)

    for path in ("/about/", "/privacy/"):
        menu = BeautifulSoup(client.get(path).content, "html.parser").find("nav", class_="main-menu")
        assert "Our team" in menu.get_text()


def test_unpublishing_and_deleting_purge(client, site_pages, django_capture_on_commit_callbacks):
    cached(client, "/about/"), cached(client, "/privacy/")
    with django_capture_on_commit_callbacks(execute=True):
        site_pages.about["en"].unpublish()
    assert client.get("/about/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        site_pages.privacy["en"].delete()
    assert client.get("/privacy/").status_code == 404


def test_moving_a_page_purges(client, site_pages, django_capture_on_commit_callbacks):
    cached(client, "/privacy/")
    with django_capture_on_commit_callbacks(execute=True):
        site_pages.privacy["en"].move(site_pages.about["en"], pos="last-child")
    # Not the cached page: Wagtail's redirect from the old address to the new one.
    old_address = client.get("/privacy/")
    assert (old_address.status_code, old_address["Location"]) == (301, "/about/privacy/")
    assert client.get("/about/privacy/").status_code == 200


def test_the_crisis_notice_is_never_stale(client, site_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notice = CrisisNoticeFactory()
    cached(client, "/about/")
    with django_capture_on_commit_callbacks(execute=True):
        notice.crisis_line = "1-800-273-8255"
        notice.save()

    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "1-800-273-8255" in response.content.decode()


def test_changing_the_site_settings_purges(client, site_pages, django_capture_on_commit_callbacks):
    cached(client, "/about/")
    with django_capture_on_commit_callbacks(execute=True):
        settings = SiteSettings.for_site(site_pages.homes["en"].get_site())
        settings.main_phone = "630-555-0199"
        settings.save()

    assert "630-555-0199" in client.get("/about/").content.decode()


def test_a_cached_office_page_gives_every_visitor_their_own_form_token(clinic, django_assert_num_queries):
    first_visitor, second_visitor = Client(), Client()
    first = first_visitor.get("/locations/naperville/")
    with django_assert_num_queries(0):
        second = second_visitor.get("/locations/naperville/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")

    tokens = [
        BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "form_token"})["value"]
        for response in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert all(read_form_token(token) is not None for token in tokens)
    assert "csrfmiddlewaretoken" not in second.content.decode() and not second.cookies


def test_the_form_on_a_cached_page_works_without_javascript(clinic, time_machine):
    """A browser without JavaScript posts the form exactly as the cached page
    has it: the token filled in on the way out, no CSRF cookie."""
    time_machine.move_to(datetime.datetime.now(datetime.UTC))
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/locations/naperville/")  # fills the cache
    page = visitor.get("/locations/naperville/")
    assert page["X-Page-Cache"] == "hit"
    token = BeautifulSoup(page.content, "html.parser").find("input", attrs={"name": "form_token"})["value"]

    time_machine.shift(60)  # a person takes a minute to fill it in
    response = visitor.post("/locations/naperville/", {**answers(clinic.offices["naperville"]), "form_token": token},
                            HTTP_SEC_FETCH_SITE="same-origin")

    assert response.status_code == 303
    assert Inquiry.objects.count() == 1


def test_a_clinicians_answer_about_new_clients_shows_at_once(client, practice, django_capture_on_commit_callbacks):
    path = practice.ben.url
    assert cached(client, path) == "miss" and cached(client, path) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        availability = Availability.objects.get(clinician=practice.ben)
        availability.status = Availability.ACCEPTING
        availability.save()

    assert cached(client, path) == "miss"


def test_fragments_follow_the_same_purges(client, site_pages, settings, django_capture_on_commit_callbacks):
    """A page rendered afresh reuses the menu and the crisis notice from the
    fragment cache, until a change purges them too."""
    settings.PAGE_CACHE_ENABLED, settings.FRAGMENT_CACHE_ENABLED = False, True
    with django_capture_on_commit_callbacks(execute=True):
        notice = CrisisNoticeFactory()
    assert "Help is free and confidential." in client.get("/about/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        notice.message = "Someone is there for you tonight."
        notice.save()

    assert "Someone is there for you tonight." in client.get("/about/").content.decode()


def _form_token(response):
    return BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "form_token"})["value"]


def test_a_remembered_form_still_gives_each_visitor_a_fresh_token_and_keeps_sent_answers(clinic, settings):
    """The fresh form's HTML is a fragment; the token is filled per response,
    and a form sent back with a problem is the visitor's own, not the fragment."""
    settings.PAGE_CACHE_ENABLED, settings.FRAGMENT_CACHE_ENABLED = False, True
    tokens = [_form_token(Client().get("/locations/naperville/")) for _ in range(2)]
    assert tokens[0] != tokens[1] and all(read_form_token(token) for token in tokens)

    refused = Client().post("/locations/naperville/", answers(clinic.offices["naperville"], name=""),
                            HTTP_SEC_FETCH_SITE="same-origin")
    assert refused.status_code == 400
    page = BeautifulSoup(refused.content, "html.parser")
    assert page.find(class_="error-summary") is not None
    assert page.find("input", attrs={"name": "email"})["value"] == answers()["email"]
