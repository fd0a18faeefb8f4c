from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

phone_validator = RegexValidator(
    r"^[0-9 ()+.\-]{7,20}$", "Enter a phone number such as 630-791-0444."
)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Settings > Site settings: who the practice is and its main number."""

    organisation_name = models.CharField(max_length=255, default="CARE Counseling")
    main_phone = models.CharField(
        max_length=20,
        default="630-791-0444",
        validators=[phone_validator],
        help_text="Shown in the header and footer of every page.",
    )

    panels = [FieldPanel("organisation_name"), FieldPanel("main_phone")]

    class Meta:
        verbose_name = "site settings"

    @property
    def main_phone_href(self):
        """The phone number as a tel: link target (+1 and digits only)."""
        digits = "".join(ch for ch in self.main_phone if ch.isdigit())
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}"
