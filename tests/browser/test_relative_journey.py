"""A daughter fills the questionnaire in for her mother on a phone, with the keyboard alone.

She says she is filling it in for someone else, gives her own name, relationship and
phone, answers as her mother would, writes a two-line note to the clinic, agrees on the
consent page worded for both of them, checks the answers (her own among them, each with
a Change link) and sends them. The stored submission holds who filled it in and the note
with its line break; a clinician's page of it names her and shows the note line by line.
Page order comes from the app (`patient_steps()`); each page of this route passes axe and
the Nu HTML Checker (its error states are walked in test_error_messages.py).
"""

import pytest
from django.urls import reverse

from screening.demo import patient_steps
from screening.forms import ConsentForm
from screening.helper_forms import AnythingElseForm, HelperForm, SomeoneElseForm
from screening.models import Submission
from tests.browser.clinician import send_sign_in
from tests.browser.keyboard import activate, answer_step
from tests.browser.questionnaire import assert_stored, begin, heading, on_step, step_path
from tests.clinic.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
NOTE = "Mum uses a walker at home.\nPlease call me first: mornings are best."
DAUGHTER = {
    "for_someone_else": "yes",
    "helper_name": "Susan Example",
    "helper_relationship": "Daughter",
    "helper_phone": "555 010 0177",
    "anything_else": NOTE,
}
# The pages of this route, and what each must say before she answers it.
ROUTE_PAGES = {
    "someone-else": str(SomeoneElseForm.base_fields["for_someone_else"].help_text),
    "helper": str(HelperForm.lead),
    "anything-else": str(AnythingElseForm.base_fields["anything_else"].help_text),
    "consent": str(ConsentForm.helper_label),
}


def main_text(page):
    return " ".join(page.locator("main").inner_text().split())


def answer_for_her_mother(page, steps):
    """Every page by keyboard; the pages of this route are read and checked first."""
    for slug, data in steps.items():
        on_step(page, slug)
        if slug in ROUTE_PAGES:
            assert ROUTE_PAGES[slug] in main_text(page), f"{slug} does not say it"
            page.checker.check(f"relative-{slug}")
        if slug == "consent":
            assert page.get_by_label(str(ConsentForm.helper_label)).count() == 1
            assert str(ConsentForm.base_fields["consent"].label) not in main_text(page)
        answer_step(page, data)


def check_page_rows():
    """(slug, label, answer) of the rows this route adds to the check page."""
    yes = str(SomeoneElseForm.base_fields["for_someone_else"].label)
    rows = [("someone-else", yes, "Yes")]
    labels = HelperForm.summary_labels.items()
    rows += [("helper", str(label), DAUGHTER[name]) for name, label in labels]
    note = str(AnythingElseForm.base_fields["anything_else"].label)
    return [*rows, ("anything-else", note, NOTE)]


def her_answers_are_on_the_check_page(page):
    """Her answers, each on its own row with a Change link back to its page."""
    assert page.url.endswith(reverse("screening:check"))
    for slug, label, answer in check_page_rows():
        row = page.locator(".answers__row").filter(has=page.get_by_text(label, exact=True))
        assert row.count() == 1, f"no row for {label!r}"
        assert row.locator("dd").first.inner_text() == answer
        change = row.get_by_role("link", name=f"Change your answer to: {label}")
        assert change.get_attribute("href") == step_path(slug, change=True)
    page.checker.check("relative-check-answers", full_page=True)


def clinician_reads_it(page, reference):
    """Signed in as a clinician: who filled it in, and the note, line by line."""
    make_user("dr-grace", clinician=True)
    page.goto(reverse("clinic:submission-detail", kwargs={"reference": reference}))
    send_sign_in(page, "dr-grace")
    assert reference in heading(page)
    filled_in = page.locator(".facts > div").filter(has=page.get_by_text("Filled in by"))
    expected = "{helper_name} ({helper_relationship}), phone {helper_phone}".format(**DAUGHTER)
    assert filled_in.locator("dd").inner_text() == expected
    assert filled_in.get_by_role("link", name=DAUGHTER["helper_phone"]).count() == 1
    assert page.locator("#summary-title ~ .free-text").inner_text() == NOTE
    page.checker.check("submission-filled-in-by-a-relative")


def test_a_daughter_fills_it_in_for_her_mother_by_keyboard(
    patient_page, clinician_page, clinicians_group
):
    page = patient_page
    steps = patient_steps(**DAUGHTER)
    begin(page)
    answer_for_her_mother(page, steps)
    her_answers_are_on_the_check_page(page)
    activate(page, "Send my answers", tag="button")

    row = Submission.objects.get()
    assert page.url.endswith(reverse("screening:result", kwargs={"reference": row.reference}))
    assert_stored(row, steps)
    helper = (row.helper_name, row.helper_relationship, row.helper_phone)
    assert helper == ("Susan Example", "Daughter", "555 010 0177")
    assert row.full_name == "Margaret Example" and row.filled_in_by_helper
    assert row.anything_else == NOTE  # one line break, as typed
    page.checker.finish()

    clinician_reads_it(clinician_page, row.reference)
    clinician_page.checker.finish()
