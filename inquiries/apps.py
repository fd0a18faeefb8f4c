from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = "Appointment requests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Here rather than at the top: the health check reads models, which
        # are not loaded yet when Django imports this module.
        from inquiries.forms import FRESH_TOKEN_HOLE, issue_form_token
        from inquiries.health import oldest_pending_notification
        from portal import health, page_cache

        health.register("notifications", oldest_pending_notification)
        # Each response's appointment form gets its own token, cached page or not.
        page_cache.register_hole(FRESH_TOKEN_HOLE, issue_form_token)
