"""Tests of the flags: one per flag and per answer that raises it, both sides, and the
red flags raised while the questionnaire is still going."""

from datetime import date, timedelta

import pytest

from screening.eligibility import (
    ANSWER_KEYS,
    CORE_CRITERIA_IDS,
    FLAG_IDS,
    age_on,
    urgent_findings,
)
from screening.eligibility.flags import FLAGS
from tests.screening.factories import AS_OF
from tests.screening.helpers import DEFAULTS, effect_of, finding, screen


@pytest.mark.parametrize(
    ("overrides", "flag", "effect"),
    [
        ({"neuro_symptoms": "new_or_worsening"}, "neuro_red_flag", "urgent"),
        ({"neuro_symptoms": "longstanding_stable"}, "neuro_red_flag", None),
        ({"bladder_bowel_changes": True}, "neuro_red_flag", "urgent"),
        ({"fever": True}, "fever", "urgent"),
        (
            {"onset_event": "major_trauma", "imaging": (), "imaging_result": "not_done"},
            "trauma_unimaged",
            "urgent",
        ),
        ({"onset_event": "major_trauma"}, "trauma_unimaged", None),
        (
            {"onset_event": "minor_fall", "imaging": (), "imaging_result": "not_done"},
            "trauma_unimaged",
            None,
        ),
        ({"onset_event": "major_trauma"}, "major_trauma", "review"),
        (
            {"onset_event": "major_trauma", "imaging": (), "imaging_result": "not_done"},
            "major_trauma",
            None,
        ),
        ({"active_infection": "yes"}, "active_infection", "excludes"),
        ({"active_infection": "unsure"}, "active_infection", "review"),
        ({"pregnant": "yes"}, "pregnancy", "excludes"),
        ({"pregnant": "unsure"}, "pregnancy", "review"),
        ({"pregnant": "no"}, "pregnancy", None),
        ({"pregnant": "not_asked"}, "pregnancy", None),
        ({"neuro_symptoms": "longstanding_stable"}, "neuro_longstanding", "review"),
        ({"neuro_symptoms": "new_or_worsening"}, "neuro_longstanding", None),
        ({"cancer_history": "yes"}, "cancer", "review"),
        ({"cancer_history": "unsure"}, "cancer", "review"),
        ({"blood_thinners": "yes"}, "bleeding_risk", "review"),
        ({"blood_thinners": "unsure"}, "bleeding_risk", "review"),
        ({"bleeding_disorder": "yes"}, "bleeding_risk", "review"),
        ({"bleeding_disorder": "unsure"}, "bleeding_risk", "review"),
        ({"cement_or_contrast_allergy": "yes"}, "allergy", "review"),
        ({"cement_or_contrast_allergy": "unsure"}, "allergy", "review"),
        ({"other_spine_diagnoses": ("arthritis",)}, "other_diagnosis", "review"),
        ({"date_of_birth": date(2010, 1, 1)}, "minor", "review"),
        ({"osteoporosis": "yes", "long_term_steroids": "yes"}, None, None),
        ({"osteoporosis": "unsure", "long_term_steroids": "unsure"}, None, None),
    ],
)
def test_each_flag_is_reported_only_when_its_answer_raises_it(overrides, flag, effect):
    baseline_flags = [f.id for f in screen().findings if f.id in FLAG_IDS]
    assert baseline_flags == []
    raised = screen(**overrides)
    if flag is None:  # context for clinicians only: no finding at all
        assert [f.id for f in raised.findings] == list(CORE_CRITERIA_IDS)
    else:
        assert effect_of(raised, flag) == effect


def test_one_finding_when_both_neuro_signs_are_present_naming_both():
    result = screen(neuro_symptoms="new_or_worsening", bladder_bowel_changes=True)
    (neuro,) = [f for f in result.findings if f.id == "neuro_red_flag"]
    assert "legs that is new or getting worse and new trouble controlling your bladder" in (
        neuro.patient_text
    )


@pytest.mark.parametrize(
    ("overrides", "flag", "said", "advice"),
    [
        (
            {"neuro_symptoms": "new_or_worsening"},
            "neuro_red_flag",
            "You told us about numbness, tingling or weakness in your legs that is new",
            "Go to the nearest emergency department now, or call 911.",
        ),
        (
            {"bladder_bowel_changes": True},
            "neuro_red_flag",
            "You told us about new trouble controlling your bladder or bowels",
            "Go to the nearest emergency department now, or call 911.",
        ),
        (
            {"fever": True},
            "fever",
            "You told us you have a fever or chills with this back pain.",
            "Get medical care today: go to an emergency department or an urgent care center.",
        ),
        (
            {"onset_event": "major_trauma", "imaging": (), "imaging_result": "not_done"},
            "trauma_unimaged",
            "You told us your pain started after a serious accident, and you have not had a scan.",
            "Get checked today at an emergency department or an urgent care center.",
        ),
    ],
)
def test_urgent_advice_names_the_answer_and_says_where_to_go(overrides, flag, said, advice):
    text = finding(screen(**overrides), flag).patient_text
    assert text.startswith(advice)  # what to do comes first
    assert said in text
    assert "call the clinic" not in text.lower()


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_blood_thinner_patients_are_told_not_to_stop_on_their_own(answer):
    text = finding(screen(blood_thinners=answer), "bleeding_risk").patient_text
    assert "on your own" in text and "Do not stop" in text


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
        "onset_event": "major_trauma",
        "imaging": (),
        "imaging_result": "not_done",
        "active_infection": "yes",
        "pregnant": "yes",
        "cancer_history": "yes",
        "blood_thinners": "yes",
        "cement_or_contrast_allergy": "yes",
        "other_spine_diagnoses": ("herniated_disc",),
        "date_of_birth": date(2012, 5, 5),
    }
    ids = [f.id for f in screen(**everything).findings]
    expected_flags = [f for f in FLAG_IDS if f not in ("neuro_longstanding", "major_trauma")]
    assert ids == list(CORE_CRITERIA_IDS) + expected_flags
    assert FLAG_IDS[:4] == ("neuro_red_flag", "fever", "trauma_unimaged", "major_trauma")


def test_every_flag_declares_the_answer_keys_it_reads():
    for flag in FLAGS:
        assert flag.reads and set(flag.reads) <= set(ANSWER_KEYS), flag.__name__


# Red flags while the questionnaire is still going: the same rule as the final result


@pytest.mark.parametrize(
    ("answered", "raised"),
    [
        ({"fever": True}, {"fever"}),
        ({"neuro_symptoms": "new_or_worsening"}, {"neuro_red_flag"}),
        ({"neuro_symptoms": "none", "bladder_bowel_changes": True}, {"neuro_red_flag"}),
        ({"neuro_symptoms": "longstanding_stable"}, set()),
        ({"fever": False, "cancer_history": "yes", "pregnant": "yes"}, set()),
        ({"onset_event": "major_trauma"}, set()),
        ({"onset_event": "major_trauma", "imaging": ["mri"]}, set()),
        ({"onset_event": "major_trauma", "imaging": []}, {"trauma_unimaged"}),
        ({}, set()),
    ],
)
def test_urgent_findings_need_only_the_answers_given_so_far(answered, raised):
    found = urgent_findings(answered, AS_OF, DEFAULTS)
    assert {finding.id for finding in found} == raised
    if "imaging" not in answered:
        whole = screen(**answered)
        assert raised <= {f.id for f in whole.findings if f.effect == "urgent"}
