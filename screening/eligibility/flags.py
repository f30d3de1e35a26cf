"""The flags of docs/screening-contract.md section 3, reported only when present.

Red flags (`urgent`, in `red_flags.py`) come first in the contract because they
override everything else: an urgent finding makes the whole outcome urgent. A tri-state
answer of "I'm not sure" raises the same flag as "yes", for review. Each function
returns a Finding or None; its name is the finding's id (FLAG_IDS is read from FLAGS),
and `@rule` gives its tag and the answer keys it reads.
"""

from datetime import date

from .answers import Answers, Thresholds
from .dates import age_on
from .red_flags import fever, neuro_red_flag, trauma_unimaged
from .results import Finding, rule
from .words import say

RAISED = ("yes", "unsure")  # the tri-state answers that raise a flag


@rule(tag="Major trauma", reads=("onset_event", "imaging_result"))
def major_trauma(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Pain that began with a serious accident, already scanned: review for other injuries."""
    if answers.onset_event != "major_trauma" or answers.imaging_result in ("not_done", None):
        return None
    return Finding(
        "major_trauma",
        "review",
        say("Your pain started after a serious accident. A doctor will check for other injuries."),
        "Pain began with a serious accident (high-energy injury): assess for an unstable "
        "fracture and other injuries.",
    )


@rule(tag="Infection", reads=("active_infection",))
def active_infection(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """An infection being treated now excludes the procedure; not sure needs review."""
    if answers.active_infection == "yes":
        return Finding(
            "active_infection",
            "excludes",
            say(
                "You are being treated for an infection. This treatment waits until the "
                "infection is gone."
            ),
            "Being treated for an infection now: the procedure waits until it has cleared.",
        )
    if answers.active_infection == "unsure":
        return Finding(
            "active_infection",
            "review",
            say(
                "You were not sure if you are being treated for an infection. The clinic "
                "team will ask you about it."
            ),
            "The patient is not sure whether an infection is being treated now; an active "
            "infection rules the procedure out until it has cleared.",
        )
    return None


@rule(tag="Pregnancy", reads=("pregnant",))
def pregnancy(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A pregnancy excludes a procedure done under X-ray; a possible one needs review."""
    if answers.pregnant == "yes":
        return Finding(
            "pregnancy",
            "excludes",
            say(
                "You are or could be pregnant. This treatment uses X-rays, so it is not "
                "done during pregnancy."
            ),
            "Pregnant, or could be: a procedure guided by X-ray is not done in pregnancy.",
        )
    if answers.pregnant == "unsure":
        return Finding(
            "pregnancy",
            "review",
            say(
                "You were not sure if you could be pregnant. The clinic team will talk with "
                "you about it, because this treatment uses X-rays."
            ),
            "The patient is not sure whether she could be pregnant: check before a "
            "procedure guided by X-ray.",
        )
    return None


@rule(tag="Long-standing neuro", reads=("neuro_symptoms",))
def neuro_longstanding(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Long-standing, stable leg symptoms need a clinician's look, not urgent care."""
    if answers.neuro_symptoms != "longstanding_stable":
        return None
    return Finding(
        "neuro_longstanding",
        "review",
        say(
            "You have had numbness, tingling or weakness in your legs for a long time. "
            "A doctor will check this."
        ),
        "Long-standing, stable leg numbness, tingling or weakness: record a baseline "
        "neurological exam.",
    )


@rule(tag="Cancer history", reads=("cancer_history",))
def cancer(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A history of cancer, or not knowing, needs review (the fracture may come from it)."""
    if answers.cancer_history not in RAISED:
        return None
    if answers.cancer_history == "yes":
        patient = say(
            "You have had cancer. A doctor will keep this in mind when looking at your scans."
        )
        said = "Has had cancer (myeloma included)"
    else:
        patient = say(
            "You were not sure if you have had cancer. The clinic team will ask you about it."
        )
        said = "The patient is not sure about a history of cancer"
    return Finding(
        "cancer",
        "review",
        patient,
        f"{said}: consider a fracture caused by cancer (metastasis, myeloma).",
    )


@rule(tag="Bleeding risk", reads=("blood_thinners", "bleeding_disorder"))
def bleeding_risk(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A blood thinner or a bleeding problem (or not knowing) needs a plan beforehand."""
    thinner, disorder = answers.blood_thinners, answers.bleeding_disorder
    if thinner not in RAISED and disorder not in RAISED:
        return None
    said = {
        ("blood_thinners", "yes"): "takes a blood thinner",
        ("blood_thinners", "unsure"): "is not sure whether they take a blood thinner",
        ("bleeding_disorder", "yes"): "bleeds or bruises easily or has a clotting problem",
        ("bleeding_disorder", "unsure"): "is not sure about a bleeding or clotting problem",
    }
    parts = [
        said[key, value]
        for key, value in (("blood_thinners", thinner), ("bleeding_disorder", disorder))
        if value in RAISED
    ]
    return Finding(
        "bleeding_risk",
        "review",
        _bleeding_patient_text(thinner),
        f"The patient {' and '.join(parts)}: plan blood-thinner management and check "
        "clotting before the procedure.",
    )


def _bleeding_patient_text(thinner):
    """What a patient on (or maybe on) a blood thinner must hear: do not stop it alone."""
    if thinner == "yes":
        return say(
            "Do not stop your blood thinner on your own. The clinic team will tell you what "
            "to do before any treatment."
        )
    if thinner == "unsure":
        return say(
            "You were not sure if you take a blood thinner. Do not stop any of your "
            "medicines on your own. The clinic team will go over them with you."
        )
    return say("You may have a bleeding or clotting problem. The clinic team will plan for it.")


@rule(tag="Allergy", reads=("cement_or_contrast_allergy",))
def allergy(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """An allergy to bone cement or scan dye (or not knowing) needs a plan beforehand."""
    if answers.cement_or_contrast_allergy == "yes":
        return Finding(
            "allergy",
            "review",
            say(
                "You have an allergy to bone cement or scan dye. The clinic team will plan "
                "around it."
            ),
            "Allergic to bone cement or contrast dye: confirm which, and plan around it.",
        )
    if answers.cement_or_contrast_allergy == "unsure":
        return Finding(
            "allergy",
            "review",
            say(
                "You were not sure if you are allergic to bone cement or scan dye. The "
                "clinic team will ask you about it."
            ),
            "The patient is not sure about an allergy to bone cement or contrast dye: ask "
            "before the procedure.",
        )
    return None


@rule(tag="Other diagnosis", reads=("other_spine_diagnoses",))
def other_diagnosis(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """Another spine diagnosis may explain the pain, so it needs review."""
    if not answers.other_spine_diagnoses:
        return None
    named = " and ".join(item.replace("_", " ") for item in answers.other_spine_diagnoses)
    return Finding(
        "other_diagnosis",
        "review",
        say(
            "A doctor has told you your back pain may have another cause. A doctor will "
            "look at this too."
        ),
        f"Also diagnosed with {named}: the pain may not come from the fracture.",
    )


@rule(tag="Under 18", reads=("date_of_birth",))
def minor(answers: Answers, as_of: date, thresholds: Thresholds) -> Finding | None:
    """A patient under ADULT_AGE on `as_of` needs review (consent and a pediatric view)."""
    if answers.date_of_birth is None:
        return None
    age, adult = age_on(answers.date_of_birth, as_of), thresholds.adult_age
    if age >= adult:
        return None
    return Finding(
        "minor",
        "review",
        say(
            "You are under %(adult)s. The clinic team will talk with you and a parent or guardian.",
            adult=adult,
        ),
        f"Age {age}, under {adult}: a parent or guardian consents, and a pediatric view is "
        f"needed. Born {answers.date_of_birth}, screened {as_of}; ADULT_AGE={adult}.",
    )


FLAGS = (
    neuro_red_flag,
    fever,
    trauma_unimaged,
    major_trauma,
    active_infection,
    pregnancy,
    neuro_longstanding,
    cancer,
    bleeding_risk,
    allergy,
    other_diagnosis,
    minor,
)
FLAG_IDS = tuple(flag.__name__ for flag in FLAGS)
