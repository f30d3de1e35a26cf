"""A patient on a phone answers the questionnaire with the keyboard alone, once for each
outcome: goes back to change an answer, fixes a validation error, checks the answers,
sends them and reads the result. Every page passes the machine checks on the way.

The answers are those of screening/demo.py, so the browser and the Django-client tests
walk the same patient; each outcome changes one answer (docs/screening-contract.md).
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.demo import patient_steps
from screening.models import Submission
from tests.browser.keyboard import activate, answer_step
from tests.browser.questionnaire import (
    STEP_TITLES,
    begin,
    error_summary_has_focus,
    expected_errors,
    follow_error_link,
    heading_has_focus,
    step_path,
    summary_links,
    walk,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OUTCOMES = {
    "likely_candidate": {},
    "needs_review": {"cancer_history": "yes"},
    "unlikely_candidate": {"pain_trend": "much_better"},
    "urgent": {"fever": "yes"},
}
RESULT_HEADINGS = {
    "likely_candidate": "Thank you. The clinic will contact you",
    "needs_review": "Thank you. The clinic will contact you",
    "unlikely_candidate": "Thank you for your answers",
    "urgent": "Please get medical help now",
}


def progress_is_announced(page):
    """The native <progress> is named by its visible "Step N of M" label."""
    label = page.locator("#progress-label").inner_text()
    assert re.fullmatch(r"Step \d+ of \d+", label)
    progress = page.get_by_role("progressbar", name=label)
    assert progress.count() == 1
    assert progress.get_attribute("value") == label.split()[1]


def start(page):
    """From the home page to the first step, by keyboard."""
    page.goto(reverse("education:home"))
    activate(page, "Check if it may help")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Check if kyphoplasty may help you"
    page.checker.check("start")
    activate(page, "Start now", tag="button")


def fail_then_fix(page, slug, wrong, right, *, full_checks):
    """Send the step with `wrong` answers, see the errors, follow the first, fix it."""
    answer_step(page, wrong)
    error_summary_has_focus(page)
    links = summary_links(page)
    assert links == [(href, str(message)) for href, message in expected_errors(slug, wrong)]
    if full_checks:
        page.checker.check(f"step-{slug}-errors")
    follow_error_link(page, *links[0])
    answer_step(page, right)


def answer_all(page, steps, outcome, *, full_checks):
    """Every step in order; the urgent patient meets the red-flag interrupt.

    (Each page's own error messages are walked in test_error_messages.py.)"""
    slugs = list(steps)
    for number, (slug, data) in enumerate(steps.items(), start=1):
        heading_has_focus(page, STEP_TITLES[slug])
        progress_is_announced(page)
        assert page.locator("#progress-label").inner_text().startswith(f"Step {number} of ")
        if full_checks:
            page.checker.check(f"step-{slug}")
        question_and_continue_fit_the_screen(page)
        following = slugs[number] if number < len(slugs) else None
        if slug == "pain-start":
            answer_pain_then_change_it(page, data, following, full_checks=full_checks)
        else:
            answer_step(page, data)
        if slug == "fever" and outcome == "urgent":
            red_flag_interrupt(page, following)


def question_and_continue_fit_the_screen(page):
    """On the 360 x 740 phone the question and the Continue button show without scrolling."""
    fold = page.viewport_size["height"]
    button = page.get_by_role("button", name="Continue").bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert heading["y"] >= 0 and button["y"] + button["height"] <= fold, (
        f"Continue ends at {button['y'] + button['height']:.0f}px, below the fold on {page.url}"
    )


def answer_pain_then_change_it(page, data, following, *, full_checks):
    """A typo in the year first; then, from the next page, Back to change the date."""
    typo = data | {"pain_onset_date_year": data["pain_onset_date_year"][:2] + "x6"}
    fail_then_fix(page, "pain-start", typo, data, full_checks=full_checks)
    heading_has_focus(page, STEP_TITLES[following])
    activate(page, "Back", backwards=True)
    heading_has_focus(page, STEP_TITLES["pain-start"])
    year = page.locator('input[name="pain_onset_date_year"]').input_value()
    assert year == data["pain_onset_date_year"], "the first answer was not kept"
    answer_step(page, data)
    heading_has_focus(page, STEP_TITLES[following])


def red_flag_interrupt(page, following):
    """Straight after a red flag: get help now, then carry on with the questions.

    The advice is shown at the next step's own address, so no URL reveals the answer, and
    names the answer that raised it."""
    assert page.url.endswith(step_path(following))
    assert page.get_by_role("heading", level=1).inner_text() == "Please get medical help now"
    assert "You said: Yes" in page.locator("main").inner_text()
    page.checker.check("urgent-advice")
    activate(page, "Continue the questions")


def check_and_send(page, outcome, *, full_checks):
    """The check page lists the answers; Change one, come back, and send."""
    assert page.url.endswith(reverse("screening:check"))
    assert page.get_by_role("heading", level=1).inner_text() == "Check your answers"
    progress_is_announced(page)
    assert "Margaret Example" in page.locator("main").inner_text()
    if full_checks:
        page.checker.check("check-answers")
    activate(page, "Change your answer to: Phone number")
    heading_has_focus(page, STEP_TITLES["contact-details"])
    answer_step(page, {"phone": "555 010 0142"})
    assert page.url.endswith(reverse("screening:check"))
    assert "555 010 0142" in page.locator("main").inner_text()
    activate(page, "Send my answers", tag="button")


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_patient_answers_by_keyboard_and_reads_the_result(patient_page, outcome):
    page = patient_page
    full_checks = outcome == "likely_candidate"
    steps = patient_steps(**OUTCOMES[outcome])
    start(page)
    answer_all(page, steps, outcome, full_checks=full_checks)
    check_and_send(page, outcome, full_checks=full_checks)

    row = Submission.objects.get()
    assert row.outcome == outcome
    assert row.pain_score == 7 and row.phone == "555 010 0142"
    assert row.pain_onset_date == timezone.localdate() - timedelta(days=30)
    assert page.url.endswith(reverse("screening:result", kwargs={"reference": row.reference}))
    assert page.get_by_role("heading", level=1).inner_text() == RESULT_HEADINGS[outcome]
    assert row.reference in page.locator(".reference-box").inner_text()
    page.checker.check(f"result-{outcome}")
    page.checker.finish()


def test_the_result_says_the_same_with_a_screen_reader(patient_page):
    """The accessible tree of a result names its heading, reference and next steps."""
    page = patient_page
    begin(page)
    walk(page, patient_steps())
    activate(page, "Send my answers", tag="button")
    tree = page.locator("main").aria_snapshot()
    assert 'heading "Thank you. The clinic will contact you" [level=1]' in tree
    assert Submission.objects.get().reference in tree
    assert 'heading "What happens next" [level=2]' in tree
