from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from blog.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Article topics"
    menu_order = 310
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


def warn_if_not_scheduled(request, page):
    """A go-live date only takes effect when the page is published; saving a
    draft with one looks as if it were scheduled, so say that it is not."""
    if "action-publish" in request.POST:
        return
    go_live_at = getattr(page, "go_live_at", None)
    if go_live_at and go_live_at > timezone.now():
        messages.warning(request, (
            f"'{page.get_admin_display_title()}' is saved as a draft and is not scheduled yet. "
            "Press Publish and it will go live at the time you chose "
            f"({date_format(timezone.localtime(go_live_at), 'DATETIME_FORMAT')})"
        ))


hooks.register("after_edit_page", warn_if_not_scheduled)
hooks.register("after_create_page", warn_if_not_scheduled)
