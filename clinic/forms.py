"""The clinician's forms: the queue's filters (GET) and each workflow action (POST).

Forms validate and nothing else; every message says how to fix the input.
"""

from datetime import date

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from clinic.models import Decision
from clinic.queries import clinicians
from education.models import Location
from screening.eligibility import vocabulary
from screening.models import LANGUAGE_NAMES, Submission

DATE_ERROR = _("Enter the date as year-month-day, for example 2026-11-21.")
# Filter dates outside these can match nothing, and 9999-12-31 would overflow a day's end.
EARLIEST_DATE, LATEST_DATE = date(2000, 1, 1), date(2099, 12, 31)
DATE_RANGE_ERROR = _("Enter a date from 2000-01-01 to 2099-12-31.")


def date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "min": EARLIEST_DATE, "max": LATEST_DATE}, format="%Y-%m-%d"
        ),
        validators=[
            MinValueValidator(EARLIEST_DATE, message=DATE_RANGE_ERROR),
            MaxValueValidator(LATEST_DATE, message=DATE_RANGE_ERROR),
        ],
        error_messages={"invalid": DATE_ERROR},
    )


class QueueFilterForm(forms.Form):
    """Filters and search of the review queue (the search text from the session)."""

    q = forms.CharField(
        label=_("Search by reference, name, email or phone"), required=False, max_length=100
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", _("Any outcome")), *vocabulary.OUTCOMES]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Submission.Status.choices],
    )
    assignee = forms.ChoiceField(
        label=_("Assigned to"),
        required=False,
        choices=[("", _("Anyone or nobody")), ("me", _("Me")), ("nobody", _("Nobody"))],
    )
    location = forms.ModelChoiceField(
        label=_("Location"),
        required=False,
        queryset=Location.objects.all(),
        empty_label=_("Any location"),
        error_messages={"invalid_choice": _("Choose a location from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *LANGUAGE_NAMES.items()],
    )
    submitted_from = date_field(_("Submitted on or after"))
    submitted_to = date_field(_("Submitted on or before"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def clean(self):
        data = super().clean()
        start, end = data.get("submitted_from"), data.get("submitted_to")
        if start and end and start > end:
            self.add_error("submitted_to", _("This date must be on or after the first date."))
        return data

    def filters(self):
        """The valid filters only, so one bad field never hides the whole queue."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,
        required=False,
        empty_label=_("Nobody (unassign)"),
        error_messages={"invalid_choice": _("Choose a clinician from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = clinicians()
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Move to"),
        choices=Submission.Status.choices,
        error_messages={"invalid_choice": _("Choose one of the statuses offered.")},
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Submission.Status.choices)
        self.fields["status"].choices = [(value, labels[value]) for value in allowed]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    note = forms.CharField(
        label=_("Note on the decision (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the note before adding it.")},
    )


class OverrideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome to use instead"),
        choices=vocabulary.OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome to use.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for overriding the screen's outcome.")},
    )

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        if outcome == self.current:
            raise forms.ValidationError(_("That is already the outcome. Choose a different one."))
        return outcome

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 5:
            raise forms.ValidationError(_("Give the reason in a few words."))
        return reason


class SignInForm(AuthenticationForm):
    """Django's sign-in form with autocomplete hints and a plain error message."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not right. Check them and try again."),
    }


class TokenForm(forms.Form):
    """The six-digit code an authenticator app shows."""

    token = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={
            "required": _("Enter the six-digit code your app shows."),
            "invalid": _("Enter the code as six digits, for example 123456."),
        },
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()
