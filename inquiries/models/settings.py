from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class InquirySettings(BaseSiteSetting):
    """Settings > Appointment requests: where notices go and what the form asks."""

    default_intake_email = models.EmailField(
        blank=True,
        help_text="Where notices go for requests that name no office, and for offices without "
        "an intake address of their own. Never shown publicly.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Linked from the appointment form's consent box.",
    )
    note_enabled = models.BooleanField(
        "ask for a short note",
        default=False,
        help_text="Adds an optional note to the appointment form. Its label asks visitors not to "
        "include health details; off keeps the form to the minimum intake needs.",
    )
    confirmation_sender_name = models.CharField(
        max_length=60,
        default="CARE",
        help_text="Sender name of the confirmation visitors get. Keep it neutral: it shows in "
        "shared inboxes, so it should not say what kind of practice this is.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("default_intake_email"), FieldPanel("confirmation_sender_name")],
            heading="E-mail",
        ),
        MultiFieldPanel(
            [PageChooserPanel("privacy_page"), FieldPanel("note_enabled")],
            heading="The form",
        ),
    ]

    class Meta:
        verbose_name = "appointment requests"
