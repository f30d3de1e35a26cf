"""The questionnaire's steps and the answers a patient has given so far, kept in the session.

Each step stores what the patient typed in the fields it defines (the raw POST values of
the form's own inputs, each capped in length; any other POST key is dropped), so Back,
every "Change" link and every validation error show the answers as they were typed, and
a visitor cannot grow the session with made-up fields. Which steps apply is worked out
from the answer registry's `asked` declarations each time (no scan-result page without a
scan, no treatment-length page without a treatment, no pregnancy page from the age
PREGNANCY_QUESTION_MAX_AGE on), so the step count is always honest.
The steps themselves are the registry's pages (a question's `step`), then whether someone
else is filling it in (and, if so, about them), the contact details, location, the
patient's note to the clinic and consent pages. A page worded from another's answer (the
consent page, for a relative or carer) is cleared when that answer changes, so a box is
never checked under words that were not shown.

Each questionnaire has a random key. Every page's form carries it (`KEY_FIELD`, not
personal data), so a POST from a tab whose questionnaire was replaced by a newer one, or
has been sent, is recognized and stores nothing. Once sent, a questionnaire is closed.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from screening import forms, helper_forms
from screening.eligibility import (
    QUESTIONS,
    Answers,
    Question,
    Thresholds,
    questions_on,
    urgent_findings,
)

SESSION_KEY = "screening"
KEY_FIELD = "questionnaire"
# Longer than any answer a step accepts: the note, even if every character were a line
# break sent as two (an email is at most 320).
MAX_VALUE_CHARS = 2 * helper_forms.NOTE_MAX_CHARS
MAX_VALUES = 20  # more than any tick-box question has boxes


@dataclass(frozen=True)
class Step:
    """One page: its address, its heading, its form and the registry questions on it."""

    slug: str
    title: str
    form_class: type
    questions: tuple[Question, ...] = ()
    offered: Callable[[], bool] = staticmethod(lambda: True)
    asked: Callable[[dict], bool] = staticmethod(lambda answered: True)
    rewords: tuple[str, ...] = ()  # the slugs of pages worded from this page's answer

    def applies(self, answered, as_of, thresholds):
        """Shown unless the answers given so far say none of its questions is asked.

        A question's `asked` reads earlier answers (and the age on `as_of`); while one it
        reads is not given yet, the page counts, so the page count can only fall as the
        patient goes on. A page that is not a registry question is shown when the clinic
        `offered` it and the answers so far say it is `asked`.
        """
        if not self.questions:
            return self.offered() and self.asked(answered)
        for question in self.questions:
            try:
                if question.asked(answered, as_of, thresholds):
                    return True
            except KeyError:
                return True
        return False


def registry_steps():
    """A step per page of the answer registry, in registry order, each with its own form."""
    slugs = dict.fromkeys(question.step for question in QUESTIONS)
    steps = []
    for slug in slugs:
        questions = questions_on(slug)
        steps.append(Step(slug, _(questions[0].text), forms.page_form(slug), questions))
    return tuple(steps)


STEPS = registry_steps() + (
    Step(
        "someone-else",
        _("Are you filling this in for someone else?"),
        helper_forms.SomeoneElseForm,
        rewords=("consent",),
    ),
    Step(
        "helper",
        _("About you, the person helping"),
        helper_forms.HelperForm,
        asked=helper_forms.helper_asked,
    ),
    Step("contact-details", _("Your contact details"), forms.ContactDetailsForm),
    Step(
        "location",
        _("Which clinic would you prefer?"),
        forms.LocationForm,
        (),
        forms.LocationForm.offered,
    ),
    Step(
        "anything-else",
        _("Is there anything else you want the clinic to know?"),
        helper_forms.AnythingElseForm,
    ),
    Step("consent", _("Your consent"), forms.ConsentForm),
)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
CHECK_TITLE = _("Check your answers")
CONTACT_FIELDS = ("full_name", "email", "phone", "contact_method", "location")
# Kept as text, empty when the page was not asked: who filled it in, and the note.
KEPT_TEXT_FIELDS = (
    *helper_forms.HelperForm.base_fields,
    *helper_forms.AnythingElseForm.base_fields,
)


def input_names(form):
    """The POST keys `form`'s inputs use: a field's name, or one per part (`_day`...)."""
    names = []
    for bound in form:
        subnames = getattr(bound.field.widget, "widgets_names", None)
        names += [bound.html_name + sub for sub in subnames] if subnames else [bound.html_name]
    return names


class Questionnaire:
    """One patient's questionnaire in progress, read from and written to their session."""

    def __init__(self, session):
        self.session = session
        self.state = session.get(SESSION_KEY)
        self._forms = None

    @classmethod
    def start(cls, session):
        """Begin a new questionnaire, forgetting any unfinished one."""
        session[SESSION_KEY] = {"key": str(uuid.uuid4()), "steps": {}, "submitted": None}
        return cls(session)

    @property
    def exists(self):
        return bool(self.state)

    @property
    def key(self):
        return uuid.UUID(self.state["key"])

    @property
    def submitted_reference(self):
        return self.state.get("submitted")

    def is_this_one(self, posted_key):
        """True when a POSTed `KEY_FIELD` names this questionnaire (not a replaced one)."""
        return bool(self.state) and posted_key == self.state["key"]

    def urgent_findings(self):
        """The urgent findings the answers so far raise (the engine's rule, not a copy)."""
        return urgent_findings(self.cleaned(), timezone.localdate())

    def urgent_ids(self):
        """The ids of the urgent findings the answers so far raise."""
        return {finding.id for finding in self.urgent_findings()}

    def flag_interrupt(self, step, before):
        """After saving `step`: if it raised urgent findings not raised `before`, show their
        advice on the next page the patient opens."""
        raised = self.urgent_ids() - before
        if raised:
            self.state["interrupt"] = {"step": step.slug, "findings": sorted(raised)}
            self.session.modified = True

    def take_interrupt(self):
        """Once after `flag_interrupt`: the urgent findings it raised (still raised by the
        answers), else an empty list."""
        interrupt = self.state.get("interrupt")
        if not interrupt:
            return []
        self.state["interrupt"] = None
        self.session.modified = True
        if not isinstance(interrupt, dict):  # kept by an older release: nothing to name
            return []
        return [f for f in self.urgent_findings() if f.id in interrupt["findings"]]

    def mark_submitted(self, reference):
        """Remember the stored reference and forget the answers: they now live in the row."""
        self.state["submitted"] = reference
        self.state["steps"] = {}
        self.session.modified = True
        self._forms = None

    def save_step(self, step, form):
        """Keep what was typed in the inputs of this step's valid, bound `form`; a changed
        answer clears the pages worded from it."""
        raw = {}
        for key in input_names(form):
            values = form.data.getlist(key)[:MAX_VALUES]
            if values:
                raw[key] = [str(value)[:MAX_VALUE_CHARS] for value in values]
        if self.state["steps"].get(step.slug) != raw:
            for slug in step.rewords:
                self.state["steps"].pop(slug, None)
        self.state["steps"][step.slug] = raw
        self.session.modified = True
        self._forms = None

    def form_for(self, step, data=None, answered=None):
        """The step's form, bound to `data` or else to what was stored for it, and worded
        for the `answered` so far (by default, every valid answer)."""
        if data is None and step.slug in self.state["steps"]:
            data = MultiValueDict(self.state["steps"][step.slug])
        if answered is None:
            answered = self.cleaned()
        return step.form_class(data=data, auto_id="id_%s", answered=answered)

    def forms(self):
        """Validated forms of the steps that apply, in order, as (step, form) pairs.

        A conditional step counts until the step that decides it is answered, so the
        step count can only fall as the patient goes on, never jump up.
        """
        if self._forms is None:
            cleaned, result = {}, []
            as_of, thresholds = timezone.localdate(), Thresholds.from_settings()
            for step in STEPS:
                if not step.applies(cleaned, as_of, thresholds):
                    continue
                form = self.form_for(step, answered=dict(cleaned))
                if form.is_bound and form.is_valid():
                    cleaned.update(form.cleaned_data)
                result.append((step, form))
            self._forms = result
        return self._forms

    def cleaned(self):
        """Every valid answer given so far, merged across the steps that apply."""
        data = {}
        for _step, form in self.forms():
            if form.is_bound and form.is_valid():
                data.update(form.cleaned_data)
        return data

    def visible_steps(self):
        return [step for step, _form in self.forms()]

    def first_incomplete(self):
        """The first step that applies and has no valid answer yet, or None when done."""
        for step, form in self.forms():
            if not (form.is_bound and form.is_valid()):
                return step
        return None

    def step_after(self, step):
        steps = self.visible_steps()
        later = steps[steps.index(step) + 1 :] if step in steps else []
        return later[0] if later else None

    def step_before(self, step):
        steps = self.visible_steps()
        index = steps.index(step) if step in steps else 0
        return steps[index - 1] if index > 0 else None

    def position(self, step=None):
        """(number, total) of a step, counting the check page as the last step."""
        steps = self.visible_steps()
        total = len(steps) + 1
        return (steps.index(step) + 1 if step else total), total

    def answers(self):
        """The answers as the engine's `Answers` (call only when complete)."""
        data = self.cleaned()
        values = {}
        for question in QUESTIONS:
            value = data.get(question.key)
            values[question.key] = tuple(value or ()) if question.kind == "multi" else value
        as_of, thresholds = timezone.localdate(), Thresholds.from_settings()
        for question in QUESTIONS:
            if not question.asked(values, as_of, thresholds):
                values[question.key] = question.skipped
        return Answers(**values)

    def contact(self):
        """What the submission keeps besides the answers (not inputs of the rules): contact
        details, who filled it in for the patient, and the patient's note."""
        data = self.cleaned()
        kept = {name: data.get(name) for name in CONTACT_FIELDS}
        return kept | {name: data.get(name) or "" for name in KEPT_TEXT_FIELDS}

    def consent_version(self):
        """The version of the consent wording these answers were shown."""
        return forms.consent_version(self.cleaned())
