"""What the e-mails an inquiry causes say, and to whom they go.

Neither says anything the visitor wrote. The office's notice names the
office and the reference and links to the admin. The visitor's confirmation
says only that the message arrived, in their language, from a sender name
the practice chose to be neutral (InquirySettings).
"""

from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from inquiries.models import InquiryNotice, InquirySettings
from portal.models import SiteSettings


class NoRecipient(Exception):
    pass


def _default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def _message(notice, subject, body, to, from_email=None):
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[to], from_email=from_email)
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL or "http://localhost").hostname or "localhost"
    message.extra_headers["Message-ID"] = f"<{notice.message_id}@{domain}>"
    return message


def intake_address(inquiry):
    """The office's own intake address (``inquiry.office`` is its record in the
    site's default language), else Settings > Appointment requests' default."""
    if inquiry.office is not None and inquiry.office.intake_email:
        return inquiry.office.intake_email
    site = _default_site()
    address = InquirySettings.for_site(site).default_intake_email if site else ""
    if address:
        return address
    raise NoRecipient("no intake e-mail address is set for this office or the site")


def staff_notice(notice):
    inquiry = notice.inquiry
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("inquiries:inspect", args=[inquiry.pk])
    context = {"inquiry": inquiry, "where": inquiry.where, "link": link}
    subject = f"New inquiry for {inquiry.where} ({inquiry.reference})"
    body = render_to_string("inquiries/email/staff_notice.txt", context)
    return _message(notice, subject, body, intake_address(inquiry))


def visitor_confirmation(notice):
    inquiry = notice.inquiry
    if not inquiry.email:
        raise NoRecipient("the visitor gave no e-mail address")
    site = _default_site()
    inquiry_settings = InquirySettings.for_site(site) if site else InquirySettings()
    sender = formataddr((inquiry_settings.confirmation_sender_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))
    with translation.override(inquiry.language):
        subject = _("We have received your message")
        body = render_to_string(
            "inquiries/email/visitor_confirmation.txt",
            {"sender_name": inquiry_settings.confirmation_sender_name,
             "site_settings": SiteSettings.for_site(site) if site else None},
        )
    return _message(notice, subject, body, inquiry.email, from_email=sender)


def compose(notice):
    if notice.kind == InquiryNotice.Kind.STAFF:
        return staff_notice(notice)
    return visitor_confirmation(notice)
