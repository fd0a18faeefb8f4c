"""Translating offline with a PO file, as a translation agency would: download
it from wagtail-localize's editor, change a msgstr, upload it, publish, and
the public Spanish site shows the new wording. For a page and for the crisis
notice (a translatable snippet)."""

import html

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from portal.models import CrisisNotice
from tests.portal.factories import CrisisNoticeFactory, StandardPageFactory, locale
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


def translation_into_spanish(instance, user):
    """What "Translate" in the admin does: a Spanish copy and its Translation."""
    translate_object(instance, [locale("es")], user=user)
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale("es"))


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-es.po")
    return polib.pofile(response.content.decode())


def upload_po(client, translation, po, editor_url):
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("translation-es.po", str(po).encode(), "text/x-gettext-translation"),
         "next": editor_url},
        follow=True,
    )
    assert response.redirect_chain[0] == (editor_url, 302)
    assert "Successfully imported translations from PO File." in html.unescape(response.content.decode())


def change_msgstr(po, msgctxt, msgstr):
    [entry] = [entry for entry in po if entry.msgctxt == msgctxt]
    entry.msgstr = msgstr


def publish_in_editor(client, editor_url, capture_on_commit):
    """The "Publish in Spanish" button of wagtail-localize's editor. It
    publishes once the request's transaction commits, which a test's
    transaction never does: the callbacks are run as a commit would."""
    with capture_on_commit(execute=True):
        response = client.post(editor_url, {"action": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_page_translated_in_a_po_file_goes_live_in_spanish(
    client, homes, admin_user, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=homes["en"], title="Parking and arrival", slug="parking",
                               intro="Park behind the building.")
    translation = translation_into_spanish(page, admin_user)
    spanish = page.get_translation(locale("es"))
    assert client.get("/es/parking/").status_code == 404  # a draft until someone publishes it
    sign_in(client, admin_user)
    editor_url = f"http://testserver/admin/pages/{spanish.pk}/edit/"

    po = download_po(client, translation)
    change_msgstr(po, "intro", "Aparque detrás del edificio.")
    upload_po(client, translation, po, editor_url)
    publish_in_editor(client, editor_url, django_capture_on_commit_callbacks)

    spanish.refresh_from_db()
    assert spanish.live
    public = client.get("/es/parking/")
    assert public.status_code == 200
    assert "Aparque detrás del edificio." in html.unescape(public.content.decode())
    assert "Park behind the building." in client.get("/parking/").content.decode()


def test_the_crisis_notice_translated_in_a_po_file_shows_on_spanish_pages(
    client, homes, admin_user, django_capture_on_commit_callbacks
):
    english = CrisisNoticeFactory(heading="In crisis?", message="Help is free and confidential.")
    translation = translation_into_spanish(english, admin_user)
    spanish = english.get_translation(locale("es"))
    sign_in(client, admin_user)
    editor_url = "http://testserver" + reverse("wagtailsnippets_portal_crisisnotice:edit", args=[spanish.pk])

    po = download_po(client, translation)
    change_msgstr(po, "heading", "¿Necesita ayuda ahora?")
    upload_po(client, translation, po, editor_url)
    publish_in_editor(client, editor_url, django_capture_on_commit_callbacks)

    assert CrisisNotice.objects.get(pk=spanish.pk).heading == "¿Necesita ayuda ahora?"
    spanish_home = html.unescape(client.get("/es/").content.decode())
    assert '<h2 id="crisis-heading" class="crisis-notice__heading">¿Necesita ayuda ahora?</h2>' in spanish_home
    assert "In crisis?" in client.get("/").content.decode()
