"""The screening vocabulary: every allowed answer value, with the words people see.

SCREENING.md section 1 fixes the stored values; this module decides how they read on
screen. Each set is a tuple of (value, label) pairs, usable directly as Django `choices`,
so the questionnaire, the rules engine, the exports and the clinician views share one
spelling. Answer labels are written for patients; EFFECTS and OUTCOMES are for clinicians.
"""

ONSET_EVENTS = (
    ("minor_fall", "A small fall, such as from standing height"),
    ("lifting_bending", "Lifting or bending"),
    ("major_trauma", "A serious accident, such as a car crash or a fall from a height"),
    ("no_clear_cause", "Nothing I can think of"),
    ("unsure", "I'm not sure"),
)

PAIN_TRENDS = (
    ("worse", "Getting worse"),
    ("same", "About the same"),
    ("a_little_better", "A little better"),
    ("much_better", "Much better"),
    ("unsure", "I'm not sure"),
)

IMAGING_TYPES = (
    ("xray", "X-ray"),
    ("mri", "MRI scan"),
    ("ct", "CT scan"),
    ("bone_scan", "Bone scan"),
)

IMAGING_RESULTS = (
    ("fracture", "A broken bone (fracture) in my spine"),
    ("no_fracture", "No broken bone"),
    ("unsure", "I'm not sure what it showed"),
    ("not_done", "I have not had a scan"),
)

TREATMENTS = (
    ("rest", "Rest"),
    ("brace", "A back brace"),
    ("pain_medication", "Pain medicine"),
    ("physical_therapy", "Physical therapy (exercises with a therapist)"),
)

OSTEOPOROSIS = (
    ("yes", "Yes"),
    ("no", "No"),
    ("unsure", "I'm not sure"),
)

SPINE_DIAGNOSES = (
    ("spinal_stenosis", "Spinal stenosis (narrowing around the nerves in the spine)"),
    ("herniated_disc", "A slipped or herniated disc"),
    ("arthritis", "Arthritis in the spine"),
)

NEURO_SYMPTOMS = (
    ("none", "No"),
    ("new_or_worsening", "Yes, and it is new or getting worse"),
    ("longstanding_stable", "Yes, but I have had it a long time and it is not changing"),
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

QUESTIONS = {
    "pain_onset_date": "When did this back pain start (or when was the fracture found)?",
    "onset_event": "What were you doing when the pain started?",
    "pain_score": (
        "Your worst back pain when moving, over the past week (0 none, 10 worst imaginable)"
    ),
    "pain_trend": "Since the pain started, is it getting better or worse?",
    "hospitalised_or_unable_to_walk": (
        "Are you in hospital, or unable to walk, because of this pain?"
    ),
    "imaging": "Which scans of your back have you had for this pain?",
    "imaging_result": "What did the scan show?",
    "treatments_tried": "Which treatments have you tried for this pain?",
    "treatment_weeks": "For how many weeks in total?",
    "osteoporosis": "Have you been told you have osteoporosis (thin or weak bones)?",
    "cancer_history": "Have you ever had cancer, including myeloma?",
    "long_term_steroids": (
        "Have you taken steroid tablets (such as prednisone) for 3 months or more?"
    ),
    "other_spine_diagnoses": "Has a doctor told you your back pain comes from any of these?",
    "neuro_symptoms": "Numbness, tingling or weakness in your legs?",
    "bladder_bowel_changes": (
        "New trouble controlling your bladder or bowels, or numbness between your legs?"
    ),
    "fever": "Fever or chills with this back pain?",
    "active_infection": "Are you being treated for an infection right now?",
    "blood_thinners": (
        "Do you take blood thinners (e.g. warfarin, apixaban, clopidogrel, daily aspirin)?"
    ),
    "bleeding_disorder": "Do you have a bleeding or clotting disorder?",
    "cement_or_contrast_allergy": "Allergy to bone cement, or to contrast dye used for scans?",
    "pregnant": "Are you pregnant, or could you be?",
    "date_of_birth": "Date of birth",
}

# Every answer key of SCREENING.md section 1, in table order.
ANSWER_KEYS = tuple(QUESTIONS)


def values_of(choices):
    """Return the stored values of a (value, label) choices tuple, in order."""
    return tuple(value for value, _label in choices)
