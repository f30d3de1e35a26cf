"""The clinician pages' language: one for the whole staff, every string of it translated.

Clinician pages are in `CLINIC_LANGUAGE` (English unless the clinic sets Spanish),
whatever a browser asks for or a patient page last set. Rendered in a pseudo-language
(tests/translations.py), every clinician page and error state shows no text that stayed
as typed in the code, apart from data and the engine's clinical words, which the
screening contract writes in English.
"""

import pytest
from django.core import checks
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic import services
from clinic.models import Decision
from kypho.checks import check_clinic_language
from screening.eligibility import FINDING_TAGS, vocabulary
from tests.clinic.factories import CONTACT, HELPED, answers_for, make_submission, make_user
from tests.translations import PSEUDO, pseudo_catalogue, untranslated

pytestmark = pytest.mark.django_db

with translation.override("en"):
    QUEUE = reverse("clinic:queue")
    LOGIN = reverse("clinic:login")


def detail_url(submission):
    return reverse("clinic:submission-detail", kwargs={"reference": submission.reference})


def spanish_browser(client):
    """A browser that asks for Spanish and has just read a patient page in Spanish."""
    client.cookies["kypho_language"] = "es"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "es"
    return client


def test_clinician_pages_stay_in_english_whatever_the_browser_asks(clinician_client):
    page = spanish_browser(clinician_client).get(QUEUE)
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="en-us">' in html
    assert "<h1>Review queue</h1>" in html
    assert "Lista de revisión" not in html
    assert page["Content-Language"] == "en-us"
    assert 'href="/language-help/"' in html  # patient links keep their English address


def test_the_sign_in_page_stays_in_english_too(client):
    html = spanish_browser(client).get(LOGIN).content.decode()
    assert "<h1>Clinician sign in</h1>" in html


def test_a_clinic_can_have_its_staff_pages_in_spanish(clinician_client, submission, settings):
    settings.CLINIC_LANGUAGE = "es"
    queue = clinician_client.get(QUEUE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="es">' in queue
    assert "<h1>Lista de revisión</h1>" in queue
    assert "Nuevo" in queue  # the status, from the model's choices
    detail = clinician_client.get(detail_url(submission)).content.decode()
    assert "Datos de contacto" in detail
    # The patient pages still follow the patient.
    with translation.override("en"):
        home = reverse("education:home")
    assert '<html lang="en">' in Client().get(home).content.decode()


def test_a_clinic_language_the_site_does_not_have_stops_the_app(settings):
    settings.CLINIC_LANGUAGE = "fr"
    errors = check_clinic_language()
    assert [error.id for error in errors] == ["kypho.E003"]
    assert errors[0].level == checks.ERROR
    settings.CLINIC_LANGUAGE = "es"
    assert check_clinic_language() == []


# --- Every clinician page in the pseudo-language --------------------------------------


@pytest.fixture
def pseudo_staff_language(settings, tmp_path):
    folder = pseudo_catalogue(tmp_path / "locale")
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    settings.LOCALE_PATHS = [folder, *settings.LOCALE_PATHS]
    settings.CLINIC_LANGUAGE = PSEUDO
    yield
    translation.trans_real._translations = {}


# Data, and the engine's clinical words (the contract's English, also in CSV and FHIR).
ENGINE_WORDS = [
    *FINDING_TAGS.values(),
    *(label for _value, label in vocabulary.OUTCOMES),
    *(label for _value, label in vocabulary.EFFECTS),
    "English",
    "Spanish",
]


@pytest.fixture
def kept(settings, clinician, colleague):
    people = [clinician.get_full_name(), colleague.get_full_name()]
    people += [clinician.get_username(), colleague.get_username()]
    clinic_words = [settings.CLINIC_EMERGENCY_MESSAGE, settings.CLINIC_RESPONSE_TIME_TEXT]
    return [settings.CLINIC_NAME, settings.CLINIC_PHONE, *clinic_words, *people, *ENGINE_WORDS]


def assert_translated(response, kept, page):
    html = response.content.decode()
    assert f'lang="{PSEUDO}"' in html, page
    found = untranslated(html, kept=kept)
    assert not found, f"{page}: text not marked for translation: {found}"


def reviewed_submission(clinician):
    """A helped patient's submission with every kind of review history."""
    submission = make_submission(answers=answers_for("urgent"), **CONTACT, **HELPED)
    who = {"actor": clinician, "ip_address": "10.1.1.1"}
    services.submission_assign(submission=submission, assignee=clinician, **who)
    services.submission_add_note(submission=submission, text="Called, no answer.", **who)
    services.submission_record_decision(
        submission=submission, decision=Decision.Choice.SCHEDULE_CONSULTATION, note="", **who
    )
    services.submission_override_outcome(
        submission=submission, outcome="needs_review", reason="Seen in clinic before.", **who
    )
    return submission


def submission_words(submission):
    """What the patient and the staff typed, and the engine's words for this submission."""
    findings = [finding["clinician_text"] for finding in submission.findings]
    typed = [*CONTACT.values(), *HELPED.values(), *HELPED["anything_else"].splitlines()]
    typed += ["Called, no answer.", "Seen in clinic before.", submission.ruleset]
    return [*findings, *typed]


def test_the_queue_and_its_states_are_all_translated(pseudo_staff_language, kept, clinician):
    client = Client()
    client.force_login(clinician)
    submission = reviewed_submission(clinician)
    kept = [*kept, *submission_words(submission)]
    assert_translated(client.get(QUEUE), kept, "queue")
    assert_translated(client.get(QUEUE, {"status": "closed"}), kept, "queue, nothing matches")
    bad = client.get(QUEUE, {"submitted_from": "2026-02-31", "page": "2"})
    assert_translated(bad, kept, "queue, a filter with an error")
    assert_translated(client.get(reverse("clinic:dashboard")), kept, "dashboard")


def test_the_submission_page_and_its_errors_are_all_translated(
    pseudo_staff_language, kept, clinician
):
    client = Client()
    client.force_login(clinician)
    submission = reviewed_submission(clinician)
    kept = [*kept, *submission_words(submission)]
    url = detail_url(submission)
    assert_translated(client.get(url), kept, "submission page")
    print_url = reverse("clinic:submission-print", kwargs={"reference": submission.reference})
    assert_translated(client.get(print_url), kept, "printable summary")
    for action in ("decision", "note", "override"):
        action_url = reverse(
            f"clinic:submission-{action}", kwargs={"reference": submission.reference}
        )
        refused = client.post(action_url, {})
        assert refused.status_code == 400, action
        assert_translated(refused, kept, f"submission page, {action} refused")
    moved = client.post(
        reverse("clinic:submission-status", kwargs={"reference": submission.reference}),
        {"status": "in_review"},
        follow=True,
    )
    assert_translated(moved, kept, "submission page, after a change of status")


def test_sign_in_and_the_second_step_are_all_translated(pseudo_staff_language, kept, clinician):
    client = Client()
    assert_translated(client.get(LOGIN), kept, "sign in")
    wrong = client.post(LOGIN, {"username": "dr-ada", "password": "wrong"})
    assert_translated(wrong, kept, "sign in, wrong password")
    client.force_login(clinician)
    setup = client.get(reverse("clinic:two-factor-setup"))
    secret = setup.context["secret"]
    kept = [*kept, secret, *secret.split()]
    assert_translated(setup, kept, "second step, set up")
    refused = client.post(reverse("clinic:two-factor-setup"), {"token": "12"})
    assert_translated(refused, kept, "second step, set up, a bad code")
    device = TOTPDevice.objects.filter(user=clinician).first()
    device.confirmed = True
    device.save()
    verify = client.post(reverse("clinic:two-factor-verify"), {"token": "000000"})
    assert_translated(verify, kept, "second step, a wrong code")


def test_the_sign_in_apps_page_is_all_translated(pseudo_staff_language, kept, clinician):
    client = Client()
    client.force_login(clinician)
    assert_translated(client.get(reverse("clinic:two-factor-devices")), kept, "no apps")


def test_the_lock_out_page_is_all_translated(pseudo_staff_language, kept, settings):
    make_user("dr-lock", clinician=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = client.post(LOGIN, {"username": "dr-lock", "password": "wrong"})
    assert locked.status_code == 429
    assert_translated(locked, kept, "locked out")
