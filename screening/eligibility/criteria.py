"""The four core criteria of SCREENING.md section 2, each reported on every evaluation.

Each function decides one criterion and says why twice: in plain words for the patient
and, for the clinician, with the inputs and the threshold that decided it. Patient words
never promise treatment; the screen only sorts submissions for a clinician.
"""

from datetime import date

from .answers import Answers, Thresholds
from .dates import days_since_onset
from .results import Finding

CARE_WORKING_TRENDS = ("worse", "same", "a_little_better")


def fracture_age(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """Recent onset supports; borderline, unknown or future dates need review; old excludes."""
    days = days_since_onset(answers, as_of)
    if days is None:
        return _fracture_age_unknown(thresholds)
    if days < 0:
        return Finding(
            "fracture_age",
            "review",
            "The date your pain started is after today. The clinic team will check it.",
            f"Onset {answers.pain_onset_date} is {-days} days after {as_of}: "
            "a future date, check it with the patient.",
        )
    return _fracture_age_known(answers.pain_onset_date, days, as_of, thresholds)


def _fracture_age_unknown(thresholds):
    """Review a submission whose onset date the patient does not know."""
    return Finding(
        "fracture_age",
        "review",
        "You were not sure when the pain started. The clinic team will ask you about it.",
        f"Onset date unknown: cannot check it is within {thresholds.recent_days} days "
        f"(FRACTURE_RECENT_WEEKS={thresholds.fracture_recent_weeks}).",
    )


def _fracture_age_known(onset, days, as_of, t):
    """Sort a known, not-future onset into recent, borderline or too old."""
    since = f"Onset {onset} is {days} days ({days // 7} weeks) before {as_of}"
    if days <= t.recent_days:
        return Finding(
            "fracture_age",
            "supports",
            f"Your back pain started in the last {t.fracture_recent_weeks} weeks.",
            f"{since}: recent, within {t.recent_days} days "
            f"(FRACTURE_RECENT_WEEKS={t.fracture_recent_weeks}).",
        )
    if days <= t.max_days:
        return Finding(
            "fracture_age",
            "review",
            f"Your back pain started {t.fracture_recent_weeks} to {t.fracture_max_weeks} "
            "weeks ago. A doctor will look at this closely.",
            f"{since}: borderline, between {t.recent_days} and {t.max_days} days "
            f"(FRACTURE_RECENT_WEEKS={t.fracture_recent_weeks}, "
            f"FRACTURE_MAX_WEEKS={t.fracture_max_weeks}).",
        )
    return Finding(
        "fracture_age",
        "excludes",
        f"Your back pain started more than {t.fracture_max_weeks} weeks ago. "
        "This treatment is mostly used for newer breaks.",
        f"{since}: older than {t.max_days} days (FRACTURE_MAX_WEEKS={t.fracture_max_weeks}).",
    )


IMAGING_VERDICTS = {
    "fracture": (
        "supports",
        "Your scan showed a broken bone in your spine.",
        "fracture confirmed",
    ),
    "no_fracture": (
        "excludes",
        "Your scan did not show a broken bone in your spine.",
        "no fracture seen, nothing for this procedure to treat",
    ),
    "unsure": (
        "review",
        "You were not sure what your scan showed. The clinic team will read the report.",
        "patient unsure of the result, obtain the report",
    ),
    "not_done": (
        "review",
        "You have not had a scan yet. A scan shows what is causing the pain.",
        "no imaging yet, fracture not confirmed",
    ),
}


def imaging_confirmation(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """A scan showing a fracture supports; no fracture excludes; unsure or none, review."""
    effect, patient_text, meaning = IMAGING_VERDICTS[answers.imaging_result]
    scans = ", ".join(answers.imaging) or "none"
    return Finding(
        "imaging_confirmation",
        effect,
        patient_text,
        f"imaging_result={answers.imaging_result} (imaging: {scans}): {meaning}.",
    )


def conservative_care(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """Care tried long enough without relief, or severe pain keeping the patient down."""
    t = thresholds
    if answers.hospitalised_or_unable_to_walk and answers.pain_score >= t.severe_pain_score:
        return _severe_pain_path(answers, t)
    care = f"treatments_tried={', '.join(answers.treatments_tried) or 'none'} for "
    care += f"{answers.treatment_weeks} weeks, pain_trend={answers.pain_trend}"
    if answers.pain_trend == "much_better":
        return Finding(
            "conservative_care",
            "excludes",
            "Your pain is getting much better. That is good news.",
            f"{care}: conservative care is working.",
        )
    reasons = _care_shortfalls(answers, t)
    if reasons:
        return _care_review(care, reasons)
    return Finding(
        "conservative_care",
        "supports",
        f"You have tried other treatments for {answers.treatment_weeks} weeks "
        "and the pain has not gone away.",
        f"{care}: at least MIN_CONSERVATIVE_CARE_WEEKS={t.min_conservative_care_weeks} "
        "weeks of care without enough relief.",
    )


def _severe_pain_path(answers, t):
    """Support a patient whose severe pain keeps them in hospital or off their feet."""
    return Finding(
        "conservative_care",
        "supports",
        "Your pain is very bad and keeps you in hospital or unable to walk.",
        f"hospitalised_or_unable_to_walk=true and pain_score={answers.pain_score} >= "
        f"SEVERE_PAIN_SCORE={t.severe_pain_score}: no trial of conservative care needed.",
    )


def _care_review(care, reasons):
    """Ask for review, saying every way conservative care falls short."""
    return Finding(
        "conservative_care",
        "review",
        " ".join(patient for patient, _ in reasons)
        + " The clinic team will talk with you about it.",
        f"{care}: {'; '.join(clinician for _, clinician in reasons)}.",
    )


def _care_shortfalls(answers, t):
    """List why conservative care is not yet enough, as (patient, clinician) wordings."""
    reasons = []
    if not answers.treatments_tried:
        reasons.append(("You have not tried other treatments yet.", "no treatment tried"))
    elif answers.treatment_weeks < t.min_conservative_care_weeks:
        reasons.append(
            (
                f"You have tried other treatments for less than "
                f"{t.min_conservative_care_weeks} weeks.",
                f"{answers.treatment_weeks} < "
                f"MIN_CONSERVATIVE_CARE_WEEKS={t.min_conservative_care_weeks}",
            )
        )
    if answers.pain_trend not in CARE_WORKING_TRENDS:
        reasons.append(
            ("You were not sure if your pain is getting better or worse.", "trend unsure")
        )
    return reasons


def pain_severity(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding:
    """Pain at or above MIN_PAIN_SCORE supports; anything lower excludes."""
    score, minimum = answers.pain_score, thresholds.min_pain_score
    if score >= minimum:
        return Finding(
            "pain_severity",
            "supports",
            f"Your worst pain is {score} out of 10.",
            f"pain_score={score} >= MIN_PAIN_SCORE={minimum}.",
        )
    return Finding(
        "pain_severity",
        "excludes",
        f"Your worst pain is {score} out of 10. This treatment is for stronger pain.",
        f"pain_score={score} < MIN_PAIN_SCORE={minimum}.",
    )


CORE_CRITERIA = (fracture_age, imaging_confirmation, conservative_care, pain_severity)
CORE_CRITERIA_IDS = ("fracture_age", "imaging_confirmation", "conservative_care", "pain_severity")
