"""Two tabs of one phone's browser never mix two people, nor change answers already sent.

A relative fills the questionnaire in for Mum in one tab, then starts one for Dad in
another: Mum's tab stores nothing more and says so, with a way on, and what is sent
holds Dad's answers alone. A page of a questionnaire posted from another tab after it
was sent stores nothing and says it was already sent. All by keyboard on the phone; the
page order is the app's own (`patient_steps()`).
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from screening.demo import patient_steps
from screening.models import Submission
from screening.wizard import STEPS_BY_SLUG
from tests.browser.keyboard import activate, answer_step
from tests.browser.questionnaire import (
    assert_stored,
    begin,
    heading,
    heading_has_focus,
    nothing_answered,
    on_step,
    open_tab,
    status,
    step_path,
    walk,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
TODAY = timezone.localdate()
MUM = {
    "full_name": "Mary Example",
    "pain_score": "9",
    "pain_onset_date": TODAY - timedelta(days=60),
    "date_of_birth": TODAY.replace(year=TODAY.year - 81),
}
DAD = {
    "full_name": "David Example",
    "phone": "555 010 0123",
    "email": "david@example.org",
    "pain_score": "5",
    "pain_onset_date": TODAY - timedelta(days=21),
    "date_of_birth": TODAY.replace(year=TODAY.year - 79) - timedelta(days=3),
}


def mums_pages(mum, dad):
    """Mum's first pages (two at least) up to one whose answers differ from Dad's, and
    that page: the one her tab sends after Dad's questionnaire replaced hers."""
    slugs = list(mum)
    for index, slug in enumerate(slugs[2:], start=2):
        if mum[slug] != dad.get(slug):
            return {earlier: mum[earlier] for earlier in slugs[:index]}, slug
    raise AssertionError("Mum's and Dad's answers are the same")


def start_again(page):
    """On the start page, Start again and confirm it, by keyboard."""
    page.goto(reverse("screening:start"))
    activate(page, "Start again")
    assert heading(page) == "Are you sure you want to start again?"
    page.checker.check("start-again")
    activate(page, "Yes, start again", tag="button")


def test_a_second_tab_replaces_the_first_and_nothing_is_mixed(patient_page):
    tab_a, mum, dad = patient_page, patient_steps(**MUM), patient_steps(**DAD)
    begin(tab_a)
    answered, mums_next = mums_pages(mum, dad)
    walk(tab_a, answered)
    on_step(tab_a, mums_next)

    tab_b = open_tab(tab_a, "dad")
    start_again(tab_b)
    dads_first, dads_second = list(dad)[:2]
    on_step(tab_b, dads_first)
    nothing_answered(tab_b)
    answer_step(tab_b, dad[dads_first])

    tab_a.bring_to_front()
    answer_step(tab_a, mum[mums_next])
    assert heading(tab_a) == "This form was replaced by a newer one" and status(tab_a) == 409
    assert "Nothing from this page was saved" in tab_a.locator("main").inner_text()
    tab_a.checker.check("replaced")
    tab_a.checker.expect_status(409, "Conflict")
    activate(tab_a, "Continue the newest questionnaire")
    on_step(tab_a, dads_second)
    nothing_answered(tab_a)
    tab_a.checker.finish()

    tab_b.bring_to_front()
    walk(tab_b, dict(list(dad.items())[1:]))
    assert tab_b.url.endswith(reverse("screening:check"))
    shown = tab_b.locator("main").inner_text()
    assert DAD["full_name"] in shown and MUM["full_name"] not in shown
    activate(tab_b, "Send my answers", tag="button")
    assert_stored(Submission.objects.get(), dad)
    tab_b.checker.finish()


def test_a_page_posted_after_sending_stores_nothing(patient_page):
    tab_a, steps = patient_page, patient_steps()
    contact = next(slug for slug, data in steps.items() if "phone" in data)
    begin(tab_a)
    walk(tab_a, steps)
    tab_b = open_tab(tab_a, "other")
    tab_b.goto(reverse("screening:start"))
    activate(tab_b, "Continue where you left off")
    assert tab_b.url.endswith(reverse("screening:check"))
    activate(tab_b, STEPS_BY_SLUG[contact].form_class.base_fields["phone"].label)
    assert tab_b.url.endswith(step_path(contact, change=True))
    heading_has_focus(tab_b, STEPS_BY_SLUG[contact].title)

    tab_a.bring_to_front()
    activate(tab_a, "Send my answers", tag="button")
    row = Submission.objects.get()

    tab_b.bring_to_front()
    answer_step(tab_b, {"phone": "555 010 0111"})
    assert heading(tab_b) == "You have already sent these answers" and status(tab_b) == 409
    shown = tab_b.locator("main").inner_text()
    assert row.reference in shown and settings.CLINIC_PHONE in shown
    tab_b.checker.check("already-sent")
    tab_b.checker.expect_status(409, "Conflict")
    assert_stored(Submission.objects.get(), steps)  # the one row, its phone unchanged
    activate(tab_b, "See what happens next")
    assert tab_b.url.endswith(row.get_absolute_url())
    tab_b.checker.finish()
    tab_a.checker.finish()
