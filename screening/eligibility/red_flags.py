"""The red flags of docs/screening-contract.md section 3: urgent, and shown at once.

The questionnaire shows an urgent finding's `patient_text` word for word as soon as the
answers raise it (and again on the result page), so each one names the answer that
raised it and says where to go and how soon: the emergency department now for signs of
nerve compression, medical care today for a fever, a check today for a serious accident
that has not been scanned.
"""

from datetime import date

from .answers import Answers, Thresholds
from .results import Finding, rule
from .words import say

# Each urgent text starts with what to do, so a patient who reads one line reads that.
GO_TO_THE_EMERGENCY_DEPARTMENT = say("Go to the nearest emergency department now, or call 911.")


@rule(tag="Neuro red flag", reads=("neuro_symptoms", "bladder_bowel_changes"))
def neuro_red_flag(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """New or worsening leg symptoms, or bladder or bowel changes: the emergency department."""
    legs = answers.neuro_symptoms == "new_or_worsening"
    bladder = bool(answers.bladder_bowel_changes)
    if not (legs or bladder):
        return None
    if legs and bladder:
        told = say(
            "You told us about numbness, tingling or weakness in your legs that is new or "
            "getting worse and new trouble controlling your bladder or bowels, or numbness "
            "between your legs or in your buttocks."
        )
    elif legs:
        told = say(
            "You told us about numbness, tingling or weakness in your legs that is new or "
            "getting worse."
        )
    else:
        told = say(
            "You told us about new trouble controlling your bladder or bowels, or numbness "
            "between your legs or in your buttocks."
        )
    signs = [
        name
        for name, raised in (
            ("new or worsening leg numbness, tingling or weakness", legs),
            ("new bladder or bowel trouble or saddle numbness", bladder),
        )
        if raised
    ]
    return Finding(
        "neuro_red_flag",
        "urgent",
        GO_TO_THE_EMERGENCY_DEPARTMENT
        + told
        + say(
            "This can mean the nerves in your spine are being pressed. Do not wait for the "
            "clinic to call you."
        ),
        f"{_capital(' and '.join(signs))}: possible cauda equina or cord compression. The "
        "patient was told to go to the emergency department now.",
    )


@rule(tag="Fever", reads=("fever",))
def fever(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Fever or chills with back pain: medical care today (possible spinal infection)."""
    if not answers.fever:
        return None
    return Finding(
        "fever",
        "urgent",
        say(
            "Get medical care today: go to an emergency department or an urgent care "
            "center. You told us you have a fever or chills with this back pain. This can "
            "be a sign of an infection in the spine."
        ),
        "Fever or chills with back pain: rule out a spinal infection. The patient was told "
        "to get medical care today.",
    )


@rule(tag="Trauma without a scan", reads=("onset_event", "imaging_result"))
def trauma_unimaged(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A serious accident and no scan yet: checked today, since an unstable break may hide."""
    if not (answers.onset_event == "major_trauma" and answers.imaging_result == "not_done"):
        return None
    return Finding(
        "trauma_unimaged",
        "urgent",
        say(
            "Get checked today at an emergency department or an urgent care center. You "
            "told us your pain started after a serious accident, and you have not had a "
            "scan. After a serious accident, back pain needs a scan."
        ),
        "Pain began with a serious accident and no scan has been done: an unstable "
        "fracture is not ruled out. The patient was told to get checked today.",
    )


def _capital(text):
    """`text` with its first letter in capitals, to start a sentence."""
    return text[:1].upper() + text[1:]
