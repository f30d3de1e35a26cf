"""The pages for a relative or carer filling the questionnaire in, and the patient's note.

Many patients are helped by a daughter, a husband or a paid carer. The questionnaire asks
whether someone else is filling it in; if so, it asks for that person's name, their
relationship to the patient and their phone, so the clinician knows whom they are
calling. The questions still speak to the patient ("you" is the patient), and the
helper's page says so. These answers, and the optional note to the clinic, are kept with
the submission; the rules never read them.

The note is free text and may hold health details: it is stored and shown (escaped) to
the care team, never logged or put in a URL, email or message.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from screening.fields import YES_NO
from screening.forms import FOR_SOMEONE_ELSE, StepForm, phone_number

NOTE_MAX_CHARS = 1000


def helper_asked(answered):
    """The helper's page is asked unless the answer is "no": it counts until the question
    is answered, so the page count can only fall as the patient goes on."""
    return answered.get(FOR_SOMEONE_ELSE) != "no"


class SomeoneElseForm(StepForm):
    """Whether a relative or carer is filling this in (its field is `forms.FOR_SOMEONE_ELSE`)."""

    for_someone_else = forms.ChoiceField(
        label=_("Are you filling this in for someone else?"),
        help_text=_("For example, for a parent, your partner or someone you care for."),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you are filling this in for someone else")},
    )


def text_field(label, required_message, **kwargs):
    """A required short text box whose messages name it."""
    return forms.CharField(
        label=label,
        max_length=200,
        error_messages={
            "required": required_message,
            "max_length": format_lazy(_("{label} must be 200 characters or fewer"), label=label),
        },
        **kwargs,
    )


class HelperForm(StepForm):
    """The person filling this in: who they are to the patient, and how to reach them."""

    lead = _(
        "Every question in this form is about the person you are helping, so answer as "
        "they would. On the contact details page, give their name and phone number."
    )
    helper_name = text_field(
        _("Your full name"),
        _("Enter your full name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    helper_relationship = text_field(
        _("Your relationship to the person you are helping"),
        _("Enter your relationship to the person you are helping, like daughter or carer"),
        help_text=_("For example, daughter, husband, friend or carer."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    helper_phone = forms.CharField(
        label=_("Your phone number"),
        help_text=_("The clinic may call you as well as them."),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={
            "required": _("Enter a phone number we can call you on"),
            "max_length": _("Phone number must be 40 characters or fewer"),
        },
    )
    # How the check page names these answers, beside the patient's own name and phone.
    summary_labels = {
        "helper_name": _("Helper's full name"),
        "helper_relationship": _("Helper's relationship to the patient"),
        "helper_phone": _("Helper's phone number"),
    }

    def clean_helper_phone(self):
        return phone_number(self.cleaned_data["helper_phone"])


class AnythingElseForm(StepForm):
    """An optional note to the clinic: free text, kept with the submission."""

    anything_else = forms.CharField(
        label=_("Is there anything else you want the clinic to know?"),
        help_text=_(
            "For example, other health problems, or a good time to call. "
            "You can leave this empty. Write up to 1,000 characters."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_anything_else(self):
        """Line breaks count once however the browser sent them; too long is refused."""
        text = self.cleaned_data["anything_else"].replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > NOTE_MAX_CHARS:
            message = ngettext(
                "What you want the clinic to know must be {limit} characters or fewer. "
                "It has {count} now",
                "What you want the clinic to know must be {limit} characters or fewer. "
                "It has {count} now",
                len(text),
            )
            raise ValidationError(
                message.format(limit=number(NOTE_MAX_CHARS), count=number(len(text)))
            )
        return text


def number(value):
    """A whole number as the patient's language writes it: 1,000 in English, 1000 in Spanish."""
    return formats.number_format(value, force_grouping=True)
