"""The answer registry: every question the screen asks, declared once.

A `Question` holds all that the code knows of one answer key of
docs/screening-contract.md section 1: its kind, its wording and hint for the patient,
its allowed values with their labels, its range, the questionnaire page it is on, and
what is stored when that page is not asked. Everything else is derived from `QUESTIONS`:
the engine's `Answers`, the `screen` command's reader, the stored record, the answer
lists people read, the questionnaire's fields and the FHIR export. A new question is a
new entry here (and, if the rules read it, a criterion or flag); nothing else lists keys.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from . import vocabulary as v
from .conditions import When, always
from .words import as_written, gettext_noop

KINDS = ("date", "choice", "multi", "bool", "integer")
PYTHON_TYPES = {"choice": str, "multi": tuple[str, ...], "bool": bool, "integer": int}
# The box a check-box question offers so that "none" is an answer, not a blank.
NONE_OF_THESE = ("none", gettext_noop("None of these"))
# How a stored answer reads when it is empty or a yes/no.
I_DONT_KNOW = gettext_noop("I don't know")
NOT_GIVEN = gettext_noop("Not given")
YES, NO = gettext_noop("Yes"), gettext_noop("No")
# What a date question with no `error` of its own says when left empty.
ENTER_THE = gettext_noop("Enter the {name}")


def us_date(value: date) -> str:
    """A date as the US writes it: "March 27, 2026"."""
    return f"{value:%B} {value.day}, {value.year}"


@dataclass(frozen=True)
class Question:
    """One answer key: how it is asked, which values it takes, when it is skipped.

    `optional` means None is an answer ("I don't know"). `asked(answers, as_of,
    thresholds)` (`always`, or a `When`) tells, from the answers given before it, whether
    the patient is asked; when not, `skipped` is the value stored. An
    integer question with `ends` (words for `low` and `high`) is asked as a scale. `step`
    is its questionnaire page (questions sharing a page are asked together) and `name`
    what error messages call a date ("Date of birth must include a year"). `error` is
    what the patient is told when the question is left unanswered, naming what it asks
    ("Select yes if you have a fever"); a date without one is told "Enter the <name>".
    """

    key: str
    kind: str
    text: str
    step: str
    choices: tuple[tuple[str, str], ...] = ()
    hint: str = ""
    low: int | None = None
    high: int | None = None
    ends: tuple[str, str] = ()
    optional: bool = False
    name: str = ""
    asked: Callable[[Mapping, date, object], bool] = always
    skipped: object = None
    error: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")
        if (self.kind in ("choice", "multi")) != bool(self.choices):
            raise ValueError(f"{self.key}: choices go with choice and multi questions only")
        if self.kind == "multi" and NONE_OF_THESE[0] in self.values:
            raise ValueError(f"{self.key}: {NONE_OF_THESE[0]!r} is kept for 'None of these'")
        if not (self.error or (self.kind == "date" and self.name)):
            raise ValueError(f"{self.key}: say what to do when it is unanswered (error=...)")

    @property
    def unanswered(self) -> str:
        """What the patient is told when the question is left unanswered, naming it."""
        return self.error or ENTER_THE.format(name=self.name[:1].lower() + self.name[1:])

    @property
    def python_type(self):
        """The type of this answer in `Answers` (a date may be None when optional)."""
        if self.kind == "date":
            return date | None if self.optional else date
        return PYTHON_TYPES[self.kind]

    @property
    def tri_state(self) -> bool:
        """A medical yes/no question where "I'm not sure" is an answer too."""
        return self.choices[:3] == v.TRI_STATE

    @property
    def no(self):
        """The stored "no" of a yes/no or tri-state question (None for other kinds)."""
        if self.kind == "bool":
            return False
        return "no" if self.tri_state else None

    @property
    def values(self) -> tuple[str, ...]:
        """The stored values a choice or multi question allows, in order."""
        return v.values_of(self.choices)

    @property
    def offers_none(self) -> bool:
        """A check-box question has a "None of these" box unless skipping it stores ()."""
        return self.kind == "multi" and self.skipped != ()

    @property
    def offered(self) -> tuple[tuple[str, str], ...]:
        """The choices a patient picks from: all but the one stored when skipped."""
        return tuple(pair for pair in self.choices if pair[0] != self.skipped)

    def label(self, value, gettext=as_written) -> str:
        """The patient's words for one stored value of a choice, or a point of a scale;
        `gettext` translates them (the site passes the patient's language)."""
        if self.ends and value == self.low:
            return f"{value}: {gettext(self.ends[0])}"
        if self.ends and value == self.high:
            return f"{value}: {gettext(self.ends[1])}"
        label = dict(self.choices).get(value)
        return gettext(label) if label else str(value)

    def display(self, value, gettext=as_written, write_date=us_date) -> str:
        """A stored answer as the patient chose it, in their words (translated by `gettext`,
        a date written by `write_date`)."""
        if value is None or value == "":
            return gettext(I_DONT_KNOW) if self.optional else gettext(NOT_GIVEN)
        if isinstance(value, bool):
            return gettext(YES) if value else gettext(NO)
        if isinstance(value, date):
            return write_date(value)
        if self.kind == "multi":
            if not value:
                return gettext(NONE_OF_THESE[1])
            return ", ".join(self.label(item, gettext) for item in value)
        return self.label(value, gettext)


# What a scan showed is asked only after the patient checks a scan they had.
has_scan = When("imaging", "checked")
# When the first treatment began is asked only after a treatment is checked.
tried_treatment = When("treatments_tried", "checked")
# Pregnancy is asked only below PREGNANCY_QUESTION_MAX_AGE (age on `as_of`).
may_be_pregnant = When("date_of_birth", "younger_than", "pregnancy_question_max_age")


def yes_no_unsure(key: str, text: str, step: str, **options) -> Question:
    """A medical yes/no question that offers "I'm not sure" too."""
    return Question(key, "choice", text, step, v.TRI_STATE, **options)


QUESTIONS = (
    # The red flags first: their advice cannot wait for the rest of the questions.
    Question(
        "neuro_symptoms",
        "choice",
        gettext_noop("Do you have numbness, tingling or weakness in your legs?"),
        "leg-symptoms",
        v.NEURO_SYMPTOMS,
        error=gettext_noop("Select whether you have numbness, tingling or weakness in your legs"),
    ),
    Question(
        "bladder_bowel_changes",
        "bool",
        gettext_noop(
            "Do you have new trouble controlling your bladder or bowels, "
            "or numbness between your legs or in your buttocks?"
        ),
        "bladder-bowel",
        error=gettext_noop(
            "Select yes if you have new trouble controlling your bladder or bowels, "
            "or numbness between your legs"
        ),
    ),
    Question(
        "fever",
        "bool",
        gettext_noop(
            "Do you have a fever of 100.4 °F (38 °C) or higher, or chills, with this back pain?"
        ),
        "fever",
        error=gettext_noop("Select yes if you have a fever or chills with this back pain"),
    ),
    Question(
        "pain_onset_date",
        "date",
        gettext_noop("When did this back pain start?"),
        "pain-start",
        hint=gettext_noop(
            "For example, March 27 2026. If you are not sure of the day, give your best guess."
        ),
        name=gettext_noop("Date your back pain started"),
        optional=True,
    ),
    Question(
        "onset_event",
        "choice",
        gettext_noop("What were you doing when the pain started?"),
        "pain-cause",
        v.ONSET_EVENTS,
        error=gettext_noop("Select what you were doing when the pain started"),
    ),
    Question(
        "pain_score",
        "integer",
        gettext_noop("How bad was your worst back pain when moving, over the past week?"),
        "pain-score",
        low=0,
        high=10,
        ends=(gettext_noop("no pain"), gettext_noop("the worst pain you can imagine")),
        error=gettext_noop("Select how bad your worst back pain was when moving"),
    ),
    Question(
        "pain_trend",
        "choice",
        gettext_noop("Since the pain started, is it getting better or worse?"),
        "pain-trend",
        v.PAIN_TRENDS,
        error=gettext_noop("Select whether the pain is getting better or worse"),
    ),
    Question(
        "hospitalised_or_unable_to_walk",
        "bool",
        gettext_noop("Are you in the hospital, or unable to walk, because of this pain?"),
        "walking",
        error=gettext_noop(
            "Select yes if you are in the hospital, or unable to walk, because of this pain"
        ),
    ),
    Question(
        "imaging",
        "multi",
        gettext_noop("Which scans of your back have you had for this pain?"),
        "scans",
        v.IMAGING_TYPES,
        hint=gettext_noop("An MRI uses a magnet. A CT scan is a detailed X-ray."),
        error=gettext_noop("Select the scans of your back you have had for this pain"),
    ),
    Question(
        "imaging_result",
        "choice",
        gettext_noop("What did the scan show?"),
        "scan-result",
        v.IMAGING_RESULTS,
        error=gettext_noop("Select what the scan showed"),
        asked=has_scan,
        skipped="not_done",
    ),
    Question(
        "treatments_tried",
        "multi",
        gettext_noop("Which treatments have you tried for this pain?"),
        "treatments",
        v.TREATMENTS,
        error=gettext_noop("Select the treatments you have tried for this pain"),
    ),
    Question(
        "treatment_weeks",
        "integer",
        gettext_noop("How many weeks ago did you start the first of these treatments?"),
        "treatment-length",
        hint=gettext_noop(
            "Count from the first one you started, not the weeks of each added up. "
            "A month is about 4 weeks. If you started this week, enter 0. "
            "If you are not sure, give your best guess."
        ),
        low=0,
        high=520,
        asked=tried_treatment,
        error=gettext_noop("Enter how many weeks ago you started the first of these treatments"),
        skipped=0,
    ),
    Question(
        "osteoporosis",
        "choice",
        gettext_noop("Have you been told you have osteoporosis (thin or weak bones)?"),
        "osteoporosis",
        v.OSTEOPOROSIS,
        error=gettext_noop("Select whether you have been told you have osteoporosis"),
    ),
    yes_no_unsure(
        "cancer_history",
        gettext_noop(
            "Have you ever had cancer, including myeloma (a blood cancer that affects bones)?"
        ),
        "cancer",
        error=gettext_noop("Select whether you have ever had cancer, including myeloma"),
    ),
    yes_no_unsure(
        "long_term_steroids",
        gettext_noop("Have you taken steroid pills (such as prednisone) for 3 months or more?"),
        "steroids",
        error=gettext_noop("Select whether you have taken steroid pills for 3 months or more"),
    ),
    Question(
        "other_spine_diagnoses",
        "multi",
        gettext_noop("Has a doctor told you your back pain comes from any of these?"),
        "other-diagnoses",
        v.SPINE_DIAGNOSES,
        error=gettext_noop("Select what a doctor told you your back pain comes from"),
    ),
    yes_no_unsure(
        "active_infection",
        gettext_noop("Are you being treated for an infection right now?"),
        "infection",
        error=gettext_noop("Select whether you are being treated for an infection right now"),
    ),
    yes_no_unsure(
        "blood_thinners",
        gettext_noop(
            "Do you take a blood thinner (such as warfarin, apixaban, rivaroxaban or clopidogrel)?"
        ),
        "blood-thinners",
        error=gettext_noop("Select whether you take a blood thinner"),
        hint=gettext_noop(
            "Keep taking your medicines as usual. Do not stop a blood thinner on your own."
        ),
    ),
    yes_no_unsure(
        "bleeding_disorder",
        gettext_noop(
            "Has a doctor told you that you bleed or bruise too easily, or have a clotting problem?"
        ),
        "bleeding",
        error=gettext_noop("Select whether a doctor told you that you bleed or bruise too easily"),
    ),
    yes_no_unsure(
        "cement_or_contrast_allergy",
        gettext_noop("Are you allergic to bone cement, or to the dye used for some scans?"),
        "allergy",
        error=gettext_noop("Select whether you are allergic to bone cement or to scan dye"),
    ),
    # The date of birth comes before pregnancy, which is asked only below an age.
    Question(
        "date_of_birth",
        "date",
        gettext_noop("What is your date of birth?"),
        "date-of-birth",
        hint=gettext_noop("For example, June 14 1948."),
        name=gettext_noop("Date of birth"),
        error=gettext_noop("Enter your date of birth"),
    ),
    Question(
        "pregnant",
        "choice",
        gettext_noop("Are you pregnant, or could you be?"),
        "pregnancy",
        v.PREGNANCY,
        error=gettext_noop("Select whether you are pregnant, or could be"),
        asked=may_be_pregnant,
        skipped="not_asked",
    ),
)

QUESTIONS_BY_KEY = {question.key: question for question in QUESTIONS}
# Every answer key of docs/screening-contract.md section 1, in the questionnaire's order.
ANSWER_KEYS = tuple(QUESTIONS_BY_KEY)


def questions_on(step: str, questions=QUESTIONS) -> tuple[Question, ...]:
    """The questions of one questionnaire page, in registry order."""
    return tuple(question for question in questions if question.step == step)


def asked_values(values: Mapping, as_of: date, thresholds, questions=QUESTIONS) -> dict:
    """The stored answers that were asked, in registry order.

    A question is left out only when it holds the value stored for a skipped page and
    its `asked` says it was skipped, so an answer that happens to equal that value (0
    weeks: treatment began this week) still shows.
    """
    return {
        q.key: values[q.key]
        for q in questions
        if q.key in values
        and not (values[q.key] == q.skipped and not q.asked(values, as_of, thresholds))
    }
