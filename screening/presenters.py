"""Ready-made values for the questionnaire's templates, so templates hold no logic."""

from django.urls import reverse

from screening.models import Submission

# A field no person sees or fills (hidden from sight, screen readers and the Tab key).
HONEYPOT_FIELD = "kp_extra_details"

NEXT_STEPS = {
    "urgent": {
        "heading": "Please get medical help now",
        "lead": "Some of your answers can be signs of a problem that needs care straight away.",
    },
    "likely_candidate": {
        "heading": "Thank you. The clinic will contact you",
        "lead": "A member of the clinic team will look at your answers and contact you "
        "to talk about the next steps.",
    },
    "needs_review": {
        "heading": "Thank you. The clinic will contact you",
        "lead": "A member of the clinic team needs to look at some of your answers more "
        "closely. They will contact you to talk about them.",
    },
    "unlikely_candidate": {
        "heading": "Thank you for your answers",
        "lead": "From your answers, kyphoplasty may not be the right treatment for you at "
        "the moment. This is not a diagnosis, and the clinic will still see your answers.",
    },
}


def urgent_advice_url(change):
    url = reverse("screening:urgent-advice")
    return f"{url}?change=1" if change else url


def step_context(questionnaire, step, form, change):
    """Everything the step template shows: progress, back link, errors, the form."""
    number, total = questionnaire.position(step)
    previous = questionnaire.step_before(step)
    if change:
        back_url = reverse("screening:check")
    elif previous:
        back_url = reverse("screening:step", kwargs={"slug": previous.slug})
    else:
        back_url = reverse("screening:start")
    action = reverse("screening:step", kwargs={"slug": step.slug})
    return {
        "step": step,
        "form": form,
        "step_number": number,
        "step_total": total,
        "progress_percent": round(100 * (number - 1) / total),
        "back_url": back_url,
        "action": f"{action}?change=1" if change else action,
        "error_summary": form.error_summary() if form.is_bound else [],
    }


def result_context(submission: Submission):
    """The result page: what happens next for this outcome, and the reasons behind it."""
    outcome = submission.outcome
    reasons = [
        f["patient_text"] for f in submission.findings if f["effect"] in {"excludes", "urgent"}
    ]
    return {
        "submission": submission,
        "outcome": outcome,
        "next_steps": NEXT_STEPS[outcome],
        "is_urgent": outcome == "urgent",
        "is_unlikely": outcome == "unlikely_candidate",
        "reasons": reasons,
        "review_notes": [f["patient_text"] for f in submission.findings if f["effect"] == "review"],
        "contact_by_phone": submission.contact_method == Submission.ContactMethod.PHONE,
    }
