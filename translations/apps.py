from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = "Translation workflow"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from translations import signal_handlers

        signal_handlers.connect()
