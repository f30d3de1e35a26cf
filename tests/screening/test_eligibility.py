"""Tests of the rules engine: one per criterion, flag and boundary, then properties."""

from dataclasses import fields
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.eligibility import (
    ANSWER_KEYS,
    CORE_CRITERIA_IDS,
    FLAG_IDS,
    QUESTIONS,
    QUESTIONS_BY_KEY,
    RULESET_VERSION,
    Answers,
    Finding,
    Thresholds,
    answers_to_dict,
    days_since_onset,
    evaluate,
    fracture_age_weeks,
    outcome_of,
    parse_record,
    vocabulary,
)
from screening.eligibility.words import say
from tests.screening.factories import AS_OF, make_answers
from tests.screening.helpers import DEFAULTS, effect_of, finding, screen


def onset_days_ago(days):
    """The onset date `days` before AS_OF."""
    return AS_OF - timedelta(days=days)


# Vocabulary


def test_answer_keys_follow_the_registry_and_the_answers_fields():
    assert ANSWER_KEYS[:3] == ("neuro_symptoms", "bladder_bowel_changes", "fever")
    assert ANSWER_KEYS[-2:] == ("date_of_birth", "pregnant")
    assert len(ANSWER_KEYS) == 22
    assert tuple(f.name for f in fields(Answers)) == ANSWER_KEYS


def test_vocabulary_reads_in_plain_words():
    assert ("mri", "MRI scan") in vocabulary.IMAGING_TYPES
    assert ("no_clear_cause", "Nothing I can think of") in vocabulary.ONSET_EVENTS
    assert vocabulary.TRI_STATE == (("yes", "Yes"), ("no", "No"), ("unsure", "I'm not sure"))
    assert vocabulary.OUTCOMES == (
        ("urgent", "Urgent"),
        ("likely_candidate", "Likely candidate"),
        ("needs_review", "Needs review"),
        ("unlikely_candidate", "Unlikely candidate"),
    )
    assert vocabulary.values_of(vocabulary.EFFECTS) == ("supports", "review", "excludes", "urgent")


# Core criterion: fracture_age


@pytest.mark.parametrize(
    ("days", "effect"),
    [(0, "supports"), (56, "supports"), (57, "review"), (84, "review"), (85, "excludes")],
)
def test_fracture_age_boundaries(days, effect):
    assert effect_of(screen(pain_onset_date=onset_days_ago(days)), "fracture_age") == effect


def test_fracture_age_unknown_date_needs_review():
    result = screen(pain_onset_date=None)
    assert effect_of(result, "fracture_age") == "review"
    assert "does not know when the pain began" in finding(result, "fracture_age").clinician_text


def test_fracture_age_future_date_needs_review_without_crashing():
    result = screen(pain_onset_date=AS_OF + timedelta(days=3))
    assert effect_of(result, "fracture_age") == "review"
    assert "3 days after the screening date" in finding(result, "fracture_age").clinician_text


@pytest.mark.parametrize(
    ("cancer_history", "effect"), [("yes", "review"), ("unsure", "excludes"), ("no", "excludes")]
)
def test_an_old_fracture_with_cancer_needs_review_not_exclusion(cancer_history, effect):
    old = screen(pain_onset_date=onset_days_ago(85), cancer_history=cancer_history)
    assert effect_of(old, "fracture_age") == effect


def test_a_recent_fracture_with_cancer_still_supports():
    result = screen(pain_onset_date=onset_days_ago(56), cancer_history="yes")
    assert effect_of(result, "fracture_age") == "supports"


def test_fracture_age_clinician_text_is_a_sentence_with_the_limit():
    result = evaluate(make_answers(pain_onset_date=onset_days_ago(85)), AS_OF, DEFAULTS)
    assert finding(result, "fracture_age").clinician_text == (
        "Pain began 85 days ago, over the 84-day limit (12 weeks). Pain began 2026-08-28, "
        "screened 2026-11-21; FRACTURE_MAX_WEEKS=12."
    )


def test_days_and_weeks_since_onset_for_the_queue():
    answers = make_answers(pain_onset_date=date(2026, 9, 1))
    assert days_since_onset(answers, AS_OF) == 81
    assert fracture_age_weeks(answers, AS_OF) == 11
    assert days_since_onset(make_answers(pain_onset_date=None), AS_OF) is None
    assert fracture_age_weeks(make_answers(pain_onset_date=None), AS_OF) is None


# Core criterion: imaging_confirmation


@pytest.mark.parametrize(
    ("imaging", "result", "effect"),
    [
        (("xray",), "fracture", "supports"),
        (("unknown_type",), "fracture", "supports"),
        (("mri",), "no_fracture", "excludes"),
        (("ct",), "no_fracture", "excludes"),
        (("bone_scan",), "no_fracture", "excludes"),
        (("xray", "mri"), "no_fracture", "excludes"),
        (("xray",), "no_fracture", "review"),
        (("unknown_type",), "no_fracture", "review"),
        (("xray", "unknown_type"), "no_fracture", "review"),
        (("ct",), "unsure", "review"),
        (("mri",), "waiting", "review"),
        ((), "not_done", "review"),
    ],
)
def test_imaging_confirmation_for_each_result(imaging, result, effect):
    outcome = screen(imaging=imaging, imaging_result=result)
    assert effect_of(outcome, "imaging_confirmation") == effect


def test_an_x_ray_alone_says_why_no_fracture_is_not_enough():
    result = screen(imaging=("xray",), imaging_result="no_fracture")
    assert finding(result, "imaging_confirmation").clinician_text == (
        "No fracture reported, but only from X-ray, which can miss a new fracture; consider an MRI."
    )
    assert "can miss a new break" in finding(result, "imaging_confirmation").patient_text


# Core criterion: conservative_care (first match wins)


@pytest.mark.parametrize(
    ("overrides", "effect"),
    [
        ({"treatment_weeks": 3}, "review"),
        ({"treatment_weeks": 4}, "supports"),
        ({"treatments_tried": (), "treatment_weeks": 0}, "review"),
        ({"pain_trend": "much_better"}, "excludes"),
        ({"pain_trend": "unsure"}, "review"),
        ({"pain_trend": "worse"}, "supports"),
        ({"pain_trend": "same"}, "supports"),
        ({"pain_trend": "a_little_better"}, "supports"),
    ],
)
def test_conservative_care(overrides, effect):
    assert effect_of(screen(**overrides), "conservative_care") == effect


@pytest.mark.parametrize(
    ("hospitalised", "pain", "effect"),
    [(True, 8, "supports"), (True, 7, "review"), (False, 10, "review")],
)
def test_severe_pain_path_needs_no_treatment(hospitalised, pain, effect):
    result = screen(
        hospitalised_or_unable_to_walk=hospitalised,
        pain_score=pain,
        treatments_tried=(),
        treatment_weeks=0,
    )
    assert effect_of(result, "conservative_care") == effect


def test_much_better_excludes_even_on_the_severe_pain_path():
    result = screen(hospitalised_or_unable_to_walk=True, pain_score=9, pain_trend="much_better")
    assert effect_of(result, "conservative_care") == "excludes"


@pytest.mark.parametrize(
    ("days", "weeks", "effect"),
    [(21, 4, "supports"), (20, 4, "review"), (35, 6, "supports"), (34, 6, "review")],
)
def test_treatment_begun_over_a_week_before_the_pain_is_a_date_conflict(days, weeks, effect):
    # 7 * weeks > days + 7 conflicts: 28 > 28 does not, 28 > 27 does.
    result = screen(pain_onset_date=onset_days_ago(days), treatment_weeks=weeks)
    assert effect_of(result, "conservative_care") == effect


def test_a_date_conflict_says_both_dates_in_a_sentence():
    result = screen(pain_onset_date=onset_days_ago(20), treatment_weeks=10)
    text = finding(result, "conservative_care").clinician_text
    assert text.startswith(
        "The dates conflict: the first treatment began 10 weeks ago, but the pain began "
        "20 days ago; check both with the patient."
    )


def test_an_unknown_onset_date_cannot_conflict():
    result = screen(pain_onset_date=None, treatment_weeks=40)
    assert effect_of(result, "conservative_care") == "supports"


def test_the_severe_path_comes_before_the_date_conflict():
    result = screen(
        hospitalised_or_unable_to_walk=True,
        pain_score=8,
        pain_onset_date=onset_days_ago(10),
        treatment_weeks=20,
    )
    assert effect_of(result, "conservative_care") == "supports"


def test_every_shortfall_of_care_is_said_at_once():
    result = screen(treatment_weeks=2, pain_trend="unsure")
    assert finding(result, "conservative_care").clinician_text == (
        "The first treatment began 2 weeks ago, under the 4 weeks required. The patient is "
        "not sure whether the pain is improving. Tried: rest, pain medication, the first 2 "
        "weeks ago; pain trend not known. Setting: MIN_CONSERVATIVE_CARE_WEEKS=4."
    )


# Core criterion: pain_severity


@pytest.mark.parametrize(("pain", "effect"), [(4, "excludes"), (5, "supports")])
def test_pain_severity_boundary(pain, effect):
    assert effect_of(screen(pain_score=pain), "pain_severity") == effect


def test_clinician_texts_are_sentences_not_variable_dumps():
    everything = screen(
        neuro_symptoms="new_or_worsening",
        fever=True,
        cancer_history="unsure",
        blood_thinners="yes",
        other_spine_diagnoses=("arthritis",),
        pain_onset_date=None,
        treatment_weeks=2,
    )
    for found in everything.findings:
        sentence = found.clinician_text.split(" Setting")[0]
        assert sentence[0].isupper() and sentence.endswith("."), found
        assert not any(f"{key}=" in found.clinician_text for key in ANSWER_KEYS), found


# Outcome


@pytest.mark.parametrize(
    ("overrides", "outcome"),
    [
        ({"fever": True, "pain_score": 2, "cancer_history": "yes"}, "urgent"),
        ({"pain_score": 2, "cancer_history": "yes"}, "unlikely_candidate"),
        ({"cancer_history": "yes"}, "needs_review"),
        ({}, "likely_candidate"),
    ],
)
def test_outcome_precedence(overrides, outcome):
    assert screen(**overrides).outcome == outcome


def test_full_supporting_set_is_a_likely_candidate_with_the_four_core_findings():
    result = screen()
    assert result.outcome == "likely_candidate"
    assert result.ruleset == RULESET_VERSION == "2027.01"
    assert [(f.id, f.effect) for f in result.findings] == [
        (criterion, "supports") for criterion in CORE_CRITERIA_IDS
    ]


def test_outcome_of_an_urgent_finding_alone():
    assert outcome_of((Finding("fever", "urgent", say("p"), "c"),)) == "urgent"


def test_result_to_dict_is_the_command_shape():
    data = screen(fever=True).to_dict()
    assert set(data) == {"outcome", "ruleset", "findings"}
    assert data["findings"][-1] == {
        "id": "fever",
        "effect": "urgent",
        "patient_text": finding(screen(fever=True), "fever").patient_text,
        "clinician_text": "Fever or chills with back pain: rule out a spinal infection. The "
        "patient was told to get medical care today.",
    }


# Thresholds from settings


def test_thresholds_default_to_the_contract():
    assert Thresholds.from_settings() == Thresholds(8, 12, 4, 5, 8, 18, 60)


def test_fracture_window_moves_with_the_setting(settings):
    answers = make_answers(pain_onset_date=onset_days_ago(60), treatment_weeks=4)
    assert effect_of(evaluate(answers, AS_OF), "fracture_age") == "review"
    settings.FRACTURE_RECENT_WEEKS = 9
    assert effect_of(evaluate(answers, AS_OF), "fracture_age") == "supports"


def test_pain_minimum_moves_with_the_setting(settings):
    settings.MIN_PAIN_SCORE = 8
    assert effect_of(evaluate(make_answers(pain_score=7), AS_OF), "pain_severity") == "excludes"


# Properties over every valid answer set


def any_answer(question):
    """Strategy: any value the registry allows for a question that is always asked."""
    if question.kind == "bool":
        return st.booleans()
    if question.kind == "integer":
        return st.integers(question.low, question.high)
    if question.kind == "choice":
        return st.sampled_from(question.values)
    return st.lists(st.sampled_from(question.values), unique=True).map(tuple)


@st.composite
def valid_answers(draw):
    """Any answer set parse_record would accept, with its as_of."""
    as_of = draw(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
    drawn = {q.key: draw(any_answer(q)) for q in QUESTIONS if q.kind != "date"}
    scan = QUESTIONS_BY_KEY["imaging_result"]
    if not drawn["imaging"]:
        drawn["imaging_result"] = scan.skipped
    elif drawn["imaging_result"] == scan.skipped:
        drawn["imaging_result"] = draw(st.sampled_from([v for v, _ in scan.offered]))
    answers = Answers(
        **drawn,
        pain_onset_date=draw(st.none() | st.dates(as_of - timedelta(days=400), as_of)),
        date_of_birth=draw(st.dates(date(1900, 1, 1), as_of - timedelta(days=1))),
    )
    return answers, as_of


@given(valid_answers())
def test_every_valid_answer_set_gets_one_explained_outcome(case):
    answers, as_of = case
    result = evaluate(answers, as_of, DEFAULTS)
    effects = [f.effect for f in result.findings]
    assert result.outcome in vocabulary.values_of(vocabulary.OUTCOMES)
    assert tuple(f.id for f in result.findings[:4]) == CORE_CRITERIA_IDS
    assert all(f.id in FLAG_IDS for f in result.findings[4:])
    assert set(effects) <= set(vocabulary.values_of(vocabulary.EFFECTS))
    assert ("urgent" in effects) == (result.outcome == "urgent")
    assert (result.outcome == "likely_candidate") == (set(effects) == {"supports"})
    assert not any("eligible" in f.patient_text.lower() for f in result.findings)


@given(valid_answers())
def test_records_round_trip(case):
    answers, as_of = case
    record = {**answers_to_dict(answers), "as_of": as_of.isoformat()}
    assert parse_record(record) == (answers, as_of)
