"""The FHIR Questionnaire is the web form: the same questions in page order, words,
choices, ranges and skip logic; and the response follows its enableWhen."""

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from clinic import fhir
from clinic.fhir.questionnaire import coding
from clinic.models import AuditEntry
from screening.eligibility import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    RULESET_VERSION,
    Question,
    Thresholds,
    When,
)
from screening.eligibility.vocabulary import OUTCOMES
from screening.wizard import STEPS
from tests.clinic.factories import answers_for, make_submission
from tests.clinic.helpers import fhir_enabled

pytestmark = pytest.mark.django_db
LOINC = "http://loinc.org"


def page_fields():
    """(answer key, form field) of each registry question as the web form's pages ask it."""
    return [
        (name, field)
        for step in STEPS
        for name, field in step.form_class.base_fields.items()
        if name in QUESTIONS_BY_KEY
    ]


def extensions(element):
    """An element's extensions by name (the end of the URL), each with its value."""
    return {
        ext["url"].rsplit("/", 1)[1]: next(v for k, v in ext.items() if k.startswith("value"))
        for ext in element.get("extension", [])
    }


def controls(element):
    """The itemControl codes of an item."""
    return [
        ext["valueCodeableConcept"]["coding"][0]["code"]
        for ext in element.get("extension", [])
        if ext["url"].endswith("questionnaire-itemControl")
    ]


# The Questionnaire reproduces the web form.


def test_questionnaire_is_valid_fhir_and_names_its_version(clinician_client):
    response = clinician_client.get(reverse("clinic:questionnaire-fhir"))

    assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.3"
    resource = Questionnaire.model_validate(response.json())
    assert resource.version == RULESET_VERSION and resource.status == "active"
    assert AuditEntry.objects.filter(action="export_fhir", reference="").exists()


def test_items_are_the_web_forms_questions_in_page_order_with_their_words():
    items = fhir.questionnaire()["item"]
    fields = page_fields()

    assert [item["linkId"] for item in items] == [name for name, _field in fields]
    for item, (_name, field) in zip(items, fields, strict=True):
        assert item["text"] == field.label
        assert item["required"] == field.required
        helps = [child["text"] for child in item.get("item", []) if controls(child) == ["help"]]
        assert helps == ([field.help_text] if field.help_text else [])


def test_every_choice_is_offered_as_the_page_offers_it_none_of_these_included():
    fields = dict(page_fields())
    for item in fhir.questionnaire()["item"]:
        field = fields[item["linkId"]]
        if not hasattr(field, "choices") or item["type"] == "integer":
            continue
        offered = [
            (o["valueCoding"]["code"], o["valueCoding"]["display"])
            for o in item.get("answerOption", [])
        ]
        if item["type"] == "boolean":
            assert offered == [] and [value for value, _label in field.choices] == ["yes", "no"]
        else:
            assert offered == [(value, str(label)) for value, label in field.choices]


def test_a_tick_box_question_repeats_and_its_none_of_these_is_exclusive():
    imaging = next(i for i in fhir.questionnaire()["item"] if i["linkId"] == "imaging")

    assert imaging["repeats"] is True and controls(imaging) == ["check-box"]
    *boxes, none = imaging["answerOption"]
    assert [box["valueCoding"]["code"] for box in boxes] == [
        "xray",
        "mri",
        "ct",
        "bone_scan",
        "unknown_type",
    ]
    assert none["valueCoding"]["code"] == "none"
    assert extensions(none) == {"questionnaire-optionExclusive": True}
    assert all("extension" not in box for box in boxes)


def test_a_value_stored_only_when_a_page_is_skipped_is_not_offered():
    result = next(i for i in fhir.questionnaire()["item"] if i["linkId"] == "imaging_result")

    codes = [option["valueCoding"]["code"] for option in result["answerOption"]]
    assert "not_done" not in codes and codes == ["fracture", "no_fracture", "unsure", "waiting"]


def test_whole_numbers_keep_the_forms_range():
    fields = dict(page_fields())
    integers = [item for item in fhir.questionnaire()["item"] if item["type"] == "integer"]

    assert integers
    for item in integers:
        field = fields[item["linkId"]]
        if hasattr(field, "choices"):  # a scale: one radio button per point
            low, high = int(field.choices[0][0]), int(field.choices[-1][0])
        else:
            low, high = field.min_value, field.max_value
        assert (extensions(item)["minValue"], extensions(item)["maxValue"]) == (low, high)


def test_the_pain_scale_is_a_slider_with_the_words_at_each_end():
    pain = next(i for i in fhir.questionnaire()["item"] if i["linkId"] == "pain_score")

    assert controls(pain) == ["slider"] and extensions(pain)["questionnaire-sliderStepValue"] == 1
    ends = {controls(child)[0]: child["text"] for child in pain["item"]}
    assert ends == {"lower": "no pain", "upper": "the worst pain you can imagine"}


@pytest.mark.parametrize(
    ("key", "code"),
    [("pain_score", "72514-3"), ("date_of_birth", "21112-8"), ("pregnant", "82810-3")],
)
def test_standard_loinc_codes_on_the_questions_that_have_one(key, code):
    item = next(i for i in fhir.questionnaire()["item"] if i["linkId"] == key)

    assert [(c["system"], c["code"]) for c in item["code"]] == [(LOINC, code)]


def test_no_other_question_claims_a_standard_code():
    coded = [item["linkId"] for item in fhir.questionnaire()["item"] if "code" in item]

    assert sorted(coded) == sorted(fhir.LOINC) and set(fhir.LOINC) <= set(QUESTIONS_BY_KEY)


def test_every_link_id_is_unique():
    items = fhir.questionnaire()["item"]
    link_ids = [i["linkId"] for i in items] + [
        c["linkId"] for i in items for c in i.get("item", [])
    ]

    assert len(link_ids) == len(set(link_ids))


# Canonical URLs come from a setting of their own.


def test_canonical_urls_do_not_follow_the_site_address(settings):
    before = fhir.questionnaire()
    settings.SITE_URL = "http://localhost:8123"

    after = fhir.questionnaire()

    assert after == before
    assert after["url"] == "https://kypho.example/fhir/Questionnaire/kypho-screening"


def test_canonical_urls_follow_fhir_canonical_base(settings):
    settings.FHIR_CANONICAL_BASE = "https://fhir.example-clinic.org/kypho"

    resource = fhir.questionnaire()

    assert resource["url"] == "https://fhir.example-clinic.org/kypho/Questionnaire/kypho-screening"
    imaging = next(i for i in resource["item"] if i["linkId"] == "imaging")
    system = imaging["answerOption"][0]["valueCoding"]["system"]
    assert system == "https://fhir.example-clinic.org/kypho/CodeSystem/kypho-imaging"


# Skip logic: the export's enableWhen and the questionnaire's `asked` agree.

SKIPS = {
    "scans and treatments": {},
    "no scan": {"imaging": (), "imaging_result": "not_done"},
    "one scan": {"imaging": ("ct",), "imaging_result": "unsure"},
    "no treatment": {"treatments_tried": (), "treatment_weeks": 0},
    "neither": {
        "imaging": (),
        "imaging_result": "not_done",
        "treatments_tried": (),
        "treatment_weeks": 0,
    },
    "onset unknown": {"pain_onset_date": None},
    "asked about pregnancy": {"date_of_birth": date(1990, 5, 1), "pregnant": "no"},
}
SAMPLES = [(outcome, skip) for outcome, _label in OUTCOMES for skip in SKIPS]


@pytest.mark.parametrize(("outcome", "skip"), SAMPLES, ids=[f"{o}-{s}" for o, s in SAMPLES])
def test_enable_when_agrees_with_asked_for_every_question(outcome, skip):
    submission = make_submission(answers=replace(answers_for(outcome), **SKIPS[skip]))
    values = submission.answer_values()
    questionnaire = fhir.questionnaire()
    response = fhir.questionnaire_response(submission, subject="urn:uuid:patient")

    enabled = fhir_enabled(questionnaire, response, today=submission.as_of)

    on = (submission.as_of, Thresholds())
    assert {q.key for q in QUESTIONS if q.asked(values, *on)} == enabled
    answered = [item["linkId"] for item in response["item"]]
    assert answered == [
        item["linkId"] for item in questionnaire["item"] if item["linkId"] in enabled
    ]
    required = {item["linkId"] for item in questionnaire["item"] if item["required"]}
    unanswered = [item["linkId"] for item in response["item"] if "answer" not in item]
    assert not set(unanswered) & required
    QuestionnaireResponse.model_validate(response)


def test_a_skipped_page_is_no_item_and_an_empty_tick_box_answer_is_none_of_these():
    answers = replace(answers_for("needs_review"), **SKIPS["neither"])
    submission = make_submission(answers=answers)

    response = fhir.questionnaire_response(submission, subject="urn:uuid:patient")

    items = {item["linkId"]: item for item in response["item"]}
    assert "imaging_result" not in items and "treatment_weeks" not in items
    for key in ("imaging", "treatments_tried", "other_spine_diagnoses"):
        assert [a["valueCoding"]["code"] for a in items[key]["answer"]] == ["none"]


def test_an_equals_condition_exports_and_agrees_with_asked():
    follow_up = Question(
        "cancer_treatment_now",
        "bool",
        "Are you being treated for cancer now?",
        "cancer",
        asked=When("cancer_history", "=", "yes"),
        error="Select yes if you are being treated for cancer now",
    )
    questionnaire = {"item": [fhir.question_item(q) for q in (*QUESTIONS, follow_up)]}
    rule = questionnaire["item"][-1]["enableWhen"]
    code = coding(QUESTIONS_BY_KEY["cancer_history"], "yes")
    assert rule == [{"question": "cancer_history", "operator": "=", "answerCoding": code}]

    for had_cancer in ("yes", "no", "unsure"):
        coded = coding(QUESTIONS_BY_KEY["cancer_history"], had_cancer)
        response = {"item": [{"linkId": "cancer_history", "answer": [{"valueCoding": coded}]}]}
        enabled = fhir_enabled(questionnaire, response)
        assert ("cancer_treatment_now" in enabled) == follow_up.asked(
            {"cancer_history": had_cancer}, date.today(), Thresholds()
        )


def test_pregnancy_is_enabled_by_an_age_expression_that_agrees_with_asked():
    item = fhir.question_item(QUESTIONS_BY_KEY["pregnant"])
    (expression,) = [
        e["valueExpression"]["expression"]
        for e in item["extension"]
        if e["url"].endswith("sdc-questionnaire-enableWhenExpression")
    ]
    assert expression.endswith("> today() - 60 'years'")
    questionnaire = {"item": [fhir.question_item(QUESTIONS_BY_KEY["date_of_birth"]), item]}
    today = date(2027, 3, 1)
    for born in (date(1967, 3, 1), date(1967, 3, 2)):  # 60 today; 59 for one more day
        answer = {"linkId": "date_of_birth", "answer": [{"valueDate": born.isoformat()}]}
        enabled = fhir_enabled(questionnaire, {"item": [answer]}, today=today)
        asked = QUESTIONS_BY_KEY["pregnant"].asked({"date_of_birth": born}, today, Thresholds())
        assert ("pregnant" in enabled) == asked == (born.day == 2)


def test_a_condition_fhir_cannot_read_is_refused_not_dropped():
    hidden = Question(
        "x_ray_count",
        "integer",
        "How many X-rays?",
        "scans",
        low=0,
        high=9,
        asked=bool,
        error="Enter how many X-rays you have had",
    )

    with pytest.raises(TypeError, match="x_ray_count: declare `asked` as a When"):
        fhir.question_item(hidden)
