from django.apps import AppConfig


class ApproachesConfig(AppConfig):
    name = "approaches"
    default_auto_field = "django.db.models.BigAutoField"
