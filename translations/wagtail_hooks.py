from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import include, path
from wagtail import hooks

from portal.roles import LANGUAGE_NAMES
from translations import access
from translations.dashboard import TranslationQueuePanel
from translations.models import PendingUpdate


@hooks.register("register_admin_urls", order=-1)
def language_checked_localize_urls():
    """Listed before wagtail-localize's own URLs, so these paths resolve
    here first; names still reverse through wagtail-localize's namespace."""
    patterns = [path(route, view) for route, view, _name in access.translation_views()]
    return [path("localize/", include(patterns))]


@hooks.register("before_edit_snippet", order=-1)
def refuse_other_languages(request, instance):
    """Snippet permissions are model-wide: keep translators to their own
    language's crisis notice and topics, and out of English."""
    if not access.may_change(request.user, instance):
        raise PermissionDenied


@hooks.register("construct_homepage_panels")
def add_translation_queue(request, panels):
    if access.languages_for(request.user) - {settings.LANGUAGE_CODE}:
        panels.append(TranslationQueuePanel(request.user))


@hooks.register("after_publish_page")
def say_which_translations_wait(request, page):
    waiting = PendingUpdate.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id
    ).select_related("locale")
    names = [LANGUAGE_NAMES.get(update.locale.language_code, update.locale.language_code) for update in waiting]
    if names:
        messages.info(request, (
            f"The {' and '.join(names)} translation{'s' if len(names) > 1 else ''} of '{page.title}' "
            "now lack this change. The translators have been e-mailed and see it in their queue; "
            "visitors keep the last published translation until then."
        ))
