"""Wagtail's database search backend, with PostgreSQL's text search
configuration chosen per language.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "sitesearch.backend",
"SEARCH_CONFIGS": {"en": "english", "es": "spanish", "pl": "simple"}}}``.

On PostgreSQL each object is indexed with the configuration of its locale's
language (so Spanish pages are stemmed as Spanish), and a search uses the
configuration of the language searched (``backend.for_language("es")``).
Objects without a locale (images, documents) and searches that name no
language use the default language's configuration. PostgreSQL has no Polish
stemmer, hence ``simple``: Polish words match as written, lower-cased.

On any other database (SQLite for the demo) this is Wagtail's own database
backend, unchanged: SQLite's full-text search has no per-language stemming.

After changing SEARCH_CONFIGS, run ``manage.py update_index``: the stored
tsvectors were computed with the old configuration.
"""

import copy
from itertools import groupby

from django.conf import settings
from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from wagtail.models import Locale


class LocalizedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # Wagtail's index computes every tsvector of one call with the
        # backend's single configuration, so each language goes in its own call.
        backend = self.backend
        language_of = backend.language_codes_of(objs)
        by_config = sorted(objs, key=lambda obj: backend.config_for_language(language_of(obj)))
        for config, group in groupby(by_config, key=lambda obj: backend.config_for_language(language_of(obj))):
            PostgresIndex(backend.with_config(config)).add_items(model, list(group))


class LocalizedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalizedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = dict(params.get("SEARCH_CONFIGS", {}))
        self.config = self.config_for_language(settings.LANGUAGE_CODE)

    def config_for_language(self, language_code):
        return self.configs.get(language_code) or self.configs.get(settings.LANGUAGE_CODE) or "simple"

    def with_config(self, config):
        """This backend, indexing and searching with ``config``."""
        configured = copy.copy(self)
        configured.config = config
        return configured

    def for_language(self, language_code):
        return self.with_config(self.config_for_language(language_code))

    def language_codes_of(self, objs):
        """A function giving each of ``objs`` its locale's language code (None
        without a locale); one query for all of them."""
        locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
        codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code")) if locale_ids else {}
        return lambda obj: codes.get(getattr(obj, "locale_id", None))


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The per-language backend on PostgreSQL, Wagtail's database backend elsewhere
    (chosen when the backend is made, as Wagtail's own database backend does)."""
    if connection.vendor == "postgresql":
        return LocalizedPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)


def for_language(backend, language_code):
    """``backend`` searching in ``language_code``'s configuration, where it has one."""
    if isinstance(backend, LocalizedPostgresSearchBackend):
        return backend.for_language(language_code)
    return backend
