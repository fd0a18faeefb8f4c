"""Each office has a page in every language with its facts, hours and JSON-LD."""

import datetime
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import TranslationSource

from locations.geocoding import zip_centroid
from locations.models import LocationPage
from tests.locations.factories import OfficeFactory, translate_in_editor
from tests.portal.factories import translate

pytestmark = pytest.mark.django_db

OFFICE_URLS = {"en": "/locations/naperville/", "es": "/es/locations/naperville/", "pl": "/pl/locations/naperville/"}
# Long days Monday to Thursday, a short Friday, Saturdays by appointment, closed on Sundays.
LONG_WEEK = [(day, datetime.time(9), datetime.time(20)) for day in range(4)] + [
    (4, datetime.time(9), datetime.time(17)),
    (5, None, None),
]


def page_soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    [script] = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.fixture
def naperville(finders):
    """Naperville (ZIP 60540) with LONG_WEEK hours, in English, Spanish and Polish."""
    office = OfficeFactory(parent=finders["en"], title="Naperville", hours=LONG_WEEK)
    return {"en": office, **{code: translate(office, code) for code in ("es", "pl")}}


@pytest.mark.smoke
@pytest.mark.parametrize("language", OFFICE_URLS)
def test_office_page_renders_in_each_language_with_valid_json_ld(client, naperville, language):
    soup = page_soup(client, OFFICE_URLS[language])

    assert soup.html["lang"] == language
    data = json_ld(soup)
    assert data["@type"] == "MedicalClinic"
    assert data["name"] == "Naperville"
    assert data["telephone"] == "630-791-0444"
    assert data["address"]["streetAddress"] == naperville["en"].street_address
    assert data["address"]["postalCode"] == "60540"
    assert data["address"]["addressLocality"] == "Naperville"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 41.7662, "longitude": -88.141}
    assert data["isAcceptingNewPatients"] is True
    assert data["parentOrganization"]["name"] == "CARE Counseling"
    days = {spec["dayOfWeek"].rsplit("/", 1)[1]: (spec["opens"], spec["closes"])
            for spec in data["openingHoursSpecification"]}
    assert days["Monday"] == ("09:00", "20:00") and days["Friday"] == ("09:00", "17:00")
    assert "Saturday" not in days  # by appointment: no fixed hours to announce
    assert "Sunday" not in days


def test_translated_page_shows_the_english_address_and_translated_notes(client, translated_offices):
    aurora = translated_offices["en"]["aurora"]

    soup = page_soup(client, "/es/locations/aurora/")

    address = soup.find("address").get_text(" ", strip=True)
    assert aurora.street_address in address
    assert "Aurora, IL 60505" in address
    assert "Estacionamiento gratuito junto al edificio." in soup.get_text()
    assert "Free parking" not in soup.get_text()
    assert soup.find("h2", id="hours-heading").get_text(strip=True) == "Horario"


def test_office_page_offers_directions_phone_and_status(client, finder):
    OfficeFactory(parent=finder, title="Plainfield")

    soup = page_soup(client, "/locations/plainfield/")

    assert soup.find("a", href="tel:+16307910444")
    directions = soup.find("a", string="Get directions")["href"]
    assert directions.startswith("https://www.google.com/maps/dir/?api=1&destination=")
    assert "Plainfield" in directions
    assert soup.find(class_="office__status").get_text(strip=True)


def test_intake_email_is_never_shown(client, finders):
    oswego = OfficeFactory(parent=finders["en"], title="Oswego", intake_email="intake-oswego@example.org")
    translate(oswego, "es")

    for path in ("/locations/oswego/", "/locations/", "/es/locations/oswego/", "/es/locations/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"Oswego" in response.content, path
        assert b"intake-oswego@example.org" not in response.content, path


def test_map_is_an_enhancement_over_the_address(client, finder, settings):
    OfficeFactory(parent=finder, title="Bolingbrook")

    soup = page_soup(client, "/locations/bolingbrook/")
    markers = json.loads(soup.find("script", id="office-map-markers").string)
    assert markers == [{"name": "Bolingbrook", "url": "/locations/bolingbrook/",
                        "lat": 41.6976, "lng": -88.0873}]
    assert soup.find(attrs={"data-office-map-show": True}).has_attr("hidden")  # shown only by JS
    assert not soup.find("script", src="/static/vendor/leaflet/leaflet.js")  # only after a click

    settings.MAP_TILE_URL = ""
    soup = page_soup(client, "/locations/bolingbrook/")
    assert not soup.find(attrs={"data-office-map-show": True})
    assert not soup.find("script", id="office-map-markers")
    assert soup.select_one(".office-map svg[role=img]")  # the picture needs no tiles
    assert "Bolingbrook, IL 60440" in soup.find("address").get_text(" ", strip=True)


def test_empty_coordinates_are_filled_from_the_zip_code(finder):
    office = OfficeFactory(parent=finder, title="Oswego", zip_code="60543",
                           latitude=Decimal("41.690001"), longitude=Decimal("-88.350002"))
    office.latitude = office.longitude = None
    office.save()

    office.refresh_from_db()
    assert (office.latitude, office.longitude) == (Decimal("41.684900"), Decimal("-88.345300"))


def test_coordinates_set_by_staff_are_kept(finder):
    office = OfficeFactory(parent=finder, title="Oswego", zip_code="60543")
    office.latitude, office.longitude = Decimal("41.690001"), Decimal("-88.350002")
    office.save()

    office.refresh_from_db()
    assert (office.latitude, office.longitude) == (Decimal("41.690001"), Decimal("-88.350002"))


def test_address_and_hours_edited_in_english_reach_translations(client, finders,
                                                                 django_capture_on_commit_callbacks):
    office = OfficeFactory(parent=finders["en"], title="Aurora", street_address="300 Old Street")
    translate_in_editor(office, "pl", {office.parking_notes: "Bezpłatny parking obok budynku."})
    before = page_soup(client, "/pl/locations/aurora/")
    assert "300 Old Street" in before.find("address").get_text()
    assert "18:00" not in before.find("table", class_="hours").get_text()

    office.street_address = "12 New Street"
    friday = office.opening_hours.get(weekday=4)
    friday.closes = datetime.time(18)
    friday.save()
    office.save_revision().publish()
    # What "Sync translated pages" does after an edit (it publishes once the change is committed).
    with django_capture_on_commit_callbacks(execute=True):
        source, _ = TranslationSource.update_or_create_from_instance(office)
        for translation in source.translations.all():
            translation.save_target(publish=True)

    soup = page_soup(client, "/pl/locations/aurora/")
    assert "12 New Street" in soup.find("address").get_text()
    assert "300 Old Street" not in soup.find("address").get_text()
    assert "18:00" in soup.find("table", class_="hours").get_text()
    assert "Bezpłatny parking obok budynku." in soup.get_text()  # the translation is kept


def test_office_menu_link_in_every_language(client, finders):
    for prefix, label in (("", "Our offices"), ("/es", "Nuestras oficinas"), ("/pl", "Nasze gabinety")):
        soup = page_soup(client, f"{prefix}/")
        link = soup.select_one(".main-menu").find("a", string=label)
        assert link["href"] == f"{prefix}/locations/"


def test_hours_table_lists_the_whole_week_including_closed_days(client, finder):
    OfficeFactory(parent=finder, title="Naperville", hours=LONG_WEEK)

    rows = page_soup(client, "/locations/naperville/").select("table.hours tr")

    cells = [(row.th.get_text(strip=True), row.td.get_text(strip=True)) for row in rows]
    assert [day for day, _ in cells] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
    assert cells[0] == ("Monday", "9 a.m.–8 p.m.")
    assert cells[4] == ("Friday", "9 a.m.–5 p.m.")
    assert cells[5] == ("Saturday", "By appointment")
    assert cells[6] == ("Sunday", "Closed")


def test_preview_of_a_new_unsaved_office_renders(rf, home):
    office = OfficeFactory.build(title="New office", slug="new", street_address="1 Example Street",
                                 city="Aurora", zip_code="60505",
                                 hours=[(0, datetime.time(9), datetime.time(17))])

    response = office.make_preview_request(original_request=rf.get("/admin/"))

    assert response.status_code == 200
    assert b"1 Example Street" in response.content
    assert b"Aurora, IL 60505" in response.content


def test_translators_cannot_override_synchronised_facts(finder):
    """The translation editor offers no override for address, phone, e-mails or coordinates."""
    from wagtail_localize.fields import get_translatable_fields

    office = OfficeFactory(parent=finder, title="Naperville")
    fields = {field.field_name: field for field in get_translatable_fields(LocationPage)}
    for name in ("street_address", "city", "zip_code", "phone", "intake_email", "latitude", "longitude"):
        assert fields[name].is_synchronized(office), name
        assert not fields[name].is_overridable(office), name


def test_changing_the_zip_code_moves_coordinates_that_came_from_the_old_one(finder):
    office = OfficeFactory(parent=finder, title="Oswego", zip_code="60543")
    office.zip_code = "60560"  # Yorkville
    office.save()

    office.refresh_from_db()
    assert (office.latitude, office.longitude) != (Decimal("41.684900"), Decimal("-88.345300"))
    assert (office.latitude, office.longitude) == zip_centroid("60560").rounded()
