"""The answer registry: the stored columns match it, and every reader follows it.

The second half adds a question to a copy of the registry and checks that the engine's
answers, the `screen` reader, the questionnaire form, the check page and clinician rows,
and the FHIR export all pick it up with no other edit. What a new question still needs
is listed in screening/README.md ("Adding a question").
"""

from dataclasses import fields
from datetime import date, timedelta

import pytest
from django.db import models
from django.utils.datastructures import MultiValueDict

from clinic import fhir
from screening.eligibility import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    Question,
    Thresholds,
    When,
    asked_values,
)
from screening.eligibility.answers import answers_class
from screening.eligibility.parsing import reader_for
from screening.eligibility.questions import always
from screening.forms import StepForm
from screening.models import Submission
from screening.summary import grouped_answers, question_rows
from screening.wizard import STEPS, Step
from tests.clinic.factories import build_submission
from tests.screening.factories import AS_OF, make_answers

COLUMNS = {
    "bool": models.BooleanField,
    "integer": models.PositiveSmallIntegerField,
    "choice": models.CharField,
    "multi": models.JSONField,
    "date": models.DateField,
}
WALKING_AID = Question(
    "walking_aid",
    "choice",
    "Do you use a walking aid?",
    "health",
    (("none", "No"), ("cane", "A cane"), ("walker", "A walker")),
    error="Select whether you use a walking aid",
)
WITH_WALKING_AID = (*QUESTIONS, WALKING_AID)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_every_question_has_a_column_of_its_kind(question):
    column = Submission._meta.get_field(question.key)

    assert type(column) is COLUMNS[question.kind]
    assert column.null == question.optional
    if question.kind == "choice":
        assert tuple(column.choices) == question.choices
        assert column.max_length >= max(len(value) for value in question.values)


def test_every_question_is_on_a_questionnaire_page_with_its_wording():
    forms_by_slug = {step.slug: step.form_class for step in STEPS}
    for question in QUESTIONS:
        field = forms_by_slug[question.step].base_fields[question.key]
        assert field.label == question.text
        assert field.help_text == question.hint


def test_each_registry_page_is_a_step_with_its_own_form_in_registry_order():
    pages = list(dict.fromkeys(question.step for question in QUESTIONS))
    registry_steps = [step for step in STEPS if step.questions]
    assert [step.slug for step in registry_steps] == pages
    assert all(step.form_class.step == step.slug for step in registry_steps)
    assert all(step.title == step.questions[0].text for step in registry_steps)


def test_a_stored_submission_gives_back_the_answers_it_was_built_from():
    answers = make_answers(imaging=("ct",), other_spine_diagnoses=("arthritis",))

    submission = build_submission(answers=answers)

    assert submission.imaging == ["ct"]
    assert submission.to_answers() == answers


def test_questions_skipped_by_the_questionnaire_are_left_out_of_the_answer_list():
    values = build_submission(
        answers=make_answers(
            imaging=(), imaging_result="not_done", treatments_tried=(), treatment_weeks=0
        )
    ).answer_values()

    asked = asked_values(values, AS_OF, Thresholds())

    assert asked["imaging"] == [] and "imaging_result" not in asked
    assert "treatment_weeks" not in asked
    assert asked["treatments_tried"] == []
    assert "pregnant" not in asked  # 76 years old: not asked


def test_an_answer_equal_to_the_skipped_value_still_shows_when_it_was_asked():
    values = build_submission(answers=make_answers(treatment_weeks=0)).answer_values()

    asked = asked_values(values, AS_OF, Thresholds())

    assert asked["treatment_weeks"] == 0  # care began this week


def test_a_pregnancy_answer_shows_for_a_patient_who_was_asked():
    young = make_answers(date_of_birth=date(1990, 1, 1), pregnant="no")
    values = build_submission(answers=young, as_of=AS_OF).answer_values()

    assert asked_values(values, AS_OF, Thresholds())["pregnant"] == "no"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_a_skip_condition_is_declared_on_an_answer_given_on_an_earlier_page(question):
    if question.asked is always:
        return
    assert isinstance(question.asked, When)
    source = QUESTIONS_BY_KEY[question.asked.key]
    pages = list(dict.fromkeys(q.step for q in QUESTIONS))
    assert pages.index(source.step) < pages.index(question.step)
    if question.asked.operator == "checked":
        assert source.kind == "multi"
    elif question.asked.operator == "younger_than":
        assert source.kind == "date" and hasattr(Thresholds(), question.asked.value)
    else:
        assert question.asked.value in (source.values or (True, False))


def test_a_condition_reads_the_answer_it_names():
    ticked, equals = When("imaging", "checked"), When("osteoporosis", "=", "yes")

    young = When("date_of_birth", "younger_than", "pregnancy_question_max_age")
    on = (AS_OF, Thresholds())

    assert ticked({"imaging": ["ct"]}, *on) and not ticked({"imaging": []}, *on)
    assert equals({"osteoporosis": "yes"}, *on) and not equals({"osteoporosis": "unsure"}, *on)
    born = AS_OF.replace(year=AS_OF.year - 60)
    assert not young({"date_of_birth": born}, *on)  # 60 today: not asked
    assert young({"date_of_birth": born + timedelta(days=1)}, *on)  # 59 for one more day
    with pytest.raises(KeyError):
        ticked({}, *on)  # not answered yet: the questionnaire counts the page until it is
    with pytest.raises(ValueError, match="unknown operator '>'"):
        When("pain_score", ">", 7)


def test_none_is_kept_for_the_none_of_these_box():
    with pytest.raises(ValueError, match="'none' is kept for 'None of these'"):
        Question("aids", "multi", "Which aids?", "health", (("none", "None"), ("cane", "Cane")))


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.choices], ids=lambda q: q.key)
def test_every_choice_exports_to_fhir_as_a_coded_choice(question):
    item = fhir.question_item(question)

    assert item["type"] == "choice"
    codes = [option["valueCoding"]["code"] for option in item["answerOption"]]
    offered = [value for value, _label in question.offered]
    assert codes == offered + (["none"] if question.kind == "multi" else [])
    assert item.get("repeats", False) == (question.kind == "multi")


# A new choice question, added to a copy of the registry.


def test_a_new_question_becomes_an_answer_the_engine_takes():
    answers = answers_class(WITH_WALKING_AID)

    assert [field.name for field in fields(answers)][-1] == "walking_aid"
    assert {field.name: field.type for field in fields(answers)}["walking_aid"] is str


def test_a_new_question_is_read_strictly_by_the_screen_command():
    read = reader_for(WALKING_AID)

    assert read("cane") == "cane"
    with pytest.raises(Exception, match="must be one of 'none', 'cane', 'walker', not \"bicycle\""):
        read("bicycle")


class HealthFormWithWalkingAid(StepForm):
    step = "health"
    questions = WITH_WALKING_AID


def test_a_new_question_is_asked_on_its_page():
    form = HealthFormWithWalkingAid(
        data=MultiValueDict(
            {
                "osteoporosis": ["no"],
                "cancer_history": ["no"],
                "long_term_steroids": ["no"],
                "other_spine_diagnoses": ["none"],
                "walking_aid": ["cane"],
            }
        )
    )

    assert list(form.fields)[-1] == "walking_aid"
    assert form.fields["walking_aid"].label == "Do you use a walking aid?"
    assert form.is_valid(), form.errors
    assert form.cleaned_data["walking_aid"] == "cane"


def test_a_new_question_shows_on_the_check_page_and_the_clinicians_answer_list():
    stored = {**build_submission().answer_values(), "walking_aid": "cane"}
    step = Step("health", "Your health", HealthFormWithWalkingAid)

    ((_step, rows),) = grouped_answers(
        asked_values(stored, AS_OF, Thresholds(), WITH_WALKING_AID), steps=[step]
    )

    assert rows[-1] == ("walking_aid", "Do you use a walking aid?", "A cane")
    assert question_rows(stored, AS_OF, Thresholds(), WITH_WALKING_AID)[-1] == (
        "Do you use a walking aid?",
        "A cane",
    )


def test_a_new_question_is_in_the_fhir_questionnaire_and_response():
    item = fhir.question_item(WALKING_AID)

    assert item["type"] == "choice" and item["required"] is True
    assert [option["valueCoding"]["display"] for option in item["answerOption"]] == [
        "No",
        "A cane",
        "A walker",
    ]
    ((answer,),) = [fhir.answer_values(WALKING_AID, "walker")]
    assert answer["valueCoding"]["code"] == "walker"
    assert answer["valueCoding"]["display"] == "A walker"
