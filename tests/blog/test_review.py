"""Articles a clinician writes go through clinical review and marketing
approval; the approval is shown on the article, and reviewed articles for
parents come back to the reviewers after 18 months."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from approaches.review import due_for_review
from blog.models import ArticlePage
from tests.blog.fixtures import build_blog
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed_blog(reviewed_practice):
    b = build_blog(reviewed_practice)
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # the workflow now finds the blog
    b.p = reviewed_practice
    return b


def act(client, page, action):
    state = ArticlePage.objects.get(pk=page.pk).current_workflow_task_state
    return client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk]))


def test_clinicians_article_is_reviewed_then_published_by_marketing(client, reviewed_blog):
    b = reviewed_blog
    sign_in(client, b.p.clinician)
    add_url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", b.index.pk])
    assert client.get(add_url).status_code == 200  # clinicians may start articles

    draft = ArticlePage(title="Sharing a worry", slug="sharing-a-worry", summary="How to listen.",
                        body=[("paragraph", "<p>Listen first.</p>")], for_parents=True, owner=b.p.clinician, live=False)
    b.index.add_child(instance=draft)
    draft.save_revision(user=b.p.clinician)
    draft.get_workflow().start(draft, b.p.clinician)
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200  # their own article
    assert not ArticlePage.objects.get(pk=draft.pk).permissions_for_user(b.p.clinician).can_publish()

    assert act(sign_in(client, b.p.reviewer), draft, "approve").status_code == 302
    assert not ArticlePage.objects.get(pk=draft.pk).live
    assert act(sign_in(client, b.p.marketer), draft, "approve").status_code == 302

    live = ArticlePage.objects.get(pk=draft.pk)
    assert live.live and live.reviewed_by == b.p.reviewer and live.last_reviewed == timezone.localdate()
    html = client.get("/blog/sharing-a-worry/").content.decode()
    assert "Clinically reviewed by" in html and "Ben Sample" in html


def test_clinicians_cannot_edit_other_peoples_articles(client, reviewed_blog):
    b = reviewed_blog
    response = sign_in(client, b.p.clinician).get(f"/admin/pages/{b.school.pk}/edit/")
    assert response.status_code in (302, 403)


def test_reviewed_parent_articles_are_due_after_18_months(reviewed_blog):
    b = reviewed_blog
    today = timezone.localdate()
    ArticlePage.objects.filter(pk=b.bedtime.pk).update(
        last_reviewed=today - datetime.timedelta(days=549), reviewed_by=b.p.reviewer)
    ArticlePage.objects.filter(pk=b.school.pk).update(
        last_reviewed=today - datetime.timedelta(days=540), reviewed_by=b.p.reviewer)
    ArticlePage.objects.filter(pk=b.phones.pk).update(  # for teens, not parents
        last_reviewed=today - datetime.timedelta(days=900), reviewed_by=b.p.reviewer)

    due = [page.title for page in due_for_review() if isinstance(page, ArticlePage)]

    assert due == ["Calm at bedtime"]


def test_the_review_report_lists_due_articles(client, reviewed_blog):
    b = reviewed_blog
    ArticlePage.objects.filter(pk=b.bedtime.pk).update(
        last_reviewed=timezone.localdate() - datetime.timedelta(days=600), reviewed_by=b.p.reviewer)

    html = sign_in(client, b.p.reviewer).get(reverse("approaches_reviews_due")).content.decode()

    assert "Calm at bedtime" in html
