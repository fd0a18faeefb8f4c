from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CrisisNotice(TranslatableMixin, models.Model):
    """The crisis help shown at the top of every public page.

    Phone numbers and the verification date are the same in every language;
    translators only see the wording.
    """

    heading = models.CharField(max_length=120, default="In crisis?")
    message = models.CharField(
        max_length=255, blank=True, help_text="One short sentence after the numbers."
    )
    crisis_line = models.CharField(
        max_length=20, default="988", help_text="Suicide and crisis line: call or text."
    )
    emergency_number = models.CharField(max_length=20, default="911")
    last_verified = models.DateField(
        default=timezone.localdate, help_text="When someone last checked these numbers work."
    )

    panels = [
        FieldPanel("heading"),
        FieldPanel("message"),
        FieldPanel("crisis_line"),
        FieldPanel("emergency_number"),
        FieldPanel("last_verified"),
    ]

    translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("message"),
        SynchronizedField("crisis_line"),
        SynchronizedField("emergency_number"),
        SynchronizedField("last_verified"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "crisis notice"

    def __str__(self):
        return f"{self.heading} ({self.locale})"

    @classmethod
    def for_active_language(cls):
        """The notice in the visitor's language, else the default language's."""
        language = get_language()
        notices = list(
            cls.objects.filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
            .select_related("locale")
            .order_by("-last_verified", "pk")
        )
        for notice in notices:
            if notice.locale.language_code == language:
                return notice
        return notices[0] if notices else None
