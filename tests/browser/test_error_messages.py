"""Every error message of the questionnaire, as a patient on a phone meets it by keyboard.

One walk through the pages in the app's own order (`screening.demo.patient_steps()`), on
the route with the most pages: a relative filling it in, so the helper's page is asked and
the consent page is worded for both. Each page is sent empty once, then with the mistakes
that have messages of their own (a date without its year, a phone number with a letter
in it, a note that is too long), and then answered properly. Each time the error summary
takes focus and lists the form's own messages (worded for the answers before it) in
order, each of its links moves focus to its field, the message sits under its question,
what was typed is kept, and the page passes axe and the Nu HTML Checker. A page whose
form takes it empty (the note to the clinic) moves on when sent empty, and Back brings
the patient to it again.
"""

import pytest
from django import forms
from django.urls import reverse

from screening.demo import patient_steps
from screening.helper_forms import NOTE_MAX_CHARS
from screening.wizard import STEPS_BY_SLUG
from tests.browser.keyboard import activate, answer_step, tab_to
from tests.browser.questionnaire import (
    begin,
    error_summary_has_focus,
    expected_errors,
    follow_error_link,
    message_under_question,
    on_step,
    step_path,
    summary_links,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE_TYPO = "555 010 O199"  # a letter O for a zero
# The route with the most pages: a relative, who leaves a note.
ROUTE = {"for_someone_else": "yes", "anything_else": "Please call after 10 in the morning."}


def from_the_top(page):
    """Back up to the page's Back link, so the next walk meets every field."""
    tab_to(page, "Back", backwards=True)


def fields_shown(step, by):
    """The names of the page's fields whose widget passes `by`."""
    return [name for name, field in step.form_class.base_fields.items() if by(field.widget)]


def is_phone_box(widget):
    return getattr(widget, "input_type", "") == "tel"


def is_text_area(widget):
    return isinstance(widget, forms.Textarea)


def mistakes(slug, data):
    """(name, data, message ending) for each specific mistake this page can show."""
    step = STEPS_BY_SLUG[slug]
    for question in step.questions:
        if question.kind == "date":
            year = f"{question.key}_year"
            yield f"{question.key}-no-year", data | {year: ""}, "must include a year"
    for name in fields_shown(step, is_phone_box):
        yield f"{name}-typo", data | {name: PHONE_TYPO}, "only numbers, spaces and +"
    for name in fields_shown(step, is_text_area):
        too_long = "x" * (NOTE_MAX_CHARS + 1)
        yield f"{name}-too-long", data | {name: too_long}, f"It has {NOTE_MAX_CHARS + 1:,} now"


def refused(page, name, data, before):
    """Send the page with `data` by keyboard and see each message where it belongs."""
    from_the_top(page)
    answer_step(page, data)
    error_summary_has_focus(page)
    expected = expected_errors(name.split("/")[0], data, before)
    assert expected, f"{name} was expected to be refused"
    assert summary_links(page) == [(href, str(message)) for href, message in expected]
    page.checker.check(f"errors-{name.replace('/', '-')}")
    for href, message in expected:
        field = follow_error_link(page, href, str(message))
        message_under_question(page, field, str(message))
    return [str(message) for _href, message in expected]


def moves_on_empty(page, slug, following):
    """A page its form takes empty: sent empty, the next page shows; Back returns to it."""
    from_the_top(page)
    answer_step(page, {})
    assert page.url.endswith(following), f"{slug} sent empty did not move on to {following}"
    activate(page, "Back", backwards=True)
    on_step(page, slug)


def typed_is_kept(page, data):
    """Every text box of the refused page still holds what was typed in it."""
    for name, value in data.items():
        box = page.locator(
            f'[name="{name}"]:not([type=radio]):not([type=checkbox]):not([type=hidden])'
        )
        if box.count() == 1:
            assert box.input_value() == value, f"{name} lost what was typed"


def test_every_error_message_by_keyboard_on_a_phone(patient_page):
    page = patient_page
    steps = patient_steps(**ROUTE)
    assert "helper" in steps, "the walk should meet the helper's page"
    following = [step_path(slug) for slug in list(steps)[1:]] + [reverse("screening:check")]
    before = {}
    begin(page)
    for (slug, data), after in zip(steps.items(), following, strict=True):
        on_step(page, slug)
        if expected_errors(slug, {}, before):
            refused(page, f"{slug}/empty", {}, before)
        else:
            moves_on_empty(page, slug, after)
        for name, wrong, ending in mistakes(slug, data):
            messages = refused(page, f"{slug}/{name}", wrong, before)
            assert any(message.endswith(ending) for message in messages), messages
            typed_is_kept(page, wrong)
        from_the_top(page)
        answer_step(page, data)
        before[slug] = data
    assert page.url.endswith(reverse("screening:check"))
    page.checker.finish()
