"""/blog/feed/ per language: RSS 2.0 with live articles of that language only."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    return root.find("channel")


def test_english_feed_lists_live_english_articles_newest_first(client, blog_in_three_languages):
    channel = feed(client, "/blog/feed/")

    assert channel.findtext("title") == "Articles for parents | CARE Counseling"
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == "http://testserver/blog/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Looking after yourself", "Teens, phones and sleep", "Big feelings at school", "Calm at bedtime"]
    school = items[2]
    assert school.findtext("link") == "http://testserver/blog/big-feelings-at-school/"
    assert school.findtext("description") == "What parents can learn from big feelings at school."
    assert parsedate_to_datetime(school.findtext("pubDate")).date().isoformat() == "2026-10-15"
    assert [c.text for c in school.findall("category")] == ["Big feelings"]
    assert school.findtext("guid") == "http://testserver/blog/big-feelings-at-school/"


@pytest.mark.smoke
def test_spanish_feed_has_only_the_spanish_article(client, blog_in_three_languages):
    channel = feed(client, "/es/blog/feed/")

    assert channel.findtext("language") == "es"
    assert [item.findtext("link") for item in channel.findall("item")] == [
        "http://testserver/es/blog/calm-at-bedtime/"]
    assert channel.find("item").findtext("title") == "Calma a la hora de dormir"
    assert [c.text for c in channel.find("item").findall("category")] == ["Sueño"]


def test_polish_feed_is_valid_and_empty(client, blog_in_three_languages):
    channel = feed(client, "/pl/blog/feed/")

    assert channel.findtext("language") == "pl"
    assert channel.findall("item") == []


def test_drafts_and_unpublished_articles_stay_out(client, blog):
    blog.school.unpublish()

    titles = [item.findtext("title") for item in feed(client, "/blog/feed/").findall("item")]
    assert "Big feelings at school" not in titles and "Unpublished thoughts" not in titles
