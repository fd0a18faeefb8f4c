"""The permission matrix of issue 9: every role against every action on every
page type and secondary admin view, through the real admin URLs.

The expected answers are the policy of PRODUCT.md and issue 9, written below
as rules (``page_policy``, ``workflow_policy``, ``SECONDARY_VIEWS``), not
cell by cell. One test builds the clinic once, signs each role in on its own
client, asks every cell and collects every difference, so a failure lists
all of them at once. Each cell runs inside a savepoint that is rolled back,
so a cell that changes something (a lock, an audit entry) never changes the
answer of the next one.

Reading a response (``outcome``): 200 is allowed; Wagtail answers a refusal
with a redirect to the dashboard and a "permission" message, or a 403/404;
a redirect anywhere else is the action going ahead (the only page type to
add, or a POST's success). "Publish" is read from the edit view: allowed when
its action menu offers the ``action-publish`` button (publishing for real
would need each page type's full form). "Lock" is a POST, checked against the
page's lock as well; the workflow actions are the GET of their modal (approve
or request changes, with a comment), which decides nothing.

Run with ``-s`` to see how many cells were checked.
"""

import os
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Callable
from urllib.parse import urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from approaches.models import Availability
from approaches.ownership import owns
from approaches.roles import CLINICAL_REVIEW, MARKETING_APPROVAL
from portal import roles as site_roles
from tests.approaches.factories import ApproachFactory
from tests.inquiries.factories import InquiryFactory, IntakeUserFactory
from tests.inquiries.fixtures import PRIVACY_TRANSLATIONS, REQUEST_PAGE_TRANSLATIONS
from tests.locations.fixtures import FINDER_TITLES, TRANSLATED_NOTES
from tests.portal.factories import UserFactory, translate
from tests.portal.staff import sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ALLOW, DENY = "allow", "deny"

# The roles, as issue 9 and PRODUCT.md name them.
SUPERUSER = "superuser"
MARKETING = "marketing"
CLINICIAN = "clinician"  # owns Ana's clinician page and maintains the play therapy page
REVIEWER = "clinical reviewer"  # a clinician who owns no page, and a clinical reviewer
TRANSLATOR_ES = "translator (es)"
TRANSLATOR_PL = "translator (pl)"
INTAKE = "intake"  # reads the Naperville office's inquiries
ROLES = (SUPERUSER, MARKETING, CLINICIAN, REVIEWER, TRANSLATOR_ES, TRANSLATOR_PL, INTAKE)
TRANSLATOR_LANGUAGE = {TRANSLATOR_ES: "es", TRANSLATOR_PL: "pl"}


# --- Pages -------------------------------------------------------------------

PAGE_ACTIONS = (
    "edit", "publish", "unpublish", "preview", "history", "revision compare",
    "copy", "move", "delete", "add subpage", "lock",
)
# Page types with a child type that can still be created under them (Wagtail's
# subpage_types and max counts): "add subpage" anywhere else is refused to everyone.
CHILD_TYPES = {
    "HomePage": "StandardPage",
    "StandardPage": "StandardPage",
    "LocationIndexPage": "LocationPage",
    "ApproachIndexPage": "ApproachPage",
    "ClinicianIndexPage": "ClinicianPage",
}
# A clinician on the pages they own: keep them current and submit them for
# review; never publish, unpublish, delete, move, copy (no page may be
# created), lock or add.
OWNER_ACTIONS = {"edit", "preview", "history", "revision compare"}
# A translator, on the pages of their own language.
TRANSLATOR_ACTIONS = set(PAGE_ACTIONS) - {"delete", "move", "lock"}


def page_policy(role, action, page):
    """Whether ``role`` may take ``action`` on ``page`` (a ``Subject``)."""
    if action == "add subpage" and page.kind not in CHILD_TYPES:
        return DENY  # nothing can be created there, not even by a superuser
    if role == SUPERUSER:
        return ALLOW
    if role == MARKETING:
        # Every page in every language. Wagtail lets change + publish delete
        # only leaves (pages with children need bulk delete); moving is
        # deleting and re-adding the whole branch, so it is not limited to
        # leaves.
        if action == "delete":
            return ALLOW if page.leaf else DENY
        return ALLOW
    if role == CLINICIAN:
        return ALLOW if page.owned and action in OWNER_ACTIONS else DENY
    if role in TRANSLATOR_LANGUAGE:
        return ALLOW if page.language == TRANSLATOR_LANGUAGE[role] and action in TRANSLATOR_ACTIONS else DENY
    if role == REVIEWER:
        # Outside the workflow a reviewer edits nothing, but may lock a page of
        # the English sections they review (which also shows them the sections).
        return ALLOW if action == "lock" and page.language == "en" and page.kind in REVIEWED_TYPES else DENY
    return DENY  # intake edits no page


REVIEWED_TYPES = {"ApproachIndexPage", "ApproachPage", "ClinicianIndexPage", "ClinicianPage"}


# Pages in the review workflow: what the task's reviewers do with them.
WORKFLOW_ACTIONS = ("edit", "preview", "history", "revision compare", "task preview", "approve", "request changes")
REVIEW_ACTIONS = {"edit", "preview", "history", "revision compare"}
TASK_GROUP = {CLINICAL_REVIEW: REVIEWER, MARKETING_APPROVAL: MARKETING}


def workflow_policy(role, action, page):
    """A page waiting in a task: its reviewers read, compare, edit and decide;
    marketing reads and edits any page; nobody else sees it."""
    if role == REVIEWER and action == "history":
        # Wagtail's page history needs an edit permission; reviewers see what
        # changed through revision compare (below) and the workflow's history.
        return DENY
    if role == SUPERUSER or role == TASK_GROUP[page.task]:
        return ALLOW
    if role == MARKETING and action in REVIEW_ACTIONS:
        return ALLOW
    return DENY


# --- Secondary admin views ----------------------------------------------------

EVERYONE = set(ROLES)
# Everyone with a page permission (reviewers: lock, in the sections they review).
PAGE_EDITORS = {SUPERUSER, MARKETING, CLINICIAN, TRANSLATOR_ES, TRANSLATOR_PL, REVIEWER}
# The page reports need add, change or publish somewhere.
PAGE_REPORT_READERS = PAGE_EDITORS - {REVIEWER}
CONTENT = {SUPERUSER, MARKETING}  # images, documents, snippets, settings, redirects, reports
CLINICIANS = {SUPERUSER, MARKETING, CLINICIAN, REVIEWER}
INTAKE_STAFF = {SUPERUSER, INTAKE}
ONLY_SUPERUSER = {SUPERUSER}


def _url(name, *args, query=""):
    return lambda data: reverse(name, args=[arg(data) if callable(arg) else arg for arg in args]) + query


def _setting(app, model):
    return lambda data: reverse("wagtailsettings:edit", args=[app, model, data.site.pk])


SECONDARY_VIEWS = [
    # (area, view, URL, who may)
    ("admin", "dashboard", _url("wagtailadmin_home"), EVERYONE),
    ("admin", "page explorer", _url("wagtailadmin_explore_root"), PAGE_EDITORS),
    ("admin", "page search", _url("wagtailadmin_pages:search", query="?q=therapy"), PAGE_EDITORS),
    # Choosers open for every admin user, listing only what they may choose
    # (images and documents by collection permission: none for intake).
    ("choosers", "page chooser", _url("wagtailadmin_choose_page"), EVERYONE),
    ("choosers", "image chooser", _url("wagtailimages_chooser:choose"), EVERYONE),
    ("choosers", "document chooser", _url("wagtaildocs_chooser:choose"), EVERYONE),
    ("images", "images index", _url("wagtailimages:index"), CONTENT),
    ("images", "add images", _url("wagtailimages:add_multiple"), CONTENT),
    ("documents", "documents index", _url("wagtaildocs:index"), CONTENT),
    ("documents", "add documents", _url("wagtaildocs:add_multiple"), CONTENT),
    # Translators translate their own language's crisis notice, never English
    # (translations/wagtail_hooks.py; every wagtail-localize view: tests/translations).
    ("snippets", "crisis notice list", _url("wagtailsnippets_portal_crisisnotice:list"),
     CONTENT | {TRANSLATOR_ES, TRANSLATOR_PL}),
    ("snippets", "crisis notice edit (en)",
     _url("wagtailsnippets_portal_crisisnotice:edit", lambda d: d.notices["en"].pk), CONTENT),
    ("snippets", "crisis notice edit (es)",
     _url("wagtailsnippets_portal_crisisnotice:edit", lambda d: d.notices["es"].pk), CONTENT | {TRANSLATOR_ES}),
    ("snippets", "crisis notice edit (pl)",
     _url("wagtailsnippets_portal_crisisnotice:edit", lambda d: d.notices["pl"].pk), CONTENT | {TRANSLATOR_PL}),
    ("settings", "site settings", _setting("portal", "sitesettings"), CONTENT),
    ("settings", "appointment request settings", _setting("inquiries", "inquirysettings"), CONTENT),
    ("settings", "redirects", _url("wagtailredirects:index"), CONTENT),
    ("settings", "users", _url("wagtailusers_users:index"), ONLY_SUPERUSER),
    ("settings", "groups", _url("wagtailusers_groups:index"), ONLY_SUPERUSER),
    ("settings", "workflows", _url("wagtailadmin_workflows:index"), ONLY_SUPERUSER),
    ("settings", "locales", _url("wagtaillocales:index"), ONLY_SUPERUSER),
    ("settings", "intake assignments", _url("intake_assignments:index"), ONLY_SUPERUSER),
    # Wagtail's reports list only what each person may see: site history the
    # actions on what they can see (intake: their inquiries' trail), the page
    # reports the pages they have permissions on.
    ("reports", "site history", _url("wagtailadmin_reports:site_history"), EVERYONE),
    ("reports", "locked pages", _url("wagtailadmin_reports:locked_pages"), CONTENT),
    ("reports", "aging pages", _url("wagtailadmin_reports:aging_pages"), PAGE_REPORT_READERS),
    ("reports", "page types usage", _url("wagtailadmin_reports:page_types_usage"), PAGE_REPORT_READERS),
    ("reports", "workflows report", _url("wagtailadmin_reports:workflow"), PAGE_REPORT_READERS),
    ("reports", "workflow tasks report", _url("wagtailadmin_reports:workflow_tasks"), PAGE_REPORT_READERS),
    ("reports", "due for clinical review", _url("approaches_reviews_due"), CONTENT | {REVIEWER}),
    ("inquiries", "inquiry list", _url("inquiries:index"), INTAKE_STAFF),
    ("inquiries", "inquiry of their office", _url("inquiries:inspect", lambda d: d.inquiry_own.pk), INTAKE_STAFF),
    ("inquiries", "mark handled, their office", _url("inquiries:edit", lambda d: d.inquiry_own.pk), INTAKE_STAFF),
    ("inquiries", "inquiry of another office",
     _url("inquiries:inspect", lambda d: d.inquiry_other.pk), ONLY_SUPERUSER),
    ("inquiries", "mark handled, another office",
     _url("inquiries:edit", lambda d: d.inquiry_other.pk), ONLY_SUPERUSER),
    ("inquiries", "export (CSV)", _url("inquiries:index", query="?export=csv"), INTAKE_STAFF),
    ("availability", "availability list", _url("approaches_availability:index"), CLINICIANS),
    ("availability", "the clinician's own row",
     _url("approaches_availability:edit", lambda d: d.availability_own.pk), CLINICIANS - {REVIEWER}),
    ("availability", "someone else's row",
     _url("approaches_availability:edit", lambda d: d.availability_other.pk), CONTENT),
]


# --- The data ------------------------------------------------------------------

@dataclass
class Subject:
    """A page the matrix acts on."""

    key: str  # e.g. "es ApproachPage (the clinician's)"
    page: Page
    kind: str  # the page type's class name
    language: str
    owned: bool = False  # owned by the clinician role
    leaf: bool = True
    task: str | None = None  # the workflow task it waits in


@pytest.fixture
def matrix(homes, reviewed_practice, clinic, crisis_notices):
    """The clinic in three languages, two pages waiting for review, two
    inquiries and one user per role: built once for the whole matrix."""
    p = reviewed_practice
    # Someone else's pages belong to another clinician: Ben (a login of his
    # own) has his clinician page and maintains IFS.
    p.ifs.maintainers.set([p.ben])
    p.ifs.save_revision().publish()
    en = {
        "HomePage": homes["en"],
        "StandardPage": clinic.privacy,
        "LocationIndexPage": p.offices["naperville"].get_parent().specific,
        "LocationPage": p.offices["naperville"],
        "AppointmentRequestPage": clinic.request_page,
        "ApproachIndexPage": p.index,
        "ApproachPage": p.play,
        "ClinicianIndexPage": p.directory,
        "ClinicianPage": p.ana,
    }
    translations = {}
    for code in ("es", "pl"):  # parents first
        finder = translate(en["LocationIndexPage"], code, title=FINDER_TITLES[code])
        index = translate(p.index, code)
        directory = translate(p.directory, code)
        translations[code] = {
            "HomePage": homes[code],
            "StandardPage": translate(clinic.privacy, code, **PRIVACY_TRANSLATIONS[code]),
            "LocationIndexPage": finder,
            "LocationPage": translate(p.offices["naperville"], code, **TRANSLATED_NOTES[code]),
            "AppointmentRequestPage": translate(clinic.request_page, code, **REQUEST_PAGE_TRANSLATIONS[code]),
            "ApproachIndexPage": index,
            "ApproachPage": translate(p.play, code),
            "ClinicianIndexPage": directory,
            "ClinicianPage": translate(p.ana, code),
        }

    admin = UserFactory(username="matrix-admin", is_superuser=True, is_staff=True)
    reviewer = UserFactory(username="matrix-reviewer", groups=[site_roles.CLINICIANS, site_roles.CLINICAL_REVIEWERS])
    users = {
        SUPERUSER: admin,
        MARKETING: p.marketer,
        CLINICIAN: p.clinician,
        REVIEWER: reviewer,
        TRANSLATOR_ES: UserFactory(username="translator-es", groups=[site_roles.TRANSLATOR_GROUPS["es"]]),
        TRANSLATOR_PL: UserFactory(username="translator-pl", groups=[site_roles.TRANSLATOR_GROUPS["pl"]]),
        INTAKE: IntakeUserFactory(username="intake", offices=[p.offices["naperville"]]),
    }
    # The translators' page permissions need the Spanish and Polish homes.
    call_command("setup_roles", stdout=open(os.devnull, "w"))

    # EMDR waits for the clinical review; Somatic EMDR passed it and waits for marketing.
    in_review = p.emdr
    in_approval = ApproachFactory(parent=p.index, title="Somatic EMDR", slug="somatic-emdr")
    for page in (in_review, in_approval):
        page.save_revision(user=admin)
        page.get_workflow().start(page, admin)
    state = in_approval.specific_class.objects.get(pk=in_approval.pk).current_workflow_task_state.specific
    state.task.specific.on_action(state, reviewer, "approve")

    subjects = []
    for language, pages in (("en", en), *translations.items()):
        for kind, page in pages.items():
            owned = language == "en" and kind in {"ApproachPage", "ClinicianPage"}
            subjects.append(Subject(f"{language} {kind}" + (" (the clinician's)" if owned else ""),
                                    page, kind, language, owned=owned))
    subjects += [
        Subject("en ApproachPage (someone else's)", p.ifs, "ApproachPage", "en"),
        Subject("en ClinicianPage (someone else's)", p.ben, "ClinicianPage", "en"),
    ]
    for subject in subjects:
        subject.page = Page.objects.get(pk=subject.page.pk).specific
        subject.leaf = not subject.page.get_children().exists()
        # The data is what the cells assume: the English pages name their owners
        # (translations copy the names, but give no permission: see ownership.py).
        if subject.language == "en":
            assert owns(p.clinician, subject.page) == subject.owned, subject.key
    workflow_pages = [
        Subject("en ApproachPage in clinical review", Page.objects.get(pk=in_review.pk).specific,
                "ApproachPage", "en", task=CLINICAL_REVIEW),
        Subject("en ApproachPage in marketing approval", Page.objects.get(pk=in_approval.pk).specific,
                "ApproachPage", "en", task=MARKETING_APPROVAL),
    ]
    for subject in workflow_pages:  # the data is what the cells assume
        assert subject.page.current_workflow_task.name == subject.task

    return SimpleNamespace(
        users=users,
        pages=subjects,
        workflow_pages=workflow_pages,
        site=Site.objects.get(is_default_site=True),
        notices=crisis_notices,
        inquiry_own=InquiryFactory(office_page=p.offices["naperville"]),
        inquiry_other=InquiryFactory(office_page=p.offices["aurora"]),
        availability_own=Availability.objects.get(clinician=p.ana),
        availability_other=Availability.objects.get(clinician=p.ben),
    )


# --- Asking the admin -----------------------------------------------------------

def outcome(response):
    """ALLOW or DENY from an admin response, and what was asked and answered."""
    status = response.status_code
    asked = f"{response.wsgi_request.method} {response.wsgi_request.get_full_path()}"
    if status == 200:
        return ALLOW, f"{asked}: 200"
    if status in (403, 404):
        return DENY, f"{asked}: {status}"
    if status == 302:
        path = urlsplit(response["Location"]).path
        messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
        if path == reverse("wagtailadmin_home"):  # Wagtail's "permission denied"
            return DENY, f"{asked}: 302 to the dashboard {messages}"
        if path.startswith(reverse("wagtailadmin_login")):
            return DENY, f"{asked}: 302 to the login page"
        if path.startswith("/admin/two-factor/"):
            return "not signed in", f"{asked}: 302 to {path}"
        return ALLOW, f"{asked}: 302 to {path}"
    return f"HTTP {status}", f"{asked}: {status}"


def page_url(action, page):
    if action == "revision compare":
        return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"])
    name = {
        "edit": "edit", "unpublish": "unpublish", "preview": "view_draft", "history": "history",
        "copy": "copy", "move": "move", "delete": "delete", "add subpage": "add_subpage", "lock": "lock",
    }[action]
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk])


def ask_page(client, action, page, memo):
    if action == "publish":
        # The edit view, asked once per role and page, offers the button or not.
        edited, detail = memo.get(("edit", page.pk)) or ask_page(client, "edit", page, memo)
        if edited != ALLOW:
            return DENY, f"no editor ({detail})"
        return (ALLOW, "publish offered") if memo[("publish", page.pk)] else (DENY, "no publish button")
    if action == "lock":
        response = client.post(page_url("lock", page))
        answer, detail = outcome(response)
        locked = Page.objects.filter(pk=page.pk, locked=True).exists()
        if (answer == ALLOW) != locked:
            return "inconsistent", f"{detail}, page locked: {locked}"
        return answer, detail
    response = client.get(page_url(action, page))
    answer, detail = outcome(response)
    if action == "edit":
        memo[("edit", page.pk)] = (answer, detail)
        memo[("publish", page.pk)] = answer == ALLOW and b'name="action-publish"' in response.content
    return answer, detail


def ask_workflow(client, action, page, memo):
    if action not in {"task preview", "approve", "request changes"}:
        return ask_page(client, action, page, memo)
    task_state = page.current_workflow_task_state
    if action == "task preview":  # the revision under review, as the task shows it
        return outcome(client.get(reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])))
    name = {"approve": "approve", "request changes": "reject"}[action]
    # GET: the modal for the action with a comment; nothing is decided.
    return outcome(client.get(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk])))


@dataclass
class Cell:
    role: str
    area: str
    subject: str
    action: str
    expected: str
    ask: Callable = field(repr=False)

    def __str__(self):
        return f"{self.role:17} {self.area:10} {self.subject:40} {self.action}"


def all_cells(data):
    cells = []
    for role in ROLES:
        for page in data.pages:
            for action in PAGE_ACTIONS:
                cells.append(Cell(role, "pages", page.key, action, page_policy(role, action, page),
                                  lambda client, memo, a=action, p=page.page: ask_page(client, a, p, memo)))
        for page in data.workflow_pages:
            for action in WORKFLOW_ACTIONS:
                cells.append(Cell(role, "workflow", page.key, action, workflow_policy(role, action, page),
                                  lambda client, memo, a=action, p=page.page: ask_workflow(client, a, p, memo)))
        for area, view, url, allowed in SECONDARY_VIEWS:
            cells.append(Cell(role, area, view, "GET", ALLOW if role in allowed else DENY,
                              lambda client, memo, u=url(data): outcome(client.get(u))))
    return cells


def ask(cell, client, memo):
    """The cell's answer, in a savepoint that is then rolled back."""
    client.cookies.pop("messages", None)  # earlier refusals' messages, never read
    try:
        with transaction.atomic():
            answer = cell.ask(client, memo)
            transaction.set_rollback(True)
        return answer
    except Exception as error:  # one broken view must not hide the other cells
        return "error", f"{type(error).__name__}: {error}"[:300]


def test_permission_matrix(matrix):
    started = time.monotonic()
    cells = all_cells(matrix)
    clients = {role: sign_in(Client(), user) for role, user in matrix.users.items()}
    memos = {role: {} for role in ROLES}
    differences = []
    for cell in cells:
        answer, detail = ask(cell, clients[cell.role], memos[cell.role])
        if answer != cell.expected:
            differences.append(f"{cell}: expected {cell.expected}, got {answer} ({detail})")
    print(f"\n{len(cells)} permission cells checked in {time.monotonic() - started:.0f}s")
    assert not differences, f"{len(differences)} of {len(cells)} cells differ from the policy:\n" + "\n".join(
        differences
    )
