"""The core criteria about the pain itself: conservative care tried, and pain severity.

`conservative_care` is first match wins (docs/screening-contract.md section 3): pain
"much better" excludes even on the severe path, since care is working; severe pain that
keeps a patient in the hospital or off their feet needs no trial of care; a first
treatment that began more than a week before the pain did is a date conflict for a
clinician to check; otherwise enough weeks of care without relief supports.
"""

from datetime import date

from .answers import Answers, Thresholds
from .dates import days_since_onset
from .results import Finding, rule
from .words import Words, say, say_plural

CARE_GOING_ON_TRENDS = ("worse", "same", "a_little_better")
TREND_WORDS = {
    "worse": "getting worse",
    "same": "about the same",
    "a_little_better": "a little better",
    "much_better": "much better",
    "unsure": "trend not known",
}


@rule(tag="Conservative care")
def conservative_care(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """Care tried long enough without relief, or severe pain keeping the patient down."""
    t = thresholds
    if answers.pain_trend == "much_better":
        return Finding(
            "conservative_care",
            "excludes",
            say("Your pain is getting much better. That is good news: your care is working."),
            f"Pain is much better since it began ({_care(answers)}): conservative care is working.",
        )
    if answers.hospitalised_or_unable_to_walk and answers.pain_score >= t.severe_pain_score:
        return Finding(
            "conservative_care",
            "supports",
            say("Your pain is very bad and keeps you in the hospital or unable to walk."),
            f"In the hospital or unable to walk, with pain {answers.pain_score}/10 (severe "
            f"from {t.severe_pain_score}): no trial of conservative care needed. "
            f"Setting: SEVERE_PAIN_SCORE={t.severe_pain_score}.",
        )
    days = days_since_onset(answers, as_of)
    if days is not None and 7 * answers.treatment_weeks > days + 7:
        return _date_conflict(answers, days)
    return _care_so_far(answers, t)


def _date_conflict(answers, days):
    """The first treatment began more than a week before the pain did: check the dates."""
    return Finding(
        "conservative_care",
        "review",
        say(
            "You said your first treatment started before this pain did. The clinic team "
            "will check the dates with you."
        ),
        f"The dates conflict: the first treatment began {_weeks(answers.treatment_weeks)} "
        f"ago, but the pain began {days} days ago; check both with the patient. "
        f"{_care(answers)}.",
    )


def _care_so_far(answers, t):
    """Support enough weeks of care without relief; otherwise say every shortfall."""
    minimum = t.min_conservative_care_weeks
    shortfalls = []
    if not answers.treatments_tried:
        shortfalls.append(
            (say("You have not tried other treatments yet."), "No treatment tried yet.")
        )
    elif answers.treatment_weeks < minimum:
        shortfalls.append(
            (
                say("You started other treatments less than %(weeks)s weeks ago.", weeks=minimum),
                f"The first treatment began {_weeks(answers.treatment_weeks)} ago, under "
                f"the {minimum} weeks required.",
            )
        )
    if answers.pain_trend not in CARE_GOING_ON_TRENDS:
        shortfalls.append(
            (
                say("You were not sure if your pain is getting better or worse."),
                "The patient is not sure whether the pain is improving.",
            )
        )
    details = f" {_care(answers)}. Setting: MIN_CONSERVATIVE_CARE_WEEKS={minimum}."
    if shortfalls:
        return Finding(
            "conservative_care",
            "review",
            sum(
                (patient for patient, _ in shortfalls),
                start=Words(()),
            )
            + say("The clinic team will talk with you about it."),
            " ".join(clinician for _, clinician in shortfalls) + details,
        )
    return Finding(
        "conservative_care",
        "supports",
        say_plural(
            "You started other treatments %(count)s week ago and the pain has not gone away.",
            "You started other treatments %(count)s weeks ago and the pain has not gone away.",
            answers.treatment_weeks,
        ),
        f"Conservative care began {_weeks(answers.treatment_weeks)} ago, at least the "
        f"{minimum} weeks required, and the pain is "
        f"{TREND_WORDS[answers.pain_trend]}.{details}",
    )


def _care(answers):
    """The care answers in a clinician's words, for the details sentence."""
    trend = f"pain {TREND_WORDS[answers.pain_trend]}"
    if not answers.treatments_tried:
        return f"No treatment tried; {trend}"
    tried = ", ".join(item.replace("_", " ") for item in answers.treatments_tried)
    return f"Tried: {tried}, the first {_weeks(answers.treatment_weeks)} ago; {trend}"


def _weeks(weeks):
    """A number of weeks in words: "1 week", "6 weeks", "0 weeks" (this week)."""
    return "1 week" if weeks == 1 else f"{weeks} weeks"


@rule(tag="Pain score")
def pain_severity(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """Pain at or above MIN_PAIN_SCORE supports; anything lower excludes."""
    score, minimum = answers.pain_score, thresholds.min_pain_score
    if score >= minimum:
        return Finding(
            "pain_severity",
            "supports",
            say("Your worst pain is %(score)s out of 10.", score=score),
            f"Worst pain {score}/10, at or above the minimum of {minimum}. "
            f"Setting: MIN_PAIN_SCORE={minimum}.",
        )
    return Finding(
        "pain_severity",
        "excludes",
        say(
            "Your worst pain is %(score)s out of 10. This treatment is for stronger pain.",
            score=score,
        ),
        f"Worst pain {score}/10, below the minimum of {minimum}. "
        f"Setting: MIN_PAIN_SCORE={minimum}.",
    )
