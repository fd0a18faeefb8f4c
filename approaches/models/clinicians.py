"""/clinicians/: the directory and one page per clinician.

Facts about a clinician (name, credentials, licence, photo, ages served,
languages, offices, approaches) are the same in every language; bios and
pronouns are translated. Whether they take new clients lives in
``Availability``, one row per clinician for all languages, which the
clinician confirms without going through review.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from approaches.audiences import AUDIENCE_FIELDS, AUDIENCES, AudienceMixin
from approaches.directory import AVAILABILITY_CHOICES, Directory
from approaches.localized import in_locale
from approaches.models.approaches import ASSIGN_OWNERS, ApproachPage
from approaches.structured_data import person
from locations.finder import fallback_finder
from locations.models import LocationPage
from portal.models import BasePage

# Illinois licences a counselling practice's clinicians hold.
LICENCE_TYPES = [
    ("LCPC", "Licensed Clinical Professional Counselor (LCPC)"),
    ("LPC", "Licensed Professional Counselor (LPC)"),
    ("LCSW", "Licensed Clinical Social Worker (LCSW)"),
    ("LSW", "Licensed Social Worker (LSW)"),
    ("LMFT", "Licensed Marriage and Family Therapist (LMFT)"),
    ("PSY", "Licensed Clinical Psychologist"),
]

# Languages a clinician can hold sessions in: BCP 47 codes (schema.org
# knowsLanguage) with names in the visitor's language.
SESSION_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
    ("hi", _("Hindi")),
    ("tl", _("Tagalog")),
    ("ase", _("American Sign Language")),
]


class ClinicianIndexPage(BasePage):
    """/clinicians/: every clinician, filtered and sorted from GET parameters."""

    intro = models.TextField(blank=True, max_length=600)

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["approaches.ClinicianPage"]
    max_count_per_parent = 1
    template = "approaches/clinician_index_page.html"

    class Meta:
        verbose_name = "clinician directory"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = Directory(
            request.GET,
            locale=self.locale,
            clinicians=self.listed_clinicians(),
            approaches=ApproachPage.objects.live().public().filter(locale_id=self.locale_id).order_by("title"),
            offices=LocationPage.objects.live().public().filter(locale_id=self.locale_id).order_by("title"),
            languages=SESSION_LANGUAGES,
            availability=Availability,
        )
        context.update(
            directory=directory,
            audience_choices=AUDIENCES,
            language_choices=SESSION_LANGUAGES,
            availability_choices=AVAILABILITY_CHOICES,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["directory"].error:
            response.status_code = 400  # as the office finder: the list still shows
        return response

    def listed_clinicians(self):
        """Live clinicians of this directory; in a translation, those not yet
        translated are listed from the default language, as offices are."""
        clinicians = ClinicianPage.objects.child_of(self).live().public()
        default = fallback_finder(self)  # the same fallback as the office finder's
        if default is not None:
            translated = ClinicianPage.objects.filter(locale_id=self.locale_id, live=True)
            clinicians = clinicians | ClinicianPage.objects.child_of(default).live().public().exclude(
                translation_key__in=translated.values("translation_key")
            )
        return clinicians


class ClinicianPage(AudienceMixin, BasePage):
    """One clinician's bio. Linked to the clinician's own login, which may
    edit it and submit it for review, never publish it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clinician_pages",
        help_text="The clinician's own login: they may edit this page and submit it for review.",
    )
    pronouns = models.CharField(max_length=40, blank=True, help_text="e.g. she/her, they/them.")
    credentials = models.CharField(max_length=100, blank=True, help_text="Degrees after the name, e.g. 'MA, LCPC'.")
    licence_type = models.CharField("Illinois licence", max_length=10, choices=LICENCE_TYPES, blank=True)
    licence_number = models.CharField(
        max_length=30, blank=True, help_text="As on the IDFPR licence lookup, e.g. 180.012345."
    )
    photo = models.ForeignKey(
        "portal.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait. Its description (in the image library) is the alt text.",
    )
    short_bio = models.TextField(max_length=300, help_text="Two sentences for the directory.")
    bio = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    telehealth = models.BooleanField("offers telehealth", default=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("user", permission=ASSIGN_OWNERS),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pronouns"), FieldPanel("credentials")]),
                FieldRowPanel([FieldPanel("licence_type"), FieldPanel("licence_number")]),
                FieldPanel("photo"),
            ],
            heading="Who they are",
        ),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
        InlinePanel("approach_links", heading="Approaches", label="Approach"),
        InlinePanel("office_links", heading="Offices", label="Office", min_num=1),
        InlinePanel("language_links", heading="Languages of sessions", label="Language", min_num=1),
        *AudienceMixin.audience_panels,
        FieldPanel("telehealth"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_bio"),
        index.SearchField("bio"),
        index.SearchField("credentials"),
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("title", "user", "credentials", "licence_type", "licence_number", "photo", "telehealth",
                     *AUDIENCE_FIELDS)
    ]

    image_sizes = {"photo": ("portrait",)}  # made ahead on publish (portal/renditions.py)
    parent_page_types = ["approaches.ClinicianIndexPage"]
    subpage_types = []
    template = "approaches/clinician_page.html"

    class Meta:
        verbose_name = "clinician"

    def get_meta_description(self):
        return self.search_description or self.short_bio

    @property
    def name_with_credentials(self):
        return f"{self.title}, {self.credentials}" if self.credentials else self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        approaches = in_locale([link.approach for link in self.approach_links.select_related("approach")],
                               self.locale)
        offices = in_locale([link.office for link in self.office_links.select_related("office")], self.locale)
        language_names = dict(SESSION_LANGUAGES)
        context.update(
            approaches=approaches,
            offices=offices,
            languages=[language_names[link.language] for link in self.language_links.all()
                       if link.language in language_names],
            availability=Availability.public_status_for([self])[self.translation_key],
        )
        context["structured_data"] = person(self, request, offices)
        return context


class ClinicianApproach(Orderable):
    page = ParentalKey(ClinicianPage, on_delete=models.CASCADE, related_name="approach_links")
    approach = models.ForeignKey(ApproachPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("approach")]

    class Meta(Orderable.Meta):
        verbose_name = "approach practised"


class ClinicianOffice(Orderable):
    page = ParentalKey(ClinicianPage, on_delete=models.CASCADE, related_name="office_links")
    office = models.ForeignKey(LocationPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("office")]

    class Meta(Orderable.Meta):
        verbose_name = "office"


class ClinicianLanguage(Orderable):
    page = ParentalKey(ClinicianPage, on_delete=models.CASCADE, related_name="language_links")
    language = models.CharField(max_length=8, choices=SESSION_LANGUAGES)

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = "language"


class Availability(models.Model):
    """Whether a clinician takes new clients, and when they last said so.

    One row per clinician for every language. An answer older than
    AVAILABILITY_STALE_DAYS shows as "call to ask", so the site never
    promises a place that may be gone.
    """

    ACCEPTING = "yes"
    WAITLIST = "waitlist"
    NOT_ACCEPTING = "no"
    CALL_TO_ASK = "ask"  # shown, never stored
    STATUS_CHOICES = [
        (ACCEPTING, "Accepting new clients"),
        (WAITLIST, "Waitlist for new clients"),
        (NOT_ACCEPTING, "Not accepting new clients"),
    ]
    PUBLIC_LABELS = {
        ACCEPTING: _("Accepting new clients"),
        WAITLIST: _("Waitlist for new clients"),
        NOT_ACCEPTING: _("Not taking new clients right now"),
        CALL_TO_ASK: _("Call to ask about new clients"),
    }

    clinician = models.OneToOneField(
        ClinicianPage,
        on_delete=models.CASCADE,
        related_name="availability",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    # Empty until the clinician first answers (shown as "call to ask").
    status = models.CharField("new clients", max_length=10, choices=STATUS_CHOICES, blank=True)
    confirmed_on = models.DateField(editable=False)
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    panels = [FieldPanel("status")]

    class Meta:
        verbose_name = "availability"
        verbose_name_plural = "availability"

    def __str__(self):
        return f"{self.clinician.title}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # Saving is confirming: the date always moves to today.
        self.confirmed_on = timezone.localdate()
        super().save(*args, **kwargs)

    @staticmethod
    def stale_before(today=None):
        return (today or timezone.localdate()) - datetime.timedelta(days=settings.AVAILABILITY_STALE_DAYS)

    @property
    def is_stale(self):
        return self.confirmed_on < self.stale_before()

    @property
    def public_status(self):
        return self.CALL_TO_ASK if self.is_stale or not self.status else self.status

    @property
    def shown_to_visitors(self):
        return str(self.PUBLIC_LABELS[self.public_status])

    @classmethod
    def public_status_for(cls, clinicians):
        """{translation key: (status, label, confirmed_on)} for ``clinicians``
        in any language, in one query. No answer reads as "call to ask"."""
        rows = {
            row.clinician.translation_key: row
            for row in cls.objects.filter(
                clinician__translation_key__in=[c.translation_key for c in clinicians]
            ).select_related("clinician").only("status", "confirmed_on", "clinician__translation_key")
        }
        result = {}
        for clinician in clinicians:
            row = rows.get(clinician.translation_key)
            status = row.public_status if row else cls.CALL_TO_ASK
            result[clinician.translation_key] = PublicAvailability(
                status, cls.PUBLIC_LABELS[status], row.confirmed_on if row and status != cls.CALL_TO_ASK else None
            )
        return result


class PublicAvailability:
    def __init__(self, status, label, confirmed_on):
        self.status, self.label, self.confirmed_on = status, label, confirmed_on
