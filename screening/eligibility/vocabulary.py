"""The screening vocabulary: every allowed answer value, with the words people see.

docs/screening-contract.md section 1 fixes the stored values; this module decides how
they read on screen. It lives in the engine package because the answer registry and the
rules read it, and the engine imports nothing outside itself. Each set is a tuple of
(value, label) pairs, usable directly as Django `choices`, so the questionnaire, the
rules engine, the exports and the clinician views share one spelling. Which question
takes which set is declared in the answer registry (`questions.py`). Answer labels are
written for patients and marked for translation (`gettext_noop`); EFFECTS and OUTCOMES are
for clinicians, in English.
"""

from .words import gettext_noop

ONSET_EVENTS = (
    ("minor_fall", gettext_noop("A small fall, such as from standing height")),
    ("lifting_bending", gettext_noop("Lifting or bending")),
    (
        "major_trauma",
        gettext_noop("A serious accident, such as a car crash or a fall from a height"),
    ),
    ("gradual", gettext_noop("It came on slowly, over time")),
    ("no_clear_cause", gettext_noop("Nothing I can think of")),
    ("unsure", gettext_noop("I'm not sure")),
)

PAIN_TRENDS = (
    ("worse", gettext_noop("Getting worse")),
    ("same", gettext_noop("About the same")),
    ("a_little_better", gettext_noop("A little better")),
    ("much_better", gettext_noop("Much better")),
    ("unsure", gettext_noop("I'm not sure")),
)

IMAGING_TYPES = (
    ("xray", gettext_noop("X-ray")),
    ("mri", gettext_noop("MRI scan")),
    ("ct", gettext_noop("CT scan")),
    ("bone_scan", gettext_noop("Bone scan")),
    ("unknown_type", gettext_noop("A scan, but I'm not sure which kind")),
)

IMAGING_RESULTS = (
    ("fracture", gettext_noop("A broken bone (fracture) in my spine")),
    ("no_fracture", gettext_noop("No broken bone")),
    ("unsure", gettext_noop("I'm not sure what it showed")),
    ("waiting", gettext_noop("I'm waiting for the result")),
    ("not_done", gettext_noop("I have not had a scan")),
)

TREATMENTS = (
    ("rest", gettext_noop("Rest")),
    ("brace", gettext_noop("A back brace")),
    ("pain_medication", gettext_noop("Pain medicine")),
    ("physical_therapy", gettext_noop("Physical therapy (exercises with a therapist)")),
)

# The medical yes/no questions: "I'm not sure" is an answer, and it needs review where
# "yes" would (a flag never treats "unsure" as "no").
TRI_STATE = (
    ("yes", gettext_noop("Yes")),
    ("no", gettext_noop("No")),
    ("unsure", gettext_noop("I'm not sure")),
)
OSTEOPOROSIS = TRI_STATE

# Pregnancy: a tri-state, or `not_asked` when the patient's age means it is not asked.
PREGNANCY = (
    *TRI_STATE,
    ("not_asked", gettext_noop("Not asked (because of age)")),
)

SPINE_DIAGNOSES = (
    ("spinal_stenosis", gettext_noop("Spinal stenosis (narrowing around the nerves in the spine)")),
    ("herniated_disc", gettext_noop("A slipped or herniated disc")),
    ("arthritis", gettext_noop("Arthritis in the spine")),
)

NEURO_SYMPTOMS = (
    ("none", gettext_noop("No")),
    ("new_or_worsening", gettext_noop("Yes, and it is new or getting worse")),
    (
        "longstanding_stable",
        gettext_noop("Yes, but I have had it a long time and it is not changing"),
    ),
)

EFFECTS = (
    ("supports", "Supports"),
    ("review", "Review"),
    ("excludes", "Excludes"),
    ("urgent", "Urgent"),
)

OUTCOMES = (
    ("urgent", "Urgent"),
    ("likely_candidate", "Likely candidate"),
    ("needs_review", "Needs review"),
    ("unlikely_candidate", "Unlikely candidate"),
)

# The review queue's order, stored on every submission as `priority` (0 comes first).
# Stored numbers must keep their meaning, so renumber only with a data migration.
PRIORITY = {"urgent": 0, "likely_candidate": 1, "needs_review": 2, "unlikely_candidate": 3}


def values_of(choices):
    """Return the stored values of a (value, label) choices tuple, in order."""
    return tuple(value for value, _label in choices)
