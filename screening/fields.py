"""Form fields for the questionnaire: one per kind of registry question.

`question_field` makes the field of a question of the answer registry from its kind:
yes/no as two large radio buttons, a choice as radio buttons, a list as check boxes, a
whole number as a scale or a short box, a date as day, month and year boxes in the order
the patient's language writes a date (month first in US English, day first in Spanish).
Three boxes work on every phone and with a keyboard, unlike date pickers that make an
80-year-old scroll through decades; each box has its own label.

The registry's words are marked in the engine (`gettext_noop`); here they are translated
lazily, so a field built once shows each request in that request's language.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy, get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from screening.eligibility import NONE_OF_THESE
from screening.eligibility.questions import ENTER_THE

YES_NO = (("yes", _("Yes")), ("no", _("No")))
# A date's boxes, stored month, day, year, with their labels; shown in the language's order.
DATE_PARTS = (("month", _("Month"), 2), ("day", _("Day"), 2), ("year", _("Year"), 4))
DATE_PART_NAMES = tuple(part for part, _label, _size in DATE_PARTS)
# What a date's message says is missing ("must include a month and a year").
DATE = _("Date")
# The letters of a date format (Django's `date` filter) that write each part of a date.
DATE_FORMAT_PARTS = {
    **dict.fromkeys("dj", "day"),
    **dict.fromkeys("bEFmMnN", "month"),
    **dict.fromkeys("yY", "year"),
}
MISSING_PART = {"month": _("a month"), "day": _("a day"), "year": _("a year")}
# The browser's autofill token for a date's boxes ("bday-day"...), where one exists.
DATE_AUTOCOMPLETE = {"date_of_birth": "bday"}


class DatePartsWidget(forms.MultiWidget):
    """Three labelled number boxes: month, day, year."""

    template_name = "screening/widgets/date_parts.html"

    def __init__(self, attrs=None, autocomplete=None):
        def box(part, size):
            token = f"{autocomplete}-{part}" if autocomplete else "off"
            return forms.TextInput(
                attrs={
                    "class": "form-control",
                    "inputmode": "numeric",
                    "maxlength": size,
                    "autocomplete": token,
                }
            )

        widgets = {part: box(part, str(size)) for part, _label, size in DATE_PARTS}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [getattr(value, part) for part, _label, _size in DATE_PARTS]
        return [None] * len(DATE_PARTS)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        boxes = context["widget"]["subwidgets"]
        for subwidget, (_part, label, _size) in zip(boxes, DATE_PARTS, strict=True):
            subwidget["part_label"] = label
        order = date_order()
        context["widget"]["subwidgets"] = [boxes[DATE_PART_NAMES.index(part)] for part in order]
        return context


def date_order():
    """The order of a date's boxes in the active language, read from its DATE_FORMAT:
    ("month", "day", "year") for "F j, Y", ("day", "month", "year") for "j \\d\\e F \\d\\e Y"."""
    pattern = formats.get_format("DATE_FORMAT")
    order, escaped = [], False
    for character in pattern:
        part = None if escaped else DATE_FORMAT_PARTS.get(character)
        escaped = character == "\\" and not escaped
        if part and part not in order:
            order.append(part)
    return tuple(order) if len(order) == 3 else ("month", "day", "year")


def lowered(text):
    """`text` with a small first letter, to sit inside a sentence."""
    return text[:1].lower() + text[1:]


lowered_lazy = lazy(lowered, str)


def unanswered(question):
    """What the patient is told when `question` is left unanswered, in their language."""
    if question.error:
        return _(question.error)
    return format_lazy(_(ENTER_THE), name=lowered_lazy(_(question.name)))


def translated_choices(choices):
    """A registry's (value, label) pairs with each label in the active language."""
    return tuple((value, _(label)) for value, label in choices)


class DatePartsField(forms.MultiValueField):
    """A date from month, day and year boxes, with messages naming the date."""

    widget = DatePartsWidget
    oldest_years = 120

    def __init__(self, *, name=DATE, **kwargs):
        self.name = name
        required = format_lazy(_(ENTER_THE), name=lowered_lazy(name))
        kwargs.setdefault("error_messages", {"required": required})
        # Parts not required: `compress` names the missing part ("must include a year").
        fields = tuple(forms.CharField(required=False) for _part in DATE_PARTS)
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):  # boxes holding only spaces count as empty
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        typed = {
            part: str(value or "").strip()
            for (part, _label, _size), value in zip(DATE_PARTS, data_list, strict=True)
        }
        missing = [part for part, value in typed.items() if not value]
        if missing:
            parts = get_text_list([str(MISSING_PART[part]) for part in missing], gettext("and"))
            raise ValidationError(
                gettext("{name} must include {parts}").format(name=self.name, parts=parts)
            )
        day, month, year = typed["day"], typed["month"], typed["year"]
        try:
            if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
                raise ValueError
            return datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise ValidationError(
                gettext("{name} must be a real date").format(name=self.name)
            ) from None

    def validate(self, value):
        super().validate(value)
        today = timezone.localdate()
        if value and value >= today:
            raise ValidationError(gettext("{name} must be in the past").format(name=self.name))
        if value and value.year < today.year - self.oldest_years:
            raise ValidationError(
                gettext("{name} must be after {year}").format(
                    name=self.name, year=today.year - self.oldest_years
                )
            )


class YesNoField(forms.TypedChoiceField):
    """A required yes/no question shown as two large radio buttons; cleans to a bool.

    Its `error_messages["required"]` names the question ("Select yes if you have...").
    """

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(
            choices=YES_NO, coerce=lambda value: value == "yes", empty_value=None, **kwargs
        )


def choice_field(choices, label, *, unanswered, **kwargs):
    """A required single choice as large radio buttons; `unanswered` names the question."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": unanswered},
        **kwargs,
    )


class NoneOfTheseField(forms.MultipleChoiceField):
    """Check boxes with a "None of these" box, so "none" is an answer, not a blank.

    `unanswered` says what to check ("Select the treatments you have tried"); the messages
    for no box checked, and for "None of these" checked with another, add the way out.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, choices, unanswered, **kwargs):
        self.unanswered = unanswered
        kwargs.setdefault(
            "error_messages",
            {
                "required": format_lazy(
                    _('{unanswered}, or select "None of these"'), unanswered=unanswered
                )
            },
        )
        none = (NONE_OF_THESE[0], _(NONE_OF_THESE[1]))
        super().__init__(choices=tuple(choices) + (none,), **kwargs)

    def clean(self, value):
        """Drop "none"; refuse "none" checked together with a real answer."""
        values = super().clean(value)
        if "none" in values and len(values) > 1:
            raise ValidationError(
                gettext('{unanswered}, or select "None of these", not both').format(
                    unanswered=self.unanswered
                )
            )
        return [value for value in values if value != "none"]


def _multi_field(question, **kwargs):
    """Check boxes, with "None of these" unless an empty answer is stored by skipping the page."""
    choices = translated_choices(question.choices)
    if not question.offers_none:
        kwargs.setdefault("error_messages", {"required": unanswered(question)})
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **kwargs
        )
    return NoneOfTheseField(choices=choices, unanswered=unanswered(question), **kwargs)


def _scale_field(question, **kwargs):
    """A whole number on a short scale, as one radio button per point with its words."""
    required = format_lazy(
        _("{unanswered}, from {low} to {high}"),
        unanswered=unanswered(question),
        low=question.low,
        high=question.high,
    )
    kwargs.setdefault("error_messages", {"required": required})
    return forms.TypedChoiceField(
        choices=[
            (str(n), scale_words(question, n)) for n in range(question.low, question.high + 1)
        ],
        coerce=int,
        widget=forms.RadioSelect(attrs={"data-scale": "point"}),
        **kwargs,
    )


def _number_field(question, **kwargs):
    """A whole number typed in a short box, with messages that give the range."""
    low, high, told = question.low, question.high, unanswered(question)
    in_range = format_lazy(
        _("{unanswered}, from {low} to {high}"), unanswered=told, low=low, high=high
    )
    kwargs.setdefault(
        "error_messages",
        {
            "required": told,
            "invalid": format_lazy(_("{unanswered}, as a whole number like 6"), unanswered=told),
            "min_value": in_range,
            "max_value": in_range,
        },
    )
    return forms.IntegerField(
        min_value=low,
        max_value=high,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input-short"}),
        **kwargs,
    )


def question_field(question, **kwargs):
    """The form field of one registry question, from its kind; `kwargs` override."""
    kwargs = {"label": _(question.text), **kwargs}
    if question.hint:
        kwargs.setdefault("help_text", _(question.hint))
    if question.kind == "bool":
        kwargs.setdefault("error_messages", {"required": unanswered(question)})
        return YesNoField(**kwargs)
    if question.kind == "choice":
        choices = translated_choices(question.offered)
        return choice_field(choices, unanswered=unanswered(question), **kwargs)
    if question.kind == "multi":
        return _multi_field(question, **kwargs)
    if question.kind == "integer":
        return (
            _scale_field(question, **kwargs) if question.ends else _number_field(question, **kwargs)
        )
    kwargs.setdefault("required", not question.optional)
    kwargs.setdefault("error_messages", {"required": unanswered(question)})
    autocomplete = DATE_AUTOCOMPLETE.get(question.key)
    return DatePartsField(
        name=_(question.name), widget=DatePartsWidget(autocomplete=autocomplete), **kwargs
    )


def scale_words(question, value):
    """A point of a scale in the patient's words: "0: no pain", "5", "10: the worst..."."""
    if question.ends and value in (question.low, question.high):
        end = question.ends[0] if value == question.low else question.ends[1]
        return format_lazy("{value}: {words}", value=value, words=_(end))
    return str(value)
