"""Answers in plain words: the check-your-answers page's rows, step by step, and the
clinician's list, one row per question.

Both show an answer key's question and the words the patient chose from, as the answer
registry declares them, so a clinician reads exactly what the patient read. The check
page's other fields (contact details, location, the helper's details) take theirs from
their form field, or the name its form gives it on this page (`summary_labels`: the
helper's name beside the patient's).
"""

import datetime

from django import forms
from django.utils import formats
from django.utils.translation import gettext

from screening.eligibility import QUESTIONS, QUESTIONS_BY_KEY, asked_values
from screening.wizard import STEPS

HIDDEN_FIELDS = {"consent"}


def display_answer(field, value):
    """A form field's answer as the patient saw it (the label of their choice, or their words)."""
    if value is None or value == "":
        return str(getattr(field, "empty_label", None) or gettext("Not given"))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.date):
        return formats.date_format(value)  # "March 27, 2026"
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    labels = {str(key): label for key, label in getattr(field, "choices", ())}
    if isinstance(value, list | tuple):
        if not value:
            return gettext("None of these")
        return ", ".join(str(labels.get(v, v)) for v in value)
    return str(labels.get(str(value), str(value)))


def step_rows(step, values):
    """(name, question, answer) for each shown field of a step, from a dict of values,
    in the patient's language."""
    rows = []
    labels = getattr(step.form_class, "summary_labels", {})
    for name, field in step.form_class.base_fields.items():
        if name in HIDDEN_FIELDS or name not in values:
            continue
        question = QUESTIONS_BY_KEY.get(name)
        if question:
            answer = question.display(values[name], gettext, formats.date_format)
            rows.append((name, gettext(question.text), answer))
        else:
            label = str(labels.get(name, field.label))
            rows.append((name, label, display_answer(field, values[name])))
    return rows


def grouped_answers(values, steps=STEPS):
    """[(step, rows)] for the steps whose fields appear in `values`."""
    groups = [(step, step_rows(step, values)) for step in steps]
    return [(step, rows) for step, rows in groups if rows]


def question_rows(values, as_of, thresholds, questions=QUESTIONS):
    """(question, answer) for each question the patient was asked, in registry order, in
    the active language (the clinician's list, in the staff's language).

    Which were asked is read from the answers and the age on `as_of` (the pregnancy
    question is asked only below an age).
    """
    asked = asked_values(values, as_of, thresholds, questions)
    return [
        (gettext(q.text), q.display(asked[q.key], gettext, formats.date_format))
        for q in questions
        if q.key in asked
    ]
