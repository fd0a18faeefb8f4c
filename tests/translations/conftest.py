import pytest
from wagtail.rich_text import RichText

from portal.roles import MARKETING, TRANSLATOR_GROUPS
from tests.portal.factories import CrisisNoticeFactory, StandardPageFactory, UserFactory
from tests.translations.factories import translate_through_localize


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


@pytest.fixture
def spanish_translator(homes, roles):
    return UserFactory(username="translator-es", groups=[TRANSLATOR_GROUPS["es"]])


@pytest.fixture
def polish_translator(homes, roles):
    return UserFactory(username="translator-pl", groups=[TRANSLATOR_GROUPS["pl"]])


@pytest.fixture
def marketer(homes, roles):
    return UserFactory(username="marketer", groups=[MARKETING])


@pytest.fixture
def parking(homes):
    """An English page translated into Spanish and Polish through
    wagtail-localize: {"en": ..., "es": ..., "pl": ...}."""
    english = StandardPageFactory(
        parent=homes["en"], title="Parking and arrival", slug="parking",
        intro="Park behind the building.", body=body("The door code is on your reminder."),
    )
    return {
        "en": english,
        "es": translate_through_localize(english, "es"),
        "pl": translate_through_localize(english, "pl", translate_text=lambda text: f"PL {text}"),
    }


@pytest.fixture
def crisis_notices_through_localize(homes):
    english = CrisisNoticeFactory()
    return {
        "en": english,
        "es": translate_through_localize(english, "es"),
        "pl": translate_through_localize(english, "pl", translate_text=lambda text: f"PL {text}"),
    }
