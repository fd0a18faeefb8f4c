"""Site-wide content built with factories: the crisis notice in three
languages, and the plain pages every site has (an "About us" page in the
menu, a privacy notice in the footer) in English, Spanish and Polish."""

from types import SimpleNamespace

import pytest
from wagtail.rich_text import RichText

from tests.portal.factories import CrisisNoticeFactory, StandardPageFactory, translate, translate_snippet

HOME_TRANSLATIONS = {
    "es": {"title": "CARE Counseling", "heading": "Terapia para todas las edades"},
    "pl": {"title": "CARE Counseling", "heading": "Terapia w każdym wieku"},
}
CRISIS_TRANSLATIONS = {
    "es": {"heading": "¿Necesita ayuda ahora?", "message": "Llamar es gratis y confidencial."},
    "pl": {"heading": "Potrzebujesz pomocy teraz?", "message": "Rozmowa jest bezpłatna i poufna."},
}


def _body(heading, text):
    return [("heading", {"text": heading, "level": "h2"}), ("paragraph", RichText(f"<p>{text}</p>"))]


ABOUT = {
    "en": {"title": "About us", "slug": "about", "intro": "A group practice west of Chicago.",
           "body": _body("Who we see", "Children, teens, adults, couples and families.")},
    "es": {"title": "Quiénes somos", "slug": "quienes-somos", "intro": "Una consulta al oeste de Chicago.",
           "body": _body("A quién atendemos", "Niños, adolescentes, adultos, parejas y familias.")},
    "pl": {"title": "O nas", "slug": "o-nas", "intro": "Gabinety na zachód od Chicago.",
           "body": _body("Kogo przyjmujemy", "Dzieci, nastolatków, dorosłych, pary i rodziny.")},
}
PRIVACY = {
    "en": {"title": "Privacy notice", "slug": "privacy", "intro": "What this site keeps, and for how long.",
           "body": _body("No trackers", "This site loads nothing from other hosts.")},
    "es": {"title": "Aviso de privacidad", "slug": "privacidad", "intro": "Qué guarda este sitio y por cuánto tiempo.",
           "body": _body("Sin rastreadores", "Este sitio no carga nada de otros servidores.")},
    "pl": {"title": "Informacja o prywatności", "slug": "prywatnosc", "intro": "Co zapisuje ta strona i jak długo.",
           "body": _body("Bez śledzenia", "Ta strona nie ładuje niczego z innych serwerów.")},
}


@pytest.fixture
def crisis_notices(db):
    """The crisis notice in English, translated into Spanish and Polish in
    wagtail-localize: {"en": notice, "es": ..., "pl": ...}."""
    english = CrisisNoticeFactory()
    notices = {"en": english}
    for code, texts in CRISIS_TRANSLATIONS.items():
        notices[code] = translate_snippet(english, code, **texts)
    return notices


def _site_pages(homes):
    about = {"en": StandardPageFactory(parent=homes["en"], show_in_menus=True, **ABOUT["en"])}
    privacy = {"en": StandardPageFactory(parent=homes["en"], show_in_footer=True, **PRIVACY["en"])}
    for code in ("es", "pl"):
        about[code] = translate(about["en"], code, **ABOUT[code])
        privacy[code] = translate(privacy["en"], code, **PRIVACY[code])
    return SimpleNamespace(homes=homes, about=about, privacy=privacy)


@pytest.fixture
def site_pages(homes):
    """Home, "About us" (in the menu) and the privacy notice (in the footer),
    each in English, Spanish and Polish: ``.homes``, ``.about``, ``.privacy``
    ({"en": page, ...}). English paths: /about/, /privacy/; Spanish:
    /es/quienes-somos/, /es/privacidad/; Polish: /pl/o-nas/, /pl/prywatnosc/."""
    return _site_pages(homes)


@pytest.fixture
def live_site_pages(live_home):
    """``site_pages`` for tests that commit (a live server for a browser)."""
    homes = {"en": live_home}
    for code, fields in HOME_TRANSLATIONS.items():
        homes[code] = translate(live_home, code, **fields)
    return _site_pages(homes)
