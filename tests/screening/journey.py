"""A patient's answers as the questionnaire's POST data, step by step.

`patient_steps(**overrides)` gives the form data of each step for a likely candidate
(onset 30 days ago), with any field overridden; `complete(client, steps)` walks them
through the Django test client the way a browser would.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone


def date_parts(name, value):
    """POST fields of a day/month/year date (empty strings when value is None)."""
    if value is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {
        f"{name}_day": str(value.day),
        f"{name}_month": str(value.month),
        f"{name}_year": str(value.year),
    }


def patient_steps(**overrides):
    """Ordered {step slug: POST data} for a patient; overrides replace single fields."""
    today = timezone.localdate()
    values = {
        "pain_onset_date": today - timedelta(days=30),
        "onset_event": "minor_fall",
        "pain_score": "7",
        "pain_trend": "same",
        "hospitalised_or_unable_to_walk": "no",
        "had_scan": "yes",
        "imaging": ["xray", "mri"],
        "imaging_result": "fracture",
        "treatments_tried": ["rest", "pain_medication"],
        "treatment_weeks": "6",
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
        "date_of_birth": today.replace(year=today.year - 76) - timedelta(days=40),
        "full_name": "Margaret Example",
        "phone": "555 010 0199",
        "email": "margaret@example.org",
        "contact_method": "phone",
        "consent": "on",
    }
    values.update(overrides)
    onset = values["pain_onset_date"]
    steps = {
        "pain": {
            **date_parts("pain_onset_date", onset),
            "onset_unknown": "on" if onset is None else "",
            **pick(
                values, "onset_event", "pain_score", "pain_trend", "hospitalised_or_unable_to_walk"
            ),
        },
        "scans": pick(values, "had_scan"),
        "scan-details": pick(values, "imaging", "imaging_result"),
        "treatments": pick(values, "treatments_tried"),
        "treatment-length": pick(values, "treatment_weeks"),
        "warning-signs": pick(
            values, "neuro_symptoms", "bladder_bowel_changes", "fever", "active_infection"
        ),
        "health": pick(
            values, "osteoporosis", "cancer_history", "long_term_steroids", "other_spine_diagnoses"
        ),
        "safety": pick(
            values, "blood_thinners", "bleeding_disorder", "cement_or_contrast_allergy", "pregnant"
        ),
        "about-you": {
            **date_parts("date_of_birth", values["date_of_birth"]),
            **pick(values, "full_name", "phone", "email", "contact_method"),
        },
        "consent": pick(values, "consent"),
    }
    if values["had_scan"] != "yes":
        del steps["scan-details"]
    if values["treatments_tried"] == ["none"]:
        del steps["treatment-length"]
    return steps


def pick(values, *names):
    return {name: values[name] for name in names}


def step_url(slug, change=False):
    url = reverse("screening:step", kwargs={"slug": slug})
    return f"{url}?change=1" if change else url


def begin(client):
    """Press "Start now"; returns the response (a redirect to the first step)."""
    return client.post(reverse("screening:start"))


def complete(client, steps):
    """Begin and post every step in order; return the response of the last step."""
    begin(client)
    response = None
    for slug, data in steps.items():
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    return response


def submit(client):
    """Complete the check page; return the redirect to the result."""
    return client.post(reverse("screening:check"))
