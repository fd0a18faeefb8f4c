from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


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
