"""The patient's confirmation email: in their language, with no answer and no outcome."""

import pytest
from django.core import mail
from django.utils import translation

from clinic.models import OutboxMessage
from screening.models import Submission
from tests.clinic.helpers import run_tasks
from tests.screening.journey import complete, patient_steps, submit

pytestmark = pytest.mark.django_db
# Words that would tell an inbox's other readers about the patient's health or outcome.
TELLING = ("kyphoplasty", "cifoplastia", "fracture", "fractura", "urgent", "urgente")
TELLING += ("candidate", "candidato", "pain", "dolor", "cancer", "cáncer", "Margaret")


@pytest.fixture(autouse=True)
def mail_here(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CLINIC_NOTIFY_EMAIL = ""


@pytest.fixture
def send_answers(client, django_capture_on_commit_callbacks):
    """Answer and send the questionnaire in `language`; run the tasks a worker would."""

    def send(language, contact_method="email", **answers):
        with translation.override(language):
            complete(client, patient_steps(contact_method=contact_method, **answers))
            with django_capture_on_commit_callbacks(execute=True):
                assert submit(client).status_code == 302
        run_tasks()
        return Submission.objects.get()

    return send


@pytest.mark.parametrize(
    ("language", "greeting", "subject"),
    [("en", "Hello,", "We have your answers"), ("es", "Hola:", "Tenemos sus respuestas")],
)
def test_the_patient_gets_a_confirmation_in_the_language_they_used(
    send_answers, language, greeting, subject
):
    submission = send_answers(language)
    [email] = mail.outbox
    assert email.to == ["margaret@example.org"]
    assert email.subject.startswith(subject)
    assert email.body.startswith(greeting)
    assert submission.reference in email.subject and submission.reference in email.body
    assert "555 010 0100" in email.body  # the clinic's phone


def test_the_confirmation_says_when_to_call_if_nobody_has(send_answers, settings):
    settings.CLINIC_RESPONSE_TIME_TEXT = "by the end of next week"
    send_answers("en")
    assert "If you have not heard from us by the end of next week, call us at" in (
        mail.outbox[0].body
    )


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("outcome", [{}, {"fever": "yes"}, {"cancer_history": "yes"}])
def test_the_confirmation_tells_no_answer_and_no_outcome(send_answers, language, outcome):
    send_answers(language, **outcome)
    [email] = mail.outbox
    text = f"{email.subject}\n{email.body}"
    found = [word for word in TELLING if word.lower() in text.lower()]
    assert not found, found


def test_a_patient_who_chose_a_phone_call_gets_no_email(send_answers):
    send_answers("es", contact_method="phone")
    assert not mail.outbox
    assert not OutboxMessage.objects.exists()
