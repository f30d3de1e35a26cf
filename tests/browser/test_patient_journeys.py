"""A patient on a phone answers the questionnaire with the keyboard alone, once for each
outcome: goes back to change an answer, fixes a validation error, checks the answers,
sends them and reads the result. Every page passes the machine checks on the way.

The answers are those of tests/screening/journey.py, so the browser and the Django-client
tests walk the same patient; each outcome changes one answer, as in SCREENING.md.
"""

import re

import pytest
from django.urls import reverse

from screening.models import Submission
from tests.browser.keyboard import activate, answer_step, focused, press_enter, tab_to
from tests.screening.journey import patient_steps

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
STEP_TITLES = {
    "pain": "Your pain",
    "scans": "Scans of your back",
    "scan-details": "Your scans",
    "treatments": "Treatments so far",
    "treatment-length": "How long you have had treatment",
    "warning-signs": "Warning signs",
    "health": "Your health",
    "safety": "Medicines and safety",
    "about-you": "About you",
    "consent": "Your consent",
}


def heading_has_focus(page, title):
    """The new page's h1 has focus (questionnaire.js), so it is announced from its top."""
    state = focused(page)
    assert state and state["tag"] == "h1" and state["text"] == title, (
        f"focus is on {state or 'the page body'}, not the h1 {title!r}"
    )


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
    state = focused(page)
    assert state and "error-summary" in page.evaluate("() => document.activeElement.className"), (
        f"focus is not on the error summary: {state}"
    )
    assert page.title().startswith("Error: ")
    assert page.locator(".error-summary li").count() >= 1
    if full_checks:
        page.checker.check(f"step-{slug}-errors")
    tab_to(page, "", tag="a")  # the first message in the summary
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "input", "the error link did not move focus to the field"
    answer_step(page, right)


def answer_all(page, steps, outcome, *, full_checks):
    """Every step in order; the urgent patient meets the red-flag interrupt."""
    for number, (slug, data) in enumerate(steps.items(), start=1):
        heading_has_focus(page, STEP_TITLES[slug])
        progress_is_announced(page)
        assert page.locator("#progress-label").inner_text().startswith(f"Step {number} of ")
        if full_checks:
            page.checker.check(f"step-{slug}")
        if slug == "pain":
            answer_pain_then_change_it(page, data, full_checks=full_checks)
        elif full_checks:
            fail_then_fix(page, slug, {}, data, full_checks=True)
        else:
            answer_step(page, data)
        if slug == "warning-signs" and outcome == "urgent":
            red_flag_interrupt(page)


def answer_pain_then_change_it(page, data, *, full_checks):
    """A typo in the year first; then, from the next step, Back to change the pain score."""
    typo = data | {"pain_onset_date_year": data["pain_onset_date_year"][:2] + "x6"}
    fail_then_fix(
        page,
        "pain",
        typo | {"pain_score": "6"},
        data | {"pain_score": "6"},
        full_checks=full_checks,
    )
    heading_has_focus(page, STEP_TITLES["scans"])
    activate(page, "Back", backwards=True)
    heading_has_focus(page, STEP_TITLES["pain"])
    assert page.locator("#id_pain_score_6").is_checked(), "the first answer was not kept"
    answer_step(page, data)
    heading_has_focus(page, STEP_TITLES["scans"])


def red_flag_interrupt(page):
    """Straight after a red flag: get help now, then carry on with the questions."""
    assert page.url.endswith(reverse("screening:urgent-advice"))
    assert page.get_by_role("heading", level=1).inner_text() == "Please get medical help now"
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
    heading_has_focus(page, STEP_TITLES["about-you"])
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
    assert page.url.endswith(reverse("screening:result", kwargs={"reference": row.reference}))
    assert page.get_by_role("heading", level=1).inner_text() == RESULT_HEADINGS[outcome]
    assert row.reference in page.locator(".reference-box").inner_text()
    page.checker.check(f"result-{outcome}")
    page.checker.finish()


def test_the_result_says_the_same_with_a_screen_reader(patient_page):
    """The accessible tree of a result names its heading, reference and next steps."""
    page = patient_page
    steps = patient_steps()
    page.goto(reverse("screening:start"))
    tab_to(page, "Start now", tag="button")
    press_enter(page)
    for data in steps.values():
        answer_step(page, data)
    activate(page, "Send my answers", tag="button")
    tree = page.locator("main").aria_snapshot()
    assert 'heading "Thank you. The clinic will contact you" [level=1]' in tree
    assert Submission.objects.get().reference in tree
    assert 'heading "What happens next" [level=2]' in tree
