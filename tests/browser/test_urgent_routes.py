"""Each urgent route in a browser, by keyboard: the advice page says where to go and how
soon, names the answer that raised it, and says what the finding says; and a patient of
60 or more never meets the pregnancy question.

The page order is the app's own (`screening.demo.patient_steps`, built from the wizard's
steps), so these journeys follow the questionnaire whatever its order becomes.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.eligibility import QUESTIONS_BY_KEY, evaluate
from screening.models import Submission
from tests.browser.keyboard import activate, answer_step, press_enter, tab_to
from tests.screening.factories import make_answers
from tests.screening.journey import patient_steps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Route: (the typed answers that raise it, the same answers for the engine, what the
# advice must say, the answer it must name).
ROUTES = {
    "neuro": (
        {"neuro_symptoms": "new_or_worsening"},
        {"neuro_symptoms": "new_or_worsening"},
        "Go to the nearest emergency department now, or call 911.",
        "You said: Yes, and it is new or getting worse",
    ),
    "fever": (
        {"fever": "yes"},
        {"fever": True},
        "Get medical care today: go to an emergency department or an urgent care center.",
        "You said: Yes",
    ),
    "trauma_unimaged": (
        {"onset_event": "major_trauma", "imaging": ["none"]},
        {"onset_event": "major_trauma", "imaging": (), "imaging_result": "not_done"},
        "Get checked today at an emergency department or an urgent care center.",
        "You said: A serious accident, such as a car crash or a fall from a height",
    ),
}


def begin(page):
    page.goto(reverse("screening:start"))
    tab_to(page, "Start now", tag="button")
    press_enter(page)


def step_path(slug):
    return reverse("screening:step", kwargs={"slug": slug})


def urgent_patient_text(answers):
    """The urgent findings' words, as the engine writes them for these answers."""
    result = evaluate(make_answers(**answers), timezone.localdate())
    return [f.patient_text for f in result.findings if f.effect == "urgent"]


@pytest.mark.parametrize("route", ROUTES)
def test_each_urgent_route_says_where_to_go_and_names_the_answer(patient_page, route):
    page = patient_page
    typed, answers, advice, named = ROUTES[route]
    steps = patient_steps(**typed)
    slugs = list(steps)
    begin(page)
    following = None
    for number, data in enumerate(steps.values()):
        answer_step(page, data)
        if page.get_by_role("heading", level=1).inner_text() == "Please get medical help now":
            following = slugs[number + 1]
            break
    assert following, f"no urgent advice on the {route} route"

    main = page.locator("main").inner_text()
    assert page.url.endswith(step_path(following))  # the next page's own address
    assert advice in main and named in main
    assert all(text in main for text in urgent_patient_text(answers))
    assert "call the clinic" not in main.lower().split("for anything else")[0]
    page.checker.check(f"urgent-{route}")
    activate(page, "Continue the questions")
    assert page.url.endswith(step_path(following))
    assert page.get_by_role("heading", level=1).inner_text() != "Please get medical help now"
    page.checker.finish()


def test_the_urgent_result_says_the_same_as_the_advice(patient_page):
    page = patient_page
    steps = patient_steps(neuro_symptoms="new_or_worsening")
    begin(page)
    for data in steps.values():
        answer_step(page, data)
        if page.get_by_role("heading", level=1).inner_text() == "Please get medical help now":
            activate(page, "Continue the questions")
    activate(page, "Send my answers", tag="button")

    row = Submission.objects.get()
    (neuro,) = [f for f in row.findings if f["effect"] == "urgent"]
    main = page.locator("main").inner_text()
    assert row.outcome == "urgent"
    assert neuro["patient_text"] in main
    page.checker.check("result-urgent-neuro")
    page.checker.finish()


def test_a_patient_over_sixty_never_sees_the_pregnancy_question(patient_page):
    page = patient_page
    steps = patient_steps()  # 76 years old
    pregnancy = QUESTIONS_BY_KEY["pregnant"].text
    assert "pregnancy" not in steps
    begin(page)
    headings = []
    for data in steps.values():
        headings.append(page.get_by_role("heading", level=1).inner_text())
        answer_step(page, data)

    assert page.url.endswith(reverse("screening:check"))
    assert pregnancy not in headings and pregnancy not in page.locator("main").inner_text()
    page.goto(step_path("pregnancy"))
    assert page.url.endswith(reverse("screening:check"))  # not on this patient's path
    activate(page, "Send my answers", tag="button")
    assert Submission.objects.get().pregnant == "not_asked"
