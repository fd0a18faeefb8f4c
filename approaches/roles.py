"""Clinicians, clinical reviewers and the review workflow.

``manage.py setup_roles`` runs ``ensure()`` after the site-wide roles (and
``load_demo`` again once the demo's pages exist):

- Clinicians keep their availability answer and, through a personal group
  per person (approaches/ownership.py), edit only the pages they own.
- Clinical reviewers read the review report and approve or request changes
  in the "Clinical review" step.
- Approach and clinician pages (English; translators look after the other
  languages) go through "Clinical review" then "Marketing approval".
"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from approaches.models import ApproachIndexPage, ClinicalReviewTask, ClinicianIndexPage
from approaches.ownership import sync_owner_permissions
from portal import roles

ORDER = 20

WORKFLOW = "Clinical review, then marketing approval"
CLINICAL_REVIEW = "Clinical review"
MARKETING_APPROVAL = "Marketing approval"

CLINICIAN_PERMISSIONS = [
    ("approaches", "view_availability"),
    ("approaches", "change_availability"),
]
REVIEWER_PERMISSIONS = [("approaches", "view_review_report")]
MARKETING_PERMISSIONS = [
    ("approaches", "assign_page_owners"),
    ("approaches", "view_review_report"),
    ("approaches", "view_availability"),
    ("approaches", "change_availability"),
]


def _task(model, name, group):
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model.objects.create(name=name)
    task.groups.add(group)
    return task


def ensure_workflow():
    """The workflow on the English approaches and clinicians sections. Reviewers
    may lock pages there: with it Wagtail shows them the section in the
    explorer, and a page's history and changes while it waits for them."""
    reviewers = Group.objects.get(name=roles.CLINICAL_REVIEWERS)
    marketing = Group.objects.get(name=roles.MARKETING)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    for order, task in enumerate([
        _task(ClinicalReviewTask, CLINICAL_REVIEW, reviewers),
        _task(GroupApprovalTask, MARKETING_APPROVAL, marketing),
    ]):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    sections = []
    for model in (ApproachIndexPage, ClinicianIndexPage):
        for index in model.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
            WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
            roles.grant_pages(reviewers, index, ["lock_page"])
            sections.append(index.url_path)
    return sections


def ensure(progress):
    roles.ensure_group(roles.CLINICIANS, CLINICIAN_PERMISSIONS)
    roles.ensure_group(roles.CLINICAL_REVIEWERS, REVIEWER_PERMISSIONS)
    roles.ensure_group(roles.MARKETING, MARKETING_PERMISSIONS)
    sections = ensure_workflow()
    if sections:
        progress(f"'{WORKFLOW}' on {', '.join(sections)}")
    else:
        progress(f"'{WORKFLOW}' created; run setup_roles again after adding the approaches and "
                 "clinicians pages, to put it on them")
    owners = sync_owner_permissions()
    progress(f"{roles.CLINICIANS}: {owners} people own approach or clinician pages")
