"""Clinical review: who approved a page's content, and when.

Both come from the "Clinical review" workflow step, never from a form: when a
reviewer approves, ``ClinicalReviewTask`` writes their user and the date into
the revision under review, so the values go live with exactly that content
when marketing publishes it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask, Locale


@dataclass
class Review:
    reviewer_name: str
    reviewer_url: str | None
    date: object  # datetime.date


class ClinicalReviewMixin(models.Model):
    # Editable (so wagtail-localize synchronises them) but in no panel: only
    # the workflow fills them in.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_reviewed = models.DateField(null=True, blank=True, db_index=True)

    class Meta:
        abstract = True

    def clinical_review(self, request=None):
        """The review shown on the page. Translations show their source page's
        review: the clinical content is the English page's."""
        page = self
        if self.locale_id != Locale.get_default().pk:
            page = type(self).objects.filter(
                translation_key=self.translation_key, locale=Locale.get_default()
            ).select_related("reviewed_by").first() or self
        if not page.last_reviewed or not page.reviewed_by:
            return None
        reviewer = page.reviewed_by
        profile = (
            reviewer.clinician_pages.live().filter(locale_id=self.locale_id).first()
            or reviewer.clinician_pages.live().first()
        )
        if profile is not None:
            return Review(profile.title, profile.get_url(request), page.last_reviewed)
        return Review(reviewer.get_full_name() or reviewer.get_username(), None, page.last_reviewed)


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """A group approval that records the approval on the page it approves."""

    class Meta:
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self.record_review(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def record_review(task_state, user):
        page = task_state.workflow_state.content_object.specific
        if not isinstance(page, ClinicalReviewMixin):
            return
        # "Approve with edits" saves a newer revision than the one the task
        # started on; the newest is the one that goes on to be published.
        revisions = {task_state.revision, page.get_latest_revision()}
        for revision in filter(None, revisions):
            revision.content["reviewed_by"] = user.pk
            revision.content["last_reviewed"] = timezone.localdate().isoformat()
            revision.save(update_fields=["content"])
