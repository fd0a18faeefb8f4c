from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BodyBlock, HomeBodyBlock

from .mixins import BasePage


class HomePage(BasePage):
    """The root of each language's site: /, /es/, /pl/."""

    heading = models.CharField(max_length=255, help_text="The main line visitors read first.")
    intro = models.TextField(blank=True, max_length=600)
    hero_image = models.ForeignKey(
        "portal.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Shown beside the heading, above the three buttons (nearest office, appointment, call).",
    )
    body = StreamField(
        HomeBodyBlock(), blank=True, use_json_field=True,
        help_text="The sections below the top of the page: offices, approaches, latest articles, highlights, text.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    image_sizes = {"hero_image": ("feature",)}
    search_fields = BasePage.search_fields + [
        index.SearchField("heading"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "portal/home_page.html"

    class Meta:
        verbose_name = "home page"


class StandardPage(BasePage):
    """About, privacy notice, accessibility statement and other plain pages."""

    intro = models.TextField(blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)
    show_in_footer = models.BooleanField(
        default=False, help_text="List this page in the footer of every page (legal notices)."
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = BasePage.promote_panels + [
        MultiFieldPanel([FieldPanel("show_in_footer")], heading="Footer")
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    template = "portal/standard_page.html"

    class Meta:
        verbose_name = "standard page"
