"""One form per questionnaire step. Forms validate and nothing else.

Questions and their allowed values come from `vocabulary` (SCREENING.md section 1);
every error message says how to fix the answer.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from education.models import Location
from screening import vocabulary
from screening.fields import DatePartsField, DatePartsWidget, YesNoField

Q = vocabulary.QUESTIONS
NONE_OF_THESE = ("none", "None of these")
PAIN_SCORE_LABELS = ["0: no pain", *map(str, range(1, 10)), "10: the worst pain you can imagine"]


def choice_field(choices, question, **kwargs):
    """A required single choice as large radio buttons."""
    return forms.ChoiceField(
        label=question,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the answer that fits best."},
        **kwargs,
    )


def multi_field(choices, question, **kwargs):
    """Tick boxes with a "None of these" box, so "none" is an answer, not a blank."""
    return forms.MultipleChoiceField(
        label=question,
        choices=tuple(choices) + (NONE_OF_THESE,),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": 'Tick at least one box, or tick "None of these".'},
        **kwargs,
    )


def clean_multi(values):
    """Drop "none"; refuse "none" ticked together with a real answer."""
    if "none" in values and len(values) > 1:
        raise ValidationError('You ticked "None of these" and another box. Untick one of them.')
    return [value for value in values if value != "none"]


def first_input_id(bound_field):
    """The id of a field's first input: the one an error summary link should focus."""
    if bound_field.field.widget.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


class StepForm(forms.Form):
    """Shared behaviour: crispy layout without a form tag, and a linked error summary."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def error_summary(self):
        """(anchor id, message) for each error, in the order the fields appear."""
        items = [("#main", error) for error in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == "__all__":
                continue
            items.extend((f"#{first_input_id(self[name])}", error) for error in errors)
        return items


class PainForm(StepForm):
    pain_onset_date = DatePartsField(
        label=Q["pain_onset_date"],
        required=False,
        help_text="For example 27 3 2026. If you are not sure of the day, give your best guess.",
    )
    onset_unknown = forms.BooleanField(label="I don't know when it started", required=False)
    onset_event = choice_field(vocabulary.ONSET_EVENTS, Q["onset_event"])
    pain_score = forms.TypedChoiceField(
        label=Q["pain_score"],
        choices=[(str(n), label) for n, label in enumerate(PAIN_SCORE_LABELS)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number from 0 (no pain) to 10 (worst pain)."},
    )
    pain_trend = choice_field(vocabulary.PAIN_TRENDS, Q["pain_trend"])
    hospitalised_or_unable_to_walk = YesNoField(label=Q["hospitalised_or_unable_to_walk"])

    def clean(self):
        data = super().clean()
        onset, unknown = data.get("pain_onset_date"), data.get("onset_unknown")
        if "pain_onset_date" in self.errors:
            return data
        if onset and unknown:
            self.add_error(
                "pain_onset_date",
                'Enter a date or tick "I don\'t know when it started", not both.',
            )
        elif not onset and not unknown:
            self.add_error(
                "pain_onset_date",
                'Enter the date the pain started, or tick "I don\'t know when it started".',
            )
        elif onset and onset > timezone.localdate():
            self.add_error("pain_onset_date", "The date cannot be in the future. Check the year.")
        return data


class ScansForm(StepForm):
    had_scan = YesNoField(
        label="Have you had an X-ray, MRI, CT or bone scan of your back for this pain?",
        help_text="An MRI uses a strong magnet to take detailed pictures. "
        "A CT scan is a detailed X-ray taken in slices.",
    )


class ScanDetailsForm(StepForm):
    imaging = forms.MultipleChoiceField(
        label=Q["imaging"],
        choices=vocabulary.IMAGING_TYPES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one kind of scan."},
    )
    imaging_result = choice_field(
        [c for c in vocabulary.IMAGING_RESULTS if c[0] != "not_done"], Q["imaging_result"]
    )


class TreatmentsForm(StepForm):
    treatments_tried = multi_field(vocabulary.TREATMENTS, Q["treatments_tried"])

    def clean_treatments_tried(self):
        return clean_multi(self.cleaned_data["treatments_tried"])


class TreatmentLengthForm(StepForm):
    treatment_weeks = forms.IntegerField(
        label=Q["treatment_weeks"],
        min_value=0,
        max_value=520,
        help_text="Add up the weeks of all the treatments. A month is about 4 weeks. "
        "If you are not sure, give your best guess.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input-short"}),
        error_messages={
            "required": "Enter the number of weeks, for example 6.",
            "invalid": "Enter the number of weeks as a whole number, for example 6.",
            "min_value": "The number of weeks cannot be below 0.",
            "max_value": "Enter 520 weeks (10 years) or fewer.",
        },
    )


class WarningSignsForm(StepForm):
    neuro_symptoms = choice_field(vocabulary.NEURO_SYMPTOMS, Q["neuro_symptoms"])
    bladder_bowel_changes = YesNoField(label=Q["bladder_bowel_changes"])
    fever = YesNoField(label=Q["fever"])
    active_infection = YesNoField(label=Q["active_infection"])


class HealthForm(StepForm):
    osteoporosis = choice_field(vocabulary.OSTEOPOROSIS, Q["osteoporosis"])
    cancer_history = YesNoField(label=Q["cancer_history"])
    long_term_steroids = YesNoField(label=Q["long_term_steroids"])
    other_spine_diagnoses = multi_field(vocabulary.SPINE_DIAGNOSES, Q["other_spine_diagnoses"])

    def clean_other_spine_diagnoses(self):
        return clean_multi(self.cleaned_data["other_spine_diagnoses"])


class SafetyForm(StepForm):
    blood_thinners = YesNoField(
        label=Q["blood_thinners"],
        help_text="Keep taking your medicines as usual. Do not stop a blood thinner on your own.",
    )
    bleeding_disorder = YesNoField(label=Q["bleeding_disorder"])
    cement_or_contrast_allergy = YesNoField(label=Q["cement_or_contrast_allergy"])
    pregnant = YesNoField(label=Q["pregnant"])


class AboutYouForm(StepForm):
    date_of_birth = DatePartsField(
        label=Q["date_of_birth"],
        widget=DatePartsWidget(autocomplete="bday"),
        help_text="For example 14 6 1948.",
        error_messages={"required": "Enter your date of birth, for example 14 6 1948."},
    )
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Enter your full name."},
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"required": "Enter a phone number we can call you on."},
    )
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Enter an email address like name@example.com."},
    )
    contact_method = choice_field(
        [("phone", "Phone call"), ("email", "Email")], "How would you like us to contact you?"
    )
    location = forms.ModelChoiceField(
        label="Which clinic would you prefer?",
        queryset=Location.objects.all(),
        required=False,
        empty_label="No preference",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not Location.objects.exists():
            del self.fields["location"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = sum(ch.isdigit() for ch in phone)
        if digits < 7 or any(not (ch.isdigit() or ch in "+-() .") for ch in phone):
            raise ValidationError("Enter a phone number with at least 7 digits, like 555 010 0100.")
        return phone

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise ValidationError("Your date of birth must be in the past. Check the year.")
        if today.year - born.year > 120:
            raise ValidationError("Check the year you were born, for example 1948.")
        return born

    def clean(self):
        data = super().clean()
        if (
            data.get("contact_method") == "email"
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", "Enter your email address, or choose a phone call instead.")
        return data


CONSENT_VERSION = "2026-11-v1"


class ConsentForm(StepForm):
    consent = forms.BooleanField(
        label="I agree that the clinic may store my answers and use them to review my case.",
        error_messages={
            "required": "Tick the box to agree, so the clinic can review your answers."
        },
    )
