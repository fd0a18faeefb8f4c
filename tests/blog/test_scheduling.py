"""Marketing schedules an article: it goes live when beat's task finds its
time has come, and a draft with a go-live date is not mistaken for scheduled."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import ArticlePage
from portal.roles import MARKETING
from portal.tasks import publish_scheduled_pages
from tests.blog.factories import ArticleFactory
from tests.portal.factories import UserFactory
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 12, 1, 18, 0, tzinfo=datetime.UTC)  # noon in Chicago


def beat_runs_the_publishing_task():
    """What Celery beat sends every minute, run in this process."""
    assert settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]["task"] == publish_scheduled_pages.name
    publish_scheduled_pages.apply().get()


def test_scheduled_article_appears_when_its_time_passes(client, blog):
    with time_machine.travel(NOON, tick=False):
        article = ArticleFactory(parent=blog.index, title="Winter routines", slug="winter-routines", live=False)
        article.go_live_at = NOON + datetime.timedelta(hours=2)
        article.save_revision().publish()  # with a future go-live time: scheduled, not live
        assert not ArticlePage.objects.get(pk=article.pk).live
        assert client.get("/blog/winter-routines/").status_code == 404

    with time_machine.travel(NOON + datetime.timedelta(hours=1, minutes=59), tick=False):
        beat_runs_the_publishing_task()
        assert client.get("/blog/winter-routines/").status_code == 404

    with time_machine.travel(NOON + datetime.timedelta(hours=2, minutes=1), tick=False):
        beat_runs_the_publishing_task()
        assert client.get("/blog/winter-routines/").status_code == 200
        assert "Winter routines" in client.get("/blog/").content.decode()
        assert "Winter routines" in client.get("/blog/feed/").content.decode()


def article_form(**fields):
    return nested_form_data({
        "title": "Winter routines", "slug": "winter-routines", "summary": "Evenings when it is dark early.",
        "body": streamfield([("paragraph", rich_text("<p>Light, warmth and a calm voice.</p>"))]),
        "authors": inline_formset([]), "approach_links": inline_formset([]), "comments": inline_formset([]),
        **fields,
    })


def test_saving_a_draft_with_a_go_live_date_says_it_is_not_scheduled(client, blog, roles):
    sign_in(client, UserFactory(username="marketing", groups=[MARKETING]))
    add_url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.index.pk])

    response = client.post(add_url, article_form(go_live_at="2030-01-07 09:00"), follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert any("is saved as a draft and is not scheduled yet. Press Publish" in m and "2030" in m
               for m in messages), messages
    article = ArticlePage.objects.get(slug="winter-routines")
    assert not article.live and article.scheduled_revision is None


def test_publishing_with_a_go_live_date_schedules_without_the_warning(client, blog, roles):
    sign_in(client, UserFactory(username="marketing", groups=[MARKETING]))
    add_url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.index.pk])

    response = client.post(add_url, article_form(go_live_at="2030-01-07 09:00", **{"action-publish": "1"}),
                           follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert not any("not scheduled" in m for m in messages), messages
    article = ArticlePage.objects.get(slug="winter-routines")
    assert not article.live and article.scheduled_revision is not None
