"""The questionnaire's forms. Forms validate and nothing else.

Each page of the answer registry (`screening.eligibility.QUESTIONS`, a question's `step`)
gets one generic form, `page_form(slug)`, with a field per question on it made by
`fields.question_field` from the question's kind, wording, hint and choices. Only the pages
that are not answer keys are declared here: contact details, location and consent (the
pages about someone filling it in for the patient, and their note to the clinic, are in
`helper_forms`). Every error message names the answer and says how to fix it, as GOV.UK's do.

A form is given the answers of the pages before it (`answered`), so a page can be worded
for who is filling it in: the consent page differs when a relative or carer does.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.forms.forms import DeclarativeFieldsMetaclass
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from education.models import Location
from screening.eligibility import QUESTIONS, questions_on
from screening.fields import (
    DATE_PART_NAMES,
    DatePartsWidget,
    choice_field,
    date_order,
    lowered,
    question_field,
    unanswered,
)


class StepFormMetaclass(DeclarativeFieldsMetaclass):
    """Give a form with a `step` a field per registry question on that page.

    The registry's fields come first, in its order; a field the form declares under a
    question's key replaces the derived one in place; `field_order` may move any to the front.
    A form may name another registry as `questions` (the registry tests do).
    """

    def __new__(mcs, name, bases, attrs):
        new_class = super().__new__(mcs, name, bases, attrs)
        step = attrs.get("step")
        if step:
            questions = questions_on(step, attrs.get("questions", QUESTIONS))
            derived = {q.key: question_field(q) for q in questions}
            fields = {**derived, **new_class.declared_fields}
            front = {key: fields[key] for key in attrs.get("field_order") or ()}
            new_class.base_fields = new_class.declared_fields = {**front, **fields}
        return new_class


def first_input_id(bound_field):
    """The id of a field's first input: the one an error summary link should focus."""
    widget = bound_field.field.widget
    if isinstance(widget, DatePartsWidget):  # its boxes in the language's order
        return f"{bound_field.auto_id}_{DATE_PART_NAMES.index(date_order()[0])}"
    if widget.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


def describe(field, bound, errors):
    """Point a field's input (or, in the template, its fieldset) at its hint and errors."""
    ids = [f"{bound.auto_id}_helptext"] if field.help_text else []
    ids += [
        f"{bound.auto_id}_error" + (f"_{n}" if n > 1 else "") for n in range(1, len(errors) + 1)
    ]
    field.describedby = " ".join(ids)
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
        widget.attrs["class"] = "form-check-input"
    elif isinstance(widget, forms.widgets.Input | forms.Textarea):
        short = isinstance(widget, forms.NumberInput)
        widget.attrs["class"] = "form-control input-short" if short else "form-control"
    if not widget.use_fieldset:
        widget.attrs.pop("aria-describedby", None)
        if ids:
            widget.attrs["aria-describedby"] = field.describedby


class StepForm(forms.Form, metaclass=StepFormMetaclass):
    """Shared behavior: crispy layout without a form tag, and a linked error summary.

    A page that asks one question has no heading of its own: the question's legend (or
    label) holds the page's h1, so a screen reader hears the question once (GOV.UK's
    "question as page heading"). A tick box cannot carry a heading, so a page of one box
    keeps the page's own h1.
    """

    def __init__(self, *args, answered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.answered = answered or {}
        self.fit_to_answers()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.field_template = "screening/includes/_field.html"
        self.describe_fields()

    def fit_to_answers(self):
        """Reword fields for the answers given on earlier pages (none by default)."""

    @property
    def heading_field(self):
        """The name of the one question the page asks, whose legend or label is its h1."""
        asked = [name for name, field in self.fields.items() if not is_alternative(field)]
        if len(asked) != 1 or isinstance(self.fields[asked[0]].widget, forms.CheckboxInput):
            return None
        return asked[0]

    def __getitem__(self, name):
        bound = super().__getitem__(name)
        bound.is_heading = name == self.heading_field
        return bound

    def describe_fields(self):
        """Tie each field to its hint and its errors (again after validating)."""
        for name, field in self.fields.items():
            describe(field, self[name], self._errors.get(name, ()) if self._errors else ())

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def error_summary(self):
        """(anchor id, message) for each error, in the order the fields appear."""
        items = [("#main", error) for error in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == "__all__":
                continue
            items.extend((f"#{first_input_id(self[name])}", error) for error in errors)
        return items


def is_alternative(field):
    """True for a box offered instead of answering (an optional date's "I don't know")."""
    return getattr(field, "alternative", False)


class PageForm(StepForm):
    """A registry page's form; an optional date gets an "I don't know" box after it.

    The box sits after the date's fieldset, behind an "or", as GOV.UK places an
    alternative to answering; questionnaire.js empties the date when it is checked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions_on(self.step):
            if question.kind == "date" and question.optional:
                box = forms.BooleanField(
                    label=_("I don't know"),
                    required=False,
                    widget=forms.CheckboxInput(
                        attrs={"class": "form-check-input", "data-clears": question.key}
                    ),
                )
                box.alternative = True
                self.fields[unknown_name(question)] = box

    def clean(self):
        data = super().clean()
        for question in questions_on(self.step):
            if question.kind == "date" and question.optional:
                self._check_unknown(question, data)
        return data

    def _check_unknown(self, question, data):
        """An optional date needs a date or the "I don't know" box, not both."""
        given, unknown = data.get(question.key), data.get(unknown_name(question))
        if question.key in self.errors:
            return
        if given and unknown:
            message = gettext('Enter the {name} or select "I don\'t know", not both')
            self.add_error(question.key, message.format(name=lowered(gettext(question.name))))
        elif not given and not unknown:
            message = gettext('{unanswered}, or select "I don\'t know"')
            self.add_error(question.key, message.format(unanswered=unanswered(question)))


def unknown_name(question):
    """The name of an optional date's "I don't know" box."""
    return f"{question.key}_unknown"


def page_form(slug):
    """The form of one registry page: a field per question the registry puts on it."""
    return StepFormMetaclass(
        f"PageForm_{slug}", (PageForm,), {"step": slug, "__module__": __name__}
    )


PHONE_CHARACTERS = set("0123456789 +-().")
# The answer on the "Are you filling this in for someone else?" page (see `helper_forms`).
FOR_SOMEONE_ELSE = "for_someone_else"


def by_helper(answered):
    """True when the answers so far say someone else is filling this in for the patient."""
    return answered.get(FOR_SOMEONE_ELSE) == "yes"


def phone_number(typed):
    """A phone number as typed, checked as every phone box checks it, with its messages."""
    phone = typed.strip()
    if not set(phone) <= PHONE_CHARACTERS:
        raise ValidationError(gettext("Enter a phone number using only numbers, spaces and +"))
    if sum(ch.isdigit() for ch in phone) < 7:
        raise ValidationError(
            gettext("Phone number must have at least 7 numbers, like 555 010 0100")
        )
    return phone


class ContactDetailsForm(StepForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your full name")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"required": _("Enter a phone number we can call you on")},
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.com")},
    )
    contact_method = choice_field(
        [("phone", _("Phone call")), ("email", _("Email"))],
        _("How would you like us to contact you?"),
        unanswered=_("Select how you would like us to contact you"),
    )

    def clean_phone(self):
        return phone_number(self.cleaned_data["phone"])

    def clean(self):
        data = super().clean()
        if (
            data.get("contact_method") == "email"
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error(
                "email", gettext("Enter your email address, or choose a phone call instead")
            )
        return data


class NoPreferenceLast(ModelChoiceIterator):
    """A model's choices with the empty one ("No preference") last, after an "or"."""

    def __iter__(self):
        choices = list(super().__iter__())
        if self.field.empty_label is not None:
            choices = choices[1:] + choices[:1]
        yield from choices


class OptionalModelChoiceField(forms.ModelChoiceField):
    """An optional choice of a row, whose "no preference" answer is offered last."""

    iterator = NoPreferenceLast


class LocationForm(StepForm):
    location = OptionalModelChoiceField(
        label=_("Which clinic would you prefer?"),
        queryset=Location.objects.all(),
        required=False,
        blank=True,  # a radio list shows the empty choice only when told it may be chosen
        empty_label=_("No preference"),
        widget=forms.RadioSelect,
    )

    @staticmethod
    def offered():
        """Asked only when the clinic has listed its locations."""
        return Location.objects.exists()


# The consent wording a submission was sent with: the patient's own, or a helper's.
CONSENT_VERSION = "2026-11-v1"
HELPER_CONSENT_VERSION = "2026-11-v1-helper"


def consent_version(answered):
    """The version of the consent wording shown for these answers."""
    return HELPER_CONSENT_VERSION if by_helper(answered) else CONSENT_VERSION


class ConsentForm(StepForm):
    consent = forms.BooleanField(
        label=_("I agree that the clinic may store my answers and use them to review my case."),
        error_messages={
            "required": _("Select the box to agree, so the clinic can review your answers")
        },
    )

    helper_label = _(
        "The person I am helping agreed that I can share these answers with the clinic, "
        "and that the clinic may store them and use them to review their case. "
        "I agree that the clinic may contact me about it."
    )
    helper_required = _("Select the box to confirm, so the clinic can review the answers")

    def fit_to_answers(self):
        """Ask a relative or carer to confirm the patient's agreement, and their own."""
        if by_helper(self.answered):
            field = self.fields["consent"]
            field.label = self.helper_label
            field.error_messages = {**field.error_messages, "required": self.helper_required}
