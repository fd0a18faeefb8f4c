from django.apps import AppConfig
from django.db.models import Q


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Here rather than at the top: both modules need the models loaded.
        from approaches.review import register_reviewed_page_type
        from blog.models import ArticlePage

        # Reviewed articles for parents are checked again 18 months after their
        # review (articles never sent for review are not clinical content).
        register_reviewed_page_type(ArticlePage, 548, only=Q(for_parents=True, last_reviewed__isnull=False))
