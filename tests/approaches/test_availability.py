"""Clinicians confirm whether they take new clients; an answer older than
AVAILABILITY_STALE_DAYS reads "call to ask" and its clinician is reminded."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from approaches.models import Availability
from approaches.tasks import remind_stale_availability
from tests.approaches.factories import set_availability
from tests.portal.factories import translate
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


def test_a_clinician_confirms_their_own_answer(client, reviewed_practice):
    p = reviewed_practice
    row = set_availability(p.ana, "yes", days_ago=40)
    sign_in(client, p.clinician)

    response = client.post(reverse("approaches_availability:edit", args=[row.pk]), {"status": "waitlist"})

    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "waitlist" and row.confirmed_on == timezone.localdate()
    assert "Waitlist for new clients" in client.get("/clinicians/ana-example/").content.decode()


def test_a_clinician_cannot_change_someone_elses_answer(client, reviewed_practice):
    p = reviewed_practice
    bens = Availability.objects.get(clinician=p.ben)
    sign_in(client, p.clinician)

    response = client.post(reverse("approaches_availability:edit", args=[bens.pk]), {"status": "yes"})

    assert response.status_code in (302, 403, 404)
    bens.refresh_from_db()
    assert bens.status == "waitlist"
    listed = client.get(reverse("approaches_availability:index")).content.decode()
    assert "Ana Example" in listed and "Ben Sample" not in listed


def test_the_answer_is_the_same_in_every_language(client, reviewed_practice, homes):
    p = reviewed_practice
    translate(p.directory, "es", title="Nuestros terapeutas")
    translate(p.ana, "es", short_bio="Trabaja con familias.")
    set_availability(p.ana, "waitlist")

    html = client.get("/es/clinicians/ana-example/").content.decode()

    assert "Trabaja con familias." in html
    assert "lista de espera" in html.lower()


def test_stale_answers_are_reminded_once_a_week(reviewed_practice, settings):
    settings.AVAILABILITY_STALE_DAYS = 30
    p = reviewed_practice
    set_availability(p.ana, "yes", days_ago=31)
    set_availability(p.ben, "waitlist", days_ago=3)
    mail.outbox.clear()

    assert remind_stale_availability() == 1
    assert remind_stale_availability() == 0  # not again the same week

    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    row = Availability.objects.get(clinician=p.ana)
    assert reverse("approaches_availability:edit", args=[row.pk]) in message.body
