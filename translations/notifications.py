"""Tell each language's translators that English changed: page titles and
admin links only, never the text itself."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder

from portal.roles import LANGUAGE_NAMES, TRANSLATOR_GROUPS
from translations.models import PendingUpdate


def translators_of(language_code):
    group = TRANSLATOR_GROUPS.get(language_code)
    if group is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify(pending_update_ids):
    """One e-mail per translator per language. Returns how many were sent."""
    updates = PendingUpdate.objects.filter(pk__in=pending_update_ids).select_related("source", "locale")
    by_language = {}
    for update in updates:
        by_language.setdefault(update.locale.language_code, []).append(update)
    sent = 0
    for code, language_updates in by_language.items():
        recipients = list(translators_of(code).values_list("email", flat=True))
        if not recipients:
            continue
        finder = AdminURLFinder()
        items = []
        for update in language_updates:
            target = update.source.get_translated_instance(update.locale)
            edit = finder.get_edit_url(target)
            items.append({"title": update.source.object_repr, "url": admin_url(edit) if edit else ""})
        body = render_to_string("translations/email/english_changed.txt", {
            "language": LANGUAGE_NAMES[code],
            "items": items,
            "queue_url": admin_url(reverse("wagtailadmin_home")),
        })
        subject = f"English changed: {len(items)} {LANGUAGE_NAMES[code]} translation(s) to update"
        for recipient in recipients:
            EmailMessage(subject=subject, body=body, to=[recipient]).send()
            sent += 1
    return sent
