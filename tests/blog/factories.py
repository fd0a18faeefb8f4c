"""Factories for the blog.

``ArticleFactory(parent=blog, authors=[ana], approaches=[play], topics=[sleep],
published="2026-10-01")`` makes a live article with its links, as marketing
makes one in the admin (``live=False`` for a draft).
"""

import datetime

import factory
from django.utils import timezone
from wagtail.models import Page

from blog.models import ArticleApproach, ArticleAuthor, ArticlePage, BlogIndexPage, Topic
from tests.portal.factories import PageFactory, locale


class BlogIndexFactory(PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Articles for parents"
    slug = "blog"
    intro = "Short, practical reading for families."
    show_in_menus = True


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda number: f"Topic {number}")
    slug = factory.LazyAttribute(lambda topic: topic.name.lower().replace(" ", "-"))
    locale = factory.LazyFunction(lambda: locale("en"))


def paragraph(words, word="calm"):
    """A paragraph block of exactly ``words`` words."""
    return ("paragraph", "<p>" + " ".join([word] * words) + "</p>")


class ArticleFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda number: f"Article {number}")
    summary = factory.LazyAttribute(lambda page: f"What parents can learn from {page.title.lower()}.")
    body = factory.LazyFunction(lambda: [("heading", {"text": "Why it matters", "level": "h2"}), paragraph(120)])
    for_parents = True

    @classmethod
    def _build(cls, model_class, *args, authors=(), approaches=(), **kwargs):
        page = super()._build(model_class, *args, **kwargs)
        page.authors = [ArticleAuthor(clinician=clinician) for clinician in authors]
        page.approach_links = [ArticleApproach(approach=approach) for approach in approaches]
        return page

    @classmethod
    def _create(cls, model_class, *args, topics=(), published=None, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        if topics:
            page.topics.set(topics)
            revision = page.save_revision()
            if page.live:
                revision.publish()
        if published is not None:
            set_published(page, published)
        return page


def set_published(page, when, updated=None):
    """Backdate an article's first publication (and its last, or ``updated``)."""
    if isinstance(when, str):
        when = datetime.datetime.fromisoformat(when)
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=updated or when)
    page.refresh_from_db()
    return page
