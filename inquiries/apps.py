from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = "Appointment requests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Here rather than at the top: the health check reads models, which
        # are not loaded yet when Django imports this module.
        from inquiries.health import oldest_pending_notification
        from portal import health

        health.register("notifications", oldest_pending_notification)
