"""The intake team's role: read, export, mark handled and re-send the
inquiries of the offices assigned to them (Settings > Intake assignments).

``manage.py setup_roles`` runs ``ensure()`` after the site-wide roles.
"""

from portal import roles

ORDER = 10

INTAKE = "Intake"

INTAKE_PERMISSIONS = [
    roles.ADMIN_ACCESS,
    ("inquiries", "view_inquiry"),
    ("inquiries", "change_inquiry"),
    ("inquiries", "resend_inquiry_notices"),
]
# Marketing keeps the appointment form's settings (addresses, note, sender name).
MARKETING_PERMISSIONS = [("inquiries", "change_inquirysettings")]


def ensure(progress):
    roles.ensure_group(INTAKE, INTAKE_PERMISSIONS)
    roles.ensure_group(roles.MARKETING, MARKETING_PERMISSIONS)
    progress(f"{INTAKE}: inquiries of the offices given to each person under Settings > Intake assignments")
