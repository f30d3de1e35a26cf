"""The flags of SCREENING.md section 2, reported only when present.

Red flags (`urgent`) come first in the contract because they override everything else:
an urgent finding makes the whole outcome urgent, so the patient sees the clinic's
"seek care now" message before anything else. Each function returns a Finding or None.
"""

from datetime import date

from .answers import Answers, Thresholds
from .dates import age_on
from .results import Finding

SEEK_CARE_TODAY = "Please get medical care today."


def neuro_red_flag(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """New or worsening leg symptoms, or bladder or bowel changes, are urgent."""
    new_neuro = answers.neuro_symptoms == "new_or_worsening"
    if not (new_neuro or answers.bladder_bowel_changes):
        return None
    return Finding(
        "neuro_red_flag",
        "urgent",
        f"{SEEK_CARE_TODAY} New numbness or weakness in the legs, or new bladder or "
        "bowel trouble, must be checked by a doctor right away.",
        f"neuro_symptoms={answers.neuro_symptoms}, bladder_bowel_changes="
        f"{_yes_no(answers.bladder_bowel_changes)}: possible cord or cauda equina "
        "compression, assess urgently.",
    )


def fever(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Fever or chills with back pain are urgent (possible spinal infection)."""
    if not answers.fever:
        return None
    return Finding(
        "fever",
        "urgent",
        f"{SEEK_CARE_TODAY} Fever or chills with back pain must be checked by a doctor right away.",
        "fever=true with back pain: rule out spinal infection, assess urgently.",
    )


def active_infection(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """An infection being treated now excludes the procedure until it has cleared."""
    if not answers.active_infection:
        return None
    return Finding(
        "active_infection",
        "excludes",
        "You are being treated for an infection. This treatment waits until the infection is gone.",
        "active_infection=true: active infection contraindicates the procedure until treated.",
    )


def pregnancy(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A pregnancy, or a possible one, excludes a procedure done under X-ray."""
    if not answers.pregnant:
        return None
    return Finding(
        "pregnancy",
        "excludes",
        "You are or could be pregnant. This treatment uses X-rays, so it is not done "
        "during pregnancy.",
        "pregnant=true (or possibly): fluoroscopy-guided procedure not done in pregnancy.",
    )


def neuro_longstanding(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Long-standing, stable leg symptoms need a clinician's look, not urgent care."""
    if answers.neuro_symptoms != "longstanding_stable":
        return None
    return Finding(
        "neuro_longstanding",
        "review",
        "You have had numbness, tingling or weakness in your legs for a long time. "
        "A doctor will check this.",
        "neuro_symptoms=longstanding_stable: document the baseline neurological exam.",
    )


def major_trauma(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Pain that began with a serious accident needs review for other injuries."""
    if answers.onset_event != "major_trauma":
        return None
    return Finding(
        "major_trauma",
        "review",
        "Your pain started after a serious accident. A doctor will check for other injuries.",
        "onset_event=major_trauma: high-energy injury, assess for an unstable fracture.",
    )


def cancer(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Any history of cancer needs review (the fracture may come from the cancer)."""
    if not answers.cancer_history:
        return None
    return Finding(
        "cancer",
        "review",
        "You have had cancer. A doctor will keep this in mind when looking at your scans.",
        "cancer_history=true: consider a pathological fracture (metastasis, myeloma).",
    )


def bleeding_risk(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Blood thinners or a bleeding disorder need a plan before any procedure."""
    if not (answers.blood_thinners or answers.bleeding_disorder):
        return None
    if answers.blood_thinners:
        patient_text = (
            "Do not stop your blood thinners on your own. The clinic team will tell you "
            "what to do before any treatment."
        )
    else:
        patient_text = "You have a bleeding or clotting problem. The clinic team will plan for it."
    return Finding(
        "bleeding_risk",
        "review",
        patient_text,
        f"blood_thinners={_yes_no(answers.blood_thinners)}, bleeding_disorder="
        f"{_yes_no(answers.bleeding_disorder)}: plan anticoagulant management and check "
        "coagulation before the procedure.",
    )


def allergy(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """An allergy to bone cement or contrast dye needs a plan before the procedure."""
    if not answers.cement_or_contrast_allergy:
        return None
    return Finding(
        "allergy",
        "review",
        "You have an allergy to bone cement or scan dye. The clinic team will plan around it.",
        "cement_or_contrast_allergy=true: confirm the allergen (cement or contrast) and plan.",
    )


def other_diagnosis(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Another spine diagnosis may explain the pain, so it needs review."""
    if not answers.other_spine_diagnoses:
        return None
    return Finding(
        "other_diagnosis",
        "review",
        "A doctor has told you your back pain may have another cause. A doctor will look "
        "at this too.",
        f"other_spine_diagnoses={', '.join(answers.other_spine_diagnoses)}: "
        "pain may not come from the fracture.",
    )


def minor(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A patient under ADULT_AGE on `as_of` needs review (consent and a paediatric view)."""
    age = age_on(answers.date_of_birth, as_of)
    if age >= thresholds.adult_age:
        return None
    return Finding(
        "minor",
        "review",
        f"You are under {thresholds.adult_age}. The clinic team will talk with you and "
        "a parent or guardian.",
        f"Age {age} on {as_of} (date_of_birth {answers.date_of_birth}) < "
        f"ADULT_AGE={thresholds.adult_age}.",
    )


def _yes_no(value):
    """Spell a boolean the way the JSON answers do."""
    return "true" if value else "false"


FLAGS = (
    neuro_red_flag,
    fever,
    active_infection,
    pregnancy,
    neuro_longstanding,
    major_trauma,
    cancer,
    bleeding_risk,
    allergy,
    other_diagnosis,
    minor,
)
FLAG_IDS = (
    "neuro_red_flag",
    "fever",
    "active_infection",
    "pregnancy",
    "neuro_longstanding",
    "major_trauma",
    "cancer",
    "bleeding_risk",
    "allergy",
    "other_diagnosis",
    "minor",
)
