"""A patient whose phone asks for Spanish learns, screens and reads the result by keyboard.

The words the test looks for come from the Spanish catalogue (never a copy here), and
every page, error state included, passes the machine checks in Spanish.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from education.models import Topic
from screening.demo import patient_steps
from screening.models import Submission
from tests.browser.keyboard import activate, answer_step
from tests.browser.questionnaire import error_summary_has_focus, heading, summary_links

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPANISH_PHONE = {"Accept-Language": "es-US,es;q=0.9,en;q=0.4"}
ENGLISH_WORDS = re.compile(r"\b(the|and|your|you|with|Continue|Back|Step)\b")


def spanish(text):
    with translation.override("es"):
        return gettext(text)


def in_spanish(page, name):
    """The page is in Spanish (its lang, and no common English word in its main part)."""
    assert page.locator("html").get_attribute("lang") == "es", page.url
    main = page.locator("main").inner_text()
    english = ENGLISH_WORDS.findall(main)
    assert not english, f"English on {page.url}: {english}"
    page.checker.check(name)


def test_a_spanish_speaking_patient_learns_screens_and_reads_the_result(patient_page):
    page = patient_page
    page.set_extra_http_headers(SPANISH_PHONE)
    page.goto(reverse("education:home"))  # the English address, as on a leaflet
    assert page.url.endswith("/es/"), page.url
    in_spanish(page, "home-es")

    activate(page, spanish("Learn"))
    in_spanish(page, "topics-es")
    topic = Topic.objects.filter(language="es").order_by("order").first()
    activate(page, topic.title)
    assert heading(page) == topic.title
    in_spanish(page, "topic-es")

    activate(page, spanish("Check if it may help"))
    in_spanish(page, "start-es")
    activate(page, spanish("Start now"), tag="button")

    steps = patient_steps(fever="yes")
    for number, (slug, data) in enumerate(steps.items()):
        assert page.locator("html").get_attribute("lang") == "es"
        if number == 0:  # nothing chosen: the Spanish error summary takes focus
            answer_step(page, {})
            error_summary_has_focus(page)
            assert summary_links(page), "no error in the summary"
            in_spanish(page, "errors-es")
        if slug == "date-of-birth":
            order = page.locator("input[name^=date_of_birth_]").evaluate_all(
                "(inputs) => inputs.map((input) => input.name.split('_').pop())"
            )
            assert order == ["day", "month", "year"], order
            in_spanish(page, "date-of-birth-es")
        answer_step(page, data)
        if slug == "fever":  # the red flag's advice, before the next question
            in_spanish(page, "urgent-advice-es")
            activate(page, spanish("Continue the questions"))

    in_spanish(page, "check-answers-es")
    activate(page, spanish("Send my answers"), tag="button")

    row = Submission.objects.get()
    assert row.language == "es"
    assert page.url.endswith(reverse("screening:result", kwargs={"reference": row.reference}))
    in_spanish(page, "result-es")

    page.goto("/es/no-such-page/")
    page.checker.expect_status(404, "Not Found")
    in_spanish(page, "not-found-es")
    page.checker.finish()
