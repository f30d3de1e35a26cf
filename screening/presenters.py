"""Ready-made values for the questionnaire's templates, so templates hold no logic."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from screening.eligibility import FINDING_READS, QUESTIONS_BY_KEY
from screening.eligibility.words import Words
from screening.forms import by_helper
from screening.models import Submission, stored_finding
from screening.summary import grouped_answers

# Answers that raise no red flag: not shown as the reason for the advice.
NOT_RAISING = (None, False, "no", "none", (), [])

# A field no person sees or fills (hidden from sight, screen readers and the Tab key).
HONEYPOT_FIELD = "kp_extra_details"

NEXT_STEPS = {
    "urgent": {
        "heading": _("Please get medical help now"),
        "lead": _("Some of your answers can be signs of a problem that needs care right away."),
    },
    "likely_candidate": {
        "heading": _("Thank you. The clinic will contact you"),
        "lead": _(
            "A member of the clinic team will look at your answers and contact you "
            "to talk about the next steps."
        ),
    },
    "needs_review": {
        "heading": _("Thank you. The clinic will contact you"),
        "lead": _(
            "A member of the clinic team needs to look at some of your answers more "
            "closely. They will contact you to talk about them."
        ),
    },
    "unlikely_candidate": {
        "heading": _("Thank you for your answers"),
        "lead": _(
            "From your answers, kyphoplasty may not be the right treatment for you at "
            "the moment. This is not a diagnosis, and the clinic will still see your answers."
        ),
    },
}


def back_url(questionnaire, step, change=False):
    """The page before `step` on this patient's path (the check page when changing)."""
    previous = questionnaire.step_before(step)
    if change:
        return reverse("screening:check")
    if previous:
        return reverse("screening:step", kwargs={"slug": previous.slug})
    return reverse("screening:start")


def step_context(questionnaire, step, form, change):
    """Everything the step template shows: progress, back link, errors, the form."""
    number, total = questionnaire.position(step)
    action = reverse("screening:step", kwargs={"slug": step.slug})
    return {
        "step": step,
        "form": form,
        "step_number": number,
        "step_total": total,
        "back_url": back_url(questionnaire, step, change),
        "action": f"{action}?change=1" if change else action,
        "error_summary": form.error_summary() if form.is_bound else [],
        "questionnaire_key": questionnaire.state["key"],
        "for_someone_else": by_helper(questionnaire.cleaned()),
    }


def patient_words(finding):
    """A stored finding's words for the patient, in the active language (a finding stored
    before findings kept their sentences has its English `patient_text` only)."""
    if "patient_words" not in finding:
        return finding["patient_text"]
    return Words.from_list(finding["patient_words"]).translated(gettext, ngettext)


def urgent_advice(findings, values):
    """Each urgent finding's advice (its patient words, word for word) with the answers
    that raised it, in the patient's words and language: the same on the interrupt and
    the result."""
    advice = []
    for finding in findings:
        if finding["effect"] != "urgent":
            continue
        reads = FINDING_READS.get(finding["id"], ())
        answers = [
            (
                gettext(QUESTIONS_BY_KEY[key].text),
                QUESTIONS_BY_KEY[key].display(values[key], gettext, formats.date_format),
            )
            for key in reads
            if values.get(key) not in NOT_RAISING
        ]
        advice.append({"id": finding["id"], "text": patient_words(finding), "answers": answers})
    return advice


def urgent_context(questionnaire, raised, continue_url, back):
    """The red-flag advice for the findings the last page raised, and where to go next."""
    findings = [stored_finding(finding) for finding in raised]
    return {
        "advice": urgent_advice(findings, questionnaire.cleaned()),
        "continue_url": continue_url,
        "back_url": back,
    }


def check_context(questionnaire):
    """The check page: every answer grouped by step, with the questionnaire's key."""
    number, total = questionnaire.position()
    last = questionnaire.visible_steps()[-1]
    return {
        "back_url": back_url(questionnaire, last),
        "groups": grouped_answers(questionnaire.cleaned(), questionnaire.visible_steps()),
        "step_number": number,
        "step_total": total,
        "questionnaire_key": questionnaire.state["key"],
    }


def result_context(submission: Submission):
    """The result page: what happens next for this outcome, and the reasons behind it."""
    outcome = submission.outcome
    reasons = [
        patient_words(f) for f in submission.findings if f["effect"] in {"excludes", "urgent"}
    ]
    return {
        "submission": submission,
        "advice": urgent_advice(submission.findings, submission.answer_values()),
        "outcome": outcome,
        "next_steps": NEXT_STEPS[outcome],
        "is_urgent": outcome == "urgent",
        "is_unlikely": outcome == "unlikely_candidate",
        "reasons": reasons,
        "review_notes": [patient_words(f) for f in submission.findings if f["effect"] == "review"],
        "contact_by_phone": submission.contact_method == Submission.ContactMethod.PHONE,
        # "yes" or "I'm not sure" (a 2026.11 answer of True became "yes").
        "may_take_blood_thinner": submission.blood_thinners in ("yes", "unsure"),
    }
