"""What a patient sees of the questionnaire in the browser, and what it should have stored.

Shared by the browser journeys: begin by keyboard, the h1 that takes focus on each page,
the error summary and the messages beside each question, a second tab in the same
browser, and the answers a walk of `screening.demo.patient_steps()` should store. Page
order, titles and messages all come from the app (the wizard's steps and their forms),
never from a copy here.
"""

from importlib import import_module

from django.conf import settings
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from screening.wizard import STEPS, STEPS_BY_SLUG, Questionnaire
from tests.browser.keyboard import MAX_TAB_STOPS, activate, answer_step, focused, tab, tab_to
from tests.browser.quality import PATIENT_TARGET_PX, PageChecker

# Each page's h1 is its question (or the page's name for contact details and consent).
STEP_TITLES = {step.slug: step.title for step in STEPS}

# The error messages the page shows: the summary's links, and each question's message
# (the element its input or fieldset names in aria-describedby), with where it sits.
SUMMARY_LINKS = """() => [...document.querySelectorAll(".error-summary a")].map(
  (a) => [a.getAttribute("href"), a.textContent.replace(/\\s+/g, " ").trim()])"""
FOCUSED_HREF = "() => document.activeElement.getAttribute('href')"
FIELD_MESSAGE = """(inputId) => {
  const input = document.getElementById(inputId);
  const owner = input.closest("fieldset") || input;
  const ids = (owner.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
  const message = ids.map((id) => document.getElementById(id))
    .find((el) => el && el.textContent.trim().startsWith("Error:"));
  if (!message) return null;
  const question = owner === input
    ? document.querySelector(`label[for="${input.id}"]`) : owner.querySelector("legend");
  const follows = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {
    text: message.textContent.replace(/\\s+/g, " ").trim(),
    visible: message.getBoundingClientRect().height > 0,
    aboveInput: follows(message, input),
    questionFirst: follows(question, input),
    underQuestion: follows(question, message),
  };
}"""


def step_path(slug, change=False):
    url = reverse("screening:step", kwargs={"slug": slug})
    return f"{url}?change=1" if change else url


def heading(page):
    return page.get_by_role("heading", level=1).inner_text()


def heading_has_focus(page, title):
    """The new page's h1 has focus (questionnaire.js), so it is announced from its top."""
    state = focused(page)
    shown = state["text"] if state else ""  # the checker keeps a name's first 80 characters
    assert state and state["tag"] == "h1" and shown and title.startswith(shown), (
        f"focus is on {state or 'the page body'}, not the h1 {title!r}"
    )


def on_step(page, slug):
    """The page shown is step `slug`, announced from its question."""
    assert page.url.endswith(step_path(slug)), f"{page.url} is not the page {slug}"
    heading_has_focus(page, STEP_TITLES[slug])


def begin(page):
    """From the start page, press Start now by keyboard: the first page of a new one."""
    page.goto(reverse("screening:start"))
    activate(page, "Start now", tag="button")


def walk(page, steps):
    """Answer each page of `steps` ({slug: data}, in order) by keyboard, as it comes."""
    for slug, data in steps.items():
        on_step(page, slug)
        answer_step(page, data)


def nothing_answered(page):
    """No box of the page's form is ticked and no text box holds anything."""
    filled = page.evaluate(
        """() => [...document.querySelectorAll("form input:not([type=hidden])")]
          .filter((el) => el.type === "radio" || el.type === "checkbox" ? el.checked : el.value)
          .map((el) => el.name)"""
    )
    assert not filled, f"answers shown on a page nobody answered: {filled}"


def status(page):
    """The HTTP status of the page the browser shows."""
    return page.checker.last_document.status


def open_tab(page, name):
    """A second tab in the same browser (same cookies), with checks of its own."""
    tab = page.context.new_page()
    folder = f"{page.checker.folder}-{name}"
    tab.checker = PageChecker(tab, folder=folder, min_target_px=PATIENT_TARGET_PX)
    return tab


def summary_links(page):
    """The error summary's links as [(href, message)], in the order shown."""
    return [tuple(link) for link in page.evaluate(SUMMARY_LINKS)]


def error_summary_has_focus(page):
    """After a refused page, the error summary has focus and the title starts "Error:"."""
    classes = page.evaluate("() => document.activeElement.className")
    assert "error-summary" in classes, f"focus is on {focused(page)}, not the error summary"
    assert page.title().startswith("Error: ")


def follow_error_link(page, href, message):
    """From the Back link, Tab to the summary's link to `href`, check it says `message`
    and press Enter: focus moves to that field's input. Returns the input's id."""
    tab_to(page, "Back", backwards=True)
    for _ in range(MAX_TAB_STOPS):
        state = tab(page)
        if state["tag"] == "a" and page.evaluate(FOCUSED_HREF) == href:
            break
    else:
        raise AssertionError(f"no link to {href} in the Tab order")
    assert state["text"] == message[:80], f"the link to {href} says {state['text']!r}"
    page.keyboard.press("Enter")
    field = focused(page)
    assert field and f"#{field['id']}" == href, f"the link moved focus to {field}, not {href}"
    return field["id"]


def message_under_question(page, input_id, message):
    """`message` sits under its question and above its inputs, tied to them for screen
    readers (a lone tick box's label is beside the box, so the message is above both)."""
    where = page.evaluate(FIELD_MESSAGE, input_id)
    assert where, f"{input_id} names no error message in aria-describedby"
    assert where["text"] == f"Error: {message}" and where["visible"], where
    assert where["aboveInput"], f"{message!r} is below its input"
    if where["questionFirst"]:
        assert where["underQuestion"], f"{message!r} is above its question"


def posted(data):
    """The POST data of a page (as `patient_steps` gives it) as a form receives it."""
    return MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in data.items()}
    )


def wizard_after(steps):
    """The wizard itself holding `steps` ({slug: data}, in order), in a session that is
    never saved: what the app makes of them, worked out the app's own way."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    questionnaire = Questionnaire.start(session)
    for slug, data in steps.items():
        step = STEPS_BY_SLUG[slug]
        form = questionnaire.form_for(step, posted(data))
        assert form.is_valid(), (slug, form.errors)
        questionnaire.save_step(step, form)
    return questionnaire


def expected_errors(slug, data, before=None):
    """[(anchor, message)] the page `slug` should show in its summary for `data`, worded
    for the answers of the pages `before` it (the consent page's, for a relative)."""
    form = wizard_after(before or {}).form_for(STEPS_BY_SLUG[slug], posted(data))
    return form.error_summary()


def expected_record(steps):
    """The engine's answers and the contact details that posting `steps` should store."""
    questionnaire = wizard_after(steps)
    return questionnaire.answers(), questionnaire.contact()


def assert_stored(row, steps):
    """The stored submission holds exactly the answers and contact details of `steps`."""
    answers, contact = expected_record(steps)
    assert row.to_answers() == answers
    assert {name: getattr(row, name) for name in contact} == contact
