"""The questionnaire in Spanish: questions, errors, dates, urgent advice and the result.

The Spanish pages live under /es/ (`translation.override("es")` makes `reverse` give
them). What the tests compare is what a Spanish-speaking patient reads on the page, and
what the clinic stores: the patient's language, and the findings in English beside the
sentences the patient read.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from screening.eligibility.results import Finding
from screening.eligibility.words import Words, say, say_plural
from screening.models import Submission
from tests.screening.helpers import screen
from tests.screening.journey import (
    answer_until,
    begin,
    complete,
    patient_steps,
    post_step,
    step_url,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish():
    with translation.override("es"):
        yield


def text_of(response):
    """The page's text without tags, spaces collapsed."""
    html = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_a_question_page_is_in_spanish_with_its_choices(spanish, client):
    begin(client)
    page = client.get(step_url("leg-symptoms"))
    assert page.status_code == 200
    assert '<html lang="es">' in page.content.decode()
    text = text_of(page)
    assert "¿Tiene adormecimiento, hormigueo o debilidad en las piernas?" in text
    assert "Sí, y es nuevo o está empeorando" in text
    assert "Continuar" in text
    assert "Continue" not in text


def test_a_date_is_asked_day_month_year_in_spanish(spanish, client):
    answer_until(client, patient_steps(), "date-of-birth")
    html = client.get(step_url("date-of-birth")).content.decode()
    labels = re.findall(r'<label class="form-label date-parts__label"[^>]*>([^<]+)</label>', html)
    assert labels == ["Día", "Mes", "Año"]
    boxes = re.findall(r'name="date_of_birth_(\w+)"', html)
    assert boxes == ["day", "month", "year"]


def test_a_date_is_asked_month_day_year_in_english(client):
    answer_until(client, patient_steps(), "date-of-birth")
    html = client.get(step_url("date-of-birth")).content.decode()
    labels = re.findall(r'<label class="form-label date-parts__label"[^>]*>([^<]+)</label>', html)
    assert labels == ["Month", "Day", "Year"]


def test_a_date_typed_in_spanish_order_is_stored_as_that_date(spanish, client):
    steps = patient_steps()
    steps["date-of-birth"] = {
        "date_of_birth_day": "14",
        "date_of_birth_month": "6",
        "date_of_birth_year": "1948",
    }
    complete(client, steps)
    assert "14 de junio de 1948" in text_of(client.get(reverse("screening:check")))


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({}, "Escriba su fecha de nacimiento"),
        (
            {"date_of_birth_day": "14", "date_of_birth_month": "6"},
            "La fecha de nacimiento debe incluir un año",
        ),
        (
            {"date_of_birth_year": "1948"},
            "La fecha de nacimiento debe incluir un mes y un día",
        ),
        (
            {"date_of_birth_day": "31", "date_of_birth_month": "2", "date_of_birth_year": "1948"},
            "La fecha de nacimiento debe ser una fecha real",
        ),
    ],
)
def test_date_errors_are_in_spanish(spanish, client, typed, message):
    answer_until(client, patient_steps(), "date-of-birth")
    page = post_step(client, step_url("date-of-birth"), typed)
    text = text_of(page)
    assert page.status_code == 200
    assert message in text
    assert "Hay un problema con una respuesta" in text


def test_the_error_summary_links_to_the_first_box_the_patient_sees(spanish, client):
    answer_until(client, patient_steps(), "date-of-birth")
    html = post_step(client, step_url("date-of-birth"), {}).content.decode()
    first_box = re.search(r'<input type="text" name="date_of_birth_(\w+)"[^>]* id="(\w+)"', html)
    assert first_box.group(1) == "day"
    assert f'href="#{first_box.group(2)}">Escriba su fecha de nacimiento</a>' in html


def test_an_unanswered_choice_and_a_long_note_say_so_in_spanish(spanish, client):
    begin(client)
    page = post_step(client, step_url("leg-symptoms"), {})
    assert "Elija si tiene adormecimiento, hormigueo o debilidad en las piernas" in text_of(page)
    steps = patient_steps()
    answer_until(client, steps, "anything-else")
    page = post_step(client, step_url("anything-else"), {"anything_else": "a" * 1200})
    assert "debe tener 1,000 caracteres o menos. Ahora tiene 1,200" in text_of(page)


def test_the_urgent_advice_is_in_spanish_and_names_the_answer(spanish, client):
    steps = patient_steps(neuro_symptoms="new_or_worsening")
    begin(client)
    advice = client.get(
        post_step(client, step_url("leg-symptoms"), steps["leg-symptoms"])["Location"]
    )
    text = text_of(advice)
    assert "Busque ayuda médica ahora" in text
    assert "Vaya ahora a la sala de emergencias más cercana, o llame al 911." in text
    assert "Usted respondió: Sí, y es nuevo o está empeorando" in text
    assert "emergency" not in text.lower().replace("sala de emergencias", "")


def test_the_result_gives_the_reasons_in_spanish_and_the_clinic_keeps_english(client):
    with translation.override("es"):
        complete(client, patient_steps(pain_score="2"))
        result = client.get(submit(client)["Location"])
    text = text_of(result)
    assert "Su peor dolor es de 2 sobre 10. Este tratamiento es para un dolor más fuerte." in text
    assert "Your worst pain" not in text
    submission = Submission.objects.get()
    assert submission.language == "es"
    [pain] = [f for f in submission.findings if f["id"] == "pain_severity"]
    assert (
        pain["patient_text"]
        == "Your worst pain is 2 out of 10. This treatment is for stronger pain."
    )


def test_a_result_stored_before_findings_kept_their_sentences_shows_its_english(client):
    with translation.override("es"):
        complete(client, patient_steps(pain_score="2"))
        location = submit(client)["Location"]
    submission = Submission.objects.get()
    submission.findings = [
        {key: value for key, value in f.items() if key != "patient_words"}
        for f in submission.findings
    ]
    submission.save(update_fields=["findings"])
    with translation.override("es"):
        text = text_of(client.get(location))
    assert "Your worst pain is 2 out of 10." in text


def test_words_read_as_english_and_translate_sentence_by_sentence():
    words = say("Your worst pain is %(score)s out of 10.", score=3) + say_plural(
        "%(count)s week", "%(count)s weeks", 6
    )
    assert str(words) == "Your worst pain is 3 out of 10. 6 weeks"
    seen = []

    def gettext(message):
        seen.append(message)
        return message.replace("Your worst pain", "Su peor dolor")

    def ngettext(singular, plural, count):
        seen.append((singular, plural, count))
        return "%(count)s semana" if count == 1 else "%(count)s semanas"

    assert words.translated(gettext, ngettext) == "Su peor dolor is 3 out of 10. 6 semanas"
    assert seen == [
        "Your worst pain is %(score)s out of 10.",
        ("%(count)s week", "%(count)s weeks", 6),
    ]
    assert Words.from_list(words.to_list()) == words


def test_a_finding_refuses_patient_words_that_would_not_translate():
    with pytest.raises(TypeError):
        Finding("fever", "urgent", "Get medical care today.", "Fever.")


CASES = [
    {},
    {"pain_score": 2, "pain_trend": "much_better", "imaging_result": "no_fracture"},
    {"neuro_symptoms": "new_or_worsening", "bladder_bowel_changes": True, "fever": True},
    {"neuro_symptoms": "longstanding_stable", "onset_event": "major_trauma"},
    {"cancer_history": "unsure", "blood_thinners": "unsure", "pregnant": "unsure"},
    {"active_infection": "yes", "cement_or_contrast_allergy": "yes", "treatments_tried": ()},
    {"pain_onset_date": None, "imaging_result": "waiting", "bleeding_disorder": "yes"},
    {"other_spine_diagnoses": ("arthritis",), "imaging_result": "unsure", "pain_trend": "unsure"},
]


@pytest.mark.parametrize("overrides", CASES)
def test_every_sentence_the_engine_says_has_its_spanish(spanish, overrides):
    for finding in screen(**overrides).findings:
        for message, plural, count, _values in finding.patient.sentences:
            translated = ngettext(message, plural, count) if plural else gettext(message)
            assert translated != message, message
