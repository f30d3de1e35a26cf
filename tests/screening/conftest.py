"""Factories for screening answers, shared by the engine, command and questionnaire tests.

The baseline is a full supporting set on AS_OF (a likely candidate with no flags), so a
test overrides only the answers it is about and any change in outcome is its doing.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from screening.eligibility import Answers, answers_to_dict

AS_OF = date(2026, 11, 21)

BASELINE = Answers(
    pain_onset_date=AS_OF - timedelta(days=30),
    onset_event="minor_fall",
    pain_score=7,
    pain_trend="same",
    hospitalised_or_unable_to_walk=False,
    imaging=("xray", "mri"),
    imaging_result="fracture",
    treatments_tried=("rest", "pain_medication"),
    treatment_weeks=6,
    osteoporosis="yes",
    cancer_history=False,
    long_term_steroids=False,
    other_spine_diagnoses=(),
    neuro_symptoms="none",
    bladder_bowel_changes=False,
    fever=False,
    active_infection=False,
    blood_thinners=False,
    bleeding_disorder=False,
    cement_or_contrast_allergy=False,
    pregnant=False,
    date_of_birth=date(1950, 3, 15),
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


@pytest.fixture
def answers():
    """Factory: answers(**overrides) -> Answers, a likely candidate unless overridden."""
    return make_answers


@pytest.fixture
def answer_record():
    """Factory: answer_record(as_of=AS_OF, **overrides) -> a JSON-style answer record."""
    return make_record
