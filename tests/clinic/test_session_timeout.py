"""The idle sign-out: a warning before it, "Stay signed in", and typed text kept after it."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from clinic.models import Note
from kypho.middleware import StaffIdleTimeoutMiddleware
from tests.clinic.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple"
TYPED = "Spoke with her daughter: pain is 7/10 at night, wants a call back Tuesday."
MESSAGE = "You were signed out, so your note was not saved yet. Check it and save it again."


@pytest.fixture
def doctor():
    return make_user("dr-idle", clinician=True, password=PASSWORD)


@pytest.fixture
def clock(monkeypatch):
    """A stopped clock: clock.move(seconds) makes every later request that much later.

    Stopped, so a slow machine cannot add a second between two requests.
    """

    class Clock:
        offset = 0

        def move(self, seconds):
            self.offset += seconds

    clock, start = Clock(), time.time()
    monkeypatch.setattr(time, "time", lambda: start + clock.offset)
    return clock


def sign_in(client, username="dr-idle", next_url=""):
    data = {"username": username, "password": PASSWORD, "next": next_url}
    return client.post(reverse("clinic:login"), data, REMOTE_ADDR="10.5.5.5")


def page_of(submission):
    return reverse("clinic:submission-detail", kwargs={"reference": submission.reference})


def note_url(submission):
    return reverse("clinic:submission-note", kwargs={"reference": submission.reference})


def idle(clock, settings):
    clock.move(settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60 + 5)


def next_of(response):
    """The `next` the sign-in page was sent with."""
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(response["Location"]).query)["next"][0]


def test_a_note_sent_after_the_timeout_comes_back_after_sign_in(
    client, doctor, submission, clock, settings
):
    sign_in(client)
    assert client.get(page_of(submission)).status_code == 200
    idle(clock, settings)
    late = client.post(note_url(submission), {"text": TYPED})
    assert late["Location"].startswith(reverse("clinic:login"))
    assert not Note.objects.exists()
    back = client.post(
        reverse("clinic:login"),
        {"username": "dr-idle", "password": PASSWORD, "next": next_of(late)},
        REMOTE_ADDR="10.5.5.5",
        follow=True,
    )
    assert back.redirect_chain[-1][0] == page_of(submission)
    html = back.content.decode()
    assert escape(TYPED) in html.split('id="note"')[1]
    assert escape(MESSAGE) in html
    assert not Note.objects.exists()
    # Shown once: the page opened again is clean.
    assert escape(TYPED) not in client.get(page_of(submission)).content.decode()


def test_a_decision_keeps_its_choice_and_note(client, doctor, submission, clock, settings):
    sign_in(client)
    idle(clock, settings)
    url = reverse("clinic:submission-decision", kwargs={"reference": submission.reference})
    late = client.post(url, {"decision": "request_imaging", "note": TYPED})
    sign_in(client, next_url=next_of(late))
    html = client.get(page_of(submission)).content.decode()
    decision = html.split('id="decision"')[1].split("</form>")[0]
    assert re.search(r'<input[^>]*value="request_imaging"[^>]*checked>', decision)
    assert escape(TYPED) in decision
    assert "your decision was not saved yet" in html


def test_the_pages_own_timeout_keeps_the_text_and_saves_nothing(client, doctor, submission):
    sign_in(client)
    field = StaffIdleTimeoutMiddleware.TIMEOUT_FIELD
    late = client.post(note_url(submission), {"text": TYPED, field: "1"})
    assert late["Location"].startswith(reverse("clinic:login"))
    assert not Note.objects.exists()
    assert client.get(reverse("clinic:queue")).status_code == 302  # signed out
    sign_in(client, next_url=next_of(late))
    assert escape(TYPED) in client.get(page_of(submission)).content.decode()


def test_a_note_from_a_tab_whose_session_another_tab_ended_is_kept(
    client, doctor, submission, clock, settings
):
    sign_in(client)
    idle(clock, settings)
    client.get(reverse("clinic:queue"))  # another tab: signed out
    late = client.post(note_url(submission), {"text": TYPED})
    assert not Note.objects.exists()
    sign_in(client, next_url=next_of(late))
    assert escape(TYPED) in client.get(page_of(submission)).content.decode()


def test_kept_text_is_shown_to_nobody_else(client, doctor, submission, clock, settings):
    colleague = make_user("dr-next", clinician=True)
    colleague.set_password(PASSWORD)
    colleague.save()
    sign_in(client)
    idle(clock, settings)
    client.post(note_url(submission), {"text": TYPED})
    sign_in(client, username="dr-next")
    html = client.get(page_of(submission)).content.decode()
    assert escape(TYPED) not in html and "not saved yet" not in html


def test_kept_text_lasts_minutes_only(client, doctor, submission, clock, settings):
    sign_in(client)
    idle(clock, settings)
    client.post(note_url(submission), {"text": TYPED})
    clock.move(StaffIdleTimeoutMiddleware.KEPT_SECONDS + 1)
    sign_in(client)
    assert escape(TYPED) not in client.get(page_of(submission)).content.decode()


def test_a_forged_timeout_post_signs_nobody_out_and_keeps_nothing(doctor, submission):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(doctor)
    field = StaffIdleTimeoutMiddleware.TIMEOUT_FIELD
    response = strict.post(note_url(submission), {"text": "planted", field: "1"})
    assert response.status_code == 403
    assert StaffIdleTimeoutMiddleware.KEPT_KEY not in strict.session
    assert strict.get(reverse("clinic:queue")).status_code == 200


def test_an_idle_post_elsewhere_returns_to_the_page_after_sign_in(
    client, doctor, submission, clock, settings
):
    sign_in(client)
    idle(clock, settings)
    late = client.post(
        reverse("clinic:logout"), HTTP_REFERER=f"http://testserver{page_of(submission)}"
    )
    assert next_of(late) == page_of(submission)


# The warning before it.


def test_clinician_pages_carry_the_warning_with_the_settings_timings(client, doctor, settings):
    settings.CLINIC_IDLE_TIMEOUT_MINUTES = 20
    sign_in(client)
    html = client.get(reverse("clinic:queue")).content.decode()
    assert '<dialog id="timeout-dialog"' in html
    assert 'aria-labelledby="timeout-title"' in html and 'id="timeout-title"' in html
    assert 'data-seconds-left="1200"' in html
    assert 'data-warning-seconds="120"' in html
    assert f'data-extend-url="{reverse("clinic:session-extend")}"' in html
    assert "Stay signed in" in html and 'aria-live="assertive"' in html
    assert '<script src="/static/js/session-timeout.js" defer></script>' in html


def test_the_warning_counts_from_the_sessions_last_request(client, doctor, clock, settings):
    sign_in(client)
    clock.move(30)  # within the minute the session's clock is not rewritten
    html = client.get(reverse("clinic:queue")).content.decode()
    left = settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60 - 30
    assert f'data-seconds-left="{left}"' in html


def test_no_warning_for_patients_or_before_the_second_factor(client, doctor, settings):
    assert "timeout-dialog" not in client.get(reverse("education:home")).content.decode()
    settings.CLINIC_REQUIRE_2FA = True
    sign_in(client)
    setup = client.get(reverse("clinic:two-factor-setup")).content.decode()
    assert "timeout-dialog" not in setup and "session-timeout.js" not in setup


def test_stay_signed_in_restarts_the_clock(client, doctor, clock, settings):
    sign_in(client)
    timeout = settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60
    clock.move(timeout - 60)
    response = client.post(reverse("clinic:session-extend"))
    assert response.status_code == 200
    assert response.json() == {"seconds_left": timeout}
    clock.move(timeout - 60)
    assert client.get(reverse("clinic:queue")).status_code == 200


def test_staying_signed_in_is_too_late_after_the_timeout(client, doctor, clock, settings):
    sign_in(client)
    idle(clock, settings)
    response = client.post(reverse("clinic:session-extend"))
    assert response["Location"].startswith(reverse("clinic:login"))
    assert client.get(reverse("clinic:queue")).status_code == 302


def test_only_clinicians_may_stay_signed_in(client, staff_user):
    url = reverse("clinic:session-extend")
    assert client.post(url)["Location"].startswith(reverse("clinic:login"))
    client.force_login(staff_user)
    assert client.post(url).status_code == 403


def test_asking_how_long_is_left_is_not_activity(client, doctor, clock, settings):
    sign_in(client)
    timeout = settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60
    clock.move(timeout - 100)
    response = client.get(reverse("clinic:session-status"))
    assert response.json() == {"seconds_left": 100}
    clock.move(105)
    assert client.get(reverse("clinic:queue")).status_code == 302  # signed out all the same


def test_only_clinicians_may_ask_how_long_is_left(client, staff_user):
    url = reverse("clinic:session-status")
    assert client.get(url)["Location"].startswith(reverse("clinic:login"))
    client.force_login(staff_user)
    assert client.get(url).status_code == 403
