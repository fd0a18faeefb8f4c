"""Alt text in the visitor's language: an image's description is its
English alt text; translators translate it like a snippet, and pages in
their language use it."""

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from portal.alt_text import localized_alt_text
from portal.models import ImageDescription
from portal.roles import MARKETING, TRANSLATOR_GROUPS
from tests.portal.factories import ImageFactory, UserFactory
from tests.portal.staff import sign_in
from tests.translations.factories import translate_through_localize
from translations.models import PendingUpdate

pytestmark = pytest.mark.django_db


def english_description(image):
    return ImageDescription.objects.get(image=image, locale__language_code="en")


def test_an_images_description_is_its_english_alt_text_and_follows_it(homes):
    image = ImageFactory(description="A quiet room with two armchairs")
    assert english_description(image).alt_text == "A quiet room with two armchairs"

    image.description = "A quiet room with two armchairs and a lamp"
    image.save()
    assert english_description(image).alt_text == "A quiet room with two armchairs and a lamp"

    image.is_decorative = True
    image.save()
    assert not ImageDescription.objects.filter(image=image).exists()


def portrait(image):
    """What a clinician page renders for its photo (no alt given: the image's own)."""
    return Template('{% load image_tags %}{% responsive_image image "portrait" %}').render(Context({"image": image}))


def test_pages_use_the_description_in_their_language(homes, django_assert_num_queries):
    image = ImageFactory(description="A quiet room with two armchairs")
    with translation.override("es"):
        assert 'alt="A quiet room with two armchairs"' in portrait(image)  # not translated yet

    translate_through_localize(english_description(image), "es",
                               translate_text=lambda text: "Una sala tranquila con dos sillones")
    with translation.override("es"):
        assert 'alt="Una sala tranquila con dos sillones"' in portrait(image)
        localized_alt_text(image)
        with django_assert_num_queries(0):  # a cached map per language, not a query per image
            assert localized_alt_text(image) == "Una sala tranquila con dos sillones"
    with translation.override("pl"):
        assert 'alt="A quiet room with two armchairs"' in portrait(image)
    with translation.override("en"):
        assert 'alt="A quiet room with two armchairs"' in portrait(image)


def test_a_changed_english_description_makes_the_translation_out_of_date(homes):
    image = ImageFactory(description="A quiet room")
    translate_through_localize(english_description(image), "es")

    image.description = "A quiet room with a lamp"
    image.save()

    update = PendingUpdate.objects.get(locale__language_code="es")
    assert update.segments_changed == 1


def test_translators_translate_descriptions_of_their_language_only(client, homes, roles):
    image = ImageFactory(description="A quiet room")
    english = english_description(image)
    spanish = translate_through_localize(english, "es")
    polish = translate_through_localize(english, "pl")
    sign_in(client, UserFactory(username="tr-es", groups=[TRANSLATOR_GROUPS["es"]]))

    assert client.get(f"/admin/snippets/portal/imagedescription/edit/{spanish.pk}/").status_code == 200
    for other in (english, polish):
        response = client.get(f"/admin/snippets/portal/imagedescription/edit/{other.pk}/")
        assert response.status_code == 403 or response["Location"] == "/admin/"
    untranslated = english_description(ImageFactory(description="A waiting room"))
    form = client.get(f"/admin/localize/submit/snippet/portal/imagedescription/{untranslated.pk}/").content.decode()
    assert f'value="{Locale.objects.get(language_code="es").pk}"' in form
    assert f'value="{Locale.objects.get(language_code="pl").pk}"' not in form


def test_marketing_is_sent_to_the_image_for_english_alt_text(client, homes, roles):
    image = ImageFactory(description="A quiet room")
    sign_in(client, UserFactory(username="mk", groups=[MARKETING]))

    response = client.get(f"/admin/snippets/portal/imagedescription/edit/{english_description(image).pk}/")

    assert response.status_code == 302 and response["Location"] == f"/admin/images/{image.pk}/"
