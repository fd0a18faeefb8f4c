from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CustomImage(AbstractImage):
    """The project's image model, in place from the first migration so that
    fields can be added later without a data migration across apps."""

    credit = models.CharField(
        max_length=255, blank=True, help_text="Photographer or source, shown under the image."
    )

    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Only adds atmosphere (a pattern, a texture): screen readers skip it and no alt text is needed.",
    )

    admin_form_fields = Image.admin_form_fields + ("credit", "is_decorative")

    @property
    def default_alt_text(self):
        """Never the title (often a file name): the description, or nothing."""
        return "" if self.is_decorative else (self.description or "")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        permissions = [("choose_customimage", "Can choose image")]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ImageDescription(TranslatableMixin, models.Model):
    """An image's alt text in one language. Images are shared by every
    language, their descriptions are not: the English row follows the
    image's own description (portal/alt_text.py keeps it in step), and
    translators translate it with wagtail-localize like any snippet."""

    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="descriptions")
    alt_text = models.CharField(max_length=255, help_text="What the image shows, for people who cannot see it.")

    translatable_fields = [SynchronizedField("image", overridable=False), TranslatableField("alt_text")]
    panels = [FieldPanel("alt_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "image description"
        constraints = [models.UniqueConstraint(fields=["image", "locale"], name="one_description_per_language")]

    def __str__(self):
        return self.alt_text
