from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

phone_validator = RegexValidator(
    r"^[0-9 ()+.\-]{7,20}$", "Enter a phone number such as 630-791-0444."
)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(max_length=255, default="CARE Counseling")
    main_phone = models.CharField(
        max_length=20,
        default="630-791-0444",
        validators=[phone_validator],
        help_text="Shown in the header and footer of every page.",
    )
    default_intake_email = models.EmailField(
        blank=True,
        help_text="Where inquiry notices go when an office has no intake address of its own. "
        "Never shown publicly.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Linked from the appointment form's consent box.",
    )
    inquiry_note_enabled = models.BooleanField(
        "ask for a short note",
        default=False,
        help_text="Adds an optional note to the appointment form. Its label asks visitors not to "
        "include health details; off keeps the form to the minimum intake needs.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("main_phone"),
        MultiFieldPanel(
            [FieldPanel("default_intake_email"), PageChooserPanel("privacy_page"),
             FieldPanel("inquiry_note_enabled")],
            heading="Appointment requests",
        ),
    ]

    class Meta:
        verbose_name = "site settings"

    @property
    def main_phone_href(self):
        """The phone number as a tel: link target (+1 and digits only)."""
        digits = "".join(ch for ch in self.main_phone if ch.isdigit())
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}"
