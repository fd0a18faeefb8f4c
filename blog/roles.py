"""Who writes and approves articles (``manage.py setup_roles``; ``load_demo``
runs it again once the blog exists).

- Marketing plans, edits, schedules and publishes every article (its page
  permissions cover the whole site) and keeps the list of topics.
- Clinicians may start articles in the English blog; they edit the ones they
  started and submit them. Like approach pages, articles then go through
  "Clinical review" (which records "Reviewed by") and "Marketing approval",
  which publishes. Marketing can publish its own articles directly.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowPage

from approaches.roles import WORKFLOW
from blog.models import BlogIndexPage
from portal import roles

ORDER = 40  # after approaches (20), whose review workflow the blog reuses

MARKETING_PERMISSIONS = [("blog", "add_topic"), ("blog", "change_topic"), ("blog", "delete_topic")]
CLINICIAN_PAGE_PERMISSIONS = ["add_page"]
# Translators translate topic names; the translations app's before-edit
# hook keeps each to their own language.
TRANSLATOR_PERMISSIONS = [("blog", "change_topic")]


def ensure(progress):
    roles.ensure_group(roles.MARKETING, MARKETING_PERMISSIONS)
    for name in roles.TRANSLATOR_GROUPS.values():
        roles.ensure_group(name, TRANSLATOR_PERMISSIONS)
    clinicians = Group.objects.get(name=roles.CLINICIANS)
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    indexes = list(BlogIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    for index in indexes:
        roles.grant_pages(clinicians, index, CLINICIAN_PAGE_PERMISSIONS)
        if workflow is not None:
            WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    if indexes:
        progress(f"Articles: '{WORKFLOW}' on {', '.join(i.url_path for i in indexes)}; "
                 f"{roles.CLINICIANS} may start articles there")
    else:
        progress("Articles: run setup_roles again after adding the blog, to put the workflow on it")
