"""Reading answer records strictly: every key, the right types, no repeats, sane dates."""

import json

import pytest

from screening.eligibility import AnswerError, parse_record
from screening.eligibility.parsing import read_json
from tests.screening.factories import AS_OF, make_answers, make_record


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
        ({"fever": "true"}, "fever"),
        ({"cancer_history": True}, "cancer_history"),
        ({"blood_thinners": False}, "blood_thinners"),
        ({"pregnant": True}, "pregnant"),
        ({"active_infection": "maybe"}, "active_infection"),
        ({"onset_event": "slowly"}, "onset_event"),
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
        ({"date_of_birth": "2026-11-22"}, "date_of_birth"),
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


def test_a_boolean_where_a_tri_state_is_expected_is_explained():
    with pytest.raises(AnswerError) as caught:
        parse_record(make_record(cancer_history=True), index=0)
    assert str(caught.value) == (
        "record 0: key 'cancer_history': must be one of 'yes', 'no', 'unsure', not true "
        "(this answer is a word, not true or false)"
    )


def test_a_key_written_twice_in_one_object_is_refused_naming_it():
    text = json.dumps(make_record())[:-1] + ', "pain_score": 2}'
    with pytest.raises(AnswerError) as caught:
        parse_record(read_json(text), index=4)
    assert (caught.value.index, caught.value.key) == (4, "pain_score")
    assert str(caught.value) == (
        "record 4: key 'pain_score': is written more than once; give each key once"
    )


def test_json_read_without_repeats_is_a_plain_record():
    record = read_json(json.dumps(make_record()))
    assert record == make_record() and record.duplicates == ()
    assert parse_record(record) == (make_answers(), AS_OF)


@pytest.mark.parametrize(
    "value", ["yes", "no", "unsure", "not_asked"], ids=lambda value: f"pregnant={value}"
)
def test_every_pregnancy_answer_is_read_whatever_the_age(value):
    # The screen reads what was stored: the questionnaire decides whether it asked.
    answers, _as_of = parse_record(make_record(pregnant=value))
    assert answers.pregnant == value


def test_parse_record_refuses_a_record_that_is_not_an_object():
    with pytest.raises(AnswerError) as caught:
        parse_record(["not", "an", "object"], index=1)
    assert (caught.value.index, caught.value.key) == (1, None)
    assert str(caught.value).startswith("record 1: must be a JSON object")
