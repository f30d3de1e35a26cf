"""The questionnaire's steps and the answers a patient has given so far, kept in the session.

Each step stores exactly what the patient typed (the raw POST data), so Back, every
"Change" link and every validation error show the answers as they were typed. Which steps
apply is worked out from the answers each time (no scan-details step without a scan, no
treatment-length step without a treatment), so the step count is always honest.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.datastructures import MultiValueDict

from screening import forms
from screening.eligibility import Answers

SESSION_KEY = "screening"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    applies: Callable[[dict], bool] = lambda cleaned: True
    depends_on: str = ""


STEPS = (
    Step("pain", "Your pain", forms.PainForm),
    Step("scans", "Scans of your back", forms.ScansForm),
    Step(
        "scan-details",
        "Your scans",
        forms.ScanDetailsForm,
        lambda d: d.get("had_scan") is True,
        depends_on="scans",
    ),
    Step("treatments", "Treatments so far", forms.TreatmentsForm),
    Step(
        "treatment-length",
        "How long you have had treatment",
        forms.TreatmentLengthForm,
        lambda d: bool(d.get("treatments_tried")),
        depends_on="treatments",
    ),
    Step("warning-signs", "Warning signs", forms.WarningSignsForm),
    Step("health", "Your health", forms.HealthForm),
    Step("safety", "Medicines and safety", forms.SafetyForm),
    Step("about-you", "About you", forms.AboutYouForm),
    Step("consent", "Your consent", forms.ConsentForm),
)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
CHECK_TITLE = "Check your answers"
RED_FLAG_STEP = "warning-signs"


def has_red_flag(cleaned):
    """True when the answers so far hold a sign that needs care now (SCREENING.md)."""
    return (
        cleaned.get("neuro_symptoms") == "new_or_worsening"
        or cleaned.get("bladder_bowel_changes") is True
        or cleaned.get("fever") is True
    )


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

    def mark_submitted(self, reference):
        """Remember the stored reference and forget the answers: they now live in the row."""
        self.state["submitted"] = reference
        self.state["steps"] = {}
        self.session.modified = True
        self._forms = None

    def save_step(self, step, post_data):
        """Keep exactly what was typed for this step (everything but the CSRF token)."""
        raw = {k: post_data.getlist(k) for k in post_data if k != "csrfmiddlewaretoken"}
        self.state["steps"][step.slug] = raw
        self.state["submitted"] = None
        self.session.modified = True
        self._forms = None

    def form_for(self, step, data=None):
        """The step's form, bound to `data` or else to what was stored for it."""
        if data is None and step.slug in self.state["steps"]:
            data = MultiValueDict(self.state["steps"][step.slug])
        return step.form_class(data=data, auto_id="id_%s")

    def forms(self):
        """Validated forms of the steps that apply, in order, as (step, form) pairs.

        A conditional step counts until the step that decides it is answered, so the
        step count can only fall as the patient goes on, never jump up.
        """
        if self._forms is None:
            cleaned, answered, result = {}, set(), []
            for step in STEPS:
                if step.depends_on in answered and not step.applies(cleaned):
                    continue
                form = self.form_for(step)
                if form.is_bound and form.is_valid():
                    cleaned.update(form.cleaned_data)
                    answered.add(step.slug)
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
        values = {name: data.get(name) for name in Answers.__dataclass_fields__}
        if not data.get("had_scan"):
            values["imaging"], values["imaging_result"] = (), "not_done"
        if not data.get("treatments_tried"):
            values["treatment_weeks"] = 0
        for name in ("imaging", "treatments_tried", "other_spine_diagnoses"):
            values[name] = tuple(values[name] or ())
        return Answers(**values)

    def contact(self):
        """Contact details for the submission (not inputs of the rules)."""
        data = self.cleaned()
        fields = ("full_name", "email", "phone", "contact_method", "location")
        return {name: data.get(name) for name in fields}
