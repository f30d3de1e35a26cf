"""Form fields for the questionnaire: dates typed as day, month and year, and yes/no.

Day, month and year boxes work on every phone and with a keyboard, unlike date pickers
that make an 80-year-old scroll through decades; each box has its own label.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError

YES_NO = (("yes", "Yes"), ("no", "No"))


class DatePartsWidget(forms.MultiWidget):
    """Three labelled number boxes: day, month, year."""

    template_name = "screening/widgets/date_parts.html"
    part_labels = ("Day", "Month", "Year")

    def __init__(self, attrs=None, autocomplete=None):
        def box(part, size):
            token = f"{autocomplete}-{part}" if autocomplete else "off"
            return forms.TextInput(
                attrs={"inputmode": "numeric", "maxlength": size, "autocomplete": token}
            )

        widgets = {"day": box("day", "2"), "month": box("month", "2"), "year": box("year", "4")}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.part_labels, strict=True):
            subwidget["part_label"] = label
        return context


class DatePartsField(forms.MultiValueField):
    """A date from day, month and year boxes, with messages that say what to fix."""

    widget = DatePartsWidget

    def __init__(self, **kwargs):
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            name
            for name, part in zip(("day", "month", "year"), (day, month, year), strict=True)
            if not part
        ]
        if missing:
            raise ValidationError(f"The date must include a {' and a '.join(missing)}.")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError("Use numbers only, for example 27 3 2026.")
        if len(year) != 4:
            raise ValidationError("Enter the year with 4 numbers, for example 2026.")
        try:
            return datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise ValidationError(
                "That date does not exist. Check the day (1 to 31) and the month (1 to 12)."
            ) from None


class YesNoField(forms.TypedChoiceField):
    """A required yes/no question shown as two large radio buttons; cleans to a bool."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": "Choose yes or no."})
        super().__init__(
            choices=YES_NO, coerce=lambda value: value == "yes", empty_value=None, **kwargs
        )
