"""The article index's filters, pages and cards, and an article's credits.

Filters are GET parameters that combine (AND): ``for`` (parents, teens,
adults, educators), ``age`` (early-years, school-age, teenagers), ``topic``
(a topic's slug) and ``approach`` (an approach page's slug in the visitor's
language). A value that names nothing matches nothing, and the page says so
with a link to clear the filters.

Authors, topics and approaches are synchronised across translations, so a
Spanish article's links point at English rows: they are shown as their
translation in the article's language, looked up for a whole page of cards at
once. Every query here runs once per page, whatever the number of articles.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Prefetch, Q

from approaches.localized import in_locale
from blog.readers import AGE_GROUPS, READERS, age_filter, reader_filter
from portal.models import CustomImage
from portal.renditions import IMAGE_SIZES

CARD_IMAGE_SPECS = IMAGE_SIZES["card"].filter_specs()


@dataclass
class ArticleFilters:
    reader: str = ""
    age: str = ""
    topic: str = ""
    approach: str = ""
    topic_choices: list = field(default_factory=list)
    approach_choices: list = field(default_factory=list)
    reader_choices = READERS
    age_choices = AGE_GROUPS

    @classmethod
    def from_params(cls, params, locale, topics, approaches):
        """``topics``: the Topic queryset; ``approaches``: approach pages that
        have articles. Both are narrowed to ``locale`` here."""
        return cls(
            reader=params.get("for", "").strip(),
            age=params.get("age", "").strip(),
            topic=params.get("topic", "").strip(),
            approach=params.get("approach", "").strip(),
            topic_choices=list(topics.filter(locale=locale)),
            approach_choices=list(approaches.filter(locale=locale).order_by("title")),
        )

    @property
    def active(self):
        return any((self.reader, self.age, self.topic, self.approach))

    def apply(self, articles):
        conditions = []
        if self.reader:
            conditions.append(reader_filter(self.reader))
        if self.age:
            conditions.append(age_filter(self.age))
        if self.topic:
            topic = next((t for t in self.topic_choices if t.slug == self.topic), None)
            conditions.append(topic and Q(topics__translation_key=topic.translation_key))
        if self.approach:
            approach = next((a for a in self.approach_choices if a.slug == self.approach), None)
            conditions.append(approach and Q(approach_links__approach__translation_key=approach.translation_key))
        if None in conditions:
            return articles.none()  # a value that names nothing matches nothing
        for condition in conditions:
            articles = articles.filter(condition)
        return articles.distinct() if (self.topic or self.approach) else articles


def paginate(articles, page_number, per_page):
    """One page of ``articles``, or None when ``page_number`` is not a page
    (page 1 of an empty list exists: it shows the empty state)."""
    paginator = Paginator(articles, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(page_number)
    except (EmptyPage, PageNotAnInteger):
        return None


@dataclass
class ArticleDetails:
    authors: list  # clinician pages in the article's language, in the editor's order
    topics: list  # topics in the article's language
    approaches: list
    topic_keys: list  # translation keys, for finding related articles in any language
    approach_keys: list


def _localized_topics(topics, locale):
    """Topics as their translation in ``locale`` (the original if untranslated)."""
    keys = {topic.translation_key for topic in topics}
    if not keys:
        return {}
    translated = {t.translation_key: t for t in type(topics[0]).objects.filter(locale=locale, translation_key__in=keys)}
    return {topic.pk: translated.get(topic.translation_key, topic) for topic in topics}


def for_cards(articles):
    """``articles`` (a queryset) with what a card shows prefetched: the card
    image's renditions, authors and topics."""
    credit_model = articles.model.authors.rel.related_model
    return articles.select_related("locale").prefetch_related(
        Prefetch("hero_image", queryset=CustomImage.objects.prefetch_renditions(*CARD_IMAGE_SPECS)),
        Prefetch("authors", queryset=credit_model.objects.select_related("clinician")),
        "topics",
    )


def cards(articles, locale):
    """Sets ``card_authors`` and ``card_topics`` (in ``locale``) on each of
    ``articles``, which come from ``for_cards``; two queries in all."""
    articles = list(articles)
    topics = _localized_topics([topic for article in articles for topic in article.topics.all()], locale)
    clinicians = [credit.clinician for article in articles for credit in article.authors.all()]
    localized = {page.translation_key: page for page in in_locale(clinicians, locale)}
    for article in articles:
        article.card_authors = [
            localized[credit.clinician.translation_key] for credit in article.authors.all()
            if credit.clinician.translation_key in localized
        ]
        article.card_topics = sorted({topics[t.pk] for t in article.topics.all()}, key=lambda t: t.name)
    return articles


def article_details(article):
    credits = [credit.clinician for credit in article.authors.select_related("clinician")]
    topics = list(article.topics.all())
    approaches = [link.approach for link in article.approach_links.select_related("approach")]
    return ArticleDetails(
        authors=in_locale(credits, article.locale),
        topics=sorted(set(_localized_topics(topics, article.locale).values()), key=lambda t: t.name),
        approaches=in_locale(approaches, article.locale),
        topic_keys=[topic.translation_key for topic in topics],
        approach_keys=[approach.translation_key for approach in approaches],
    )


def related_articles(article, details, limit=3):
    """Other live articles in the same language sharing the most topics or
    approaches with ``article`` (``details`` from ``article_details``),
    newest first among equals."""
    model = type(article)
    topic_keys, approach_keys = details.topic_keys, details.approach_keys
    if not topic_keys and not approach_keys:
        return []
    shared = Q(topics__translation_key__in=topic_keys) | Q(approach_links__approach__translation_key__in=approach_keys)
    ids = list(
        model.objects.live().public().filter(locale_id=article.locale_id).exclude(pk=article.pk)
        .filter(shared)
        .annotate(shared=Count("pk"))
        .order_by("-shared", "-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )
    if not ids:
        return []
    found = {a.pk: a for a in for_cards(model.objects.filter(pk__in=ids))}
    return cards([found[pk] for pk in ids], article.locale)
