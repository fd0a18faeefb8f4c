from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "locations"
    verbose_name = "Offices"
    default_auto_field = "django.db.models.BigAutoField"
