"""The Spanish pages a patient can reach beside the journey, on a phone: every result,
the pages around the questions, a topic not translated yet, the contact and language-help
pages, each through axe-core and the Nu HTML Checker, and read as Spanish."""

import pytest
from django.urls import reverse
from django.utils import translation

from education.loader import load_topics
from screening.demo import patient_steps
from tests.browser.keyboard import activate
from tests.browser.questionnaire import heading
from tests.browser.test_around_pages import show_result
from tests.browser.test_spanish_journey import in_spanish, spanish
from tests.factories import LocationFactory, TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OUTCOMES = ("likely_candidate", "needs_review", "unlikely_candidate", "urgent")


def es(name, **kwargs):
    with translation.override("es"):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_result_reads_in_spanish(patient_page, live_server, outcome):
    page = patient_page
    with translation.override("es"):
        show_result(page, live_server, outcome)
    in_spanish(page, f"result-{outcome}-es")
    page.checker.finish()


def test_the_pages_around_the_questions_in_spanish(patient_page):
    page = patient_page
    page.goto(es("screening:start"))
    in_spanish(page, "start-es")
    activate(page, spanish("Start now"), tag="button")
    page.goto(es("screening:start"))
    in_spanish(page, "start-in-progress-es")
    activate(page, spanish("Start again"))
    assert heading(page) == spanish("Are you sure you want to start again?")
    in_spanish(page, "start-again-es")
    page.context.clear_cookies()
    page.goto(es("screening:step", slug=next(iter(patient_steps()))))
    assert heading(page) == spanish("Your answers were deleted")
    in_spanish(page, "session-expired-es")
    page.checker.finish()


def test_a_topic_not_yet_in_spanish_and_the_other_spanish_pages(patient_page):
    page = patient_page
    load_topics()
    english_only = TopicFactory(slug="bone-health", title="Bone health", order=11)
    LocationFactory(name="Main clinic", name_es="Clínica principal")
    page.goto(es("education:topic-detail", slug=english_only.slug))
    assert page.locator("article").get_attribute("lang") == "en"
    assert (
        spanish("This page is not available in your language yet, so it is shown in English.")
        in page.locator("main").inner_text()
    )
    assert page.locator("html").get_attribute("lang") == "es"
    page.checker.check("topic-in-english-es")
    page.goto(es("education:contact"))
    in_spanish(page, "contact-es")
    assert "Clínica principal" in page.locator("main").inner_text()
    page.goto(es("education:language-help"))
    assert page.locator("html").get_attribute("lang") == "es"
    page.checker.check("language-help-es")
    page.checker.finish()
