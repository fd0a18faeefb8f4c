"""The appointment request form: only what the intake team needs.

A plain Django form, not Wagtail's form builder, which would e-mail every
answer during the request. Anti-abuse lives here too: a honeypot field and a
signed form token that carries a one-off id (double submits) and the time
the form was shown (too fast or too old means a robot or a replay).
"""

import re
import time
import unicodedata
import uuid

import phonenumbers
from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import EmailValidator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from locations.models import Inquiry

TOKEN_SALT = "locations.inquiry-form"
# Control characters have no place in a name or a note (and break spreadsheets).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", unicodedata.normalize("NFC", text))
ANY_OFFICE = Inquiry.Preference.ANY.value
TELEHEALTH = Inquiry.Preference.TELEHEALTH.value


def issue_form_token(timestamp=None):
    """A fresh signed token: a one-off id plus the time the form was shown."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    if timestamp is not None:  # tests make tokens "shown" some time ago
        signer.timestamp = lambda: signing.b62_encode(int(timestamp))
    return signer.sign(uuid.uuid4().hex)


def read_form_token(token):
    """(one-off id, age in seconds) of a genuine token; None for anything else."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign(token)
        _value, stamp, _signature = token.rsplit(signer.sep, 2)
        return uuid.UUID(hex=value), time.time() - signing.b62_decode(stamp)
    except (signing.BadSignature, ValueError, TypeError):
        return None


class InquiryForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    preferred_contact = forms.ChoiceField(
        label=_("How should we contact you?"), choices=Inquiry.Contact.choices,
        widget=forms.RadioSelect,
    )
    appointment_for = forms.ChoiceField(
        label=_("Who is the appointment for?"), choices=Inquiry.For.choices, widget=forms.RadioSelect,
    )
    age_group = forms.ChoiceField(
        label=_("Age of the person the appointment is for"), choices=Inquiry.AgeGroup.choices,
        widget=forms.RadioSelect,
        help_text=_("For a couple or a family, give the age of the youngest person."),
    )
    office = forms.ChoiceField(label=_("Preferred office"))
    telehealth_ok = forms.BooleanField(label=_("Sessions by video (telehealth) are fine too"), required=False)
    preferred_language = forms.ChoiceField(
        label=_("Language for the sessions"), choices=Inquiry.Language.choices,
    )
    best_times = forms.MultipleChoiceField(
        label=_("Best times to call"), choices=Inquiry.BestTime.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Anything else we should know to arrange the appointment? "
                "Please do not include health details."),
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}),
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
        initial.setdefault("preferred_language", (get_language() or "en")[:2])
        initial.setdefault("form_token", issue_form_token())
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [
            ("", _("Choose an office")),
            (ANY_OFFICE, _("Any office")),
            (TELEHEALTH, _("Telehealth (video), from home")),
            (_("Offices"), list(offices)),
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
        name = " ".join(without_control_characters(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name

    def clean_note(self):
        return without_control_characters(self.cleaned_data.get("note", "")).strip()

    def clean_email(self):
        email = self.cleaned_data["email"]
        try:  # EmailField accepts some domains no mail server can be given
            email.rsplit("@", 1)[-1].encode("idna")
        except UnicodeError:
            raise forms.ValidationError(EmailValidator.message, code="invalid") from None
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
                _("Enter a phone number we can call, with its area code, such as 630-555-0142.")
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
            raise forms.ValidationError(
                _("Give us an e-mail address or a phone number so that we can reach you.")
            )
        if preferred == Inquiry.Contact.EMAIL and not email:
            self.add_error("email", _("You asked us to write: please give your e-mail address."))
        if preferred == Inquiry.Contact.PHONE and not phone:
            self.add_error("phone", _("You asked us to call: please give your phone number."))
        return cleaned

    # -- anti-abuse -------------------------------------------------------------------

    @cached_property
    def _token(self):
        return read_form_token(self.data.get("form_token", ""))

    @property
    def token(self):
        """The form's one-off id, or None when the token is missing or forged."""
        return self._token[0] if self._token else None

    def discard_reason(self):
        """Why this valid-looking post should be quietly dropped, or None.

        The visitor (or robot) sees the same thank-you page either way."""
        if self.cleaned_data.get("website"):
            return "honeypot"
        if self._token is None:
            return "bad token"
        _token, age = self._token
        if age < settings.INQUIRY_FORM_MIN_SECONDS:
            return "too fast"
        if age > settings.INQUIRY_FORM_MAX_AGE_SECONDS:
            return "too old"
        return None
