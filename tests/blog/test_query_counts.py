"""The blog's pages make the same number of queries however many articles,
authors and related articles there are."""

import pytest

from tests.approaches.factories import ClinicianFactory
from tests.blog.factories import ArticleFactory, TopicFactory
from tests.portal.factories import ImageFactory
from tests.query_counting import queries_to_render

pytestmark = pytest.mark.django_db

INDEX_VIEWS = ["/blog/", "/blog/?for=parents&topic=sleep", "/blog/?page=2", "/blog/feed/"]


def add_articles(blog, count, start):
    practice = blog.practice
    for number in range(start, start + count):
        ArticleFactory(
            parent=blog.index, title=f"Extra article {number}", slug=f"extra-{number}",
            hero_image=ImageFactory(title=f"Picture {number}"),
            authors=[practice.ana, practice.ben][: 1 + number % 2], approaches=[practice.play],
            topics=[blog.sleep, blog.feelings][: 1 + number % 2], published=f"2026-09-01T{number % 24:02d}:00",
        )


def test_index_queries_are_the_same_with_10_and_200_articles(client, blog):
    add_articles(blog, 24, start=1)  # 28 live: three pages, so page 2 is full either way
    with_few = {view: queries_to_render(client, view) for view in INDEX_VIEWS}

    add_articles(blog, 176, start=25)

    with_many = {view: queries_to_render(client, view) for view in INDEX_VIEWS}
    assert with_many == with_few
    assert max(with_few.values()) <= 40, with_few


def test_article_queries_are_the_same_with_1_and_5_authors_and_related_articles(client, blog):
    practice = blog.practice
    for related in (blog.bedtime, blog.phones):  # related cards have pictures in both counts
        related.hero_image = ImageFactory(title=f"Picture for {related.slug}")
        related.save_revision().publish()
    article = ArticleFactory(parent=blog.index, title="Counted", slug="counted", authors=[practice.ana],
                             approaches=[practice.play], topics=[blog.sleep],
                             hero_image=ImageFactory(title="Counted picture"))
    view = "/blog/counted/"
    with_one = queries_to_render(client, view)

    more = [ClinicianFactory(parent=practice.directory, title=f"Writer {n}", slug=f"writer-{n}",
                             photo=ImageFactory(title=f"Writer portrait {n}")) for n in range(4)]
    article.authors.create(clinician=more[0])
    for clinician in more[1:]:
        article.authors.create(clinician=clinician)
    article.approach_links.create(approach=practice.emdr)
    article.approach_links.create(approach=practice.ifs)
    article.topics.add(blog.feelings, TopicFactory(name="Play", slug="play"))
    article.save_revision().publish()
    for number in range(5):
        ArticleFactory(parent=blog.index, title=f"Related {number}", slug=f"related-{number}",
                       topics=[blog.sleep], authors=more[:2], hero_image=ImageFactory(title=f"Related {number}"))

    with_five = queries_to_render(client, view)
    assert with_five == with_one
    assert with_one <= 50  # about 20 of them are the header, menu, hreflang and footer of every page
