"""Translators reach only their own language, through every admin view:
Wagtail's page and snippet editors and each of wagtail-localize's views."""

from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from tests.blog.factories import TopicFactory
from tests.portal.factories import StandardPageFactory, UserFactory
from tests.portal.staff import sign_in
from tests.translations.factories import translate_through_localize

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with 403, or sends
    the user back to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def translation_of(translated):
    return Translation.objects.get(source__object_id=translated.translation_key, target_locale=translated.locale)


def localize_urls(translation):
    """Every wagtail-localize view that acts on one translation."""
    segment = StringSegment.objects.filter(source=translation.source).first()
    base = f"/admin/localize/translate/{translation.pk}"
    return {
        "edit string": ("put", f"{base}/strings/{segment.pk}/edit/", {"value": "Hola"}),
        "download PO": ("get", f"{base}/pofile/download/", None),
        "upload PO": ("post", f"{base}/pofile/upload/", None),
        "machine translate": ("post", f"{base}/machine_translate/", {}),
        "preview": ("get", f"{base}/preview/", None),
        "stop translation": ("post", f"{base}/disable/", {}),
    }


def call(client, method, url, data):
    if url.endswith("/pofile/upload/"):
        data = {"file": SimpleUploadedFile("t.po", str(polib.POFile()).encode(), content_type="text/x-gettext")}
    if method == "put":
        return client.put(url, urlencode(data), content_type="application/x-www-form-urlencoded")
    return getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)


def test_translators_are_refused_every_localize_view_of_another_language(client, parking, spanish_translator):
    sign_in(client, spanish_translator)
    for page in (parking["pl"],):
        for name, (method, url, data) in localize_urls(translation_of(page)).items():
            assert refused(call(client, method, url, data)), name
    assert Translation.objects.get(pk=translation_of(parking["pl"]).pk).enabled
    assert refused(client.post(f"/admin/localize/page/{parking['pl'].pk}/convert_to_alias/"))


def test_translators_use_the_localize_views_of_their_own_language(client, parking, spanish_translator):
    sign_in(client, spanish_translator)
    translation = translation_of(parking["es"])
    urls = localize_urls(translation)

    response = call(client, *urls["download PO"])
    assert response.status_code == 200
    assert b'msgid "Parking and arrival"' in response.content
    assert call(client, *urls["preview"]).status_code == 200
    assert call(client, *urls["edit string"]).status_code == 200


def test_the_translate_form_offers_only_the_translators_language(client, homes, spanish_translator):
    page = StandardPageFactory(parent=homes["en"], title="Parking and arrival", slug="parking")
    sign_in(client, spanish_translator)
    spanish, polish = Locale.objects.get(language_code="es"), Locale.objects.get(language_code="pl")

    form = client.get(f"/admin/localize/submit/page/{page.pk}/").content.decode()
    assert f'value="{spanish.pk}"' in form
    assert f'value="{polish.pk}"' not in form

    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [polish.pk]})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not page.has_translation(polish)

    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302
    assert page.has_translation(spanish)


def test_the_sync_view_acts_on_the_translators_language_only(
    client, parking, spanish_translator, django_capture_on_commit_callbacks
):
    english = parking["en"]
    english.title = "Parking, arrival and bikes"
    english.save_revision().publish()
    polish_revision = type(parking["pl"]).objects.get(pk=parking["pl"].pk).live_revision_id
    sign_in(client, spanish_translator)
    source = translation_of(parking["es"]).source

    page = client.get(f"/admin/localize/update/{source.pk}/").content.decode()
    assert "ES Parking and arrival" in page and "PL Parking and arrival" not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302
    # Published with the new (still English) title; Polish is untouched.
    assert type(parking["es"]).objects.get(pk=parking["es"].pk).title == "Parking, arrival and bikes"
    polish = type(parking["pl"]).objects.get(pk=parking["pl"].pk)
    assert (polish.title, polish.live_revision_id) == ("PL Parking and arrival", polish_revision)


def test_translators_edit_their_own_crisis_notice_only(client, crisis_notices_through_localize, spanish_translator):
    notices = crisis_notices_through_localize
    sign_in(client, spanish_translator)

    assert client.get(f"/admin/snippets/portal/crisisnotice/edit/{notices['es'].pk}/").status_code == 200
    for code in ("en", "pl"):
        assert refused(client.get(f"/admin/snippets/portal/crisisnotice/edit/{notices[code].pk}/")), code
        assert refused(client.post(f"/admin/snippets/portal/crisisnotice/edit/{notices[code].pk}/", {})), code
    for name, (method, url, data) in localize_urls(translation_of(notices["pl"])).items():
        assert refused(call(client, method, url, data)), name


def test_translators_translate_topics_into_their_own_language_only(client, homes, spanish_translator):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    spanish = translate_through_localize(sleep, "es")
    polish = translate_through_localize(sleep, "pl")
    sign_in(client, spanish_translator)

    assert client.get(f"/admin/snippets/blog/topic/edit/{spanish.pk}/").status_code == 200
    assert refused(client.get(f"/admin/snippets/blog/topic/edit/{polish.pk}/"))
    assert refused(client.get(f"/admin/snippets/blog/topic/edit/{sleep.pk}/"))
    form = client.get(f"/admin/localize/submit/snippet/blog/topic/{sleep.pk}/")
    assert form.status_code == 200


def test_staff_without_a_language_cannot_translate(client, parking, homes, roles):
    clinician = UserFactory(username="clinician", groups=["Clinicians"])
    sign_in(client, clinician)

    assert refused(client.get(f"/admin/localize/submit/page/{parking['en'].pk}/"))
    assert refused(client.get(f"/admin/localize/update/{translation_of(parking['es']).source.pk}/"))
    assert refused(call(client, *localize_urls(translation_of(parking["es"]))["download PO"]))


def test_marketing_reaches_every_language(client, parking, marketer):
    sign_in(client, marketer)
    for code in ("es", "pl"):
        assert call(client, *localize_urls(translation_of(parking[code]))["download PO"]).status_code == 200


def test_sync_refuses_to_publish_machine_translations_unread(client, parking, marketer):
    parking["en"].title = "Parking, arrival and bikes"
    parking["en"].save_revision().publish()
    sign_in(client, marketer)
    source = translation_of(parking["es"]).source

    response = client.post(f"/admin/localize/update/{source.pk}/",
                           {"publish_translations": "on", "use_machine_translation": "on"})

    assert response.status_code == 400
    assert "Machine translations are drafts" in response.content.decode()
    assert type(parking["es"]).objects.get(pk=parking["es"].pk).title == "ES Parking and arrival"
