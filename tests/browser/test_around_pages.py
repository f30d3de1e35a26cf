"""The pages around the questionnaire on a phone, used by keyboard: start, start again, an
expired session, a refused form (CSRF) and the result, each through axe-core and the Nu
HTML Checker. Page order comes from the app (`patient_steps()`)."""

import time
from importlib import import_module

import pytest
from django.conf import settings
from django.urls import reverse

from screening.demo import patient_steps
from screening.views import RESULTS_SESSION_KEY
from screening.wording import plain_hours
from tests.browser.keyboard import activate, answer_step
from tests.browser.questionnaire import begin, heading, nothing_answered, on_step, status
from tests.clinic.factories import answers_for, make_submission

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
FOLD_PX = 740


def bottom_of(page, name):
    """The bottom edge of the button or button-styled link called `name`, in CSS px."""
    box = page.locator(".btn", has_text=name).first.bounding_box()
    return box["y"] + box["height"]


def show_result(page, live_server, outcome):
    """Open a fresh submission's result page as the browser that sent it."""
    submission = make_submission(answers=answers_for(outcome))
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[RESULTS_SESSION_KEY] = {submission.reference: int(time.time())}
    session.save()
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}
    page.context.add_cookies([cookie | {"url": live_server.url}])
    assert page.goto(submission.get_absolute_url()).status == 200
    return submission


def test_start_page_and_start_again(patient_page):
    page = patient_page
    first = next(iter(patient_steps()))
    page.goto(reverse("screening:start"))
    assert bottom_of(page, "Start now") <= FOLD_PX
    page.checker.check("start-new")
    activate(page, "Start now", tag="button")
    page.goto(reverse("screening:start"))
    assert bottom_of(page, "Continue where you left off") <= FOLD_PX
    page.checker.check("start-in-progress")
    activate(page, "Start again")
    assert heading(page) == "Are you sure you want to start again?"
    page.checker.check("start-again")
    activate(page, "No, go back")
    on_step(page, first)
    page.checker.finish()


def answers_were_deleted(page):
    """The page that says the answers were deleted after the idle limit, and why."""
    assert page.url.endswith(reverse("screening:session-expired"))
    assert heading(page) == "Your answers were deleted"
    idle = plain_hours(settings.SESSION_COOKIE_AGE)
    assert f"did not do anything for {idle}" in page.locator("main").inner_text()


def test_an_expired_session_says_the_answers_were_deleted(patient_page):
    page = patient_page
    steps = patient_steps()
    first, second = list(steps)[:2]
    begin(page)
    page.context.clear_cookies()  # the session ended while the page was open
    page.reload()
    answers_were_deleted(page)
    page.checker.check("session-expired")
    activate(page, "Start again", tag="button")
    on_step(page, first)
    nothing_answered(page)
    answer_step(page, steps[first])
    on_step(page, second)
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)  # ended again, mid-form
    answer_step(page, steps[second])
    answers_were_deleted(page)
    page.checker.finish()


def test_a_refused_form_keeps_the_answers_and_offers_a_way_on(patient_page):
    page = patient_page
    steps = patient_steps()
    first, second = list(steps)[:2]
    begin(page)
    answer_step(page, steps[first])
    on_step(page, second)
    page.context.clear_cookies(name=settings.CSRF_COOKIE_NAME)
    answer_step(page, steps[second])
    assert heading(page) == "Something went wrong with your form" and status(page) == 403
    assert settings.CLINIC_PHONE in page.locator("main").inner_text()
    page.checker.check("csrf-failure")
    page.checker.expect_status(403, "Forbidden")
    activate(page, "start the questions again")
    activate(page, "Continue where you left off")
    on_step(page, second)  # the first page's answers were kept
    page.checker.finish()


@pytest.mark.parametrize("outcome", ["likely_candidate", "unlikely_candidate"])
def test_result_page_on_screen_and_in_print(patient_page, live_server, outcome):
    page = patient_page
    submission = show_result(page, live_server, outcome)
    page.checker.check(f"result-{outcome}")
    page.emulate_media(media="print")
    reference = page.locator(".reference")
    assert reference.inner_text() == submission.reference
    assert reference.bounding_box()["height"] < 2 * 1.6 * 24  # one line, never two
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("link", name="Read more about kyphoplasty").is_hidden()
    box = page.locator(".reference-box")
    assert settings.CLINIC_PHONE in box.inner_text()
    colour = box.evaluate("(el) => getComputedStyle(el).color")
    assert colour == "rgb(0, 0, 0)"
    page.emulate_media(media="screen")
    page.checker.finish()
