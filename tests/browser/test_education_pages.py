"""The education pages on a phone: machine checks on every page, and the keyboard path."""

import pytest
from django.urls import reverse

from tests.browser.keyboard import focused, press_enter, tab

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_every_education_page_passes_the_checks(patient_page, site):
    page = patient_page
    pages = {
        "home": reverse("education:home"),
        "topic-list": reverse("education:topic-list"),
        "contact": reverse("education:contact"),
    }
    pages |= {f"topic-{topic.slug}": topic.get_absolute_url() for topic in site}
    assert len(pages) > 5
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, name
        page.checker.check(name)
    page.checker.finish()


def test_skip_link_is_the_first_stop_and_every_stop_shows_focus(patient_page):
    page = patient_page
    page.goto(reverse("education:home"))
    skip = tab(page)
    assert skip["text"] == "Skip to main content"
    assert skip["height"] >= 44
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    seen = []
    for _ in range(100):
        page.keyboard.press("Tab")
        state = focused(page)
        if state is None or state["text"] == "Skip to main content":
            break  # past the last stop
        assert state["ring"], f"no visible focus ring on {state}"
        assert state["width"] > 0 and state["height"] > 0, state
        seen.append(state["text"])
    assert "Read our information pages" in seen and "Where to find us" in seen


def test_the_check_link_leads_to_the_questionnaire_by_keyboard(patient_page):
    page = patient_page
    page.goto(reverse("education:home"))
    while focused(page) is None or "Check if it may help" not in focused(page)["text"]:
        tab(page)
    press_enter(page)
    assert page.url.endswith(reverse("screening:start"))
    assert page.get_by_role("heading", level=1).inner_text() == "Check if kyphoplasty may help you"
