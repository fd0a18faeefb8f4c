from django.apps import AppConfig


class ApproachesConfig(AppConfig):
    name = "approaches"
    verbose_name = "Approaches and clinicians"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Here rather than at the top: the handlers need the models loaded.
        from approaches import signal_handlers

        signal_handlers.connect()
