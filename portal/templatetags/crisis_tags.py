from django import template

from portal import fragment_cache
from portal.models import CrisisNotice

register = template.Library()


@register.inclusion_tag("includes/crisis_notice.html", takes_context=True)
def crisis_notice(context):
    """Always renders: with no notice in the database the built-in wording
    and the national numbers (988, 911) are shown. Remembered per language
    until the next purge: saving a notice purges (portal/signal_handlers.py)."""
    return {"notice": fragment_cache.remember(context.get("request"), "crisis-notice", CrisisNotice.for_active_language)}
