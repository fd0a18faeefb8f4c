from django import template

from portal.models import CrisisNotice

register = template.Library()


@register.inclusion_tag("includes/crisis_notice.html")
def crisis_notice():
    """Always renders: with no notice in the database the built-in wording
    and the national numbers (988, 911) are shown."""
    return {"notice": CrisisNotice.for_active_language()}
