"""The review path in a real browser, on the demo clinic: the demo clinician
edits their approach page and submits it, the reviewer approves, marketing
publishes, and the public page shows the change with the new review date."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.formats import date_format

from approaches.models import ApproachPage
from portal.demo import DEMO_PASSWORD
from tests.portal.staff import sign_in_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NEW_SUMMARY = "Play is how young children say what they cannot yet put into words; here is how we use it."


def sign_out(page):
    page.context.clear_cookies()


def press(page, selector):
    """Footer actions sit in a dropdown; click them as the menu would."""
    with page.expect_navigation():
        page.locator(selector).first.evaluate("button => button.click()")


def test_clinician_edit_is_reviewed_published_and_shown_with_its_review_date(
        live_server, live_demo_site, browser_page):
    page, base = browser_page, live_server.url
    users = get_user_model().objects
    play = ApproachPage.objects.get(slug="play-therapy", locale__language_code="en")
    ApproachPage.objects.filter(pk=play.pk).update(last_reviewed=datetime.date(2025, 1, 15))
    edit_url = f"{base}/admin/pages/{play.pk}/edit/"

    # The clinician edits their page and submits it; they cannot publish.
    sign_in_in_browser(page, base, users.get(username="clinician"), DEMO_PASSWORD)
    page.goto(edit_url)
    page.locator("#id_summary").fill(NEW_SUMMARY)
    assert page.locator('button[name="action-publish"]').count() == 0
    press(page, 'button[name="action-submit"]')
    assert "submitted" in page.content().lower()
    sign_out(page)

    # The reviewer approves in the "Clinical review" step.
    sign_in_in_browser(page, base, users.get(username="reviewer"), DEMO_PASSWORD)
    page.goto(edit_url)
    assert page.locator("#id_summary").input_value() == NEW_SUMMARY
    press(page, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')
    sign_out(page)
    assert NEW_SUMMARY not in page.goto(base + "/approaches/").text()  # not live yet

    # Marketing approves the last step, which publishes.
    sign_in_in_browser(page, base, users.get(username="marketing"), DEMO_PASSWORD)
    page.goto(edit_url)
    press(page, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')
    sign_out(page)

    page.goto(base + "/approaches/play-therapy/")
    assert page.locator(".lead").inner_text() == NEW_SUMMARY
    with translation.override("en"):  # the English page's date format
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    review = page.locator(".review-line").inner_text()
    assert review == f"Clinically reviewed by Jordan Sample, {today}"
