"""Screening answers for tests: a baseline likely candidate and records built from it.

The baseline is a full supporting set on AS_OF (a likely candidate with no flags), so a
test overrides only the answers it is about and any change in outcome is its doing.
"""

from dataclasses import replace
from datetime import date, timedelta

from screening.eligibility import QUESTIONS, Answers, answers_to_dict

AS_OF = date(2026, 11, 21)

# "No" to every yes/no (and yes/no/not sure) question, then the other answers of a
# likely candidate: 76 years old, so the pregnancy question was not asked.
NO_TO_EACH = {question.key: question.no for question in QUESTIONS if question.no is not None}
BASELINE = Answers(
    **{
        **NO_TO_EACH,
        "pain_onset_date": AS_OF - timedelta(days=30),
        "onset_event": "minor_fall",
        "pain_score": 7,
        "pain_trend": "same",
        "imaging": ("xray", "mri"),
        "imaging_result": "fracture",
        "treatments_tried": ("rest", "pain_medication"),
        "treatment_weeks": 4,
        "osteoporosis": "yes",
        "other_spine_diagnoses": (),
        "neuro_symptoms": "none",
        "date_of_birth": date(1950, 3, 15),
        "pregnant": "not_asked",
    }
)


def make_answers(**overrides):
    """Return the baseline answers with `overrides` applied."""
    return replace(BASELINE, **overrides)


def make_record(*, as_of=AS_OF, **overrides):
    """Return the baseline as a JSON-style record with its as_of (None leaves as_of out)."""
    record = answers_to_dict(make_answers(**overrides))
    if as_of is not None:
        record["as_of"] = as_of.isoformat()
    return record
