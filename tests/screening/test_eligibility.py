"""Tests of the rules engine: one per criterion, flag and boundary, then properties."""

from dataclasses import fields
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening import vocabulary
from screening.eligibility import (
    CORE_CRITERIA_IDS,
    FLAG_IDS,
    RULESET_VERSION,
    AnswerError,
    Answers,
    Finding,
    Thresholds,
    age_on,
    answers_to_dict,
    days_since_onset,
    evaluate,
    fracture_age_weeks,
    outcome_of,
    parse_record,
)
from tests.screening.conftest import AS_OF, make_answers, make_record

DEFAULTS = Thresholds()


def screen(**overrides):
    """Evaluate the baseline answers with `overrides` on AS_OF, default thresholds."""
    return evaluate(make_answers(**overrides), AS_OF, DEFAULTS)


def effect_of(result, finding_id):
    """The effect of the one finding with `finding_id`, or None if it was not reported."""
    matches = [f for f in result.findings if f.id == finding_id]
    assert len(matches) <= 1
    return matches[0].effect if matches else None


def finding(result, finding_id):
    """The one finding with `finding_id`."""
    return next(f for f in result.findings if f.id == finding_id)


def onset_days_ago(days):
    """The onset date `days` before AS_OF."""
    return AS_OF - timedelta(days=days)


# Vocabulary


def test_answer_keys_follow_the_table_and_the_answers_fields():
    assert vocabulary.ANSWER_KEYS[:3] == ("pain_onset_date", "onset_event", "pain_score")
    assert vocabulary.ANSWER_KEYS[-1] == "date_of_birth"
    assert len(vocabulary.ANSWER_KEYS) == 22
    assert tuple(f.name for f in fields(Answers)) == vocabulary.ANSWER_KEYS
    assert tuple(vocabulary.QUESTIONS) == vocabulary.ANSWER_KEYS


def test_vocabulary_reads_in_plain_words():
    assert ("mri", "MRI scan") in vocabulary.IMAGING_TYPES
    assert ("no_clear_cause", "Nothing I can think of") in vocabulary.ONSET_EVENTS
    assert vocabulary.OUTCOMES == (
        ("urgent", "Urgent"),
        ("likely_candidate", "Likely candidate"),
        ("needs_review", "Needs review"),
        ("unlikely_candidate", "Unlikely candidate"),
    )
    assert vocabulary.values_of(vocabulary.EFFECTS) == ("supports", "review", "excludes", "urgent")
    assert vocabulary.QUESTIONS["fever"] == "Fever or chills with this back pain?"


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
    assert "unknown" in finding(result, "fracture_age").clinician_text


def test_fracture_age_future_date_needs_review_without_crashing():
    result = screen(pain_onset_date=AS_OF + timedelta(days=3))
    assert effect_of(result, "fracture_age") == "review"
    assert "future" in finding(result, "fracture_age").clinician_text


def test_fracture_age_clinician_text_names_inputs_and_thresholds():
    result = evaluate(make_answers(pain_onset_date=date(2026, 9, 1)), AS_OF, DEFAULTS)
    assert finding(result, "fracture_age").clinician_text == (
        "Onset 2026-09-01 is 81 days (11 weeks) before 2026-11-21: borderline, between 56 "
        "and 84 days (FRACTURE_RECENT_WEEKS=8, FRACTURE_MAX_WEEKS=12)."
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
        (("mri",), "no_fracture", "excludes"),
        (("ct",), "unsure", "review"),
        ((), "not_done", "review"),
    ],
)
def test_imaging_confirmation_for_each_result(imaging, result, effect):
    outcome = screen(imaging=imaging, imaging_result=result)
    assert effect_of(outcome, "imaging_confirmation") == effect


# Core criterion: conservative_care


@pytest.mark.parametrize(
    ("overrides", "effect"),
    [
        ({"treatment_weeks": 3}, "review"),
        ({"treatment_weeks": 4}, "supports"),
        ({"treatments_tried": (), "treatment_weeks": 0}, "review"),
        ({"pain_trend": "much_better"}, "excludes"),
        ({"pain_trend": "unsure"}, "review"),
        ({"pain_trend": "worse"}, "supports"),
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


def test_severe_pain_path_supports_even_when_much_better():
    result = screen(hospitalised_or_unable_to_walk=True, pain_score=9, pain_trend="much_better")
    assert effect_of(result, "conservative_care") == "supports"


# Core criterion: pain_severity


@pytest.mark.parametrize(("pain", "effect"), [(4, "excludes"), (5, "supports")])
def test_pain_severity_boundary(pain, effect):
    assert effect_of(screen(pain_score=pain), "pain_severity") == effect


# Flags


@pytest.mark.parametrize(
    ("overrides", "flag", "effect"),
    [
        ({"neuro_symptoms": "new_or_worsening"}, "neuro_red_flag", "urgent"),
        ({"bladder_bowel_changes": True}, "neuro_red_flag", "urgent"),
        ({"fever": True}, "fever", "urgent"),
        ({"active_infection": True}, "active_infection", "excludes"),
        ({"pregnant": True}, "pregnancy", "excludes"),
        ({"neuro_symptoms": "longstanding_stable"}, "neuro_longstanding", "review"),
        ({"onset_event": "major_trauma"}, "major_trauma", "review"),
        ({"cancer_history": True}, "cancer", "review"),
        ({"blood_thinners": True}, "bleeding_risk", "review"),
        ({"bleeding_disorder": True}, "bleeding_risk", "review"),
        ({"cement_or_contrast_allergy": True}, "allergy", "review"),
        ({"other_spine_diagnoses": ("arthritis",)}, "other_diagnosis", "review"),
        ({"date_of_birth": date(2010, 1, 1)}, "minor", "review"),
    ],
)
def test_each_flag_is_reported_only_when_present(overrides, flag, effect):
    assert effect_of(screen(), flag) is None
    assert effect_of(screen(**overrides), flag) == effect


def test_blood_thinner_patients_are_told_not_to_stop_them():
    text = finding(screen(blood_thinners=True), "bleeding_risk").patient_text
    assert "not stop your blood thinners on your own" in text


def test_minor_flag_turns_off_on_the_18th_birthday():
    birthday = date(2008, 11, 21)
    assert age_on(birthday, AS_OF) == 18
    assert effect_of(screen(date_of_birth=birthday), "minor") is None
    day_later = birthday + timedelta(days=1)
    assert age_on(day_later, AS_OF) == 17
    assert effect_of(screen(date_of_birth=day_later), "minor") == "review"


@pytest.mark.parametrize(
    ("as_of", "age"),
    [(date(2026, 2, 28), 17), (date(2026, 3, 1), 18), (date(2028, 2, 29), 20)],
)
def test_age_of_a_29_february_birth(as_of, age):
    assert age_on(date(2008, 2, 29), as_of) == age


def test_findings_come_in_contract_order():
    everything = {
        "neuro_symptoms": "new_or_worsening",
        "fever": True,
        "active_infection": True,
        "pregnant": True,
        "onset_event": "major_trauma",
        "cancer_history": True,
        "blood_thinners": True,
        "cement_or_contrast_allergy": True,
        "other_spine_diagnoses": ("herniated_disc",),
        "date_of_birth": date(2012, 5, 5),
    }
    ids = [f.id for f in screen(**everything).findings]
    expected_flags = [flag for flag in FLAG_IDS if flag != "neuro_longstanding"]
    assert ids == list(CORE_CRITERIA_IDS) + expected_flags


# Outcome


@pytest.mark.parametrize(
    ("overrides", "outcome"),
    [
        ({"fever": True, "pain_score": 2, "cancer_history": True}, "urgent"),
        ({"pain_score": 2, "cancer_history": True}, "unlikely_candidate"),
        ({"cancer_history": True}, "needs_review"),
        ({}, "likely_candidate"),
    ],
)
def test_outcome_precedence(overrides, outcome):
    assert screen(**overrides).outcome == outcome


def test_full_supporting_set_is_a_likely_candidate_with_the_four_core_findings():
    result = screen()
    assert result.outcome == "likely_candidate"
    assert result.ruleset == RULESET_VERSION == "2026.11"
    assert [(f.id, f.effect) for f in result.findings] == [
        (criterion, "supports") for criterion in CORE_CRITERIA_IDS
    ]


def test_outcome_of_an_urgent_finding_alone():
    assert outcome_of((Finding("fever", "urgent", "p", "c"),)) == "urgent"


def test_result_to_dict_is_the_command_shape():
    data = screen(fever=True).to_dict()
    assert set(data) == {"outcome", "ruleset", "findings"}
    assert data["findings"][-1] == {
        "id": "fever",
        "effect": "urgent",
        "patient_text": finding(screen(fever=True), "fever").patient_text,
        "clinician_text": "fever=true with back pain: rule out spinal infection, assess urgently.",
    }


# Thresholds from settings


def test_thresholds_default_to_the_contract():
    assert Thresholds.from_settings() == Thresholds(8, 12, 4, 5, 8, 18)


def test_fracture_window_moves_with_the_setting(settings):
    answers = make_answers(pain_onset_date=onset_days_ago(60))
    assert effect_of(evaluate(answers, AS_OF), "fracture_age") == "review"
    settings.FRACTURE_RECENT_WEEKS = 9
    assert effect_of(evaluate(answers, AS_OF), "fracture_age") == "supports"


def test_pain_minimum_moves_with_the_setting(settings):
    settings.MIN_PAIN_SCORE = 8
    assert effect_of(evaluate(make_answers(pain_score=7), AS_OF), "pain_severity") == "excludes"


# Reading records


def test_parse_record_reads_a_record_and_its_as_of():
    assert parse_record(make_record(), index=0) == (make_answers(), AS_OF)
    assert parse_record(make_record(as_of=None), today=AS_OF) == (make_answers(), AS_OF)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"pain_score": "5"}, "pain_score"),
        ({"pain_score": 5.0}, "pain_score"),
        ({"pain_score": True}, "pain_score"),
        ({"pain_score": 11}, "pain_score"),
        ({"treatment_weeks": 521}, "treatment_weeks"),
        ({"fever": 1}, "fever"),
        ({"fever": "false"}, "fever"),
        ({"onset_event": "fall"}, "onset_event"),
        ({"imaging": "mri"}, "imaging"),
        ({"imaging": ["mri", "mri"]}, "imaging"),
        ({"imaging": ["pet"]}, "imaging"),
        ({"pain_onset_date": "2026-1-5"}, "pain_onset_date"),
        ({"pain_onset_date": "20260105"}, "pain_onset_date"),
        ({"pain_onset_date": "2026-02-30"}, "pain_onset_date"),
        ({"pain_onset_date": "2026-11-22"}, "pain_onset_date"),
        ({"date_of_birth": None}, "date_of_birth"),
        ({"date_of_birth": "2026-11-21"}, "date_of_birth"),
        ({"as_of": "21/11/2026"}, "as_of"),
        ({"imaging": [], "imaging_result": "fracture"}, "imaging_result"),
        ({"imaging": ["ct"], "imaging_result": "not_done"}, "imaging_result"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_parse_record_refuses_a_bad_value_naming_record_and_key(changes, key):
    with pytest.raises(AnswerError) as caught:
        parse_record({**make_record(), **changes}, index=3)
    assert (caught.value.index, caught.value.key) == (3, key)
    assert str(caught.value).startswith(f"record 3: key '{key}': ")


def test_parse_record_refuses_a_missing_key():
    record = make_record()
    del record["pregnant"]
    with pytest.raises(AnswerError) as caught:
        parse_record(record)
    assert caught.value.key == "pregnant"
    assert str(caught.value) == "key 'pregnant': is missing (every answer key is required)"


def test_parse_record_refuses_a_record_that_is_not_an_object():
    with pytest.raises(AnswerError) as caught:
        parse_record(["not", "an", "object"], index=1)
    assert (caught.value.index, caught.value.key) == (1, None)
    assert str(caught.value).startswith("record 1: must be a JSON object")


# Properties over every valid answer set


values = vocabulary.values_of


def subsets(choices):
    """Strategy: distinct values of a vocabulary, in any order."""
    return st.lists(st.sampled_from(values(choices)), unique=True)


@st.composite
def valid_answers(draw):
    """Any answer set parse_record would accept, with its as_of."""
    as_of = draw(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
    imaging = tuple(draw(subsets(vocabulary.IMAGING_TYPES)))
    result_choices = [r for r in values(vocabulary.IMAGING_RESULTS) if r != "not_done"]
    flag = st.booleans()
    answers = Answers(
        pain_onset_date=draw(st.none() | st.dates(as_of - timedelta(days=400), as_of)),
        onset_event=draw(st.sampled_from(values(vocabulary.ONSET_EVENTS))),
        pain_score=draw(st.integers(0, 10)),
        pain_trend=draw(st.sampled_from(values(vocabulary.PAIN_TRENDS))),
        hospitalised_or_unable_to_walk=draw(flag),
        imaging=imaging,
        imaging_result=draw(st.sampled_from(result_choices)) if imaging else "not_done",
        treatments_tried=tuple(draw(subsets(vocabulary.TREATMENTS))),
        treatment_weeks=draw(st.integers(0, 520)),
        osteoporosis=draw(st.sampled_from(values(vocabulary.OSTEOPOROSIS))),
        cancer_history=draw(flag),
        long_term_steroids=draw(flag),
        other_spine_diagnoses=tuple(draw(subsets(vocabulary.SPINE_DIAGNOSES))),
        neuro_symptoms=draw(st.sampled_from(values(vocabulary.NEURO_SYMPTOMS))),
        bladder_bowel_changes=draw(flag),
        fever=draw(flag),
        active_infection=draw(flag),
        blood_thinners=draw(flag),
        bleeding_disorder=draw(flag),
        cement_or_contrast_allergy=draw(flag),
        pregnant=draw(flag),
        date_of_birth=draw(st.dates(date(1900, 1, 1), as_of - timedelta(days=1))),
    )
    return answers, as_of


@given(valid_answers())
def test_every_valid_answer_set_gets_one_explained_outcome(case):
    answers, as_of = case
    result = evaluate(answers, as_of, DEFAULTS)
    effects = [f.effect for f in result.findings]
    assert result.outcome in values(vocabulary.OUTCOMES)
    assert tuple(f.id for f in result.findings[:4]) == CORE_CRITERIA_IDS
    assert all(f.id in FLAG_IDS for f in result.findings[4:])
    assert set(effects) <= set(values(vocabulary.EFFECTS))
    assert ("urgent" in effects) == (result.outcome == "urgent")
    assert (result.outcome == "likely_candidate") == (set(effects) == {"supports"})
    assert not any("eligible" in f.patient_text.lower() for f in result.findings)


@given(valid_answers())
def test_records_round_trip(case):
    answers, as_of = case
    record = {**answers_to_dict(answers), "as_of": as_of.isoformat()}
    assert parse_record(record) == (answers, as_of)
