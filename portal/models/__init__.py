"""Site-wide content: images, page mixins, home and standard pages, settings
and the crisis notice."""

from .crisis import CrisisNotice
from .images import CustomImage, CustomRendition, ImageDescription
from .mixins import BasePage, ListingMixin, SeoMixin
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "CrisisNotice",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "ImageDescription",
    "ListingMixin",
    "SeoMixin",
    "SiteSettings",
    "StandardPage",
]
