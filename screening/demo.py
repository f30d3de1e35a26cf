"""A synthetic patient's questionnaire as the form data a browser posts, step by step.

`patient_steps(**overrides)` gives, for each step in order, the POST data of a likely
candidate (pain for 30 days, a fracture on the scan, care begun 4 weeks ago, no flags); any
field can be overridden, and a step that would not be asked is left out. The benchmark's
scripted patients post it to a running server, and the tests walk the questionnaire
with it, so both follow the forms from this one place. The contact details (and a
daughter's, for `for_someone_else="yes"`) are invented (555-01xx phone numbers, an
example.org address).
"""

from datetime import timedelta

from django.utils import timezone

from screening.eligibility import QUESTIONS, Thresholds
from screening.forms import LocationForm
from screening.wizard import STEPS

DATE_KEYS = {question.key for question in QUESTIONS if question.kind == "date"}

# A likely candidate's answers as typed, apart from the two dates (see `typed_answers`);
# "no" to every yes/no (and yes/no/not sure) question unless said otherwise.
PATIENT = {
    **{question.key: "no" for question in QUESTIONS if question.no is not None},
    "onset_event": "minor_fall",
    "pain_score": "7",
    "pain_trend": "same",
    "hospitalised_or_unable_to_walk": "no",
    "imaging": ["xray", "mri"],
    "imaging_result": "fracture",
    "treatments_tried": ["rest", "pain_medication"],
    "treatment_weeks": "4",
    "neuro_symptoms": "none",
    "bladder_bowel_changes": "no",
    "fever": "no",
    "active_infection": "no",
    "osteoporosis": "yes",
    "cancer_history": "no",
    "long_term_steroids": "no",
    "other_spine_diagnoses": ["none"],
    "blood_thinners": "no",
    "bleeding_disorder": "no",
    "cement_or_contrast_allergy": "no",
    "pregnant": "no",
    "for_someone_else": "no",
    # Posted only when `for_someone_else` is "yes" (the helper's page is asked then).
    "helper_name": "Susan Example",
    "helper_relationship": "Daughter",
    "helper_phone": "555 010 0142",
    "full_name": "Margaret Example",
    "phone": "555 010 0199",
    "email": "margaret@example.org",
    "contact_method": "phone",
    "anything_else": "",
    "consent": "on",
}

# The questionnaire's pages in order (the wizard's), and the fields on each.
STEP_SLUGS = tuple(step.slug for step in STEPS)
STEP_FIELDS = {
    step.slug: tuple(name for name in step.form_class.base_fields if name not in DATE_KEYS)
    for step in STEPS
}


def date_parts(name, value):
    """POST fields of a month/day/year date (empty strings when value is None)."""
    if value is None:
        return {f"{name}_month": "", f"{name}_day": "", f"{name}_year": ""}
    return {
        f"{name}_month": str(value.month),
        f"{name}_day": str(value.day),
        f"{name}_year": str(value.year),
    }


def typed_answers(today, overrides):
    """The patient's answers on `today` (pain for 30 days, aged 76), with `overrides`."""
    return {
        "pain_onset_date": today - timedelta(days=30),
        **PATIENT,
        "date_of_birth": today.replace(year=today.year - 76) - timedelta(days=40),
        **overrides,
    }


def patient_steps(**overrides):
    """Ordered {step slug: POST data} for a patient; overrides replace single fields."""
    today = timezone.localdate()
    values, thresholds = typed_answers(today, overrides), Thresholds.from_settings()
    steps = {}
    for step in STEPS:
        if step.form_class is LocationForm:  # asked only where the clinic lists locations
            if "location" not in overrides:
                continue
        elif not step.applies(cleaned_so_far(values), today, thresholds):
            continue
        data = {name: values[name] for name in STEP_FIELDS[step.slug]}
        for question in step.questions:
            if question.kind == "date":
                data.update(date_parts(question.key, values[question.key]))
                if question.optional:
                    data[f"{question.key}_unknown"] = "on" if values[question.key] is None else ""
        steps[step.slug] = data
    return steps


def cleaned_so_far(values):
    """The typed answers as `Step.applies` reads them ("none" is no checked box)."""
    return {
        key: [item for item in value if item != "none"] if isinstance(value, list) else value
        for key, value in values.items()
    }
