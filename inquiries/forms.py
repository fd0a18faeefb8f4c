"""The appointment request form: only what the intake team needs.

A plain Django form, not Wagtail's form builder, which would e-mail every
answer during the request. Every error message names what to fix on its
own, so the error summary can list the messages as they are, in any
language.

Anti-abuse lives here too: a honeypot field and a signed form token that
carries a one-off id (one form, one inquiry) and the time the form was
shown. Only a filled honeypot or a forged token is dropped quietly; a form
sent too fast (browser autofill) or after a day comes back filled in, with a
fresh token, asking the visitor to send it again.
"""

import enum
import re
import time
import unicodedata
import uuid
from dataclasses import dataclass

import phonenumbers
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from inquiries.models import Inquiry, InquirySettings
from locations.finder import every_office, fallback_finder
from locations.models import LocationIndexPage, LocationPage

TOKEN_SALT = "inquiries.form-token"
# A fresh form carries this placeholder; every response gets it replaced by a
# new token (portal.page_cache holes), so cached pages never share one.
FRESH_TOKEN_HOLE = "__fresh-form-token__"
SECOND_TRY = "again"
# Control characters, and the bidirectional overrides and isolates that can
# make a name read differently on the intake team's screen than it was typed.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
UNSAFE_IN_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
UNSAFE_IN_TEXT = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")  # keeps line breaks
ANY_OFFICE = Inquiry.Preference.ANY.value
TELEHEALTH = Inquiry.Preference.TELEHEALTH.value


class TokenVerdict(enum.Enum):
    OK = "ok"
    HONEYPOT = "honeypot"  # dropped quietly
    FORGED = "forged"  # dropped quietly
    TOO_FAST = "too fast"  # shown again to send once more
    TOO_OLD = "too old"  # shown again to send once more


@dataclass(frozen=True)
class FormToken:
    id: uuid.UUID
    age_seconds: float
    second_try: bool


def issue_form_token(*, second_try=False, timestamp=None):
    """A fresh signed token: a one-off id plus the time the form was shown.
    A token given with a form shown again (``second_try``) has no minimum age:
    a person pressed Send after reading why."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    if timestamp is not None:  # tests make tokens "shown" some time ago
        signer.timestamp = lambda: signing.b62_encode(int(timestamp))
    value = uuid.uuid4().hex + (f":{SECOND_TRY}" if second_try else "")
    return signer.sign(value)


def read_form_token(token):
    """The FormToken of a genuine token; None for anything else."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign(token)
        _value, stamp, _signature = token.rsplit(signer.sep, 2)
        token_id, _, flag = value.partition(":")
        return FormToken(uuid.UUID(hex=token_id), time.time() - signing.b62_decode(stamp), flag == SECOND_TRY)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def refuse_unsafe_characters(text, message, pattern=UNSAFE_IN_LINE):
    if pattern.search(text):
        raise forms.ValidationError(message, code="unsafe_characters")
    return unicodedata.normalize("NFC", text)


def choice_field(label, choices, message, **kwargs):
    """A required choice whose every error says what to choose."""
    return forms.ChoiceField(
        label=label, choices=choices,
        error_messages={"required": message, "invalid_choice": message}, **kwargs,
    )


class InquiryForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Please tell us your name."),
            "max_length": _("Please shorten your name to %(limit_value)d characters or fewer."),
            "null_characters_not_allowed": _("Please type your name without special invisible characters."),
        },
    )
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Please enter your e-mail address in the form name@example.com."),
            "max_length": _("Please enter an e-mail address of %(limit_value)d characters or fewer."),
            "null_characters_not_allowed": _("Please enter your e-mail address in the form name@example.com."),
        },
    )
    phone = forms.CharField(
        label=_("Phone number"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={
            "max_length": _("Please enter a phone number we can call, with its area code, such as 630-555-0142."),
            "null_characters_not_allowed": _(
                "Please enter a phone number we can call, with its area code, such as 630-555-0142."
            ),
        },
    )
    preferred_contact = choice_field(
        _("How should we contact you?"), Inquiry.Contact.choices,
        _("Please choose how we should contact you: by phone or by e-mail."), widget=forms.RadioSelect,
    )
    appointment_for = choice_field(
        _("Who is the appointment for?"), Inquiry.For.choices,
        _("Please tell us who the appointment is for."), widget=forms.RadioSelect,
    )
    age_group = choice_field(
        _("Age of the person the appointment is for"), Inquiry.AgeGroup.choices,
        _("Please choose the age of the person the appointment is for."), widget=forms.RadioSelect,
        help_text=_("For a couple or a family, give the age of the youngest person."),
    )
    office = choice_field(_("Preferred office"), (), _("Please choose an office, any office, or telehealth."))
    telehealth_ok = forms.BooleanField(label=_("Sessions by video (telehealth) are fine too"), required=False)
    preferred_language = choice_field(
        _("Language for the sessions"), Inquiry.Language.choices,
        _("Please choose a language for the sessions."),
    )
    best_times = forms.MultipleChoiceField(
        label=_("Best times to call"), choices=Inquiry.BestTime.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Please choose the best times to call from the list."),
            "invalid_list": _("Please choose the best times to call from the list."),
        },
    )
    note = forms.CharField(
        label=_("Anything else we should know to arrange the appointment? "
                "Please do not include health details."),
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Please shorten your note to %(limit_value)d characters or fewer."),
            "null_characters_not_allowed": _("Please write your note without special invisible characters."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that CARE Counseling may store these details to contact me about an "
                "appointment."),
        error_messages={"required": _("Please tick the box so that we may store your request.")},
    )
    # Robots fill every field; people never see this one (hidden by CSS).
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    form_token = forms.CharField(
        widget=forms.HiddenInput, max_length=200,
        error_messages={"required": _("This form is incomplete. Please reload the page and send it again.")},
    )

    def __init__(self, *args, offices=(), default_office=None, allow_note=False, **kwargs):
        """``offices`` are (value, label) pairs of the offices visitors may choose."""
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("office", default_office or "")
        initial.setdefault("preferred_language", (get_language() or settings.LANGUAGE_CODE)[:2])
        initial.setdefault("form_token", FRESH_TOKEN_HOLE)
        super().__init__(*args, **kwargs)
        self.offices = list(offices)
        self.fields["office"].choices = [
            ("", _("Choose an office")),
            (ANY_OFFICE, _("Any office")),
            (TELEHEALTH, _("Telehealth (video), from home")),
            (_("Offices"), self.offices),
        ]
        if not allow_note:
            del self.fields["note"]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        for name in ("email", "phone", "website"):
            self.fields[name].widget.attrs.setdefault("maxlength", self.fields[name].max_length)

    def full_clean(self):
        super().full_clean()
        # Screen readers announce a field's error when it gets focus.
        for name in self.errors:
            field = self.fields.get(name)
            if field is not None and not isinstance(
                field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.HiddenInput)
            ):
                field.widget.attrs["aria-describedby"] = f"id_{name}-error"

    def clean_name(self):
        name = refuse_unsafe_characters(
            self.cleaned_data["name"], _("Please type your name without special invisible characters.")
        )
        name = " ".join(name.split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."), code="required")
        return name

    def clean_note(self):
        return refuse_unsafe_characters(
            self.cleaned_data.get("note", ""),
            _("Please write your note without special invisible characters."),
            pattern=UNSAFE_IN_TEXT,
        ).strip()

    def clean_email(self):
        invalid = _("Please enter your e-mail address in the form name@example.com.")
        email = refuse_unsafe_characters(self.cleaned_data["email"], invalid)
        try:  # EmailField accepts some domains no mail server can be given
            email.rsplit("@", 1)[-1].encode("idna")
        except UnicodeError:
            raise forms.ValidationError(invalid, code="invalid") from None
        return email

    def clean_best_times(self):
        return list(dict.fromkeys(self.cleaned_data["best_times"]))  # each once, in order

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        if not raw:
            return ""
        try:
            number = phonenumbers.parse(raw, "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("Please enter a phone number we can call, with its area code, such as 630-555-0142."),
                code="invalid",
            )
        if number.country_code == 1:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def clean(self):
        cleaned = super().clean()
        email, phone = cleaned.get("email"), cleaned.get("phone")
        preferred = cleaned.get("preferred_contact")
        if "email" in self.errors or "phone" in self.errors:
            return cleaned
        if not email and not phone:
            self.add_error("email", _("Please give us an e-mail address or a phone number so that we can reach you."))
        elif preferred == Inquiry.Contact.EMAIL and not email:
            self.add_error("email", _("You asked us to write: please give your e-mail address."))
        elif preferred == Inquiry.Contact.PHONE and not phone:
            self.add_error("phone", _("You asked us to call: please give your phone number."))
        return cleaned

    # -- anti-abuse -------------------------------------------------------------------

    @property
    def token(self):
        """The form's FormToken, or None when the token is missing or forged."""
        if not hasattr(self, "_token"):
            self._token = read_form_token(self.data.get("form_token", ""))
        return self._token

    def token_verdict(self):
        """What to do with this valid-looking post, judged by its honeypot and token."""
        if self.cleaned_data.get("website"):
            return TokenVerdict.HONEYPOT
        if self.token is None:
            return TokenVerdict.FORGED
        if self.token.age_seconds > settings.INQUIRY_FORM_MAX_AGE_SECONDS:
            return TokenVerdict.TOO_OLD
        if not self.token.second_try and self.token.age_seconds < settings.INQUIRY_FORM_MIN_SECONDS:
            return TokenVerdict.TOO_FAST
        return TokenVerdict.OK

    def with_fresh_token(self):
        """The same answers in a new form with a fresh token, to be sent once more."""
        data = self.data.copy()
        data["form_token"] = issue_form_token(second_try=True)
        form = type(self)(data, offices=self.offices, default_office=None, allow_note="note" in self.fields)
        form.office_pages = self.office_pages
        return form


def offices_for_visitor():
    """The offices the visitor's finder lists: live ones in their language,
    plus those whose translation is not live yet (``finder.every_office``)."""
    finders = LocationIndexPage.objects.live()
    index = (finders.filter(locale=Locale.get_active()).first()
             or finders.filter(locale__language_code=settings.LANGUAGE_CODE).first())
    if index is None:
        return []
    fields = ("title", "translation_key", "locale", "path", "depth", "url_path", "live")
    return list(every_office(index, LocationPage.objects.only(*fields), fallback_finder(index)))


def form_for_page(page, request, data=None):
    """The appointment form as ``page`` shows it: its office preselected on an
    office page, the note only if Settings > Appointment requests asks for it."""
    offices = offices_for_visitor()
    form = InquiryForm(
        data,
        offices=[(str(office.pk), office.title) for office in offices],
        default_office=str(page.pk) if isinstance(page, LocationPage) and page.pk else None,
        allow_note=InquirySettings.for_request(request).note_enabled,
    )
    form.office_pages = {str(office.pk): office for office in offices}
    return form
