"""/blog/: newest first, filters alone and combined, pagination, empty states."""

import re

import pytest

from blog.models import ARTICLES_PER_PAGE
from tests.blog.factories import ArticleFactory, BlogIndexFactory

pytestmark = pytest.mark.django_db


def titles(response):
    """Article titles on the page, in order."""
    html = response.content.decode()
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_lists_live_articles_newest_first(client, blog):
    response = client.get("/blog/")

    assert response.status_code == 200
    assert titles(response) == ["Looking after yourself", "Teens, phones and sleep", "Big feelings at school",
                                "Calm at bedtime"]
    assert "Unpublished thoughts" not in response.content.decode()


# The blog takes seconds to build: each table is checked against one build.
ALONE = [
    ("for=parents", ["Big feelings at school", "Calm at bedtime"]),
    ("for=educators", ["Big feelings at school"]),
    ("for=teens", ["Teens, phones and sleep"]),
    ("age=early-years", ["Calm at bedtime"]),
    ("age=teenagers", ["Teens, phones and sleep"]),
    ("topic=sleep", ["Teens, phones and sleep", "Calm at bedtime"]),
    ("topic=big-feelings", ["Teens, phones and sleep", "Big feelings at school"]),
    ("approach=play-therapy", ["Calm at bedtime"]),
    ("approach=ifs", ["Looking after yourself"]),
]
COMBINED = [
    ("for=parents&topic=sleep", ["Calm at bedtime"]),
    ("topic=big-feelings&age=school-age", ["Big feelings at school"]),
    ("for=parents&age=school-age&topic=big-feelings&approach=emdr", ["Big feelings at school"]),
    ("for=teens&topic=sleep&age=teenagers", ["Teens, phones and sleep"]),
]


def test_each_filter_alone(client, blog):
    found = {query: titles(client.get(f"/blog/?{query}")) for query, _expected in ALONE}
    assert found == dict(ALONE)


@pytest.mark.smoke
def test_filters_combine(client, blog):
    found = {query: titles(client.get(f"/blog/?{query}")) for query, _expected in COMBINED}
    assert found == dict(COMBINED)


def test_filters_that_match_nothing_say_so_and_offer_to_clear_them(client, blog):
    response = client.get("/blog/?for=educators&topic=sleep")
    html = response.content.decode()

    assert response.status_code == 200
    assert titles(response) == []
    assert "No article matches all of these filters yet." in html
    assert '<a href="/blog/">Clear filters and show every article</a>' in html


UNKNOWN = ["for=grandparents", "topic=no-such-topic", "approach=astrology", "age=%00", "topic=" + "x" * 5000]


def test_unknown_filter_values_show_the_empty_state(client, blog):
    for query in UNKNOWN:
        response = client.get(f"/blog/?{query}")

        assert response.status_code == 200, query
        assert titles(response) == [], query
        assert "Clear filters and show every article" in response.content.decode(), query


def test_filter_choices_show_topics_and_approaches_that_have_articles(client, blog):
    html = client.get("/blog/").content.decode()

    assert '<option value="sleep">Sleep</option>' in html
    assert '<option value="play-therapy">Play therapy</option>' in html
    assert '<option value="ifs">Internal Family Systems</option>' in html


def test_selected_filters_stay_selected(client, blog):
    html = client.get("/blog/?for=parents&topic=sleep").content.decode()

    assert '<option value="parents" selected>Parents</option>' in html
    assert '<option value="sleep" selected>Sleep</option>' in html
    assert "1 article matches" in html


def more_articles(blog, count):
    for number in range(count):
        ArticleFactory(parent=blog.index, title=f"Extra article {number}", slug=f"extra-{number}",
                       published=f"2026-09-{1 + number % 28:02d}T08:00")


def test_pagination_keeps_filters_and_elides_the_range(client, blog):
    more_articles(blog, ARTICLES_PER_PAGE * 6)  # 76 for parents and others: seven pages

    first = client.get("/blog/?for=parents").content.decode()
    middle = client.get("/blog/?for=parents&page=4").content.decode()

    assert 'href="?for=parents&amp;page=2" rel="next"' in first
    assert "…" in first
    assert 'aria-current="page"' in middle
    assert 'href="?for=parents&amp;page=3" rel="prev"' in middle
    assert 'href="?for=parents&amp;page=1"' in middle and 'href="?for=parents&amp;page=7"' in middle


@pytest.mark.smoke
def test_pages_that_do_not_exist_are_not_found(client, blog):
    statuses = {page: client.get(f"/blog/?page={page}").status_code
                for page in ["0", "2", "-1", "two", "1.5", "99999999999999999999", "%00"]}
    assert statuses == dict.fromkeys(statuses, 404)


def test_last_page_holds_the_remainder(client, blog):
    more_articles(blog, ARTICLES_PER_PAGE)  # 16 live articles: 12 + 4

    assert len(titles(client.get("/blog/?page=2"))) == 4
    assert client.get("/blog/?page=3").status_code == 404


def test_an_empty_blog_says_so(client, practice):
    BlogIndexFactory(parent=practice.home)
    response = client.get("/blog/")

    assert response.status_code == 200
    assert "No articles have been published yet." in response.content.decode()


def test_index_links_its_feed(client, blog):
    html = client.get("/blog/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml" title="Articles for parents (RSS)" ' \
           'href="/blog/feed/">' in html


def test_a_language_without_articles_points_to_the_english_ones(client, blog_in_three_languages):
    polish = client.get("/pl/blog/").content.decode()
    spanish = client.get("/es/blog/").content.decode()

    assert titles(client.get("/pl/blog/")) == []
    assert '<a href="/blog/" hreflang="en">Przeczytaj nasze artykuły po angielsku</a>' in polish
    assert titles(client.get("/es/blog/")) == ["Calma a la hora de dormir"]
    assert 'hreflang="en">Lea nuestros' not in spanish
