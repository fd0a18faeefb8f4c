"""Which languages a user may translate into, enforced in every admin view
that reaches a translation.

Wagtail's page permissions already keep translators inside their language's
tree. Snippets (crisis notice, topics) only have model-wide permissions, and
wagtail-localize's views check a global permission and offer every language;
the wrappers here add the language check to each of them (registered in
wagtail_hooks.py ahead of wagtail-localize's own URLs).
"""

import contextlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, submit_translations, update_translations
from wagtail_localize.views.edit_translation import apply_machine_translation

from portal.roles import MARKETING, TRANSLATOR_GROUPS

EVERY_LANGUAGE = frozenset(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def languages_for(user):
    """Language codes whose content ``user`` may translate: every one for
    superusers and Marketing, their own for translators, none otherwise."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return EVERY_LANGUAGE
    if not hasattr(user, "_translation_languages"):
        groups = set(user.groups.values_list("name", flat=True))
        user._translation_languages = EVERY_LANGUAGE if MARKETING in groups else frozenset(
            code for code, group in TRANSLATOR_GROUPS.items() if group in groups
        )
    return user._translation_languages


def is_translator_only(user):
    """A translator: restricted to their languages, never English."""
    return languages_for(user) != EVERY_LANGUAGE and bool(languages_for(user))


def may_change(user, instance):
    """May ``user`` change this language's version of a translatable object?"""
    if not isinstance(instance, TranslatableMixin):
        return True
    return instance.locale.language_code in languages_for(user)


def _check(user, locale):
    if locale.language_code not in languages_for(user):
        raise PermissionDenied


def for_translation(view):
    """Wrap a wagtail-localize view that takes ``translation_id``."""

    @wraps(view)
    def checked(request, *args, translation_id, **kwargs):
        translation = get_object_or_404(Translation.objects.select_related("target_locale"), pk=translation_id)
        _check(request.user, translation.target_locale)
        return view(request, *args, translation_id=translation_id, **kwargs)

    return checked


def for_page(view):
    """Wrap a wagtail-localize view that takes the translated ``page_id``."""

    @wraps(view)
    def checked(request, *args, page_id, **kwargs):
        page = get_object_or_404(Page.objects.select_related("locale"), pk=page_id)
        _check(request.user, page.locale)
        return view(request, *args, page_id=page_id, **kwargs)

    return checked


class OwnLanguagesMixin:
    """wagtail-localize's "Translate" form, offering only the user's languages."""

    def dispatch(self, request, *args, **kwargs):
        if not languages_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(language_code__in=languages_for(self.request.user))
        return form


class SubmitPageTranslationView(OwnLanguagesMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(OwnLanguagesMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync: refreshes the shared English source, then acts (machine
    translation, publishing) only on the user's own languages."""

    def dispatch(self, request, *args, **kwargs):
        if not languages_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def own_translations(self):
        return self.object.translations.filter(
            enabled=True, target_locale__language_code__in=languages_for(self.request.user)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        own = set(self.own_translations().values_list("target_locale_id", flat=True))
        context["translations"] = [t for t in context["translations"] if t["locale"].pk in own]
        if "form" in kwargs:  # a form sent back with its errors
            context["form"] = kwargs["form"]
        return context

    @transaction.atomic
    def form_valid(self, form):
        # wagtail-localize's own form_valid, narrowed to the user's languages.
        if form.cleaned_data.get("use_machine_translation") and form.cleaned_data["publish_translations"]:
            # A machine draft is read by a person before anyone sees it.
            message = ("Machine translations are drafts: publish them after reading them in the translation "
                       "editor, not in the same step.")
            form.add_error("publish_translations", message)
            messages.error(self.request, message)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        self.object.update_from_db()
        own = list(self.own_translations().select_related("source", "target_locale"))
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in own:
                apply_machine_translation(translation.id, self.request.user, machine_translator)
        for translation in own:
            with contextlib.suppress(ValidationError):
                if form.cleaned_data["publish_translations"]:
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: own})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def translation_views():
    """(path under /admin/localize/, view, URL name) for every
    wagtail-localize view that reaches a translation."""
    return [
        ("submit/page/<int:page_id>/", SubmitPageTranslationView.as_view(), "submit_page_translation"),
        ("submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
         SubmitSnippetTranslationView.as_view(), "submit_snippet_translation"),
        ("update/<int:translation_source_id>/", UpdateTranslationsView.as_view(), "update_translations"),
        ("translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
         for_translation(edit_translation.edit_string_translation), "edit_string_translation"),
        ("translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
         for_translation(edit_translation.edit_override), "edit_override"),
        ("translate/<int:translation_id>/pofile/download/",
         for_translation(edit_translation.download_pofile), "download_pofile"),
        ("translate/<int:translation_id>/pofile/upload/",
         for_translation(edit_translation.upload_pofile), "upload_pofile"),
        ("translate/<int:translation_id>/machine_translate/",
         for_translation(edit_translation.machine_translate), "machine_translate"),
        ("translate/<int:translation_id>/preview/",
         for_translation(edit_translation.preview_translation), "preview_translation"),
        ("translate/<int:translation_id>/preview/<str:mode>/",
         for_translation(edit_translation.preview_translation), "preview_translation"),
        ("translate/<int:translation_id>/disable/",
         for_translation(edit_translation.stop_translation), "stop_translation"),
        ("page/<int:page_id>/convert_to_alias/", for_page(convert.convert_to_alias), "convert_to_alias"),
    ]
