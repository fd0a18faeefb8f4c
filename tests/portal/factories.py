"""Factories for the site-wide layer: people, home pages, standard pages,
the crisis notice, and translations of any page.

Pages are created the way editors create them: added under a parent and
published. ``HomePageFactory`` makes the English home the default site's
root (replacing Wagtail's placeholder page), so ``client.get("/")`` serves it.
"""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Site

from portal.models import CrisisNotice, CustomImage, HomePage, StandardPage

PASSWORD = "test-password"


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


class UserFactory(factory.django.DjangoModelFactory):
    """A staff member; ``groups=["Marketing"]`` puts them in those roles."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda number: f"person{number}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.LazyAttribute(lambda user: user.username.capitalize())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*[Group.objects.get(name=name) for name in names])
        if create:
            user.save()


class PageFactory(factory.django.DjangoModelFactory):
    """A page added under ``parent`` and published (``live=False``: a draft)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda number: f"Page {number}")
    slug = factory.LazyAttribute(lambda page: page.title.lower().replace(" ", "-"))

    @classmethod
    def _build(cls, model_class, *args, parent=None, **kwargs):
        """The unsaved page; factories of pages with child objects add them here."""
        return model_class(*args, locale=parent.locale if parent and parent.depth > 1 else locale("en"), **kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent, live=True, **kwargs):
        page = cls._build(model_class, *args, parent=parent, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            Page.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "CARE Counseling"
    slug = "home"
    heading = "Counseling for children, teens, adults and families"
    intro = "Offices west of Chicago, and sessions by video."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        root = Page.get_first_root_node()
        # Wagtail's own "Welcome" placeholder holds the slug "home".
        root.get_children().filter(content_type__model="page", slug="home").delete()
        home = super()._create(model_class, *args, parent=root, **kwargs)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page, site.site_name = "testserver", 80, home, "CARE Counseling"
        site.save()
        return home


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = factory.LazyAttribute(lambda page: f"About {page.title.lower()}.")


class CrisisNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrisisNotice

    locale = factory.LazyFunction(lambda: locale("en"))
    heading = "In crisis?"
    message = "Help is free and confidential."
    crisis_line = "988"
    emergency_number = "911"
    last_verified = datetime.date(2026, 11, 1)


def translate(page, language_code, live=True, **fields):
    """``page`` copied into ``language_code`` (its parent must be translated
    already, unless it is a home page), with ``fields`` changed, published."""
    translated = page.copy_for_translation(locale(language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if live:
        revision.publish()
    translated.refresh_from_db()
    return translated.specific


def translate_snippet(snippet, language_code, **texts):
    """``snippet`` translated through wagtail-localize, as a translator does in
    its editor: ``texts`` give the wording of its translatable fields by name
    (``heading="..."``); synchronised fields (numbers, dates) follow the source.
    Returns the saved translation."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(snippet)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale(language_code), defaults={"enabled": True}
    )
    po = translation.export_po()
    unknown = set(texts) - {entry.msgctxt for entry in po}
    if unknown:
        raise ValueError(f"{type(snippet).__name__} has no translatable field {sorted(unknown)}")
    for entry in po:
        if entry.msgctxt in texts:
            entry.msgstr = texts[entry.msgctxt]
    translation.import_po(po)
    translation.save_target()
    return snippet.get_translation(locale(language_code))


def png_bytes(width=480, height=480, colour=(11, 85, 99)):
    image = PILImage.new("RGB", (width, height), colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    """An image in the library, with its description (the alt text)."""

    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda number: f"Image {number}")
    description = factory.LazyAttribute(lambda image: f"Description of {image.title.lower()}")
    file = factory.LazyAttribute(lambda image: ContentFile(png_bytes(), name=f"{image.title.lower().replace(' ', '-')}.png"))
