"""Demo offices: the five towns from PRODUCT.md with ZIP-centre coordinates.

Street addresses, hours and closures are not known facts, so every one is
plainly marked as an example.
"""

import datetime

from django.db import transaction

from locations.models import Closure, LocationIndexPage, LocationPage, OpeningHours
from portal import illustrations
from portal.demo import MAIN_PHONE
from portal.demo_translations import publish_translation
from portal.models import HomePage

ORDER = 10

OFFICES = [
    # title/slug, ZIP (its centre becomes the coordinates)
    ("Naperville", "60540"),
    ("Plainfield", "60544"),
    ("Aurora", "60505"),
    ("Oswego", "60543"),
    ("Bolingbrook", "60440"),
]

INDEX = {
    "title": "Our offices",
    "slug": "locations",
    "intro": "Type your ZIP code or town to see which office is closest, or call us and we will help.",
}
DESCRIPTION = (
    "Example description for the demo: rooms for individual, couple and family sessions, "
    "and a play room for children."
)
PARKING = "Example: free parking beside the building."
TRANSIT = "Example: a Pace bus stop is a short walk away; call us for the route."
ACCESSIBILITY = "Example: step-free entrance, elevator and an accessible restroom."
LANGUAGES = "English, Spanish"
STREET = "{number} Example Street (example address)"

# Example hours: weekday, opens, closes (None: by appointment).
HOURS = [
    (0, "09:00", "20:00"),
    (1, "09:00", "20:00"),
    (2, "09:00", "20:00"),
    (3, "09:00", "20:00"),
    (4, "09:00", "17:00"),
    (5, None, None),
]
CLOSURES = [
    (datetime.date(2026, 11, 26), "Thanksgiving"),
    (datetime.date(2026, 12, 25), "Christmas Day"),
    (datetime.date(2027, 1, 1), "New Year's Day"),
]

PHRASEBOOKS = {
    "es": {
        "Our offices": "Nuestras oficinas",
        "locations": "locations",
        "Type your ZIP code or town to see which office is closest, or call us and we will help.":
            "Escriba su código postal o su ciudad para ver qué oficina le queda más cerca, o "
            "llámenos y le ayudaremos.",
        DESCRIPTION: "Descripción de ejemplo para la demostración: salas para sesiones individuales, "
        "de pareja y de familia, y una sala de juegos para niños.",
        PARKING: "Ejemplo: estacionamiento gratuito junto al edificio.",
        TRANSIT: "Ejemplo: hay una parada de autobús de Pace a pocos pasos; llámenos para conocer "
        "la ruta.",
        ACCESSIBILITY: "Ejemplo: entrada sin escalones, ascensor y baño accesible.",
        LANGUAGES: "inglés, español",
        "Thanksgiving": "Día de Acción de Gracias",
        "Christmas Day": "Navidad",
        "New Year's Day": "Año Nuevo",
    },
    "pl": {
        "Our offices": "Nasze gabinety",
        "locations": "locations",
        "Type your ZIP code or town to see which office is closest, or call us and we will help.":
            "Wpisz swój kod pocztowy lub miejscowość, aby zobaczyć najbliższy gabinet, albo "
            "zadzwoń, a pomożemy.",
        DESCRIPTION: "Przykładowy opis na potrzeby demonstracji: pokoje do sesji indywidualnych, "
        "par i rodzin oraz pokój zabaw dla dzieci.",
        PARKING: "Przykład: bezpłatny parking obok budynku.",
        TRANSIT: "Przykład: przystanek autobusu Pace jest kilka minut pieszo; zadzwoń, a podamy trasę.",
        ACCESSIBILITY: "Przykład: wejście bez schodów, winda i toaleta dostępna dla osób "
        "z niepełnosprawnościami.",
        LANGUAGES: "angielski, hiszpański",
        "Thanksgiving": "Święto Dziękczynienia",
        "Christmas Day": "Boże Narodzenie",
        "New Year's Day": "Nowy Rok",
    },
}
for book in PHRASEBOOKS.values():
    for name, _zip in OFFICES:
        book[name] = name
        book[name.lower()] = name.lower()


def _time(text):
    return datetime.time.fromisoformat(text) if text else None


def _index_page(home):
    index = LocationIndexPage.objects.child_of(home).first()
    if index is not None:
        return index, False
    index = LocationIndexPage(title=INDEX["title"], slug=INDEX["slug"], intro=INDEX["intro"],
                              show_in_menus=True, locale=home.locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


def _office(index, number, name, zip_code):
    office = LocationPage.objects.child_of(index).filter(slug=name.lower()).first()
    if office is not None:
        return office, False
    # A generated placeholder for the office's photo (its page and cards), drawn from its slug.
    image, _new = illustrations.illustration(f"Office illustration: {name}", name.lower())
    office = LocationPage(
        title=name,
        slug=name.lower(),
        locale=index.locale,
        street_address=STREET.format(number=100 * number),
        city=name,
        state="IL",
        zip_code=zip_code,  # coordinates are filled from the ZIP centre on save
        phone=MAIN_PHONE,
        intake_email=f"intake-{name.lower()}@example.org",
        description=DESCRIPTION,
        parking_notes=PARKING,
        transit_notes=TRANSIT,
        accessibility_notes=ACCESSIBILITY,
        languages_spoken=LANGUAGES,
        telehealth_offered=True,
        accepting_new_patients=True,
        photo=image,
        listing_image=image,
    )
    office.opening_hours = [
        OpeningHours(weekday=day, opens=_time(opens), closes=_time(closes), by_appointment=opens is None)
        for day, opens, closes in HOURS
    ]
    office.closures = [Closure(date=day, note=note, locale=index.locale) for day, note in CLOSURES]
    index.add_child(instance=office)
    office.save_revision().publish()
    return office, True


def load(progress):
    created = 0
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        index, new = _index_page(home)
        created += new
        offices = []
        for number, (name, zip_code) in enumerate(OFFICES, start=1):
            office, new = _office(index, number, name, zip_code)
            created += new
            offices.append(office)
        progress(f"office finder and {len(offices)} offices (addresses and hours are examples)")
        for code in ("es", "pl"):
            for page in [index, *offices]:
                created += publish_translation(page, code, PHRASEBOOKS[code]) is not None
            progress(f"{code} translations of the office pages")
    return created, []
