from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import CrisisNotice


class CrisisNoticeViewSet(SnippetViewSet):
    model = CrisisNotice
    icon = "warning"
    menu_label = "Crisis notice"
    list_display = ["heading", "crisis_line", "emergency_number", "last_verified", "locale"]
    list_filter = ["locale"]
    add_to_admin_menu = True
    menu_order = 900


register_snippet(CrisisNoticeViewSet)
