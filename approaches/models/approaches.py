"""/approaches/: the index and one page per approach."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from approaches.audiences import AUDIENCES, AUDIENCE_FIELDS, AudienceMixin, audience_filter
from approaches.localized import in_locale
from approaches.structured_data import medical_web_page
from approaches.models.review import ClinicalReviewMixin
from portal.blocks import ArticleBodyBlock
from portal.models import BasePage

# Marketing decides who maintains which page; clinicians do not see these fields.
ASSIGN_OWNERS = "approaches.assign_page_owners"


class ApproachIndexPage(BasePage):
    """/approaches/: every approach with its summary, filtered by who it helps."""

    intro = models.TextField(blank=True, max_length=600)

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["approaches.ApproachPage"]
    max_count_per_parent = 1
    template = "approaches/approach_index_page.html"

    class Meta:
        verbose_name = "approach index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        approaches = ApproachPage.objects.child_of(self).live().public().order_by("title")
        audience = request.GET.get("for", "")
        condition = audience_filter(audience)
        if condition is None:
            audience = ""  # unknown values are ignored
        else:
            approaches = approaches.filter(condition)
        context.update(
            approaches=approaches.select_related("listing_image").prefetch_related("listing_image__renditions"),
            audience=audience,
            audience_choices=AUDIENCES,
        )
        return context


class ApproachPage(ClinicalReviewMixin, AudienceMixin, BasePage):
    """One therapeutic approach, written so a worried parent can scan it.

    Its maintaining clinicians edit it and submit it for clinical review; it
    shows who reviewed it and when (filled by the workflow), the clinicians
    who practise it and the offices where they work (both derived from the
    clinicians' own pages).
    """

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for the approaches list and search engines.",
    )
    what_it_is = models.TextField("what it is", max_length=1500)
    helps_with = StreamField(
        [("point", blocks.CharBlock(max_length=200, label="Point"))],
        blank=True,
        verbose_name="what it can help with",
        help_text="One short point each, e.g. 'Worry that gets in the way of school'.",
    )
    session = models.TextField("what a session here looks like", max_length=1500, blank=True)
    who_it_suits = models.TextField("who it suits", max_length=1000, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name="more about it")
    maintainers = ParentalManyToManyField(
        "approaches.ClinicianPage",
        blank=True,
        related_name="maintained_approaches",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text="Clinicians who keep this page up to date. They can edit it and submit it for review.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("what_it_is"),
                FieldPanel("helps_with"),
                FieldPanel("session"),
                FieldPanel("who_it_suits"),
            ],
            heading="At a glance",
        ),
        *AudienceMixin.audience_panels,
        FieldPanel("body"),
        InlinePanel("related_approaches", heading="Related approaches", label="Approach"),
        FieldPanel("maintainers", permission=ASSIGN_OWNERS, widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("what_it_is"),
        index.SearchField("helps_with"),
        index.SearchField("session"),
        index.SearchField("who_it_suits"),
        index.SearchField("body"),
        *[index.FilterField(name) for name in AUDIENCE_FIELDS],
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (*AUDIENCE_FIELDS, "reviewed_by", "last_reviewed")
    ]

    parent_page_types = ["approaches.ApproachIndexPage"]
    subpage_types = []
    template = "approaches/approach_page.html"

    class Meta:
        verbose_name = "approach"
        permissions = [
            ("assign_page_owners", "Can choose who maintains approach and clinician pages"),
            ("view_review_report", "Can see which pages are due for clinical review"),
        ]

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        clinicians = self.practitioners()
        context.update(
            review=self.clinical_review(request),
            related=in_locale([link.approach for link in self.related_approaches.select_related("approach")],
                              self.locale),
            clinicians=clinicians,
            offices=offices_of(clinicians),
        )
        context["structured_data"] = medical_web_page(self, request, context["review"])
        return context

    def practitioners(self):
        """Live clinician pages in this page's language that list this approach
        (by its translation key, so the source page's links count too)."""
        # Looked up by name: the clinician model refers to this one.
        clinician_page = apps.get_model("approaches", "ClinicianPage")
        return list(
            clinician_page.objects.live().public()
            .filter(locale_id=self.locale_id, approach_links__approach__translation_key=self.translation_key)
            .distinct().order_by("title")
            .select_related("photo")
            .prefetch_related("office_links__office")
        )


def offices_of(clinicians):
    """Offices where any of ``clinicians`` work, in the clinicians' language."""
    if not clinicians:
        return []
    offices = {}
    for clinician in clinicians:
        for link in clinician.office_links.all():
            offices.setdefault(link.office.translation_key, link.office)
    return sorted(in_locale(list(offices.values()), clinicians[0].locale), key=lambda office: office.title)


class RelatedApproach(Orderable):
    """Synchronised across translations; shown as the visitor's language's page."""

    page = ParentalKey(ApproachPage, on_delete=models.CASCADE, related_name="related_approaches")
    approach = models.ForeignKey(ApproachPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("approach")]

    class Meta(Orderable.Meta):
        verbose_name = _("related approach")
