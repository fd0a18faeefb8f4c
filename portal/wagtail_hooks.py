from django.conf import settings
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import two_factor, two_factor_views
from portal.models import CrisisNotice, ImageDescription


class CrisisNoticeViewSet(SnippetViewSet):
    model = CrisisNotice
    icon = "warning"
    menu_label = "Crisis notice"
    list_display = ["heading", "crisis_line", "emergency_number", "last_verified", "locale"]
    list_filter = ["locale"]
    add_to_admin_menu = True
    menu_order = 900


register_snippet(CrisisNoticeViewSet)


class ImageDescriptionViewSet(SnippetViewSet):
    """Alt text in each language. Translators translate the English rows
    (wagtail-localize's "Translate"); those follow the images themselves."""

    model = ImageDescription
    icon = "image"
    menu_label = "Image descriptions"
    list_display = ["alt_text", "image", "locale"]
    list_filter = ["locale"]
    search_fields = ["alt_text"]


register_snippet(ImageDescriptionViewSet)


@hooks.register("before_edit_snippet")
def english_descriptions_are_edited_on_the_image(request, instance):
    if isinstance(instance, ImageDescription) and instance.locale.language_code == settings.LANGUAGE_CODE:
        messages.info(request, "English alt text belongs to the image: change it here, and translations follow.")
        return redirect("wagtailimages:edit", instance.image_id)
    return None


# Staff sign-in: the two-factor pages (portal/two_factor_views.py) and the
# account menu's way to turn it on, replace the app or renew recovery codes.
@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", two_factor_views.setup, name="portal_two_factor_setup"),
        path("two-factor/verify/", two_factor_views.verify, name="portal_two_factor_verify"),
        path("two-factor/recovery-codes/", two_factor_views.recovery_codes, name="portal_two_factor_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_setup_menu_item(request):
    if two_factor.has_two_factor(request.user):
        return {"url": reverse("portal_two_factor_setup"), "label": "Replace authenticator app",
                "help_text": "Move two-factor authentication to a new phone or app."}
    return {"url": reverse("portal_two_factor_setup"), "label": "Set up two-factor authentication",
            "help_text": "Ask for a code from an authenticator app each time you sign in."}


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    if two_factor.has_two_factor(request.user):
        return {"url": reverse("portal_two_factor_recovery_codes"), "label": "New recovery codes",
                "help_text": f"{two_factor.recovery_codes_left(request.user)} unused codes left; "
                             "new ones replace them all."}
    return None
