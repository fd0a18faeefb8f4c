"""/blog/: articles for parents, their topics, and the index with its feed."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from approaches.models import ApproachPage, ClinicalReviewMixin
from blog import listing
from blog.blocks import ArticleBlock
from blog.feeds import ArticleFeed
from blog.reading_time import reading_minutes
from blog.readers import AGE_FIELDS, READER_FIELDS, ReadersMixin
from blog.structured_data import blog_posting
from portal import fragment_cache
from portal.models import BasePage, CustomImage

ARTICLES_PER_PAGE = 12


class Topic(TranslatableMixin, models.Model):
    """A subject articles are filed under ("Sleep", "Big feelings"). Translators
    translate the name; the slug used in filtered addresses stays the same."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80, help_text="Used in filtered lists' addresses, e.g. /blog/?topic=sleep."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "article topic"
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="blog_topic_unique_slug")]

    def __str__(self):
        return self.name


class BlogIndexPage(RoutablePageMixin, BasePage):
    """/blog/: newest articles first, filtered by reader, topic, approach and
    age; /blog/feed/ is the RSS feed of this language's articles."""

    intro = models.TextField(blank=True, max_length=600)

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count_per_parent = 1
    template = "blog/blog_index_page.html"

    class Meta:
        verbose_name = "article index"

    def articles(self):
        return ArticlePage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")

    @path("feed/")
    def feed(self, request):
        return ArticleFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = listing.ArticleFilters.from_params(
            request.GET, self.locale, topics=Topic.objects.all(),
            approaches=ApproachPage.objects.live().public().filter(
                translation_key__in=ArticleApproach.objects.filter(page__live=True)
                .values("approach__translation_key")
            ),
        )
        page_number = request.GET.get("page", "1")
        articles = listing.for_cards(filters.apply(self.articles()))
        articles_page = listing.paginate(articles, page_number, ARTICLES_PER_PAGE)
        if articles_page is None:
            raise Http404("No such page of articles")
        context.update(
            filters=filters,
            articles_page=articles_page,
            cards=listing.cards(articles_page.object_list, self.locale),
            page_range=articles_page.paginator.get_elided_page_range(articles_page.number, on_each_side=1),
            feed_url=self.url + self.reverse_subpage("feed"),
        )
        if not filters.active and not articles_page.paginator.count and not self.locale.is_default:
            # Nothing translated yet: point to the articles in the default language.
            context["default_language_index"] = (
                BlogIndexPage.objects.live().filter(translation_key=self.translation_key,
                                                    locale__language_code=settings.LANGUAGE_CODE).first()
            )
        return context


class ArticlePage(ClinicalReviewMixin, ReadersMixin, BasePage):
    """An article for parents (or teens, adults, educators): written by
    clinicians or by the practice, optionally clinically reviewed."""

    summary = models.TextField(
        max_length=300, help_text="One or two sentences for lists, the feed and search engines."
    )
    hero_image = models.ForeignKey(
        "portal.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Shown at the top and on the article's card. Needs alt text unless it is decorative.",
    )
    hero_alt_text = models.CharField(
        "alt text", max_length=255, blank=True,
        help_text="What the image shows, for this article (translators translate it). "
                  "Empty: the image's own description.",
    )
    hero_caption = models.CharField(max_length=255, blank=True)
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="articles",
        # Chosen once, in English; translations show each topic's translation.
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    body = StreamField(ArticleBlock(), verbose_name="article")

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text"), FieldPanel("hero_caption")],
                        heading="Image at the top"),
        FieldPanel("body"),
        InlinePanel(
            "authors", heading="Authors", label="Author",
            help_text="Clinicians, in the order shown. With none, the article is by the practice.",
        ),
        *ReadersMixin.readers_panels,
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("approach_links", heading="Related approaches", label="Approach"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        *[index.FilterField(name) for name in (*READER_FIELDS.values(), *AGE_FIELDS.values())],
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (*READER_FIELDS.values(), *AGE_FIELDS.values(), "reviewed_by", "last_reviewed", "topics")
    ]
    image_sizes = {"hero_image": ("hero", "card")}

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    template = "blog/article_page.html"

    class Meta:
        verbose_name = "article"

    def clean(self):
        super().clean()
        image = self.hero_image
        if image is not None and not image.is_decorative and not (image.description or "").strip() \
                and not self.hero_alt_text.strip():
            raise ValidationError({"hero_image": (
                "This image has no alt text. Describe what it shows under 'Alt text', "
                "or mark the image as decorative in Images."
            )})

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.social_image or self.hero_image or self.listing_image

    @cached_property
    def reading_minutes(self):
        return reading_minutes(self.body, self.locale.language_code)

    @property
    def was_updated(self):
        """Whether "updated" is worth showing: republished on a later day."""
        first, last = self.first_published_at, self.last_published_at
        return bool(first and last and last.date() > first.date())

    def get_context(self, request, *args, **kwargs):
        if self.hero_image_id:
            # Its renditions (hero sizes and the sharing image) in one query.
            self.hero_image = CustomImage.objects.prefetch_renditions().filter(pk=self.hero_image_id).first()
        context = super().get_context(request, *args, **kwargs)
        # Credits, topics, approaches and related cards are the same for every
        # visitor until the next publication (portal/fragment_cache.py).
        details = fragment_cache.remember(request, f"article-details:{self.pk}",
                                          lambda: listing.article_details(self))
        context.update(
            review=self.clinical_review(request),
            authors=details.authors,
            topics=details.topics,
            approaches=details.approaches,
            related=fragment_cache.remember(request, f"related-articles:{self.pk}",
                                            lambda: listing.related_articles(self, details)),
            index=fragment_cache.remember(request, f"parent:{self.pk}", self.get_parent),
        )
        context["structured_data"] = blog_posting(self, request, details.authors, details.topics)
        return context


class ArticleAuthor(Orderable):
    """A clinician credited on an article (synchronised across translations;
    shown as the clinician's page in the article's language)."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    clinician = models.ForeignKey(
        "approaches.ClinicianPage", on_delete=models.CASCADE, related_name="article_credits",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    panels = [FieldPanel("clinician")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")


class ArticleApproach(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="approach_links")
    approach = models.ForeignKey(
        "approaches.ApproachPage", on_delete=models.CASCADE, related_name="article_links",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    panels = [FieldPanel("approach")]

    class Meta(Orderable.Meta):
        verbose_name = _("related approach")
