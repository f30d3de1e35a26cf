"""Answers in plain words, grouped by questionnaire step.

The check-your-answers page and the clinician's view of a submission both show answers
this way, so a clinician reads exactly the wording the patient chose from.
"""

import datetime

from django import forms

from screening.wizard import STEPS

HIDDEN_FIELDS = {"onset_unknown", "consent"}


def display_answer(field, value, *, name=""):
    """One answer as the patient saw it (the label of their choice, or their words)."""
    if value is None or value == "":
        return "I don't know" if name == "pain_onset_date" else "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return value.strftime("%-d %B %Y")
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    labels = {str(key): label for key, label in getattr(field, "choices", ())}
    if isinstance(value, list | tuple):
        return ", ".join(labels.get(v, v) for v in value) if value else "None of these"
    return labels.get(str(value), str(value))


def step_rows(step, values):
    """(name, question, answer) for each shown field of a step, from a dict of values."""
    rows = []
    for name, field in step.form_class.base_fields.items():
        if name in HIDDEN_FIELDS or name not in values:
            continue
        rows.append((name, str(field.label), display_answer(field, values[name], name=name)))
    return rows


def grouped_answers(values, steps=STEPS):
    """[(step, rows)] for the steps whose fields appear in `values`."""
    groups = [(step, step_rows(step, values)) for step in steps]
    return [(step, rows) for step, rows in groups if rows]
