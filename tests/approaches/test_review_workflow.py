"""Clinicians edit their own pages and submit them; a clinical reviewer
approves or asks for changes; marketing publishes. The page then says who
reviewed it and when, from the approval itself."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from approaches.models import ApproachPage
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


def edit(page, user, **changes):
    """Save a draft with ``changes``, as the editor's "Save draft" does."""
    draft = ApproachPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=user)


def submit(page, user, **changes):
    """Edit, then "Submit to Clinical review, then marketing approval"; after a
    request for changes, the same button resubmits to the step that asked."""
    edit(page, user, **changes)
    page = ApproachPage.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)


def act(client, page, action, comment=""):
    """Approve or reject the page's current task, as the reviewer's modal does."""
    state = ApproachPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment} if comment else {})


def public_review(client, url):
    html = client.get(url).content.decode()
    line = re.search(r'<p class="review-line">(.*?)</p>', html, re.S)
    data = next(
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        if json.loads(block)["@type"] == "MedicalWebPage"
    )
    return (re.sub(r"<[^>]+>", "", line.group(1)) if line else None), data


def test_submitted_approved_and_published_page_shows_the_approval(client, reviewed_practice):
    p = reviewed_practice
    mail.outbox.clear()

    submit(p.play, p.clinician, summary="A new summary for parents.")
    assert ApproachPage.objects.get(pk=p.play.pk).current_workflow_task.name == "Clinical review"
    # The reviewers are told, with the title and a link only.
    to_reviewers = [m for m in mail.outbox if "ben@example.org" in m.to]
    assert to_reviewers and "Play therapy" in to_reviewers[0].body

    assert act(sign_in(client, p.reviewer), p.play, "approve").status_code == 302
    assert ApproachPage.objects.get(pk=p.play.pk).current_workflow_task.name == "Marketing approval"
    line, _ = public_review(client, "/approaches/play-therapy/")
    assert line is None  # approved clinically, not yet published

    assert act(sign_in(client, p.marketer), p.play, "approve").status_code == 302

    live = ApproachPage.objects.get(pk=p.play.pk)
    assert live.summary == "A new summary for parents." and not live.has_unpublished_changes
    assert live.reviewed_by == p.reviewer and live.last_reviewed == timezone.localdate()
    line, data = public_review(client, "/approaches/play-therapy/")
    assert line.startswith("Clinically reviewed by Ben Sample")
    assert data["reviewedBy"] == {"@type": "Person", "name": "Ben Sample",
                                  "url": "http://testserver/clinicians/ben-sample/"}
    assert data["lastReviewed"] == timezone.localdate().isoformat()


def test_rejected_page_goes_back_to_its_clinician_with_the_comment(client, reviewed_practice):
    p = reviewed_practice
    submit(p.play, p.clinician, summary="Too bold a claim.")
    mail.outbox.clear()

    act(sign_in(client, p.reviewer), p.play, "reject", comment="Please soften the second sentence.")

    state = WorkflowState.objects.get(object_id=str(p.play.pk), status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert state.requested_by == p.clinician
    to_clinician = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert to_clinician and "Please soften the second sentence." in to_clinician[0].body
    assert "Play therapy" in to_clinician[0].body
    assert ApproachPage.objects.get(pk=p.play.pk).summary != "Too bold a claim."  # nothing went live

    # The clinician fixes it and submits again; the review starts over.
    submit(p.play, p.clinician, summary="Gentler.")
    assert ApproachPage.objects.get(pk=p.play.pk).current_workflow_task.name == "Clinical review"
    act(sign_in(client, p.reviewer), p.play, "approve")
    act(sign_in(client, p.marketer), p.play, "approve")
    assert ApproachPage.objects.get(pk=p.play.pk).summary == "Gentler."


def test_an_edit_during_review_needs_the_clinical_approval_again(client, reviewed_practice):
    p = reviewed_practice
    submit(p.play, p.clinician, summary="First wording.")
    act(sign_in(client, p.reviewer), p.play, "approve")

    # Marketing changes the text while approving: the change was not reviewed.
    edit(p.play, p.marketer, summary="Wording nobody reviewed.")
    act(sign_in(client, p.marketer), p.play, "approve")

    page = ApproachPage.objects.get(pk=p.play.pk)
    assert page.current_workflow_task.name == "Clinical review"
    assert page.summary != "Wording nobody reviewed."  # not published

    act(sign_in(client, p.reviewer), p.play, "approve")
    act(sign_in(client, p.marketer), p.play, "approve")
    page = ApproachPage.objects.get(pk=p.play.pk)
    assert page.summary == "Wording nobody reviewed." and page.reviewed_by == p.reviewer


def test_review_date_is_the_day_of_approval(client, reviewed_practice, settings):
    p = reviewed_practice
    ApproachPage.objects.filter(pk=p.play.pk).update(last_reviewed=datetime.date(2024, 1, 1))
    submit(p.play, p.clinician, summary="Checked again.")
    act(sign_in(client, p.reviewer), p.play, "approve")
    act(sign_in(client, p.marketer), p.play, "approve")

    assert ApproachPage.objects.get(pk=p.play.pk).last_reviewed == timezone.localdate()
