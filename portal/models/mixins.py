"""Small abstract models that carry their own admin panels. Page classes
compose them instead of inheriting one catch-all base."""

from django.db import models
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from portal.page_permissions import SitePagePermissionTester


class SeoMixin(models.Model):
    """How a page presents itself to search engines and when shared."""

    social_image = models.ForeignKey(
        "portal.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared. Falls back to the listing image.",
    )
    noindex = models.BooleanField(
        default=False,
        verbose_name="hide from search engines",
        help_text="Ask search engines not to list this page.",
    )

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
                FieldPanel("noindex"),
            ],
            heading="Search engines and sharing",
        )
    ]

    class Meta:
        abstract = True


class ListingMixin(models.Model):
    """How a page looks when another page lists it (cards, menus, feeds)."""

    listing_title = models.CharField(
        max_length=255, blank=True, help_text="Shorter title for lists. Defaults to the page title."
    )
    listing_summary = models.TextField(
        max_length=300, blank=True, help_text="One or two sentences shown under the title in lists."
    )
    listing_image = models.ForeignKey(
        "portal.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading="In lists",
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title


class BasePage(SeoMixin, ListingMixin, Page):
    """Every public page type of the project derives from this."""

    promote_panels = (
        SeoMixin.seo_panels
        + ListingMixin.listing_panels
        + [MultiFieldPanel([FieldPanel("show_in_menus")], heading="Navigation")]
    )

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return SitePagePermissionTester(user, self)

    def get_meta_description(self):
        """What search engines show under the title; page types with a
        summary fall back to it, index and standard pages to their intro."""
        return self.search_description or Truncator(getattr(self, "intro", "")).chars(160)

    def get_social_image(self):
        return self.social_image or self.listing_image
