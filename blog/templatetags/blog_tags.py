"""Articles shown on other apps' pages: an approach's related articles and a
clinician's own articles (both in the page's language)."""

from django import template

from blog import listing
from blog.models import ArticlePage, BlogIndexPage

register = template.Library()

LIMIT = 6


def _linked(lookup, page):
    articles = (
        ArticlePage.objects.live().public()
        .filter(locale_id=page.locale_id, **{lookup: page.translation_key})
        .distinct().order_by("-first_published_at")
    )
    return listing.cards(listing.for_cards(articles)[:LIMIT], page.locale)


@register.inclusion_tag("blog/includes/article_section.html", takes_context=True)
def articles_about(context, approach):
    """Articles that list ``approach`` among their related approaches."""
    return {"request": context.get("request"), "section": "about",
            "articles": _linked("approach_links__approach__translation_key", approach)}


@register.inclusion_tag("blog/includes/article_section.html", takes_context=True)
def articles_by(context, clinician):
    """Articles ``clinician`` wrote or co-wrote."""
    return {"request": context.get("request"), "section": "by",
            "articles": _linked("authors__clinician__translation_key", clinician)}


@register.simple_tag(takes_context=True)
def latest_articles(context, count=3):
    """The newest live articles in the page's language, ready for cards
    (the home page's "Latest articles" section)."""
    locale = context["page"].locale
    articles = ArticlePage.objects.live().public().filter(locale_id=locale.pk).order_by("-first_published_at", "-pk")
    return listing.cards(listing.for_cards(articles)[:count], locale)


@register.simple_tag(takes_context=True)
def article_index_url(context):
    """The article index in the page's language, for "All articles" links."""
    page = BlogIndexPage.objects.live().filter(locale_id=context["page"].locale_id).first()
    return page.get_url(context["request"]) if page else ""
