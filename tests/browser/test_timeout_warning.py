"""The idle sign-out warning in a real browser: the dialog, its keyboard use, and a note
typed through the timeout that comes back after sign-in.

Playwright's fake clock stands in for the 13 minutes before the warning, so the test
takes seconds; the live server runs in this process, so moving `time.time` moves its
clock by as much (the page asks the server how long is left before it warns).
"""

import time

import pytest
from django.urls import reverse

from clinic.models import Note
from tests.clinic.factories import TEST_PASSWORD, make_submission, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TYPED = "Called her back: pain 7 of 10 at night, wants a visit on Tuesday."


@pytest.fixture
def move_clocks(monkeypatch):
    """move_clocks(page, seconds): the page's and the server's clocks, both forward."""
    offset = [0]
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + offset[0])

    def move(page, seconds):
        offset[0] += seconds
        page.clock.fast_forward(seconds * 1000)

    return move


def sign_in(page):
    """Sign in and wait for the page behind it to load, so its timers are set before any
    test moves the fake clock (a timer set after a move would wait the whole time again)."""
    page.get_by_label("Username").fill("dr-ada")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Sign in").click()


def focused_id(page):
    return page.evaluate("() => document.activeElement.id || document.activeElement.textContent")


def test_the_warning_keeps_a_clinician_signed_in_and_keeps_their_note(
    clinician_page, settings, clinicians_group, move_clocks
):
    make_user("dr-ada", clinician=True)
    submission = make_submission()
    page = clinician_page
    page.clock.install()
    page.goto(reverse("clinic:submission-detail", kwargs={"reference": submission.reference}))
    sign_in(page)
    note = page.locator("#id_text")
    note.fill(TYPED)
    timeout = settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60

    dialog = page.get_by_role("dialog", name="You will be signed out soon")

    # Only this page was idle (work in another tab kept the session alive): no warning.
    with page.expect_response(lambda r: reverse("clinic:session-status") in r.url):
        page.clock.fast_forward((timeout - 120 + 1) * 1000)
    assert not dialog.is_visible()

    move_clocks(page, timeout - 120 + 1)
    dialog.wait_for()
    assert "You will be signed out in 2 minutes." in dialog.inner_text()
    assert focused_id(page).strip() == "Stay signed in"
    page.checker.check("timeout-warning")

    with page.expect_response(reverse("clinic:session-extend")) as extended:
        page.keyboard.press("Escape")  # Escape means "stay signed in"
    assert extended.value.status == 200
    assert not dialog.is_visible()
    assert focused_id(page) == "id_text"

    move_clocks(page, timeout - 120 + 1)
    dialog.wait_for()
    move_clocks(page, 121)  # nobody answers: the note is kept, not saved
    page.wait_for_url(f"**{reverse('clinic:login')}**")
    assert not Note.objects.exists()
    sign_in(page)
    assert page.locator("#id_text").input_value() == TYPED
    assert page.get_by_text("your note was not saved yet").is_visible()
    page.checker.check("kept-note")
    page.checker.finish()
