"""When English is published with new text, its translations are listed as
out of date, with what changed, until they are translated and published."""

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core import mail

from wagtail.rich_text import RichText

from tests.harness.html_checker import html_problems
from tests.translations.factories import translate_remaining
from portal.celery import app
from translations import notifications
from translations.models import PendingUpdate
from translations.wagtail_hooks import say_which_translations_wait

pytestmark = pytest.mark.django_db


def with_paragraph(page, text):
    """The page's body with one paragraph added, as the editor adds it
    (the other blocks keep their ids)."""
    page.body.append(("paragraph", RichText(f"<p>{text}</p>")))
    return page.body


def publish_english(page, user=None, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def test_publishing_new_english_text_marks_each_translation_out_of_date(parking):
    publish_english(parking["en"], body=with_paragraph(parking["en"], "Bikes go in the rack."))

    updates = {u.locale.language_code: u for u in PendingUpdate.objects.select_related("locale")}
    assert set(updates) == {"es", "pl"}
    assert (updates["es"].segments_added, updates["es"].segments_changed, updates["es"].segments_removed) == (1, 0, 0)


def test_changed_and_removed_text_is_counted(parking):
    publish_english(parking["en"], intro="Park in the side lot.", body=[])

    update = PendingUpdate.objects.get(locale__language_code="es")
    assert (update.segments_added, update.segments_changed, update.segments_removed) == (0, 1, 1)


def test_counts_grow_over_several_english_publications_and_keep_the_first_date(parking):
    publish_english(parking["en"], intro="Park in the side lot.")
    first = PendingUpdate.objects.get(locale__language_code="es")
    publish_english(parking["en"], body=with_paragraph(parking["en"], "Bikes go in the rack."))

    update = PendingUpdate.objects.get(locale__language_code="es")
    assert (update.segments_added, update.segments_changed) == (1, 1)
    assert update.english_changed_at == first.english_changed_at


def test_republishing_english_unchanged_marks_nothing(parking):
    publish_english(parking["en"])
    assert not PendingUpdate.objects.exists()


def test_translating_and_publishing_clears_only_that_language(parking):
    publish_english(parking["en"], body=with_paragraph(parking["en"], "Bikes go in the rack."))

    translate_remaining(parking["es"])

    assert list(PendingUpdate.objects.values_list("locale__language_code", flat=True)) == ["pl"]
    parking["es"].refresh_from_db()
    assert "ES Bikes go in the rack." in str(parking["es"].body)


def test_publishing_a_half_translated_page_keeps_it_out_of_date(parking):
    publish_english(parking["en"], body=with_paragraph(parking["en"], "Bikes go in the rack."))
    spanish = type(parking["es"]).objects.get(pk=parking["es"].pk)

    spanish.save_revision().publish()

    assert PendingUpdate.objects.filter(locale__language_code="es").exists()


def test_visitors_keep_the_last_translation_and_see_which_english_version_it_follows(client, parking, tmp_path):
    url = parking["es"].url
    before = client.get(url).content.decode()
    assert "Translated from the English version" not in before

    publish_english(parking["en"], body=with_paragraph(parking["en"], "Bikes go in the rack."))

    page = client.get(url).content.decode()
    assert "ES The door code is on your reminder." in page
    assert "Bikes go in the rack." not in page
    assert 'class="translation-note' in page
    assert 'href="/parking/" hreflang="en"' in page

    assert html_problems({url: page.encode()}, tmp_path) == []

    translate_remaining(parking["es"])
    assert 'class="translation-note' not in client.get(url).content.decode()


def test_a_changed_fact_reaches_live_translations_at_once(homes, crisis_notices_through_localize):
    english = crisis_notices_through_localize["en"]
    english.crisis_line = "988"
    english.emergency_number = "112"
    english.save()

    spanish = crisis_notices_through_localize["es"]
    spanish.refresh_from_db()
    assert spanish.emergency_number == "112"
    assert spanish.heading.startswith("ES ")
    assert not PendingUpdate.objects.exists()


def test_a_changed_snippet_text_is_out_of_date_too(homes, crisis_notices_through_localize):
    english = crisis_notices_through_localize["en"]
    english.heading = "Need to talk to someone right now?"
    english.save()

    assert PendingUpdate.objects.filter(locale__language_code="es", segments_changed=1).exists()


def test_translators_of_each_language_are_emailed_titles_and_links_only(
    parking, spanish_translator, polish_translator, marketer
):
    secret = "Bikes go in the rack."
    publish_english(parking["en"], body=with_paragraph(parking["en"], secret))

    sent = notifications.notify(list(PendingUpdate.objects.values_list("pk", flat=True)))

    assert sent == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {spanish_translator.email, polish_translator.email}
    spanish = by_recipient[spanish_translator.email]
    assert "Parking and arrival" in spanish.body
    assert f"http://testserver/admin/pages/{parking['es'].pk}/edit/" in spanish.body
    assert f"/admin/pages/{parking['pl'].pk}/" not in spanish.body
    assert secret not in spanish.body and "door code" not in spanish.body


@pytest.fixture
def eager_celery():
    """Tasks run in this process as they are sent (the real task code)."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_publishing_english_emails_the_translators_once_it_is_committed(
    parking, spanish_translator, eager_celery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_english(parking["en"], body=with_paragraph(parking["en"], "Bikes go in the rack."))
        assert mail.outbox == []  # nothing before the commit

    assert [message.to for message in mail.outbox] == [[spanish_translator.email]]
    assert "Parking and arrival" in mail.outbox[0].subject + mail.outbox[0].body


def test_the_publisher_is_told_which_translations_now_wait(rf, parking, marketer):
    publish_english(parking["en"], intro="Park in the side lot.")
    request = rf.post(f"/admin/pages/{parking['en'].pk}/edit/")
    request.user = marketer
    request.session = {}
    request._messages = FallbackStorage(request)

    say_which_translations_wait(request, parking["en"])

    told = [str(message) for message in request._messages]
    assert len(told) == 1
    assert "The Spanish and Polish translations of 'Parking and arrival' now lack this change" in told[0]
