from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "locations"
    verbose_name = "Offices and inquiries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from locations.health import oldest_pending_notification
        from portal import health

        health.register("notifications", oldest_pending_notification)
