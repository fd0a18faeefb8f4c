"""What English changed since a translation was last brought up to date."""

from django.db import models
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource


class PendingUpdate(models.Model):
    """One language's translation of one English page or snippet is out of
    date: English was published with different text after the translation's
    last publication. Counts accumulate over several English publications;
    the row is deleted when the translation is published again, complete."""

    source = models.ForeignKey(TranslationSource, on_delete=models.CASCADE, related_name="pending_updates")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    english_changed_at = models.DateTimeField(help_text="The first English publication the translation lacks.")
    translated_from = models.DateTimeField(
        null=True, help_text="When the English text the live translation follows was synced."
    )
    segments_added = models.PositiveIntegerField(default=0)
    segments_changed = models.PositiveIntegerField(default=0)
    segments_removed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "locale"], name="one_pending_update_per_language")]
        ordering = ["english_changed_at"]

    def __str__(self):
        return f"{self.source.object_repr} ({self.locale.language_code}) since {self.english_changed_at:%Y-%m-%d}"
